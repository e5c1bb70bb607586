"""Every write to klantcontacten: registering a contact on any channel, answering it (from the
knowledge base or in own words), callbacks (Open Klant InterneTaak) and the knowledge base itself.

The fields behind first-contact resolution (FCR) are kept consistent here, because the monitoring
reads them as they are: FCR = among contacts without a linked zaak, the share with
`opgelost_in_eerste_contact` true and no Terugbelverzoek. So a contact only starts "resolved" when it
was answered while it happened, a callback always clears the flag, and answering later never sets it.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from raadhuis.accounts.models import Medewerker
from raadhuis.core import bsn as bsn_module
from raadhuis.core import logboek, zoeken
from raadhuis.core.identiteit import Identiteit
from raadhuis.core.rechten import mag, vereis
from raadhuis.core.taken import na_commit
from raadhuis.core.validators import KVK_MELDING, is_kvk_nummer
from raadhuis.dienstverlening.models import (
    Contactkanaal,
    Formulier,
    Kennisartikel,
    Klantcontact,
    Partijsoort,
    Product,
    Taakstatus,
    Team,
    Terugbelverzoek,
    Zaak,
)
from raadhuis.dienstverlening.rechten import KENNISBANK_BEHEREN, KLANTCONTACT_REGISTREREN
from raadhuis.dienstverlening.services import kto, zaken
from raadhuis.dienstverlening.services.zaken import Initiator

ACTIVITEIT = "klantcontact-registreren"
ZOEKSOORT = "kennisartikel"


def betrokkene(contact: Klantcontact) -> tuple[str, str] | None:
    """The data subject for the Logboek: Open Klant's partij-identificator (bsn or kvk_nummer)."""
    if contact.partijsoort == Partijsoort.INWONER and contact.bsn:
        return ("BSN", contact.bsn)
    if contact.partijsoort == Partijsoort.ONDERNEMER and contact.kvk_nummer:
        return ("KVK", contact.kvk_nummer)
    return None


def _vastleggen(naam: str, contact: Klantcontact, door: logboek.Door) -> None:
    gevonden = betrokkene(contact)
    if gevonden is not None:
        logboek.vastleggen(naam=naam, activiteit=ACTIVITEIT, betrokkene=gevonden, door=door)


def _partij(partijsoort: str, bsn: str, kvk_nummer: str) -> tuple[str, str]:
    """The checked (bsn, kvk_nummer) for the party: a resident by a BSN that passes the 11-proef
    (Wet algemene bepalingen burgerservicenummer, art. 1), a business by its 8-digit KvK number
    (Handelsregisterwet 2007, art. 12), or nobody at all."""
    bsn = bsn_module.normaliseer(bsn.strip()) if bsn.strip() else ""
    kvk_nummer = kvk_nummer.strip()
    if partijsoort not in Partijsoort.values:
        raise ValidationError({"partijsoort": _("Kies of het een inwoner, een ondernemer of anoniem is.")})
    if partijsoort == Partijsoort.INWONER:
        if not bsn:
            raise ValidationError({"bsn": _("Vul het burgerservicenummer van de inwoner in.")})
        if not bsn_module.is_geldig_bsn(bsn):
            raise ValidationError({"bsn": _("Dit is geen geldig burgerservicenummer.")})
        if kvk_nummer:
            raise ValidationError({"kvk_nummer": _("Een inwoner heeft geen KvK-nummer; laat dit leeg.")})
        return bsn, ""
    if partijsoort == Partijsoort.ONDERNEMER:
        if not is_kvk_nummer(kvk_nummer):
            raise ValidationError({"kvk_nummer": KVK_MELDING})
        if bsn:
            raise ValidationError(
                {"bsn": _("Een ondernemer wordt aan het KvK-nummer herkend; laat het BSN leeg.")}
            )
        return "", kvk_nummer
    if bsn or kvk_nummer:
        raise ValidationError(
            {
                "partijsoort": _(
                    "Een anoniem contact heeft geen BSN of KvK-nummer; kies inwoner of ondernemer."
                )
            }
        )
    return "", ""


def _is_open_vraag(zaak: Zaak | None) -> bool:
    """The open case of a question: the contact waits for the answer, which closes the case."""
    return (
        zaak is not None
        and not zaak.is_afgesloten
        and zaak.product is not None
        and zaak.product.formulier == Formulier.VRAAG
    )


def _controleer_zaak(zaak: Zaak | None, partijsoort: str, bsn: str, kvk_nummer: str) -> None:
    if zaak is None or partijsoort == Partijsoort.ANONIEM:
        return
    if (bsn and zaak.initiator_bsn != bsn) or (kvk_nummer and zaak.initiator_kvk != kvk_nummer):
        raise ValidationError({"zaak": _("Deze zaak hoort niet bij deze inwoner of ondernemer.")})


@transaction.atomic
def klantcontact_registreren(
    *,
    kanaal: str,
    onderwerp: str,
    door: Medewerker,
    partijsoort: str = Partijsoort.ANONIEM,
    bsn: str = "",
    kvk_nummer: str = "",
    naam: str = "",
    emailadres: str = "",
    telefoonnummer: str = "",
    product: Product | None = None,
    inhoud: str = "",
    antwoord: str = "",
    kennisartikel: Kennisartikel | None = None,
    zaak: Zaak | None = None,
    opgelost_in_eerste_contact: bool = False,
    plaatsgevonden_op: dt.datetime | None = None,
    team: Team | None = None,
    taal: str = "nl",
    vertrouwelijk: bool = False,
) -> Klantcontact:
    """An employee registers a contact (balie, telefoon, e-mail, brief, chat, webformulier, social
    media). Resolved in the first contact needs the answer given; a contact without an answer and
    without a zaak stays open in the KCC's open questions until answered or called back."""
    vereis(door, KLANTCONTACT_REGISTREREN)
    if kanaal not in Contactkanaal.values:
        raise ValidationError({"kanaal": _("Kies het kanaal waarop het contact binnenkwam.")})
    if not onderwerp.strip():
        raise ValidationError({"onderwerp": _("Vul het onderwerp van het contact in.")})
    bsn, kvk_nummer = _partij(partijsoort, bsn, kvk_nummer)
    _controleer_zaak(zaak, partijsoort, bsn, kvk_nummer)
    if kennisartikel is not None and not kennisartikel.actief:
        raise ValidationError({"kennisartikel": _("Dit standaardantwoord is niet meer in gebruik.")})
    antwoord = antwoord.strip() or (kennisartikel.antwoord if kennisartikel else "")
    if opgelost_in_eerste_contact and not antwoord:
        raise ValidationError(
            {"antwoord": _("Leg het gegeven antwoord vast als de vraag in het eerste contact is opgelost.")}
        )
    nu = timezone.now()
    moment = plaatsgevonden_op or nu
    if moment > nu + dt.timedelta(minutes=5):
        raise ValidationError({"plaatsgevonden_op": _("Een contact kan niet in de toekomst plaatsvinden.")})
    contact = Klantcontact(
        kanaal=kanaal,
        partijsoort=partijsoort,
        bsn=bsn,
        kvk_nummer=kvk_nummer,
        naam=naam.strip(),
        emailadres=emailadres.strip(),
        telefoonnummer=telefoonnummer.strip(),
        onderwerp=onderwerp.strip(),
        product=product,
        inhoud=inhoud.strip(),
        antwoord=antwoord,
        kennisartikel=kennisartikel,
        zaak=zaak,
        opgelost_in_eerste_contact=opgelost_in_eerste_contact,
        # Done when answered now or when it continues as a case; else (also the open case of a
        # question) it waits for an answer in the open questions.
        afgehandeld=bool(antwoord) or (zaak is not None and not _is_open_vraag(zaak)),
        plaatsgevonden_op=moment,
        team=team,
        geregistreerd_door=door,
        taal=taal[:5],
        vertrouwelijk=vertrouwelijk,
    )
    contact.full_clean()
    contact.save()
    _tevredenheid_vragen(contact)
    _vastleggen("klantcontact.registreren", contact, door)
    return contact


def _vraagtekst(zaak: Zaak) -> str:
    """The resident's own subject and question from the web form (formulieren.vraag)."""
    gegevens = zaak.gegevens if isinstance(zaak.gegevens, dict) else {}
    return "\n\n".join(deel for deel in (zaak.omschrijving, str(gegevens.get("vraag") or "")) if deel)


@transaction.atomic
def klantcontact_na_intake(*, zaak: Zaak, initiator: Initiator, door: Identiteit) -> Klantcontact:
    """The contact of a digital application the resident or business submitted themself (web form).
    A question waits in the KCC's open questions for its answer; any other product goes on as a
    case, so the contact is done but not resolved in the first contact (it does not count for FCR:
    it has a zaak)."""
    product = zaak.product
    vraag = _is_open_vraag(zaak)
    contact = Klantcontact(
        kanaal=Contactkanaal.WEBFORMULIER,
        partijsoort=Partijsoort.INWONER if initiator.bsn else Partijsoort.ONDERNEMER,
        bsn=initiator.bsn,
        kvk_nummer=initiator.kvk_nummer,
        naam=(initiator.contactpersoon or initiator.naam)[:200],
        emailadres=initiator.emailadres,
        telefoonnummer=initiator.telefoonnummer[:20],
        onderwerp=(product.naam if product else zaak.omschrijving)[:200],
        product=product,
        inhoud=_vraagtekst(zaak) if vraag else "",
        zaak=zaak,
        opgelost_in_eerste_contact=False,
        afgehandeld=not vraag,
        plaatsgevonden_op=timezone.now(),
        team_id=zaak.team_id,
        taal=zaak.taal,
    )
    # No full_clean: every field comes from the case just checked by zaak_aanmaken (intake speed).
    contact.save(force_insert=True)
    _vastleggen("klantcontact.registreren", contact, door)
    return contact


def _vergrendeld(contact: Klantcontact) -> Klantcontact:
    return (
        Klantcontact.objects.select_for_update(of=("self",))
        .select_related("zaak__product")
        .get(pk=contact.pk)
    )


def _open_terugbelverzoeken(contact: Klantcontact) -> bool:
    return Terugbelverzoek.objects.filter(klantcontact=contact, status=Taakstatus.TE_VERWERKEN).exists()


def _tevredenheid_vragen(contact: Klantcontact) -> None:
    """A finished contact invites to the satisfaction survey (by e-mail, when there is an address).
    A contact with a case is asked once that case closes (services.zaken), not twice."""
    if contact.afgehandeld and contact.zaak_id is None:
        kto.uitnodigen_na_contact(klantcontact=contact)


@transaction.atomic
def klantcontact_beantwoorden(
    *,
    klantcontact: Klantcontact,
    door: Medewerker,
    antwoord: str = "",
    kennisartikel: Kennisartikel | None = None,
) -> Klantcontact:
    """Answers an open contact in own words or with a standard answer (the text may be adapted).
    The answer is mailed when an e-mail address is known; the open case of a question is closed
    with it (services.zaken.vraag_afsluiten). Answering later does not make it a first-contact
    resolution."""
    vereis(door, KLANTCONTACT_REGISTREREN)
    contact = _vergrendeld(klantcontact)
    if contact.afgehandeld:
        raise ValidationError({"antwoord": _("Dit contact is al afgehandeld.")})
    if kennisartikel is not None and not kennisartikel.actief:
        raise ValidationError({"kennisartikel": _("Dit standaardantwoord is niet meer in gebruik.")})
    tekst = antwoord.strip() or (kennisartikel.antwoord if kennisartikel else "")
    if not tekst:
        raise ValidationError({"antwoord": _("Schrijf een antwoord of kies een standaardantwoord.")})
    contact.antwoord = tekst
    contact.kennisartikel = kennisartikel
    contact.afgehandeld = not _open_terugbelverzoeken(contact)
    contact.full_clean()
    contact.save(update_fields=["antwoord", "kennisartikel", "afgehandeld"])
    zaak = contact.zaak
    if zaak is not None and _is_open_vraag(zaak):
        zaken.vraag_afsluiten(zaak=zaak, door=door, toelichting=tekst[:2000])
    antwoord_mailen(contact)
    _tevredenheid_vragen(contact)
    _vastleggen("klantcontact.beantwoorden", contact, door)
    return contact


def antwoord_mailen(contact: Klantcontact) -> bool:
    """Prepares the answer e-mail in the contact's language and enqueues sending it on commit."""
    if not contact.emailadres:
        return False
    with translation.override(contact.taal):
        onderwerp = _("Antwoord op uw vraag: %(onderwerp)s") % {"onderwerp": contact.onderwerp}
        tekst = render_to_string(
            "dienstverlening/klantcontacten/mail_antwoord.txt",
            {"contact": contact, "site": settings.RAADHUIS_BASIS_URL},
        )
    na_commit(
        antwoord_versturen,
        sleutel=f"{contact.pk}:{timezone.now().isoformat()}",
        aan=contact.emailadres,
        onderwerp=onderwerp[:200],
        tekst=tekst,
    )
    return True


@task()
def antwoord_versturen(*, sleutel: str, aan: str, onderwerp: str, tekst: str) -> bool:
    """Sends one answer e-mail; False when this one was sent already (a requeued task)."""
    if not cache.add(f"antwoordmail:{sleutel}", "verzonden", timeout=60 * 60 * 24 * 30):
        return False
    try:
        EmailMessage(subject=onderwerp, body=tekst, to=[aan]).send()
    except Exception:
        cache.delete(f"antwoordmail:{sleutel}")
        raise
    return True


# --- callbacks (Open Klant InterneTaak) ----------------------------------------------------------------


def _controleer_eigenaar(medewerker: Medewerker | None, team: Team | None) -> None:
    if medewerker is None and team is None:
        raise ValidationError({"medewerker": _("Kies een medewerker of een team dat terugbelt.")})
    if medewerker is not None and (not medewerker.is_active or not mag(medewerker, KLANTCONTACT_REGISTREREN)):
        raise ValidationError({"medewerker": _("Deze medewerker kan geen klantcontacten afhandelen.")})


@transaction.atomic
def terugbelverzoek_aanmaken(
    *,
    klantcontact: Klantcontact,
    gevraagde_handeling: str,
    deadline: dt.datetime,
    door: Medewerker,
    medewerker: Medewerker | None = None,
    team: Team | None = None,
) -> Terugbelverzoek:
    """A follow-up for a colleague or a team with a deadline. The contact was then not resolved in
    the first contact and stays open until every callback is done."""
    vereis(door, KLANTCONTACT_REGISTREREN)
    _controleer_eigenaar(medewerker, team)
    if not gevraagde_handeling.strip():
        raise ValidationError({"gevraagde_handeling": _("Schrijf op wat er moet gebeuren.")})
    nu = timezone.now()
    if deadline <= nu:
        raise ValidationError({"deadline": _("Kies een moment in de toekomst om voor terug te bellen.")})
    contact = _vergrendeld(klantcontact)
    verzoek = Terugbelverzoek(
        klantcontact=contact,
        gevraagde_handeling=gevraagde_handeling.strip(),
        medewerker=medewerker,
        team=team,
        deadline=deadline,
        toegewezen_op=nu,
        aangemaakt_door=door,
    )
    verzoek.full_clean()
    verzoek.save()
    contact.opgelost_in_eerste_contact = False
    contact.afgehandeld = False
    contact.save(update_fields=["opgelost_in_eerste_contact", "afgehandeld"])
    _vastleggen("terugbelverzoek.aanmaken", contact, door)
    return verzoek


def _open_verzoek(terugbelverzoek: Terugbelverzoek) -> Terugbelverzoek:
    verzoek = (
        Terugbelverzoek.objects.select_for_update(of=("self",))
        .select_related("klantcontact")
        .get(pk=terugbelverzoek.pk)
    )
    if verzoek.status != Taakstatus.TE_VERWERKEN:
        raise ValidationError({"resultaat": _("Dit terugbelverzoek is al afgehandeld.")})
    return verzoek


@transaction.atomic
def terugbelverzoek_afhandelen(
    *, terugbelverzoek: Terugbelverzoek, resultaat: str, contact_gelukt: bool, door: Medewerker
) -> Terugbelverzoek:
    """Completes an open callback with what came of it; the contact is done once no callback is open."""
    vereis(door, KLANTCONTACT_REGISTREREN)
    if not resultaat.strip():
        raise ValidationError({"resultaat": _("Schrijf op wat het terugbellen opleverde.")})
    verzoek = _open_verzoek(terugbelverzoek)
    verzoek.status = Taakstatus.VERWERKT
    verzoek.afgehandeld_op = timezone.now()
    verzoek.afgehandeld_door = door
    verzoek.resultaat = resultaat.strip()
    verzoek.contact_gelukt = contact_gelukt
    verzoek.full_clean()
    verzoek.save(
        update_fields=["status", "afgehandeld_op", "afgehandeld_door", "resultaat", "contact_gelukt"]
    )
    contact = _vergrendeld(verzoek.klantcontact)
    if not _open_terugbelverzoeken(contact) and not contact.afgehandeld:
        contact.afgehandeld = True
        contact.save(update_fields=["afgehandeld"])
        _tevredenheid_vragen(contact)
    _vastleggen("terugbelverzoek.afhandelen", contact, door)
    return verzoek


@transaction.atomic
def terugbelverzoek_overdragen(
    *,
    terugbelverzoek: Terugbelverzoek,
    door: Medewerker,
    medewerker: Medewerker | None = None,
    team: Team | None = None,
) -> Terugbelverzoek:
    """Hands an open callback to another colleague or team (InterneTaak.toegewezenOp is reset)."""
    vereis(door, KLANTCONTACT_REGISTREREN)
    _controleer_eigenaar(medewerker, team)
    verzoek = _open_verzoek(terugbelverzoek)
    verzoek.medewerker = medewerker
    verzoek.team = team
    verzoek.toegewezen_op = timezone.now()
    verzoek.full_clean()
    verzoek.save(update_fields=["medewerker", "team", "toegewezen_op"])
    _vastleggen("terugbelverzoek.overdragen", verzoek.klantcontact, door)
    return verzoek


# --- the knowledge base -----------------------------------------------------------------------------


@transaction.atomic
def kennisartikel_opslaan(
    *,
    titel: str,
    antwoord: str,
    door: Medewerker,
    kennisartikel: Kennisartikel | None = None,
    product: Product | None = None,
    trefwoorden: str = "",
    actief: bool = True,
) -> Kennisartikel:
    """Writes or changes a standard answer and keeps the internal search index in step (an inactive
    answer leaves the index). Holds no personal data, so nothing goes to the Logboek."""
    vereis(door, KENNISBANK_BEHEREN)
    if not titel.strip():
        raise ValidationError({"titel": _("Vul de vraag in waarop dit het antwoord is.")})
    if not antwoord.strip():
        raise ValidationError({"antwoord": _("Vul het standaardantwoord in.")})
    artikel = kennisartikel or Kennisartikel()
    artikel.titel = titel.strip()
    artikel.antwoord = antwoord.strip()
    artikel.product = product
    artikel.trefwoorden = trefwoorden.strip()
    artikel.actief = actief
    artikel.gewijzigd_door = door
    artikel.full_clean()
    artikel.save()
    if artikel.actief:
        zoeken.document_bijwerken(
            soort=ZOEKSOORT,
            sleutel=str(artikel.pk),
            titel=artikel.titel,
            tekst="\n".join(
                deel
                for deel in (artikel.antwoord, artikel.trefwoorden, product.naam if product else "")
                if deel
            ),
            url=reverse("dienstverlening:kennisartikel", args=[artikel.pk]),
            openbaar=False,
            datum=timezone.localdate(),
        )
    else:
        zoeken.document_verwijderen(soort=ZOEKSOORT, sleutel=str(artikel.pk))
    return artikel
