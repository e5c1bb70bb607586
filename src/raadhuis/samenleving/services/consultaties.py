"""Writes about consultations (inspraak): putting a draft out, its documents, reactions with their
automatic check and moderation, the nota van beantwoording and its publication.

Gemeentewet art. 150: the inspraakverordening says who is heard on intended policy and how (verify
locally: the Inspraakverordening of the municipality, including the period, usually six weeks).
Reactions are personal data (AVG art. 4): each processing is in the logboek, names are public only
by the reactor's choice, and e-mail addresses are wiped once the nota is published (AVG art. 5 lid 1
sub c and e)."""

from __future__ import annotations

import datetime as dt
import logging
from itertools import groupby
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django_tasks import task

from raadhuis.core import logboek, pdf, uploads, zoeken
from raadhuis.core.logboek.activiteiten import CONSULTATIE_REACTIES
from raadhuis.core.rechten import vereis
from raadhuis.core.taken import na_commit
from raadhuis.publicatie import services as publicatie
from raadhuis.publicatie import waardelijsten
from raadhuis.samenleving.models import Consultatie, Consultatiedocument, Reactie
from raadhuis.samenleving.moderatie import bezwaar
from raadhuis.samenleving.rechten import CONSULTATIES_BEHEREN, REACTIES_MODEREREN
from raadhuis.samenleving.selectors import consultaties as selectors
from raadhuis.samenleving.services.abonnementen import Onderwerp, melden

logger = logging.getLogger(__name__)

ZOEKSOORT = selectors.ZOEKSOORT
BRON = "samenleving-consultaties"
DOCUMENT_MAX_BYTES = 50_000_000
DOCUMENT_SOORTEN = (uploads.PDF, *uploads.KANTOORDOCUMENTEN)
WEBSITE = logboek.Systeemproces("website: reacties op consultaties")
MAX_REACTIE = 10_000


def _url(naam: str, *args: object) -> str:
    return reverse(f"samenleving:{naam}", args=args)


def _indexeren(consultatie: Consultatie) -> None:
    """Every consultation is public from the moment it is announced; reactions are not indexed (the
    names in them are personal data), the nota's answers are once published."""
    delen = [consultatie.samenvatting, consultatie.nota_inleiding, consultatie.besluit_omschrijving]
    if consultatie.nota_gepubliceerd_op is not None:
        delen += [r.antwoord for r in consultatie.reacties.exclude(moderatie=Reactie.Moderatie.VERBORGEN)]
    zoeken.document_bijwerken(
        soort=ZOEKSOORT,
        sleutel=str(consultatie.pk),
        titel=consultatie.titel,
        tekst="\n".join(deel for deel in delen if deel),
        url=_url("consultatie", consultatie.pk),
        openbaar=True,
        datum=consultatie.begindatum,
        kenmerken={"soort": [_("Consultatie")]},
    )


def _datums_controleren(begindatum: dt.date, einddatum: dt.date) -> None:
    if einddatum < begindatum:
        raise ValidationError({"einddatum": _("De einddatum ligt vóór de begindatum.")})


def _geopend_melden_na_commit(consultatie: Consultatie) -> None:
    if consultatie.status == Consultatie.Status.OPEN:
        na_commit(consultatie_geopend_melden_taak, consultatie.pk)


@transaction.atomic
def consultatie_aanmaken(
    *,
    titel: str,
    samenvatting: str,
    initiatiefnemer: str,
    begindatum: dt.date,
    einddatum: dt.date,
    contact: str,
    door: AbstractBaseUser,
) -> Consultatie:
    """Announces a consultation: public (and findable) at once, open for reactions from its
    begindatum up to and including its einddatum."""
    vereis(door, CONSULTATIES_BEHEREN)
    _datums_controleren(begindatum, einddatum)
    consultatie = Consultatie(
        titel=titel.strip(),
        samenvatting=samenvatting.strip(),
        initiatiefnemer=initiatiefnemer,
        begindatum=begindatum,
        einddatum=einddatum,
        contact=contact.strip(),
    )
    consultatie.full_clean()
    consultatie.save()
    _indexeren(consultatie)
    _geopend_melden_na_commit(consultatie)
    return consultatie


@transaction.atomic
def consultatie_wijzigen(
    *,
    consultatie: Consultatie,
    titel: str,
    samenvatting: str,
    initiatiefnemer: str,
    begindatum: dt.date,
    einddatum: dt.date,
    contact: str,
    door: AbstractBaseUser,
) -> Consultatie:
    """Changes a consultation that is not finished; an open one keeps its begindatum (people may have
    reacted already) and may be extended but not shortened to before today."""
    vereis(door, CONSULTATIES_BEHEREN)
    consultatie = Consultatie.objects.select_for_update().get(pk=consultatie.pk)
    vandaag = timezone.localdate()
    status = consultatie.status_op(vandaag)
    if status == Consultatie.Status.AFGEROND:
        raise ValidationError(_("Een afgeronde consultatie kan niet meer worden gewijzigd."))
    _datums_controleren(begindatum, einddatum)
    if status != Consultatie.Status.GEPLAND and begindatum != consultatie.begindatum:
        raise ValidationError({"begindatum": _("De begindatum van een gestarte consultatie ligt vast.")})
    if status == Consultatie.Status.OPEN and einddatum < vandaag:
        raise ValidationError({"einddatum": _("Een open consultatie kan niet in het verleden eindigen.")})
    consultatie.titel, consultatie.samenvatting = titel.strip(), samenvatting.strip()
    consultatie.initiatiefnemer, consultatie.contact = initiatiefnemer, contact.strip()
    consultatie.begindatum, consultatie.einddatum = begindatum, einddatum
    consultatie.full_clean()
    consultatie.save()
    _indexeren(consultatie)
    _geopend_melden_na_commit(consultatie)
    return consultatie


@transaction.atomic
def document_toevoegen(
    *, consultatie: Consultatie, titel: str, bestand: UploadedFile[bytes], door: AbstractBaseUser
) -> Consultatiedocument:
    """Adds a draft or annex; its type and size are checked before anything is stored."""
    vereis(door, CONSULTATIES_BEHEREN)
    if consultatie.nota_gepubliceerd_op is not None:
        raise ValidationError(_("Een afgeronde consultatie krijgt geen documenten meer."))
    try:
        soort = uploads.valideer_upload(bestand, toegestaan=DOCUMENT_SOORTEN, max_bytes=DOCUMENT_MAX_BYTES)
    except ValidationError as fout:
        raise ValidationError({"bestand": fout.messages}) from fout
    if not titel.strip():
        raise ValidationError({"titel": _("Geef het document een titel.")})
    document = Consultatiedocument(
        consultatie=consultatie,
        titel=titel.strip(),
        bestandsnaam=PurePosixPath(bestand.name or "document").name[:255],
        mediatype=soort.mediatype,
    )
    document.full_clean(exclude=["bestand"])
    document.bestand.save(document.bestandsnaam or "document", bestand, save=False)
    try:
        document.save()
    except Exception:
        document.bestand.delete(save=False)
        raise
    return document


def _reactie_fouten(
    *, consultatie: Consultatie, naam: str, emailadres: str, tekst: str, openbaar: bool, naam_tonen: bool
) -> dict[str, list[str]]:
    fouten: dict[str, list[str]] = {}
    status = consultatie.status_op(timezone.localdate())
    if status == Consultatie.Status.GEPLAND:
        fouten["__all__"] = [
            _("Deze consultatie is nog niet geopend; reageren kan vanaf %(datum)s.")
            % {"datum": f"{consultatie.begindatum:%d-%m-%Y}"}
        ]
    elif status != Consultatie.Status.OPEN:
        # The period of the inspraakverordening is over (verify locally): a late reaction is refused.
        fouten["__all__"] = [
            _("Deze consultatie is gesloten sinds %(datum)s; reageren kan niet meer.")
            % {"datum": f"{consultatie.einddatum + dt.timedelta(days=1):%d-%m-%Y}"}
        ]
    if not naam.strip():
        fouten["naam"] = [_("Vul uw naam in.")]
    try:
        validate_email(emailadres)
    except ValidationError:
        fouten["emailadres"] = [_("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")]
    if not tekst.strip():
        fouten["tekst"] = [_("Schrijf uw reactie.")]
    elif len(tekst) > MAX_REACTIE:
        fouten["tekst"] = [_("Uw reactie is te lang: maximaal %(max)s tekens.") % {"max": MAX_REACTIE}]
    else:
        melding = bezwaar(f"{naam} {tekst}")
        if melding:
            fouten["tekst"] = [melding]
    if naam_tonen and not openbaar:
        fouten["naam_tonen"] = [_("Uw naam kan alleen bij een openbare reactie worden getoond.")]
    return fouten


@transaction.atomic
def reactie_indienen(
    *,
    consultatie: Consultatie,
    naam: str,
    emailadres: str,
    tekst: str,
    openbaar: bool,
    naam_tonen: bool,
    organisatie: str = "",
) -> Reactie:
    """Receives a reaction while the consultation is open, after the automatic check for abusive
    content; a public reaction shows only after moderation. Sends a confirmation of receipt."""
    consultatie = Consultatie.objects.select_for_update().get(pk=consultatie.pk)
    emailadres = emailadres.strip().lower()
    fouten = _reactie_fouten(
        consultatie=consultatie,
        naam=naam,
        emailadres=emailadres,
        tekst=tekst,
        openbaar=openbaar,
        naam_tonen=naam_tonen,
    )
    if fouten:
        raise ValidationError(fouten)
    reactie = Reactie(
        consultatie=consultatie,
        naam=naam.strip(),
        emailadres=emailadres,
        organisatie=organisatie.strip(),
        tekst=tekst.strip(),
        openbaar=openbaar,
        naam_tonen=naam_tonen,
    )
    reactie.full_clean()
    reactie.save()
    logboek.vastleggen(
        naam="reactie op consultatie ontvangen",
        activiteit=CONSULTATIE_REACTIES,
        betrokkene=("e-mailadres", emailadres),
        door=WEBSITE,
    )
    bericht = render_to_string(
        "samenleving/consultaties/mail/ontvangen.txt",
        {
            "reactie": reactie,
            "consultatie": consultatie,
            "link": f"{settings.RAADHUIS_BASIS_URL}{_url('consultatie', consultatie.pk)}",
        },
    )
    onderwerp = _("Uw reactie op %(titel)s is ontvangen") % {"titel": consultatie.titel}
    transaction.on_commit(lambda: send_mail(onderwerp, bericht, None, [emailadres]))
    return reactie


@transaction.atomic
def reactie_beoordelen(
    *, reactie: Reactie, goedkeuren: bool, reden: str = "", door: AbstractBaseUser
) -> Reactie:
    """The moderation of a reaction: approved reactions that the reactor made public show on the
    public page; a hidden one never does, and its reason is kept (for a complaint or objection)."""
    vereis(door, REACTIES_MODEREREN)
    reactie = Reactie.objects.select_for_update().get(pk=reactie.pk)
    if not goedkeuren and not reden.strip():
        raise ValidationError({"reden": _("Geef aan waarom de reactie wordt verborgen.")})
    reactie.moderatie = Reactie.Moderatie.GOEDGEKEURD if goedkeuren else Reactie.Moderatie.VERBORGEN
    reactie.moderatie_reden = "" if goedkeuren else reden.strip()
    reactie.beoordeeld_op = timezone.now()
    reactie.beoordeeld_door_id = door.pk
    reactie.full_clean()
    reactie.save()
    logboek.vastleggen(
        naam="reactie op consultatie beoordeeld",
        activiteit=CONSULTATIE_REACTIES,
        betrokkene=("e-mailadres", reactie.emailadres) if reactie.emailadres else None,
        door=door,
    )
    if reactie.consultatie.nota_gepubliceerd_op is not None:
        _indexeren(reactie.consultatie)
    return reactie


@transaction.atomic
def reactie_beantwoorden(
    *, reactie: Reactie, thema: str, antwoord: str, ontwerp_gewijzigd: bool, door: AbstractBaseUser
) -> Reactie:
    """The answer to one reaction in the nota van beantwoording, and whether the draft was changed."""
    vereis(door, CONSULTATIES_BEHEREN)
    reactie = Reactie.objects.select_for_update().select_related("consultatie").get(pk=reactie.pk)
    if reactie.consultatie.nota_gepubliceerd_op is not None:
        raise ValidationError(_("De nota van beantwoording is al gepubliceerd."))
    if not antwoord.strip():
        raise ValidationError({"antwoord": _("Schrijf het antwoord op deze reactie.")})
    reactie.thema, reactie.antwoord = thema.strip(), antwoord.strip()
    reactie.ontwerp_gewijzigd = ontwerp_gewijzigd
    reactie.full_clean()
    reactie.save(update_fields=["thema", "antwoord", "ontwerp_gewijzigd"])
    return reactie


@transaction.atomic
def nota_publiceren(
    *,
    consultatie: Consultatie,
    inleiding: str,
    besluit_omschrijving: str,
    besluit_url: str = "",
    besluit_sleutel: str = "",
    door: AbstractBaseUser,
) -> Consultatie:
    """Publishes the nota van beantwoording together with the final decision: only after the
    consultation closed, with every reaction answered (except those hidden by moderation) and
    every public reaction moderated. The reactors' e-mail addresses are wiped (no longer needed,
    AVG art. 5 lid 1 sub e); the nota goes to the publication register as a decision of general
    scope (Woo art. 3.3 lid 1 onder b) and subscribers are told."""
    vereis(door, CONSULTATIES_BEHEREN)
    consultatie = Consultatie.objects.select_for_update().get(pk=consultatie.pk)
    status = consultatie.status_op(timezone.localdate())
    fouten: dict[str, list[str]] = {}
    if status == Consultatie.Status.AFGEROND:
        raise ValidationError(_("De nota van beantwoording is al gepubliceerd."))
    if status != Consultatie.Status.GESLOTEN:
        raise ValidationError(_("De nota van beantwoording kan pas na het sluiten van de consultatie."))
    reacties = consultatie.reacties.all()
    if reacties.exclude(moderatie=Reactie.Moderatie.VERBORGEN).filter(antwoord="").exists():
        fouten["__all__"] = [_("Beantwoord eerst alle reacties.")]
    elif reacties.filter(moderatie=Reactie.Moderatie.TE_BEOORDELEN, openbaar=True).exists():
        fouten["__all__"] = [_("Beoordeel eerst alle openbare reacties.")]
    if not besluit_omschrijving.strip():
        fouten["besluit_omschrijving"] = [_("Beschrijf het definitieve besluit.")]
    if fouten:
        raise ValidationError(fouten)
    consultatie.nota_inleiding = inleiding.strip()
    consultatie.besluit_omschrijving = besluit_omschrijving.strip()
    consultatie.besluit_url = besluit_url.strip()
    consultatie.besluit_sleutel = besluit_sleutel.strip()
    consultatie.nota_gepubliceerd_op = timezone.now()
    consultatie.full_clean()
    consultatie.save()
    gewist = reacties.exclude(emailadres="").update(emailadres="")
    if gewist:
        logboek.vastleggen(
            naam=f"e-mailadressen van {gewist} reacties gewist",
            activiteit=CONSULTATIE_REACTIES,
            betrokkene=None,
            door=door,
        )
    _indexeren(consultatie)
    na_commit(nota_publiceren_taak, consultatie.pk)
    return consultatie


def _nota_pdf(consultatie: Consultatie) -> bytes:
    """The nota van beantwoording as a PDF: per theme each reaction in public form (the name only
    when the reactor chose so, a non-public reaction only summarised by its answer)."""
    reacties = sorted(
        consultatie.reacties.exclude(antwoord=""), key=lambda r: (r.thema.lower(), r.ingediend_op, r.pk)
    )
    delen = []
    for thema, groep in groupby(reacties, key=lambda r: r.thema or _("Overig")):
        regels = format_html_join(
            "",
            "<li><p><strong>{}</strong></p>{}<p>{}: {}</p><p>{}</p></li>",
            (
                (
                    r.afzender_publiek if r.publiek_zichtbaar else _("Reactie (niet openbaar)"),
                    format_html("<p>{}</p>", r.tekst) if r.publiek_zichtbaar else "",
                    _("Antwoord"),
                    r.antwoord,
                    _("Het ontwerp is aangepast.")
                    if r.ontwerp_gewijzigd
                    else _("Het ontwerp is niet aangepast."),
                )
                for r in groep
            ),
        )
        delen.append(format_html("<h2>{}</h2><ol>{}</ol>", thema, regels))
    titel = _("Nota van beantwoording: %(titel)s") % {"titel": consultatie.titel}
    inhoud = format_html(
        "<p>{}</p><h2>{}</h2><p>{}</p>{}",
        consultatie.nota_inleiding,
        _("Het besluit"),
        consultatie.besluit_omschrijving,
        format_html_join("", "{}", ((deel,) for deel in delen)),
    )
    return pdf.html_naar_pdf(format_html("<h1>{}</h1>{}", titel, inhoud), titel=titel)


def nota_naar_register(consultatie_id: int) -> bool:
    """Publishes the nota (and the drafts in PDF) in the register, keyed on the consultation, so a
    second run replaces rather than duplicates. False when there is no published nota."""
    consultatie = Consultatie.objects.filter(pk=consultatie_id, nota_gepubliceerd_op__isnull=False).first()
    if consultatie is None or consultatie.nota_gepubliceerd_op is None:
        return False
    titel = _("Nota van beantwoording: %(titel)s") % {"titel": consultatie.titel}
    bestanden = [
        publicatie.Bronbestand(
            titel=titel,
            bestandsnaam=f"nota-van-beantwoording-{consultatie.pk}.pdf",
            inhoud=_nota_pdf(consultatie),
            documentsoort="",
            creatiedatum=timezone.localdate(consultatie.nota_gepubliceerd_op),
        )
    ]
    for document in consultatie.documenten.filter(mediatype=uploads.PDF.mediatype):
        with document.bestand.open("rb") as bestand:
            bestanden.append(
                publicatie.Bronbestand(
                    titel=document.titel,
                    bestandsnaam=document.bestandsnaam or f"document-{document.pk}.pdf",
                    inhoud=bestand.read(),
                    documentsoort="",
                    creatiedatum=timezone.localdate(document.toegevoegd_op),
                )
            )
    try:
        with transaction.atomic():
            publicatie.publiceren_vanuit_bron(
                bron=BRON,
                bron_sleutel=f"consultatie-{consultatie.pk}",
                publisher=settings.RAADHUIS_ORGANISATIE,
                officiele_titel=titel[:1000],
                # Woo art. 3.3 lid 1 onder b: the decision after a consultation is of general scope.
                informatiecategorieen=[waardelijsten.CATEGORIE_OVERIGE_BESLUITEN],
                handelingen=[
                    publicatie.Handeling(
                        soort=waardelijsten.VASTSTELLING, tijdstip=consultatie.nota_gepubliceerd_op
                    )
                ],
                documenten=bestanden,
                omschrijving=consultatie.samenvatting[:2000],
            )
    except ValidationError as fout:
        logger.warning("%s/consultatie-%s niet gepubliceerd: %s", BRON, consultatie.pk, fout.messages)
        return False
    return True


@task()
def nota_publiceren_taak(consultatie_id: int) -> bool:
    """Enqueued on commit by nota_publiceren: the register and the subscribers follow the nota."""
    with transaction.atomic():
        gepubliceerd = nota_naar_register(consultatie_id)
    consultatie = Consultatie.objects.filter(pk=consultatie_id, nota_gepubliceerd_op__isnull=False).first()
    if consultatie is not None:
        melden(
            onderwerp=Onderwerp.CONSULTATIES,
            sleutel=f"consultatie-{consultatie.pk}-nota",
            titel=_("Nota van beantwoording gepubliceerd: %(titel)s") % {"titel": consultatie.titel},
            url=f"{settings.RAADHUIS_BASIS_URL}{_url('consultatie', consultatie.pk)}",
            tekst=consultatie.besluit_omschrijving,
        )
    return gepubliceerd


def consultatie_geopend_melden(*, consultatie: Consultatie) -> int:
    """Tells subscribers that a consultation is open for reactions; once per consultation."""
    if consultatie.status != Consultatie.Status.OPEN:
        return 0
    return melden(
        onderwerp=Onderwerp.CONSULTATIES,
        sleutel=f"consultatie-{consultatie.pk}-geopend",
        titel=_("Nieuwe consultatie: %(titel)s") % {"titel": consultatie.titel},
        url=f"{settings.RAADHUIS_BASIS_URL}{_url('consultatie', consultatie.pk)}",
        tekst=_("U kunt reageren tot en met %(datum)s.") % {"datum": f"{consultatie.einddatum:%d-%m-%Y}"},
    )


@task()
def consultatie_geopend_melden_taak(consultatie_id: int) -> int:
    consultatie = Consultatie.objects.filter(pk=consultatie_id).first()
    return 0 if consultatie is None else consultatie_geopend_melden(consultatie=consultatie)


def geopende_consultaties_melden() -> int:
    """For a daily run: announces consultations that opened since (a planned one opens on its
    begindatum without anyone touching it). Sends nothing twice."""
    vandaag = timezone.localdate()
    return sum(
        consultatie_geopend_melden(consultatie=c)
        for c in Consultatie.objects.filter(
            begindatum__lte=vandaag, einddatum__gte=vandaag, nota_gepubliceerd_op__isnull=True
        )
    )
