"""Writes to the Wgr procedures: record a procedure, put the raad's zienswijze on the council agenda
(through besluitvorming's services), close it, and remind the griffie before a window closes."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from raadhuis.accounts.models import Rol
from raadhuis.accounts.selectors import medewerkers_met_rol
from raadhuis.besluitvorming import services as besluitvorming
from raadhuis.core import pdf
from raadhuis.core.rechten import vereis
from raadhuis.core.termijnen import datum_nl
from raadhuis.samenwerking.models import Samenwerkingsverband, Wgrprocedure
from raadhuis.samenwerking.rechten import PROCEDURES_BEHEREN
from raadhuis.samenwerking.selectors.procedures import zienswijzetermijn

logger = logging.getLogger(__name__)

# How many days before a zienswijze window closes the griffie is reminded.
HERINNERING_DAGEN = 14


def _standaardtitel(soort: str, jaar: int, verband: Samenwerkingsverband) -> str:
    sjablonen: dict[str, str] = {
        Wgrprocedure.Soort.ONTWERPBEGROTING: _("Ontwerpbegroting %(jaar)s %(verband)s"),
        Wgrprocedure.Soort.BEGROTINGSWIJZIGING: _("Begrotingswijziging %(jaar)s %(verband)s"),
        Wgrprocedure.Soort.KADERBRIEF: _("Kaderbrief %(jaar)s %(verband)s"),
        Wgrprocedure.Soort.JAARREKENING: _("Jaarrekening %(jaar)s %(verband)s"),
        Wgrprocedure.Soort.REGELINGWIJZIGING: _("Wijziging van de regeling %(verband)s (%(jaar)s)"),
    }
    return sjablonen.get(str(soort), "%(verband)s %(jaar)s") % {"jaar": jaar, "verband": verband.naam}


@transaction.atomic
def procedure_vastleggen(
    *,
    door: AbstractBaseUser,
    verband: Samenwerkingsverband,
    soort: str,
    jaar: int,
    titel: str = "",
    ontvangen_op: dt.date | None = None,
    ab_vergadering: dt.date | None = None,
    concept_zienswijze: str = "",
    procedure: Wgrprocedure | None = None,
) -> Wgrprocedure:
    """Records a Wgr step (a draft budget received, an amendment of the regeling …). Procedures
    exist for gemeenschappelijke regelingen only: the Wgr does not apply to a company or foundation."""
    vereis(door, PROCEDURES_BEHEREN, procedure)
    if not verband.is_gemeenschappelijke_regeling:
        raise ValidationError(
            {
                "verband": _(
                    "%(verband)s is geen gemeenschappelijke regeling; de Wgr-procedures gelden niet."
                )
                % {"verband": verband}
            }
        )
    if ontvangen_op and ab_vergadering and ab_vergadering < ontvangen_op:
        raise ValidationError(
            {"ab_vergadering": _("De vergadering van het algemeen bestuur ligt vóór de ontvangst.")}
        )
    procedure = procedure or Wgrprocedure(verband=verband)
    procedure.soort, procedure.jaar = soort, jaar
    procedure.titel = titel or _standaardtitel(soort, jaar, verband)
    procedure.ontvangen_op, procedure.ab_vergadering = ontvangen_op, ab_vergadering
    procedure.concept_zienswijze = concept_zienswijze
    procedure.full_clean()
    procedure.save()
    return procedure


@transaction.atomic
def concept_zienswijze_bijwerken(
    *, door: AbstractBaseUser, procedure: Wgrprocedure, tekst: str
) -> Wgrprocedure:
    vereis(door, PROCEDURES_BEHEREN, procedure)
    procedure.concept_zienswijze = tekst
    procedure.full_clean()
    procedure.save(update_fields=["concept_zienswijze"])
    return procedure


def _concept_als_pdf(procedure: Wgrprocedure) -> SimpleUploadedFile:
    titel = _("Concept-zienswijze: %(titel)s") % {"titel": procedure.titel}
    html = render_to_string(
        "samenwerking/pdf/zienswijze.html",
        {"procedure": procedure, "titel": titel, "termijn": zienswijzetermijn(procedure)},
    )
    inhoud = pdf.html_naar_pdf(html, titel=titel)
    naam = f"concept-zienswijze-{slugify(procedure.verband.naam)[:40]}-{procedure.jaar}.pdf"
    return SimpleUploadedFile(naam, inhoud, content_type="application/pdf")


@transaction.atomic
def zienswijze_agenderen(
    *,
    door: AbstractBaseUser,
    procedure: Wgrprocedure,
    vergadering: Any,
    concept_zienswijze: str | None = None,
) -> Any:
    """Puts the raad's zienswijze (Wgr art. 35 lid 3 or art. 1 lid 3) on a planned raad meeting as an
    item with the draft zienswijze as a paper, and keeps the link. A zienswijze is a raadsbesluit, so
    it goes through the council module; its services check that the user may change the agenda."""
    vereis(door, PROCEDURES_BEHEREN, procedure)
    procedure = Wgrprocedure.objects.select_for_update().select_related("verband").get(pk=procedure.pk)
    if procedure.agendapunt_id is not None:
        raise ValidationError({"vergadering": _("Deze zienswijze staat al op de raadsagenda.")})
    if getattr(getattr(vergadering, "orgaan", None), "soort", None) != "raad":
        raise ValidationError({"vergadering": _("Kies een vergadering van de gemeenteraad.")})
    if concept_zienswijze is not None:
        procedure.concept_zienswijze = concept_zienswijze
    if not procedure.concept_zienswijze.strip():
        raise ValidationError({"concept_zienswijze": _("Schrijf eerst de concept-zienswijze.")})
    termijn = zienswijzetermijn(procedure)
    omschrijving = procedure.concept_zienswijze
    if termijn is not None:
        omschrijving = (
            _("Zienswijze uiterlijk %(datum)s (%(artikel)s).")
            % {
                "datum": datum_nl(termijn.datum),
                "artikel": termijn.artikel,
            }
            + "\n\n"
            + omschrijving
        )
    onderwerp = (
        "begroting"
        if procedure.soort in (Wgrprocedure.Soort.ONTWERPBEGROTING, Wgrprocedure.Soort.BEGROTINGSWIJZIGING)
        else "overig"
    )
    punt = besluitvorming.agendapunt_toevoegen(
        vergadering=vergadering,
        titel=_("Zienswijze: %(titel)s") % {"titel": procedure.titel},
        omschrijving=omschrijving,
        onderwerp=onderwerp,
        door=door,
    )
    besluitvorming.stuk_toevoegen(
        agendapunt=punt,
        soort="voorstel",
        titel=_("Concept-zienswijze: %(titel)s") % {"titel": procedure.titel},
        datum=timezone.localdate(),
        bestand=_concept_als_pdf(procedure),
        door=door,
    )
    procedure.agendapunt = punt
    procedure.status = Wgrprocedure.Status.GEAGENDEERD
    procedure.full_clean()
    procedure.save()
    return punt


@transaction.atomic
def procedure_afronden(*, door: AbstractBaseUser, procedure: Wgrprocedure) -> Wgrprocedure:
    vereis(door, PROCEDURES_BEHEREN, procedure)
    procedure.status = Wgrprocedure.Status.AFGEROND
    procedure.save(update_fields=["status"])
    return procedure


def herinneringen_versturen(*, vandaag: dt.date, dagen: int = HERINNERING_DAGEN) -> int:
    """E-mails the griffie about each open zienswijze window that closes within `dagen` days and is
    not on the agenda yet. Idempotent: a procedure is reminded once (the mark is set in the same
    transaction as the check, under a row lock), so a second run or a requeued task sends nothing."""
    ontvangers = [m.email for m in medewerkers_met_rol(Rol.GRIFFIE) if m.email]
    verstuurd = 0
    kandidaten = Wgrprocedure.objects.filter(
        status=Wgrprocedure.Status.OPEN, herinnering_verstuurd_op__isnull=True, agendapunt__isnull=True
    ).values_list("pk", flat=True)
    for pk in list(kandidaten):
        with transaction.atomic():
            procedure = Wgrprocedure.objects.select_for_update().select_related("verband").get(pk=pk)
            if procedure.herinnering_verstuurd_op is not None:
                continue
            termijn = zienswijzetermijn(procedure)
            if termijn is None or not (vandaag <= termijn.datum <= vandaag + dt.timedelta(days=dagen)):
                continue
            if ontvangers:
                send_mail(
                    subject=_("Herinnering: zienswijze %(titel)s uiterlijk %(datum)s")
                    % {"titel": procedure.titel, "datum": datum_nl(termijn.datum)},
                    message=_(
                        "De termijn voor de zienswijze van de raad op %(titel)s sluit op %(datum)s "
                        "(%(artikel)s). De zienswijze staat nog niet op de raadsagenda.\n\n"
                        "Zet hem op de agenda via het termijnenoverzicht in de Werkplek (Samenwerking)."
                    )
                    % {
                        "titel": procedure.titel,
                        "datum": datum_nl(termijn.datum),
                        "artikel": termijn.artikel,
                    },
                    from_email=None,
                    recipient_list=ontvangers,
                )
            procedure.herinnering_verstuurd_op = timezone.now()
            procedure.save(update_fields=["herinnering_verstuurd_op"])
            verstuurd += 1
    logger.info("Sent %d Wgr zienswijze reminder(s).", verstuurd)
    return verstuurd
