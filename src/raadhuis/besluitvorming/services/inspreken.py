"""Every write of inspreken: asking to speak, the griffie's decision and speaking order, withdrawal by
the requester through the link in the mail, the bodies' speaking rules, and wiping contact details
after the meeting.

The speaking right itself is local law: the Reglement van Orde of the commissies (verify locally).
The contact details are personal data processed to organise the meeting (AVG art. 6 lid 1 sub e),
kept minimal (art. 5 lid 1 sub c) and only until some weeks after the meeting (sub e); the name goes
on the public agenda only with consent (art. 6 lid 1 sub a, withdrawn by withdrawing the request)."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadhuis.besluitvorming.models import Agendapunt, Inspreekregeling, Orgaan, Spreekverzoek, Vergadering
from raadhuis.besluitvorming.rechten import INSPREKEN_BEHANDELEN
from raadhuis.besluitvorming.selectors.inspreken import inspreekmogelijkheid
from raadhuis.core import logboek
from raadhuis.core.identiteit import Identiteit
from raadhuis.core.logboek.activiteiten import INSPREKEN
from raadhuis.core.rechten import vereis

# Contact details are wiped this long after the meeting: long enough for questions about the
# meeting and its minutes, no longer (AVG art. 5 lid 1 sub e).
BEWAREN_NA_VERGADERING = dt.timedelta(weeks=4)
TALEN = ("nl", "en")
WEBSITE = logboek.Systeemproces("website: inspreken")
OPSCHONER = logboek.Systeemproces("taak: spreekverzoeken opschonen")
MAILS = "besluitvorming/inspreken/"
ONTVANGEN = gettext_lazy("Uw aanmelding om in te spreken: %(titel)s")
TOEGELATEN = gettext_lazy("U kunt inspreken: %(titel)s")
AFGEWEZEN = gettext_lazy("Uw aanmelding om in te spreken is afgewezen: %(titel)s")


def sleutel(verzoek: Spreekverzoek) -> str:
    """The secret in the withdrawal link of this request (an HMAC, like the abonnementen links)."""
    return salted_hmac("raadhuis.besluitvorming.spreekverzoek", f"{verzoek.pk}:{verzoek.nonce}").hexdigest()


def sleutel_klopt(verzoek: Spreekverzoek, gegeven: str) -> bool:
    return bool(verzoek.nonce) and constant_time_compare(sleutel(verzoek), gegeven)


def _vastleggen(naam: str, verzoek: Spreekverzoek, door: logboek.Door) -> None:
    logboek.vastleggen(
        naam=naam,
        activiteit=INSPREKEN,
        betrokkene=("e-mailadres", verzoek.emailadres) if verzoek.emailadres else None,
        door=door,
    )


def _mailen(verzoek: Spreekverzoek, *, onderwerp: Promise, sjabloon: str) -> None:
    """Sends the mail after the commit: a rolled-back change sends nothing. The caller marks the mail
    as sent in the same transaction, so a repeat never sends it twice."""
    if not verzoek.emailadres:
        return
    pad = reverse("besluitvorming:inspreken_intrekken", args=[verzoek.pk, sleutel(verzoek)])
    intrekken = f"{settings.RAADHUIS_BASIS_URL}{pad}"
    pagina = (
        f"{settings.RAADHUIS_BASIS_URL}{reverse('besluitvorming:vergadering', args=[verzoek.vergadering_id])}"
    )

    def versturen() -> None:
        with translation.override(verzoek.taal):
            tekst = render_to_string(
                MAILS + sjabloon,
                {
                    "verzoek": verzoek,
                    "vergadering": verzoek.vergadering,
                    "intrekken": intrekken,
                    "pagina": pagina,
                },
            )
            bericht = EmailMessage(
                subject=str(onderwerp) % {"titel": verzoek.vergadering.titel},
                body=tekst,
                to=[verzoek.emailadres],
            )
        bericht.send()

    transaction.on_commit(versturen)


def _fouten_indienen(
    *,
    vergadering: Vergadering,
    agendapunt: Agendapunt | None,
    onderwerp: str,
    naam: str,
    organisatie: str,
    kvk_nummer: str,
    samenvatting: str,
    akkoord: bool,
    nu: dt.datetime,
) -> dict[str, list[str]]:
    fouten: dict[str, list[str]] = {}
    mogelijkheid = inspreekmogelijkheid(vergadering, nu=nu)
    if not mogelijkheid.open:
        fouten["vergadering"] = [mogelijkheid.reden]
    if agendapunt is not None:
        if agendapunt.vergadering_id != vergadering.pk:
            fouten["agendapunt"] = [_("Dit agendapunt hoort niet bij deze vergadering.")]
        elif agendapunt.besloten:
            # Gemeentewet art. 23: a besloten item is not discussed in public; nobody speaks at it.
            fouten["agendapunt"] = [_("Dit agendapunt wordt besloten behandeld; inspreken kan daarbij niet.")]
        elif vergadering.agenda_gepubliceerd_op is None:
            fouten["agendapunt"] = [_("De agenda van deze vergadering is nog niet gepubliceerd.")]
        if onderwerp:
            fouten["onderwerp"] = [_("Kies een agendapunt of vul een eigen onderwerp in, niet allebei.")]
    elif not onderwerp:
        fouten["agendapunt"] = [_("Kies het agendapunt waarover u wilt inspreken.")]
    elif mogelijkheid.open and not mogelijkheid.vrij_onderwerp:
        fouten["onderwerp"] = [
            _("Bij deze vergadering kunt u alleen inspreken over een onderwerp dat op de agenda staat.")
        ]
    if not naam:
        fouten["naam"] = [_("Vul uw naam in.")]
    if kvk_nummer and not organisatie:
        fouten["organisatie"] = [_("Vul de naam van de organisatie in bij het KvK-nummer.")]
    if not samenvatting:
        fouten["samenvatting"] = [_("Schrijf in het kort waarover u wilt inspreken.")]
    if not akkoord:
        fouten["akkoord"] = [_("Geef aan dat u weet wat wij met uw gegevens doen.")]
    return fouten


@transaction.atomic
def spreekverzoek_indienen(
    *,
    vergadering: Vergadering,
    agendapunt: Agendapunt | None,
    onderwerp: str = "",
    naam: str,
    organisatie: str = "",
    kvk_nummer: str = "",
    emailadres: str,
    telefoonnummer: str = "",
    samenvatting: str,
    naam_publiceren: bool = False,
    akkoord: bool,
    taal: str = "nl",
    door: Identiteit | None = None,
    nu: dt.datetime | None = None,
) -> Spreekverzoek:
    """Records a request to speak and mails its receipt with a withdrawal link. Refused: a body that
    does not allow inspreken, a besloten meeting or item (Gemeentewet art. 23), a meeting that has
    been or whose sign-up has closed, an item of another meeting, a subject not on the agenda where
    the Reglement van Orde does not allow it (verify locally), and a request without the requester's
    acknowledgement of how the data are used (AVG art. 13)."""
    nu = nu or timezone.now()
    vergadering = Vergadering.objects.select_for_update().select_related("orgaan").get(pk=vergadering.pk)
    onderwerp, naam, organisatie = onderwerp.strip(), naam.strip(), organisatie.strip()
    fouten = _fouten_indienen(
        vergadering=vergadering,
        agendapunt=agendapunt,
        onderwerp=onderwerp,
        naam=naam,
        organisatie=organisatie,
        kvk_nummer=kvk_nummer.strip(),
        samenvatting=samenvatting.strip(),
        akkoord=akkoord,
        nu=nu,
    )
    verzoek = Spreekverzoek(
        vergadering=vergadering,
        agendapunt=agendapunt if "agendapunt" not in fouten else None,
        onderwerp=onderwerp,
        naam=naam,
        organisatie=organisatie,
        kvk_nummer=kvk_nummer.strip(),
        emailadres=emailadres.strip().lower(),
        telefoonnummer=telefoonnummer.strip(),
        samenvatting=samenvatting.strip(),
        naam_publiceren=naam_publiceren,
        taal=taal if taal in TALEN else "nl",
        ingediend_op=nu,
        nonce=secrets.token_hex(16),
        ontvangst_gemeld_op=nu,
    )
    if not verzoek.emailadres:
        fouten.setdefault("emailadres", []).append(_("Vul uw e-mailadres in."))
    try:
        verzoek.full_clean(exclude=[veld for veld in fouten if veld != "vergadering"])
    except ValidationError as fout:
        for veld, meldingen in fout.message_dict.items():
            fouten.setdefault(veld, []).extend(m for m in meldingen if m not in fouten.get(veld, []))
    if fouten:
        raise ValidationError(fouten)
    verzoek.save()
    _vastleggen("spreekverzoek ingediend", verzoek, door or WEBSITE)
    _mailen(verzoek, onderwerp=ONTVANGEN, sjabloon="mail_ontvangen.txt")
    return verzoek


def _beslisbaar(verzoek: Spreekverzoek, nu: dt.datetime) -> Spreekverzoek:
    verzoek = Spreekverzoek.objects.select_for_update().select_related("vergadering").get(pk=verzoek.pk)
    if verzoek.status != Spreekverzoek.Status.AANGEVRAAGD:
        raise ValidationError(
            _("Over dit verzoek is al beslist (%(status)s).") % {"status": verzoek.get_status_display()}
        )
    if verzoek.vergadering.begin <= nu:
        raise ValidationError(
            _("De vergadering is al begonnen; over dit verzoek kan niet meer worden beslist.")
        )
    return verzoek


def _volgende_volgorde(vergadering_id: int) -> int:
    hoogste = Spreekverzoek.objects.filter(
        vergadering_id=vergadering_id, status=Spreekverzoek.Status.TOEGELATEN
    ).aggregate(hoogste=Max("volgorde"))["hoogste"]
    return (hoogste or 0) + 1


def _spreektijd(vergadering: Vergadering, spreektijd: int | None) -> int:
    if spreektijd is not None:
        return spreektijd
    regeling = Inspreekregeling.objects.filter(orgaan_id=vergadering.orgaan_id).first()
    return regeling.spreektijd if regeling else 5


def _beslist(
    verzoek: Spreekverzoek, *, door: AbstractBaseUser, nu: dt.datetime, naam: str, onderwerp: Promise
) -> Spreekverzoek:
    """Stores a decision, logs it and mails it to the requester, the mail only the first time."""
    verzoek.beslist_door, verzoek.beslist_op = door, nu  # type: ignore[assignment]
    verzoek.full_clean()
    eerste_melding = verzoek.besluit_gemeld_op is None
    verzoek.besluit_gemeld_op = verzoek.besluit_gemeld_op or nu
    verzoek.save()
    _vastleggen(naam, verzoek, door)
    if eerste_melding:
        _mailen(verzoek, onderwerp=onderwerp, sjabloon=f"mail_{verzoek.status}.txt")
    return verzoek


@transaction.atomic
def spreekverzoek_toelaten(
    *,
    spreekverzoek: Spreekverzoek,
    volgorde: int | None = None,
    spreektijd: int | None = None,
    door: AbstractBaseUser,
    nu: dt.datetime | None = None,
) -> Spreekverzoek:
    """The griffie (for the chair) admits the speaker, with a place in the order and the speaking
    time of the Reglement van Orde (verify locally); the requester gets one mail saying so."""
    vereis(door, INSPREKEN_BEHANDELEN)
    nu = nu or timezone.now()
    verzoek = _beslisbaar(spreekverzoek, nu)
    verzoek.status = Spreekverzoek.Status.TOEGELATEN
    verzoek.volgorde = volgorde or _volgende_volgorde(verzoek.vergadering_id)
    verzoek.spreektijd = _spreektijd(verzoek.vergadering, spreektijd)
    return _beslist(verzoek, door=door, nu=nu, naam="spreekverzoek toegelaten", onderwerp=TOEGELATEN)


@transaction.atomic
def spreekverzoek_afwijzen(
    *, spreekverzoek: Spreekverzoek, reden: str, door: AbstractBaseUser, nu: dt.datetime | None = None
) -> Spreekverzoek:
    """Declines the request for the chair (Reglement van Orde, verify locally); the reason is required
    and goes to the requester, so a refusal always says why."""
    vereis(door, INSPREKEN_BEHANDELEN)
    nu = nu or timezone.now()
    reden = reden.strip()
    if not reden:
        raise ValidationError(
            {"reden": [_("Vul de reden van de afwijzing in; die krijgt de aanvrager te lezen.")]}
        )
    verzoek = _beslisbaar(spreekverzoek, nu)
    verzoek.status = Spreekverzoek.Status.AFGEWEZEN
    verzoek.reden = reden
    return _beslist(verzoek, door=door, nu=nu, naam="spreekverzoek afgewezen", onderwerp=AFGEWEZEN)


@transaction.atomic
def spreekverzoek_volgorde_wijzigen(
    *, spreekverzoek: Spreekverzoek, volgorde: int, spreektijd: int, door: AbstractBaseUser
) -> Spreekverzoek:
    """Changes an admitted speaker's place and time (no new mail: the order is on the public agenda)."""
    vereis(door, INSPREKEN_BEHANDELEN)
    verzoek = Spreekverzoek.objects.select_for_update().get(pk=spreekverzoek.pk)
    if verzoek.status != Spreekverzoek.Status.TOEGELATEN:
        raise ValidationError(
            {"volgorde": [_("Alleen een toegelaten inspreker heeft een plaats in de volgorde.")]}
        )
    verzoek.volgorde, verzoek.spreektijd = volgorde, spreektijd
    verzoek.full_clean()
    verzoek.save(update_fields=["volgorde", "spreektijd"])
    _vastleggen("volgorde van inspreker gewijzigd", verzoek, door)
    return verzoek


@transaction.atomic
def spreekverzoek_intrekken(*, spreekverzoek: Spreekverzoek, nu: dt.datetime | None = None) -> Spreekverzoek:
    """The requester withdraws (the caller checked the link's key): until the meeting starts. The
    name leaves the public agenda with it (consent withdrawn, AVG art. 7 lid 3)."""
    nu = nu or timezone.now()
    verzoek = Spreekverzoek.objects.select_for_update().select_related("vergadering").get(pk=spreekverzoek.pk)
    if verzoek.status == Spreekverzoek.Status.INGETROKKEN:
        return verzoek
    if verzoek.status == Spreekverzoek.Status.AFGEWEZEN:
        raise ValidationError(_("Dit verzoek is al afgewezen; intrekken is niet nodig."))
    if verzoek.vergadering.begin <= nu:
        raise ValidationError(_("De vergadering is al begonnen; intrekken kan niet meer."))
    verzoek.status = Spreekverzoek.Status.INGETROKKEN
    verzoek.ingetrokken_op = nu
    verzoek.naam_publiceren = False
    verzoek.save(update_fields=["status", "ingetrokken_op", "naam_publiceren"])
    _vastleggen("spreekverzoek ingetrokken", verzoek, WEBSITE)
    return verzoek


def spreekverzoeken_opschonen(*, nu: dt.datetime | None = None) -> int:
    """Wipes the contact details of requests whose meeting began more than BEWAREN_NA_VERGADERING ago
    (AVG art. 5 lid 1 sub e). A name stays only where it is on the public agenda with consent; the
    subject and status stay as part of the meeting's record. Each wipe has its own transaction, so a
    repeat run (at-least-once tasks) finds nothing left to do."""
    nu = nu or timezone.now()
    te_wissen = Spreekverzoek.objects.filter(
        vergadering__begin__lt=nu - BEWAREN_NA_VERGADERING, gegevens_gewist_op__isnull=True
    ).order_by("pk")
    gewist = 0
    for pk in list(te_wissen.values_list("pk", flat=True)):
        with transaction.atomic():
            verzoek = Spreekverzoek.objects.select_for_update().get(pk=pk)
            _vastleggen("contactgegevens van inspreker gewist", verzoek, OPSCHONER)
            openbaar = verzoek.status == Spreekverzoek.Status.TOEGELATEN and verzoek.naam_publiceren
            velden: dict[str, Any] = {
                "emailadres": "",
                "telefoonnummer": "",
                "kvk_nummer": "",
                "samenvatting": "",
                "nonce": "",
                "gegevens_gewist_op": nu,
            }
            if not openbaar:
                velden["naam"] = ""
            Spreekverzoek.objects.filter(pk=pk).update(**velden)
            gewist += 1
    return gewist


@transaction.atomic
def inspreekregeling_vastleggen(
    *,
    orgaan: Orgaan,
    toegestaan: bool,
    sluiting: str = Inspreekregeling.Sluiting.WERKDAG_VOORAF,
    uren_vooraf: int = 24,
    vrij_onderwerp: bool = False,
    spreektijd: int = 5,
    door: AbstractBaseUser,
) -> Inspreekregeling:
    """Sets a body's speaking rules as its Reglement van Orde has them (verify locally)."""
    vereis(door, INSPREKEN_BEHANDELEN)
    regeling = Inspreekregeling.objects.filter(orgaan=orgaan).first() or Inspreekregeling(orgaan=orgaan)
    regeling.toegestaan, regeling.sluiting, regeling.uren_vooraf = toegestaan, sluiting, uren_vooraf
    regeling.vrij_onderwerp, regeling.spreektijd = vrij_onderwerp, spreektijd
    regeling.full_clean()
    regeling.save()
    return regeling


__all__ = [
    "BEWAREN_NA_VERGADERING",
    "inspreekregeling_vastleggen",
    "sleutel",
    "sleutel_klopt",
    "spreekverzoek_afwijzen",
    "spreekverzoek_indienen",
    "spreekverzoek_intrekken",
    "spreekverzoek_toelaten",
    "spreekverzoek_volgorde_wijzigen",
    "spreekverzoeken_opschonen",
]
