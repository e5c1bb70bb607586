"""Pages of petitions: public list and detail show counts but never signers, submitting and signing
with bad input, DigiD signing once, confirming by link, and the griffie's Werkplek actions."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort
from raadhuis.dienstverlening.tests.factories import inloggen
from raadhuis.samenleving.models import Ondertekening, Petitie
from raadhuis.samenleving.services import petities as services

pytestmark = pytest.mark.django_db
BSN = "999993653"


def digid(bsn: str = BSN, niveau: Betrouwbaarheidsniveau = Betrouwbaarheidsniveau.LAAG) -> Identiteit:
    return Identiteit(soort=Soort.INWONER, niveau=niveau, bsn=bsn, naam="J. Jansen", middel="digid")


def nieuwe_petitie(soort: str = Petitie.Soort.PETITIE, titel: str = "Zebrapad bij de school") -> Petitie:
    return services.petitie_indienen(
        soort=soort,
        titel=titel,
        tekst="Wij vragen de raad om een zebrapad.",
        initiatiefnemer_naam="Kees Jansen",
        initiatiefnemer_email="kees@example.org",
        ondertekenen_tot=timezone.localdate() + dt.timedelta(days=30),
    )


@pytest.fixture
def open_petitie(griffier: Medewerker) -> Petitie:
    return services.petitie_openen(petitie=nieuwe_petitie(), door=griffier)


@pytest.fixture
def griffie(client: Client, griffier: Medewerker) -> Client:
    client.force_login(griffier)
    return client


def url(naam: str, *args: object) -> str:
    return reverse(f"samenleving:{naam}", args=args)


# -- public ----------------------------------------------------------------------------------------


def test_lijst_toont_open_petitie_met_aantal_maar_geen_aangevraagde(
    client: Client, open_petitie: Petitie
) -> None:
    services.ondertekenen_met_digid(petitie=open_petitie, bsn=BSN)
    nieuwe_petitie(titel="Nog niet beoordeeld")
    antwoord = client.get(url("petities"))
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert open_petitie.titel in tekst
    assert "1 ondertekening" in tekst
    assert "Nog niet beoordeeld" not in tekst


def test_aangevraagde_petitie_is_niet_openbaar(client: Client) -> None:
    petitie = nieuwe_petitie()
    assert client.get(url("petitie", petitie.pk)).status_code == 404
    assert client.get(url("petitie_ondertekenen", petitie.pk)).status_code == 404


def test_detail_toont_aantal_en_nooit_wie(client: Client, open_petitie: Petitie) -> None:
    services.ondertekenen_met_digid(
        petitie=open_petitie, bsn=BSN, op_de_hoogte=True, emailadres="geheim@example.org"
    )
    tekst = client.get(url("petitie", open_petitie.pk)).content.decode()
    assert "1 ondertekening" in tekst
    assert "geheim@example.org" not in tekst
    assert "kees@example.org" not in tekst


def test_indienen_met_slechte_invoer_toont_fouten_bij_de_velden(client: Client) -> None:
    antwoord = client.post(
        url("petitie_indienen"),
        {
            "soort": "petitie",
            "titel": "",
            "tekst": "",
            "initiatiefnemer_email": "nee",
            "ondertekenen_tot": "gisteren",
        },
    )
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Vul een titel in." in tekst
    assert "Vul een geldig e-mailadres in" in tekst
    assert "Vul een geldige datum in" in tekst
    assert not Petitie.objects.exists()


def indienen_via_formulier(client: Client, soort: str, tot: dt.date) -> Any:
    gegevens = {
        "soort": soort,
        "titel": "Hondenlosloopgebied",
        "tekst": "Verzoek",
        "initiatiefnemer_naam": "N",
        "initiatiefnemer_email": "n@example.org",
        "ondertekenen_tot": tot.isoformat(),
    }
    return client.post(url("petitie_indienen"), gegevens)


def test_indienen_met_einddatum_vandaag_geweigerd(client: Client) -> None:
    antwoord = indienen_via_formulier(client, "petitie", timezone.localdate())
    assert antwoord.status_code == 400
    assert "Kies een einddatum na vandaag." in antwoord.content.decode()
    assert not Petitie.objects.exists()


def test_indienen_lukt(client: Client) -> None:
    antwoord = indienen_via_formulier(
        client, "burgerinitiatief", timezone.localdate() + dt.timedelta(days=10)
    )
    assert antwoord.status_code == 302
    assert Petitie.objects.get().status == Petitie.Status.AANGEVRAAGD


def test_ondertekenen_zonder_digid_toont_inlogknop_op_niveau_basis(
    client: Client, open_petitie: Petitie
) -> None:
    tekst = client.get(url("petitie_ondertekenen", open_petitie.pk)).content.decode()
    assert "/inloggen/digid/?niveau=laag" in tekst
    antwoord = client.post(url("petitie_ondertekenen", open_petitie.pk), {"kanaal": "digid"})
    assert antwoord.status_code == 400
    assert "Log eerst in met DigiD." in antwoord.content.decode()
    assert not Ondertekening.objects.exists()


def test_tweede_ondertekening_met_digid_geweigerd_met_duidelijke_melding(
    client: Client, open_petitie: Petitie
) -> None:
    inloggen(client, digid())
    eerste = client.post(url("petitie_ondertekenen", open_petitie.pk), {"kanaal": "digid"})
    assert eerste.status_code == 302
    assert client.get(eerste["Location"]).status_code == 200
    tweede = client.post(url("petitie_ondertekenen", open_petitie.pk), {"kanaal": "digid"})
    assert tweede.status_code == 400
    assert "U heeft deze petitie al ondertekend." in tweede.content.decode()
    assert services.aantal_ondertekeningen(open_petitie) == 1


def test_burgerinitiatief_zonder_verklaring_inwoner_geweigerd(client: Client, griffier: Medewerker) -> None:
    initiatief = services.petitie_openen(
        petitie=nieuwe_petitie(Petitie.Soort.BURGERINITIATIEF), door=griffier
    )
    inloggen(client, digid())
    pagina = client.get(url("petitie_ondertekenen", initiatief.pk)).content.decode()
    assert "Met uw e-mailadres" not in pagina
    antwoord = client.post(url("petitie_ondertekenen", initiatief.pk), {"kanaal": "digid"})
    assert antwoord.status_code == 400
    assert "Verklaar dat u in de gemeente woont" in antwoord.content.decode()
    assert (
        client.post(
            url("petitie_ondertekenen", initiatief.pk), {"kanaal": "digid", "inwoner_verklaard": "on"}
        ).status_code
        == 302
    )
    assert services.aantal_ondersteuners_inwoner(initiatief) == 1


def test_burgerinitiatief_per_email_geweigerd(client: Client, griffier: Medewerker) -> None:
    initiatief = services.petitie_openen(
        petitie=nieuwe_petitie(Petitie.Soort.BURGERINITIATIEF), door=griffier
    )
    antwoord = client.post(
        url("petitie_ondertekenen", initiatief.pk), {"kanaal": "email", "email-emailadres": "a@example.org"}
    )
    assert antwoord.status_code == 400
    assert not Ondertekening.objects.exists()


def test_email_ondertekenen_bevestigen_en_tweede_keer_geweigerd(
    client: Client, open_petitie: Petitie, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            url("petitie_ondertekenen", open_petitie.pk),
            {"kanaal": "email", "email-emailadres": "a@example.org"},
        )
    assert antwoord.status_code == 302
    assert "Kijk in uw mailbox" in client.get(antwoord["Location"]).content.decode()
    pad = re.search(r"/meedoen/petities/ondertekeningen/\d+/\w+/bevestigen/", str(mail.outbox[0].body))
    assert pad is not None
    assert client.get(pad.group(0)).status_code == 200
    assert services.aantal_ondertekeningen(open_petitie) == 0  # a GET (a mail scanner) confirms nothing
    assert "Uw ondertekening telt mee" in client.post(pad.group(0)).content.decode()
    assert services.aantal_ondertekeningen(open_petitie) == 1
    tweede = client.post(
        url("petitie_ondertekenen", open_petitie.pk), {"kanaal": "email", "email-emailadres": "A@example.org"}
    )
    assert tweede.status_code == 400
    assert "U heeft deze petitie al ondertekend." in tweede.content.decode()


def test_email_ondertekenen_met_slecht_adres(client: Client, open_petitie: Petitie) -> None:
    antwoord = client.post(
        url("petitie_ondertekenen", open_petitie.pk), {"kanaal": "email", "email-emailadres": "geen adres"}
    )
    assert antwoord.status_code == 400
    assert "Vul een geldig e-mailadres in" in antwoord.content.decode()
    assert not Ondertekening.objects.exists()


def test_bevestigen_met_verkeerde_sleutel_404(client: Client, open_petitie: Petitie) -> None:
    ondertekening = services.ondertekenen_per_email(petitie=open_petitie, emailadres="a@example.org")
    assert client.post(url("ondertekening_bevestigen", ondertekening.pk, "verkeerd")).status_code == 404
    ondertekening.refresh_from_db()
    assert ondertekening.bevestigd_op is None


def test_verlopen_link_zegt_het(client: Client, open_petitie: Petitie) -> None:
    ondertekening = services.ondertekenen_per_email(petitie=open_petitie, emailadres="a@example.org")
    Ondertekening.objects.filter(pk=ondertekening.pk).update(
        aangevraagd_op=timezone.now() - dt.timedelta(days=8)
    )
    antwoord = client.post(url("ondertekening_bevestigen", ondertekening.pk, services.sleutel(ondertekening)))
    assert antwoord.status_code == 400
    assert "verlopen" in antwoord.content.decode()


# -- Werkplek --------------------------------------------------------------------------------------


def test_werkplek_alleen_voor_de_griffie(client: Client) -> None:
    petitie = nieuwe_petitie()
    client.force_login(MedewerkerFactory(rollen=[Rol.RAADSLID]))
    assert client.get(url("werkplek_petities")).status_code == 403
    assert (
        client.post(
            url("werkplek_petitie_handeling", petitie.pk, "weigeren"), {"weigeren-reden": "x"}
        ).status_code
        == 403
    )
    petitie.refresh_from_db()
    assert petitie.status == Petitie.Status.AANGEVRAAGD


def test_werkplek_anoniem_naar_inloggen(client: Client) -> None:
    assert client.get(url("werkplek_petities")).status_code == 302


def test_griffie_opent_en_weigert_met_reden(griffie: Client) -> None:
    petitie = nieuwe_petitie()
    assert petitie.titel in griffie.get(url("werkplek_petities")).content.decode()
    leeg = griffie.post(url("werkplek_petitie_handeling", petitie.pk, "weigeren"), {"weigeren-reden": ""})
    assert leeg.status_code == 400
    assert "Schrijf waarom de petitie wordt geweigerd." in leeg.content.decode()
    tot = (timezone.localdate() + dt.timedelta(days=20)).isoformat()
    assert (
        griffie.post(
            url("werkplek_petitie_handeling", petitie.pk, "openen"), {"openen-ondertekenen_tot": tot}
        ).status_code
        == 302
    )
    petitie.refresh_from_db()
    assert petitie.status == Petitie.Status.OPEN


def test_handeling_die_niet_past_bij_de_status(griffie: Client, open_petitie: Petitie) -> None:
    antwoord = griffie.post(url("werkplek_petitie_handeling", open_petitie.pk, "afhandelen"), {})
    assert antwoord.status_code == 302
    open_petitie.refresh_from_db()
    assert open_petitie.status == Petitie.Status.OPEN
    assert griffie.post(url("werkplek_petitie_handeling", open_petitie.pk, "onbekend"), {}).status_code == 404


def test_griffie_beslist_ontvankelijkheid_en_ziet_drempel_niet_gehaald(
    griffie: Client, griffier: Medewerker
) -> None:
    initiatief = services.petitie_openen(
        petitie=nieuwe_petitie(Petitie.Soort.BURGERINITIATIEF), drempel=2, door=griffier
    )
    services.ondertekenen_met_digid(petitie=initiatief, bsn=BSN, inwoner_verklaard=True)
    assert griffie.post(url("werkplek_petitie_handeling", initiatief.pk, "sluiten"), {}).status_code == 302
    vandaag = timezone.localdate().isoformat()
    antwoord = griffie.post(
        url("werkplek_petitie_handeling", initiatief.pk, "ontvankelijkheid"),
        {"ontvankelijkheid-ontvankelijk": "ja", "ontvankelijkheid-beslist_op": vandaag},
    )
    assert antwoord.status_code == 400
    assert "de verordening vraagt er 2" in antwoord.content.decode()
    antwoord = griffie.post(
        url("werkplek_petitie_handeling", initiatief.pk, "ontvankelijkheid"),
        {
            "ontvankelijkheid-ontvankelijk": "nee",
            "ontvankelijkheid-grond": "te_weinig_steun",
            "ontvankelijkheid-beslist_op": vandaag,
        },
    )
    assert antwoord.status_code == 302
    initiatief.refresh_from_db()
    assert initiatief.ontvankelijkheid == Petitie.Ontvankelijkheid.NIET_ONTVANKELIJK


def test_te_laat_geagendeerd_gemarkeerd_in_de_werkplek(griffie: Client, griffier: Medewerker) -> None:
    initiatief = services.petitie_openen(
        petitie=nieuwe_petitie(Petitie.Soort.BURGERINITIATIEF), drempel=1, door=griffier
    )
    services.ondertekenen_met_digid(petitie=initiatief, bsn=BSN, inwoner_verklaard=True)
    services.petitie_sluiten(petitie=initiatief, door=griffier)
    services.ontvankelijkheid_beslissen(petitie=initiatief, ontvankelijk=True, door=griffier)
    assert "Te laat op de raadsagenda" not in griffie.get(url("werkplek_petities")).content.decode()
    Petitie.objects.filter(pk=initiatief.pk).update(
        agenderen_uiterlijk=timezone.localdate() - dt.timedelta(days=1)
    )
    assert "Te laat op de raadsagenda" in griffie.get(url("werkplek_petities")).content.decode()
