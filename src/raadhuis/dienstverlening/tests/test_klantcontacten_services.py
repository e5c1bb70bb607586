"""The klantcontacten services: registering on every channel with its party, answering (from the
knowledge base, by e-mail, closing a question's case), callbacks with an owner and a deadline, the
knowledge base in the search index, the contact digital intake makes, and bad input that changes
nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from raadhuis.accounts.models import Rol
from raadhuis.core.models import Logregel, Zoekdocument
from raadhuis.dienstverlening.models import (
    Contactkanaal,
    Klantcontact,
    Partijsoort,
    Taakstatus,
    Terugbelverzoek,
    Uitnodiging,
)
from raadhuis.dienstverlening.selectors.intake import AGENDA
from raadhuis.dienstverlening.selectors.klantcontacten import kennisartikelen_zoeken
from raadhuis.dienstverlening.services import intake
from raadhuis.dienstverlening.services import klantcontacten as services
from raadhuis.dienstverlening.tests import factories
from raadhuis.dienstverlening.tests import factories_klantcontacten as kc
from raadhuis.dienstverlening.tests.factories import BSN_ANDER, BSN_INWONER, KVK_ONDERNEMER

pytestmark = pytest.mark.django_db

ONMIDDELLIJK = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CONTACT = {"naam": "J. Jansen", "emailadres": "j.jansen@example.org", "telefoonnummer": "0612345678"}


def _logregels(naam: str) -> int:
    return Logregel.objects.filter(naam=naam, verwerkingsactiviteit__sleutel=services.ACTIVITEIT).count()


# --- registering ----------------------------------------------------------------------------------------


def test_balievraag_opgelost_in_eerste_contact_is_afgehandeld_en_gelogd() -> None:
    # given a KCC employee at the desk
    medewerker = kc.kcc()
    # when a resident's question is answered on the spot
    contact = services.klantcontact_registreren(
        kanaal=Contactkanaal.BALIE,
        partijsoort=Partijsoort.INWONER,
        bsn="999 99 3653",
        onderwerp="Openingstijden milieustraat",
        antwoord="Zaterdag van 9 tot 16 uur.",
        opgelost_in_eerste_contact=True,
        door=medewerker,
    )
    # then it is done, resolved at once, registered by the employee, and logged for that resident
    assert contact.bsn == BSN_INWONER
    assert contact.afgehandeld is True
    assert contact.opgelost_in_eerste_contact is True
    assert contact.geregistreerd_door == medewerker
    assert _logregels("klantcontact.registreren") == 1


def test_vraag_zonder_antwoord_blijft_open() -> None:
    contact = kc.contact(inhoud="Wanneer komt de vuilniswagen?")
    assert contact.afgehandeld is False
    assert contact.opgelost_in_eerste_contact is False


def test_ondernemer_op_kvk_nummer_wordt_gelogd_op_kvk() -> None:
    contact = kc.contact(
        bsn="", partijsoort=Partijsoort.ONDERNEMER, kvk_nummer=KVK_ONDERNEMER, antwoord="Ja."
    )
    assert contact.kvk_nummer == KVK_ONDERNEMER
    assert Logregel.objects.filter(naam="klantcontact.registreren", betrokkene_type="KVK").count() == 1


def test_anoniem_contact_wordt_niet_gelogd() -> None:
    contact = kc.contact(bsn="", kanaal=Contactkanaal.CHAT, antwoord="Zie de website.")
    assert contact.partijsoort == Partijsoort.ANONIEM
    assert _logregels("klantcontact.registreren") == 0


@pytest.mark.parametrize(
    ("velden", "veld"),
    [
        ({"partijsoort": Partijsoort.INWONER, "bsn": "123456789"}, "bsn"),  # fails the 11-proef
        ({"partijsoort": Partijsoort.INWONER, "bsn": ""}, "bsn"),
        ({"partijsoort": Partijsoort.ONDERNEMER, "kvk_nummer": "1234567"}, "kvk_nummer"),
        ({"partijsoort": Partijsoort.ONDERNEMER, "kvk_nummer": "1234567a"}, "kvk_nummer"),
        ({"partijsoort": Partijsoort.ONDERNEMER, "kvk_nummer": KVK_ONDERNEMER, "bsn": BSN_INWONER}, "bsn"),
        ({"partijsoort": Partijsoort.ANONIEM, "bsn": BSN_INWONER}, "partijsoort"),
        ({"partijsoort": "gemeente"}, "partijsoort"),
        ({"kanaal": "fax"}, "kanaal"),
        ({"onderwerp": "  "}, "onderwerp"),
        ({"opgelost_in_eerste_contact": True}, "antwoord"),
        ({"emailadres": "geen-adres"}, "emailadres"),
        ({"plaatsgevonden_op": timezone.now() + dt.timedelta(days=1)}, "plaatsgevonden_op"),
    ],
)
def test_onjuiste_invoer_wordt_geweigerd_en_verandert_niets(velden: dict[str, Any], veld: str) -> None:
    medewerker = kc.kcc()
    argumenten: dict[str, Any] = {"kanaal": Contactkanaal.TELEFOON, "onderwerp": "Vraag", **velden}
    with pytest.raises(ValidationError) as fout:
        services.klantcontact_registreren(door=medewerker, **argumenten)
    assert veld in fout.value.message_dict
    assert not Klantcontact.objects.exists()
    assert not Logregel.objects.filter(naam="klantcontact.registreren").exists()


def test_zaak_van_een_ander_wordt_niet_gekoppeld() -> None:
    zaak = factories.zaak(bsn=BSN_ANDER)
    with pytest.raises(ValidationError) as fout:
        kc.contact(zaak=zaak)
    assert "zaak" in fout.value.message_dict
    assert not Klantcontact.objects.exists()


def test_contact_met_zaak_loopt_door_als_zaak() -> None:
    zaak = factories.zaak()
    contact = kc.contact(zaak=zaak)
    assert contact.afgehandeld is True
    assert contact.opgelost_in_eerste_contact is False


def test_alleen_front_office_mag_contacten_vastleggen() -> None:
    with pytest.raises(PermissionDenied):
        kc.contact(door=factories.medewerker(Rol.GRIFFIE))
    assert not Klantcontact.objects.exists()


# --- answering --------------------------------------------------------------------------------------------


def test_antwoord_uit_kennisbank_wordt_gemaild(
    settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given an open e-mail question from a resident and a standard answer
    settings.TASKS = ONMIDDELLIJK
    medewerker = kc.kcc()
    artikel = kc.kennisartikel(door=medewerker)
    contact = kc.contact(kanaal=Contactkanaal.EMAIL, emailadres="j.jansen@example.org", door=medewerker)
    # when the KCC answers with it
    with django_capture_on_commit_callbacks(execute=True):
        beantwoord = services.klantcontact_beantwoorden(
            klantcontact=contact, kennisartikel=artikel, door=medewerker
        )
    # then the contact is done (not resolved in the first contact), the answer is mailed once and,
    # the contact being finished, an invitation to the satisfaction survey follows
    assert beantwoord.antwoord == artikel.antwoord
    assert beantwoord.kennisartikel == artikel
    assert beantwoord.afgehandeld is True
    assert beantwoord.opgelost_in_eerste_contact is False
    antwoorden = [m for m in mail.outbox if artikel.antwoord in str(m.body)]
    assert len(antwoorden) == 1
    assert antwoorden[0].to == ["j.jansen@example.org"]
    assert len(mail.outbox) == 2
    assert Uitnodiging.objects.filter(klantcontact=contact).count() == 1
    assert _logregels("klantcontact.beantwoorden") == 1


def test_antwoord_zonder_tekst_wordt_geweigerd() -> None:
    contact = kc.contact()
    with pytest.raises(ValidationError) as fout:
        services.klantcontact_beantwoorden(klantcontact=contact, antwoord="  ", door=kc.kcc())
    assert "antwoord" in fout.value.message_dict
    contact.refresh_from_db()
    assert contact.afgehandeld is False
    assert contact.antwoord == ""


def test_afgehandeld_contact_kan_niet_opnieuw_worden_beantwoord() -> None:
    contact = kc.contact(antwoord="Eerste antwoord.")
    with pytest.raises(ValidationError):
        services.klantcontact_beantwoorden(klantcontact=contact, antwoord="Nog een.", door=kc.kcc())
    contact.refresh_from_db()
    assert contact.antwoord == "Eerste antwoord."


def _vraag_via_intake() -> Klantcontact:
    inwoner = factories.inwoner()
    aanvraag = intake.aanvraag_starten(product=factories.product("vraag-stellen"), door=inwoner)
    for stap, data in {
        "vraag": {"onderwerp": "Parkeervergunning", "vraag": "Hoe lang duurt de aanvraag?"},
        "contact": CONTACT,
    }.items():
        aanvraag = intake.stap_opslaan(aanvraag=aanvraag, stap=stap, data=data, door=inwoner, agenda=AGENDA)
    zaak = intake.aanvraag_indienen(aanvraag=aanvraag, door=inwoner, agenda=AGENDA)
    return Klantcontact.objects.get(zaak=zaak)


def test_digitale_vraag_wacht_op_antwoord_en_antwoord_sluit_de_zaak() -> None:
    # given a question a resident asked through the web form
    contact = _vraag_via_intake()
    assert contact.kanaal == Contactkanaal.WEBFORMULIER
    assert contact.partijsoort == Partijsoort.INWONER
    assert contact.bsn == BSN_INWONER
    assert contact.emailadres == "j.jansen@example.org"
    assert contact.product is not None
    assert contact.onderwerp == contact.product.naam
    assert contact.inhoud == "Parkeervergunning\n\nHoe lang duurt de aanvraag?"
    assert contact.afgehandeld is False
    assert contact.geregistreerd_door is None
    # when the KCC answers it
    services.klantcontact_beantwoorden(klantcontact=contact, antwoord="Twee weken.", door=kc.kcc())
    # then the question's case is closed with the result "Beantwoord"
    contact.refresh_from_db()
    assert contact.afgehandeld is True
    assert contact.zaak is not None
    assert contact.zaak.is_afgesloten
    assert contact.zaak.resultaattype is not None
    assert contact.zaak.resultaattype.omschrijving == "Beantwoord"


def test_digitale_aanvraag_van_een_product_loopt_door_als_zaak() -> None:
    inwoner = factories.inwoner()
    zaak = factories.zaak(door=inwoner)
    contact = services.klantcontact_na_intake(
        zaak=zaak, initiator=services.Initiator(bsn=BSN_INWONER, naam="J. Jansen"), door=inwoner
    )
    assert contact.afgehandeld is True
    assert contact.opgelost_in_eerste_contact is False
    assert zaak.product is not None
    assert contact.onderwerp == zaak.product.naam
    assert _logregels("klantcontact.registreren") == 1


def test_aanvraag_namens_iemand_maakt_geen_webformuliercontact() -> None:
    factories.zaak(door=kc.kcc())
    assert not Klantcontact.objects.exists()


# --- callbacks --------------------------------------------------------------------------------------------


def test_terugbelverzoek_zonder_eigenaar_wordt_geweigerd() -> None:
    # given a contact that was resolved at once
    contact = kc.contact(antwoord="Ja.", opgelost_in_eerste_contact=True)
    # when a callback without a person or team is asked for
    with pytest.raises(ValidationError) as fout:
        services.terugbelverzoek_aanmaken(
            klantcontact=contact,
            gevraagde_handeling="Terugbellen",
            deadline=timezone.now() + dt.timedelta(hours=4),
            door=kc.kcc(),
        )
    # then it is refused on the owner field, in Dutch, and nothing changed
    assert fout.value.message_dict["medewerker"] == ["Kies een medewerker of een team dat terugbelt."]
    assert not Terugbelverzoek.objects.exists()
    contact.refresh_from_db()
    assert contact.opgelost_in_eerste_contact is True
    assert contact.afgehandeld is True


@pytest.mark.parametrize(
    ("velden", "veld"),
    [
        ({"deadline": timezone.now() - dt.timedelta(minutes=1)}, "deadline"),
        ({"gevraagde_handeling": " "}, "gevraagde_handeling"),
    ],
)
def test_terugbelverzoek_met_onjuiste_invoer_verandert_niets(velden: dict[str, Any], veld: str) -> None:
    contact = kc.contact()
    medewerker = kc.kcc()
    argumenten: dict[str, Any] = {
        "gevraagde_handeling": "Terugbellen",
        "deadline": timezone.now() + dt.timedelta(hours=4),
        **velden,
    }
    with pytest.raises(ValidationError) as fout:
        services.terugbelverzoek_aanmaken(
            klantcontact=contact, medewerker=medewerker, door=medewerker, **argumenten
        )
    assert veld in fout.value.message_dict
    assert not Terugbelverzoek.objects.exists()


def test_terugbelverzoek_aan_iemand_zonder_klantcontactrecht_wordt_geweigerd() -> None:
    contact = kc.contact()
    with pytest.raises(ValidationError) as fout:
        kc.terugbelverzoek(contact, medewerker=factories.medewerker(Rol.GRIFFIE))
    assert "medewerker" in fout.value.message_dict


def test_terugbelverzoek_maakt_contact_open_en_niet_opgelost() -> None:
    contact = kc.contact(antwoord="Ik zoek het uit.", opgelost_in_eerste_contact=True)
    verzoek = kc.terugbelverzoek(contact, team=kc.team("Burgerzaken"))
    contact.refresh_from_db()
    assert verzoek.status == Taakstatus.TE_VERWERKEN
    assert verzoek.toegewezen_op is not None
    assert contact.opgelost_in_eerste_contact is False
    assert contact.afgehandeld is False


def test_contact_is_afgehandeld_als_het_laatste_terugbelverzoek_klaar_is() -> None:
    # given a contact with two callbacks
    medewerker = kc.kcc()
    contact = kc.contact(door=medewerker)
    eerste = kc.terugbelverzoek(contact, door=medewerker)
    tweede = kc.terugbelverzoek(contact, door=medewerker)
    # when the first is done the contact stays open; after the second it is done
    services.terugbelverzoek_afhandelen(
        terugbelverzoek=eerste, resultaat="Niet opgenomen.", contact_gelukt=False, door=medewerker
    )
    contact.refresh_from_db()
    assert contact.afgehandeld is False
    afgehandeld = services.terugbelverzoek_afhandelen(
        terugbelverzoek=tweede, resultaat="Uitgelegd.", contact_gelukt=True, door=medewerker
    )
    contact.refresh_from_db()
    assert contact.afgehandeld is True
    assert contact.opgelost_in_eerste_contact is False
    assert afgehandeld.status == Taakstatus.VERWERKT
    assert afgehandeld.afgehandeld_door == medewerker
    assert afgehandeld.contact_gelukt is True
    assert _logregels("terugbelverzoek.afhandelen") == 2


def test_afhandelen_vraagt_een_resultaat_en_kan_maar_een_keer() -> None:
    medewerker = kc.kcc()
    verzoek = kc.terugbelverzoek(kc.contact(door=medewerker), door=medewerker)
    with pytest.raises(ValidationError) as fout:
        services.terugbelverzoek_afhandelen(
            terugbelverzoek=verzoek, resultaat="", contact_gelukt=True, door=medewerker
        )
    assert "resultaat" in fout.value.message_dict
    verzoek.refresh_from_db()
    assert verzoek.status == Taakstatus.TE_VERWERKEN
    services.terugbelverzoek_afhandelen(
        terugbelverzoek=verzoek, resultaat="Klaar.", contact_gelukt=True, door=medewerker
    )
    with pytest.raises(ValidationError):
        services.terugbelverzoek_afhandelen(
            terugbelverzoek=verzoek, resultaat="Nog eens.", contact_gelukt=True, door=medewerker
        )
    verzoek.refresh_from_db()
    assert verzoek.resultaat == "Klaar."


def test_overdragen_aan_een_team() -> None:
    medewerker = kc.kcc()
    verzoek = kc.terugbelverzoek(kc.contact(door=medewerker), door=medewerker)
    burgerzaken = kc.team("Burgerzaken")
    overgedragen = services.terugbelverzoek_overdragen(
        terugbelverzoek=verzoek, team=burgerzaken, door=medewerker
    )
    assert overgedragen.medewerker is None
    assert overgedragen.team == burgerzaken
    with pytest.raises(ValidationError) as fout:
        services.terugbelverzoek_overdragen(terugbelverzoek=verzoek, door=medewerker)
    assert "medewerker" in fout.value.message_dict


# --- the knowledge base -----------------------------------------------------------------------------------


def test_kennisartikel_wordt_geindexeerd_en_gedeactiveerd_verdwijnt_het() -> None:
    # given a standard answer
    medewerker = kc.kcc()
    artikel = kc.kennisartikel(
        "Hoe vraag ik een parkeervergunning aan?",
        "Via de website met DigiD.",
        trefwoorden="auto",
        door=medewerker,
    )
    # then it is in the internal index and found by a word from its answer or keywords
    document = Zoekdocument.objects.get(soort="kennisartikel", sleutel=str(artikel.pk))
    assert document.openbaar is False
    assert kennisartikelen_zoeken("parkeervergunning") == [artikel]
    assert kennisartikelen_zoeken("auto") == [artikel]
    # when it is changed the index follows; when deactivated it leaves the index
    services.kennisartikel_opslaan(
        kennisartikel=artikel, titel="Parkeervergunning bewoners", antwoord="Via de website.", door=medewerker
    )
    assert (
        Zoekdocument.objects.get(soort="kennisartikel", sleutel=str(artikel.pk)).titel
        == "Parkeervergunning bewoners"
    )
    services.kennisartikel_opslaan(
        kennisartikel=artikel,
        titel="Parkeervergunning bewoners",
        antwoord="Via de website.",
        actief=False,
        door=medewerker,
    )
    assert not Zoekdocument.objects.filter(soort="kennisartikel", sleutel=str(artikel.pk)).exists()
    assert kennisartikelen_zoeken("parkeervergunning") == []


def test_kennisartikel_zonder_antwoord_wordt_geweigerd() -> None:
    with pytest.raises(ValidationError) as fout:
        kc.kennisartikel("Vraag", " ")
    assert "antwoord" in fout.value.message_dict
    assert not Zoekdocument.objects.filter(soort="kennisartikel").exists()


def test_alleen_front_office_beheert_de_kennisbank() -> None:
    with pytest.raises(PermissionDenied):
        kc.kennisartikel(door=factories.medewerker(Rol.CONTROLLER))


# --- the satisfaction survey after a finished contact ----------------------------------------------


def test_afgehandeld_contact_met_emailadres_krijgt_een_tevredenheidsuitnodiging() -> None:
    kcc = factories.medewerker(Rol.KCC_MEDEWERKER)
    contact = services.klantcontact_registreren(
        kanaal=Contactkanaal.TELEFOON,
        onderwerp="Openingstijden",
        antwoord="Maandag tot en met vrijdag van 9 tot 17 uur.",
        opgelost_in_eerste_contact=True,
        emailadres="a.bakker@example.org",
        door=kcc,
    )
    assert Uitnodiging.objects.filter(klantcontact=contact).count() == 1


def test_open_contact_krijgt_nog_geen_tevredenheidsuitnodiging() -> None:
    kcc = factories.medewerker(Rol.KCC_MEDEWERKER)
    contact = services.klantcontact_registreren(
        kanaal=Contactkanaal.TELEFOON,
        onderwerp="Vraag over erfpacht",
        emailadres="a.bakker@example.org",
        door=kcc,
    )
    assert not Uitnodiging.objects.filter(klantcontact=contact).exists()
