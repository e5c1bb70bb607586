"""Customer satisfaction surveys (KTO): invitations after a case or contact, the one response each
allows, and the screening of open comments for personal data before anyone reads them.

The questions carry the Burgerpeiling codes (VNG Waar staat je gemeente, modelvragenlijst 2022,
block Gemeentelijke dienstverlening: dv01, dv05, dv06, dv07, dv12) so the figures compare with the
national benchmark; see docs/kto.md.

The invitation link carries a random code; only its SHA-256 is stored (as Afspraak.beheercode_hash).
Responses are anonymous by default (AVG art. 5 lid 1 sub c, data minimisation): unless the
respondent allows contact, answering drops the invitation's link to the case or contact, and the
report dimensions (channel, product, team) copied onto the invitation are all that remain.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from raadhuis.accounts.models import Medewerker
from raadhuis.core import logboek, persoonsgegevens
from raadhuis.core.rechten import vereis
from raadhuis.core.taken import na_commit
from raadhuis.dienstverlening.models import (
    Aanleiding,
    Burgerpeilingkanaal,
    Contactkanaal,
    Kanaal,
    Klantcontact,
    Reactie,
    Rol,
    RolGeneriek,
    Screening,
    Uitnodiging,
    Uitnodigingskanaal,
    Zaak,
)
from raadhuis.dienstverlening.rechten import KLANTCONTACT_REGISTREREN

ACTIVITEIT = "klanttevredenheid-meten"
# How long a link works; the register keeps invitations three months (core migration 0009).
GELDIGHEID = timedelta(days=30)
MAX_OPMERKING = 2000

# Burgerpeiling dv06 (rapportcijfer digitale dienstverlening) is asked of digital users only.
DIGITALE_KANALEN: frozenset[str] = frozenset(
    {Burgerpeilingkanaal.WEBSITE, Burgerpeilingkanaal.EMAIL, Burgerpeilingkanaal.SOCIAL}
)
# The case's channel (ZGW communicatiekanaal) in Burgerpeiling dv12 terms.
KANAAL_VAN_ZAAK: dict[str, str] = {
    Kanaal.DIGITAAL: Burgerpeilingkanaal.WEBSITE,
    Kanaal.BALIE: Burgerpeilingkanaal.BALIE,
    Kanaal.TELEFOON: Burgerpeilingkanaal.TELEFOON,
    Kanaal.SCHRIFTELIJK: Burgerpeilingkanaal.POST,
}
# A contact's channel in dv12 terms: chat and web forms live on the website (dv12 "website/app").
KANAAL_VAN_CONTACT: dict[str, str] = {
    Contactkanaal.BALIE: Burgerpeilingkanaal.BALIE,
    Contactkanaal.TELEFOON: Burgerpeilingkanaal.TELEFOON,
    Contactkanaal.EMAIL: Burgerpeilingkanaal.EMAIL,
    Contactkanaal.BRIEF: Burgerpeilingkanaal.POST,
    Contactkanaal.CHAT: Burgerpeilingkanaal.WEBSITE,
    Contactkanaal.WEBFORMULIER: Burgerpeilingkanaal.WEBSITE,
    Contactkanaal.SOCIAL_MEDIA: Burgerpeilingkanaal.SOCIAL,
}

ONDERWERP = gettext_lazy("Hoe tevreden bent u over onze dienstverlening?")
SYSTEEM = logboek.Systeemproces(naam="kto-uitnodigen")


def code_hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def vragenlijst_url(code: str) -> str:
    return settings.RAADHUIS_BASIS_URL + reverse("dienstverlening:kto_vragenlijst", args=[code])


def is_digitaal(kanaal: str) -> bool:
    """Whether dv06 (the digital report mark) is asked for this dv12 channel."""
    return kanaal in DIGITALE_KANALEN


# -- Invitations -----------------------------------------------------------------------------------


def _nieuwe_uitnodiging(
    *,
    aanleiding: str,
    verstuurd_via: str,
    kanaal: str,
    zaak: Zaak | None = None,
    klantcontact: Klantcontact | None = None,
    product_id: int | None,
    team_id: int | None,
) -> tuple[Uitnodiging, str]:
    code = secrets.token_urlsafe(24)
    nu = timezone.now()
    uitnodiging = Uitnodiging(
        code_hash=code_hash(code),
        aanleiding=aanleiding,
        verstuurd_via=verstuurd_via,
        zaak=zaak,
        klantcontact=klantcontact,
        kanaal=kanaal,
        product_id=product_id,
        team_id=team_id,
        aangemaakt_op=nu,
        geldig_tot=nu + GELDIGHEID,
    )
    # Values all come from code and choices mapped above; no full_clean (its unique checks would
    # cost a query per closed case for a random 192-bit code).
    uitnodiging.save(force_insert=True)
    return uitnodiging, code


def _mailen(uitnodiging: Uitnodiging, *, code: str, aan: str, taal: str) -> None:
    """Renders the invitation in the person's language and sends it once the transaction commits."""
    with translation.override(taal):
        onderwerp = str(ONDERWERP)
        tekst = render_to_string(
            "dienstverlening/mail/kto_uitnodiging.txt",
            {
                "uitnodiging": uitnodiging,
                "link": vragenlijst_url(code),
                "geldig_tot": timezone.localtime(uitnodiging.geldig_tot),
                "site": settings.RAADHUIS_BASIS_URL,
            },
        )
    na_commit(kto_mail_versturen, uitnodiging.pk, aan=aan, onderwerp=onderwerp[:200], tekst=tekst)


@task()
def kto_mail_versturen(uitnodiging_id: int, *, aan: str, onderwerp: str, tekst: str) -> bool:
    """Sends one invitation e-mail; False when it was sent already (a requeued task) or when the
    survey has been answered meanwhile. The guard lives in the shared cache, as for appointments."""
    if Uitnodiging.objects.filter(pk=uitnodiging_id, beantwoord_op__isnull=False).exists():
        return False
    if not cache.add(f"ktomail:{uitnodiging_id}", "verzonden", timeout=60 * 60 * 24 * 40):
        return False
    try:
        EmailMessage(subject=onderwerp, body=tekst, to=[aan]).send()
    except Exception:
        cache.delete(f"ktomail:{uitnodiging_id}")
        raise
    return True


@transaction.atomic(savepoint=False)
def uitnodigen_na_zaak(*, zaak: Zaak) -> Uitnodiging | None:
    """Invites the initiator of a case that just closed, by e-mail, once per case; no e-mail address,
    no invitation. Runs inside the status change's transaction (services.zaken), so it is kept to
    one read and two inserts; the mail leaves on commit."""
    rij = (
        Rol.objects.filter(zaak_id=zaak.pk, roltype__omschrijving_generiek=RolGeneriek.INITIATOR)
        .exclude(emailadres="")
        .annotate(al_uitgenodigd=Exists(Uitnodiging.objects.filter(zaak_id=OuterRef("zaak_id"))))
        .values_list("emailadres", "al_uitgenodigd")
        .order_by("registratie", "id")
        .first()
    )
    if rij is None or rij[1]:
        return None
    emailadres = rij[0]
    uitnodiging, code = _nieuwe_uitnodiging(
        aanleiding=Aanleiding.ZAAK_AFGESLOTEN,
        verstuurd_via=Uitnodigingskanaal.EMAIL,
        kanaal=KANAAL_VAN_ZAAK.get(zaak.kanaal, Burgerpeilingkanaal.WEBSITE),
        zaak=zaak,
        product_id=zaak.product_id,
        team_id=zaak.team_id,
    )
    _mailen(uitnodiging, code=code, aan=emailadres, taal=zaak.taal)
    logboek.vastleggen(
        naam="kto.uitnodigen", activiteit=ACTIVITEIT, betrokkene=("e-mailadres", emailadres), door=SYSTEEM
    )
    return uitnodiging


@transaction.atomic
def uitnodigen_na_contact(*, klantcontact: Klantcontact) -> Uitnodiging | None:
    """Invites the person of a finished contact by e-mail, once per contact; none without an address."""
    if not klantcontact.emailadres:
        return None
    if Uitnodiging.objects.filter(klantcontact_id=klantcontact.pk).exists():
        return None
    uitnodiging, code = _nieuwe_uitnodiging(
        aanleiding=Aanleiding.CONTACT_BEEINDIGD,
        verstuurd_via=Uitnodigingskanaal.EMAIL,
        kanaal=KANAAL_VAN_CONTACT.get(klantcontact.kanaal, Burgerpeilingkanaal.WEBSITE),
        klantcontact=klantcontact,
        product_id=klantcontact.product_id,
        team_id=klantcontact.team_id,
    )
    _mailen(uitnodiging, code=code, aan=klantcontact.emailadres, taal=klantcontact.taal)
    logboek.vastleggen(
        naam="kto.uitnodigen",
        activiteit=ACTIVITEIT,
        betrokkene=("e-mailadres", klantcontact.emailadres),
        door=SYSTEEM,
    )
    return uitnodiging


@transaction.atomic
def uitnodiging_balie_aanmaken(*, klantcontact: Klantcontact, door: Medewerker) -> tuple[Uitnodiging, str]:
    """Makes the invitation an employee hands out after a contact (a QR code or a short link) and
    returns it with its code, which is shown this once. Asked again for the same contact, the open
    invitation gets a new code (the earlier link or QR stops working), so a contact never counts
    twice; once answered, there is nothing more to hand out."""
    vereis(door, KLANTCONTACT_REGISTREREN)
    bestaand = (
        Uitnodiging.objects.select_for_update().filter(klantcontact_id=klantcontact.pk).order_by("id").first()
    )
    if bestaand is not None:
        if bestaand.beantwoord_op is not None:
            raise ValidationError({"klantcontact": _("Over dit contact is de vragenlijst al ingevuld.")})
        code = secrets.token_urlsafe(24)
        nu = timezone.now()
        bestaand.code_hash = code_hash(code)
        bestaand.verstuurd_via = Uitnodigingskanaal.QR
        bestaand.aangemaakt_op = nu
        bestaand.geldig_tot = nu + GELDIGHEID
        bestaand.save(update_fields=["code_hash", "verstuurd_via", "aangemaakt_op", "geldig_tot"])
        return bestaand, code
    return _nieuwe_uitnodiging(
        aanleiding=Aanleiding.CONTACT_BEEINDIGD,
        verstuurd_via=Uitnodigingskanaal.QR,
        kanaal=KANAAL_VAN_CONTACT.get(klantcontact.kanaal, Burgerpeilingkanaal.BALIE),
        klantcontact=klantcontact,
        product_id=klantcontact.product_id,
        team_id=klantcontact.team_id,
    )


# -- Responses -------------------------------------------------------------------------------------


def uitnodiging_bij_code(code: str) -> Uitnodiging | None:
    """The invitation a link's code belongs to, or None (the code itself is never stored)."""
    if not code or len(code) > 100:
        return None
    return Uitnodiging.objects.filter(code_hash=code_hash(code)).first()


def _al_ingevuld() -> str:
    return _("Deze vragenlijst is al ingevuld. U kunt hem één keer invullen; dank u wel voor uw antwoorden.")


def weigering(uitnodiging: Uitnodiging | None, *, nu: datetime | None = None) -> str:
    """Why this invitation cannot be answered (a Dutch sentence), or "" when it can."""
    if uitnodiging is None:
        return _("Deze link naar de vragenlijst klopt niet. Controleer of u de hele link hebt overgenomen.")
    if uitnodiging.beantwoord_op is not None:
        return _al_ingevuld()
    if uitnodiging.geldig_tot <= (nu or timezone.now()):
        return _("Deze vragenlijst kan niet meer worden ingevuld: de termijn daarvoor is verlopen.")
    return ""


def _cijfer(
    fouten: dict[str, str], veld: str, waarde: object, *, hoogste: int, verplicht: bool = False
) -> int | None:
    if waarde is None or waarde == "":
        if verplicht:
            fouten[veld] = _("Geef een cijfer.") if hoogste == 10 else _("Kies een antwoord.")
        return None
    if isinstance(waarde, bool) or not isinstance(waarde, int) or not 1 <= waarde <= hoogste:
        fouten[veld] = (
            _("Geef een cijfer van 1 tot en met 10.")
            if hoogste == 10
            else _("Kies een antwoord van 1 (helemaal oneens) tot en met 5 (helemaal eens).")
        )
        return None
    return waarde


@transaction.atomic
def reactie_geven(
    *,
    code: str,
    dv01_rapportcijfer: int | None,
    dv06_rapportcijfer_digitaal: int | None = None,
    dv05_gemak: int | None = None,
    dv07_doorlooptijd: int | None = None,
    dv07_op_de_hoogte: int | None = None,
    opmerking: str = "",
    contact_toegestaan: bool = False,
) -> Reactie:
    """Records the one response an invitation allows. The invitation row is locked, so two submits
    at once queue and the second is refused; the one-to-one key is the database's backstop.

    Anonymous unless the respondent allows contact: then the link to the case or contact stays,
    otherwise it is dropped now (AVG art. 5 lid 1 sub c). The open comment waits for screening."""
    uitnodiging = (
        Uitnodiging.objects.select_for_update().filter(code_hash=code_hash(code)).first()
        if code and len(code) <= 100
        else None
    )
    nu = timezone.now()
    reden = weigering(uitnodiging, nu=nu)
    if reden or uitnodiging is None:
        raise ValidationError({"code": reden})
    fouten: dict[str, str] = {}
    dv01 = _cijfer(fouten, "dv01_rapportcijfer", dv01_rapportcijfer, hoogste=10, verplicht=True)
    dv06 = _cijfer(fouten, "dv06_rapportcijfer_digitaal", dv06_rapportcijfer_digitaal, hoogste=10)
    if dv06 is not None and not is_digitaal(uitnodiging.kanaal):
        fouten["dv06_rapportcijfer_digitaal"] = _("Deze vraag hoort alleen bij digitaal contact.")
    dv05 = _cijfer(fouten, "dv05_gemak", dv05_gemak, hoogste=5)
    dv07_tijd = _cijfer(fouten, "dv07_doorlooptijd", dv07_doorlooptijd, hoogste=5)
    dv07_info = _cijfer(fouten, "dv07_op_de_hoogte", dv07_op_de_hoogte, hoogste=5)
    opmerking = (opmerking or "").strip()
    if len(opmerking) > MAX_OPMERKING:
        fouten["opmerking"] = _("Uw opmerking is te lang: gebruik ten hoogste %(aantal)d tekens.") % {
            "aantal": MAX_OPMERKING
        }
    if fouten or dv01 is None:
        raise ValidationError(fouten)
    reactie = Reactie(
        uitnodiging=uitnodiging,
        kanaal=uitnodiging.kanaal,
        product_id=uitnodiging.product_id,
        team_id=uitnodiging.team_id,
        beantwoord_op=nu,
        dv01_rapportcijfer=dv01,
        dv06_rapportcijfer_digitaal=dv06,
        dv05_gemak=dv05,
        dv07_doorlooptijd=dv07_tijd,
        dv07_op_de_hoogte=dv07_info,
        opmerking=opmerking,
        screening=Screening.TE_SCREENEN if opmerking else Screening.GEEN_OPMERKING,
        contact_toegestaan=bool(contact_toegestaan),
    )
    reactie.full_clean(exclude=["uitnodiging"], validate_unique=False)
    try:
        with transaction.atomic():
            reactie.save(force_insert=True)
    except IntegrityError:
        raise ValidationError({"code": _al_ingevuld()}) from None
    betrokkene = _betrokkene(uitnodiging) if contact_toegestaan else None
    uitnodiging.beantwoord_op = nu
    velden = ["beantwoord_op"]
    if not contact_toegestaan:
        uitnodiging.zaak = None
        uitnodiging.klantcontact = None
        velden += ["zaak", "klantcontact"]
    uitnodiging.save(update_fields=velden)
    if opmerking:
        na_commit(opmerking_screenen, reactie.pk)
    if betrokkene is not None:
        # Only a response the respondent chose to link to their case or contact is personal data.
        logboek.vastleggen(
            naam="kto.reactie_gekoppeld",
            activiteit=ACTIVITEIT,
            betrokkene=betrokkene,
            door=logboek.Systeemproces(naam="kto-vragenlijst"),
        )
    return reactie


def _betrokkene(uitnodiging: Uitnodiging) -> tuple[str, str] | None:
    zaak, contact = uitnodiging.zaak, uitnodiging.klantcontact
    if zaak is not None and zaak.initiator_bsn:
        return ("BSN", zaak.initiator_bsn)
    if zaak is not None and zaak.initiator_kvk:
        return ("KVK", zaak.initiator_kvk)
    if contact is not None and contact.bsn:
        return ("BSN", contact.bsn)
    if contact is not None and contact.kvk_nummer:
        return ("KVK", contact.kvk_nummer)
    if contact is not None and contact.emailadres:
        return ("e-mailadres", contact.emailadres)
    return None


# -- Retention -------------------------------------------------------------------------------------

# Register `klanttevredenheid-meten` (core migration 0009): invitations three months.
BEWAREN_KOPPELING = timedelta(days=91)


@task()
def uitnodigingen_opschonen() -> int:
    """Drops the link to the case or contact of every invitation older than three months (also of
    those answered with consent: the window to follow up has passed). The rows stay, holding only the
    report dimensions, so past response rates do not change; returns how many were unlinked. To be
    run daily by the scheduler; idempotent."""
    grens = timezone.now() - BEWAREN_KOPPELING
    return (
        Uitnodiging.objects.filter(aangemaakt_op__lt=grens)
        .filter(Q(zaak__isnull=False) | Q(klantcontact__isnull=False))
        .update(zaak=None, klantcontact=None)
    )


# -- Screening of open comments --------------------------------------------------------------------


@task()
def opmerking_screenen(reactie_id: int) -> bool:
    """Replaces personal data in a response's comment with placeholders, keeps only the screened
    text and marks it screened; False when there is nothing (more) to screen. Idempotent: the
    update only touches a comment still waiting, so a requeued task changes nothing."""
    ruw = (
        Reactie.objects.filter(pk=reactie_id, screening=Screening.TE_SCREENEN)
        .values_list("opmerking", flat=True)
        .first()
    )
    if ruw is None:
        return False
    # Outside a transaction: the model takes a while on a long text and needs no lock.
    gescreend = persoonsgegevens_verwijderen(ruw)
    bijgewerkt = Reactie.objects.filter(pk=reactie_id, screening=Screening.TE_SCREENEN).update(
        opmerking_gescreend=gescreend, opmerking="", screening=Screening.GESCREEND
    )
    return bijgewerkt == 1


# The platform's placeholders (core.persoonsgegevens) in capitals, so they stand out in a report
# from the respondent's own words.
PLAATSHOUDERS: dict[str, str] = {
    soort: label.upper() for soort, label in persoonsgegevens.PLAATSHOUDERS.items()
}


def persoonsgegevens_verwijderen(tekst: str) -> str:
    """The text with every piece of personal data core.persoonsgegevens finds (names and places via
    deduce, BSN by the 11-proef, IBAN by mod-97, e-mail, phone, postcode, licence plate, KvK)
    replaced by a placeholder. Pure: no database. Errs on the side of removing (AVG art. 25:
    privacy by default)."""
    if not tekst.strip():
        return ""
    return persoonsgegevens.vervangen(tekst, plaatshouders=PLAATSHOUDERS)
