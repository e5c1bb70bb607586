"""Raadsvragen pages: a raadslid puts their own questions, the griffie for any member, the college
answers; bad input gets a message next to the field and stores nothing; concepts and draft answers
never reach the public pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming.models import Abonnement, Lidmaatschap, Persoon, Raadsvraag, Raadsvragenregeling
from raadhuis.besluitvorming.services import raadsvragen as diensten
from raadhuis.besluitvorming.tests.factories import (
    LidmaatschapFactory,
    OrgaanFactory,
    Raad,
    VergaderingFactory,
    raad_met_leden,
)

pytestmark = pytest.mark.django_db

NIEUW = reverse("besluitvorming:werkplek_raadsvraag_nieuw")


@pytest.fixture
def raad() -> Raad:
    return raad_met_leden((2, 1))


@pytest.fixture
def wethouder() -> Persoon:
    return LidmaatschapFactory(
        orgaan=OrgaanFactory(college=True), functie=Lidmaatschap.Functie.WETHOUDER
    ).persoon


def _ingelogd(client: Client, rol: Rol, persoon: Persoon | None = None) -> tuple[Client, Medewerker]:
    medewerker = MedewerkerFactory(rollen=[rol])
    if persoon is not None:
        persoon.medewerker = medewerker
        persoon.save()
    client.force_login(medewerker)
    return client, medewerker


def _invoer(*indieners: int, **extra: object) -> dict[str, object]:
    return {
        "onderwerp": "Bomenkap Ackerswoude",
        "inleiding": "Bewoners meldden kap.",
        "vragen": "1. Hoeveel bomen zijn gekapt?\n\n2) Wanneer wordt herplant?",
        "indieners": list(indieners),
        "indienen": "1",
        **extra,
    }


def _ingediend(raad: Raad, griffier: Medewerker, *, op: dt.date | None = None) -> Raadsvraag:
    return diensten.raadsvraag_opstellen(
        onderwerp="Speeltuin Emerald",
        vragen=["Wanneer wordt het toestel hersteld?"],
        indieners=[raad.leden[0]],
        indienen=True,
        ingediend_op=op,
        door=griffier,
    )


def test_raadslid_dient_eigen_vragen_in_met_zichzelf_voorgekozen(client: Client, raad: Raad) -> None:
    client, _raadslid = _ingelogd(client, Rol.RAADSLID, raad.leden[0])
    formulier = client.get(NIEUW).content.decode()
    assert f'value="{raad.leden[0].pk}" ' in formulier
    assert "checked" in formulier
    assert 'name="ingediend_op"' not in formulier

    antwoord = client.post(NIEUW, _invoer(raad.leden[0].pk))
    vraag = Raadsvraag.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("besluitvorming:werkplek_raadsvraag", args=[vraag.pk])
    assert [v.tekst for v in vraag.vragen.all()] == ["Hoeveel bomen zijn gekapt?", "Wanneer wordt herplant?"]
    assert vraag.status == Raadsvraag.Status.INGEDIEND


def test_raadslid_kan_niet_namens_een_ander_raadslid_indienen(client: Client, raad: Raad) -> None:
    client, _raadslid = _ingelogd(client, Rol.RAADSLID, raad.leden[0])
    antwoord = client.post(NIEUW, _invoer(raad.leden[1].pk))
    assert antwoord.status_code == 422
    assert "Een raadslid stelt alleen eigen raadsvragen" in antwoord.content.decode()
    assert not Raadsvraag.objects.exists()


def test_griffie_registreert_voor_een_raadslid_maar_niet_voor_een_buitenstaander(
    client: Client, raad: Raad, wethouder: Persoon, griffier: Medewerker
) -> None:
    client.force_login(griffier)
    antwoord = client.post(NIEUW, _invoer(wethouder.pk))
    # The wethouder is no raadslid: not even a choice on the form.
    assert antwoord.status_code == 422
    assert 'id="id_indieners_error"' in antwoord.content.decode() or "indieners" in antwoord.content.decode()
    assert not Raadsvraag.objects.exists()

    antwoord = client.post(NIEUW, _invoer(raad.leden[2].pk, ingediend_op="2026-03-02"))
    assert antwoord.status_code == 302
    assert Raadsvraag.objects.get().ingediend_op == dt.date(2026, 3, 2)


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("onderwerp", "", "Dit veld is verplicht"),
        ("vragen", "1.\n\n2)", "Stel ten minste één vraag."),
        ("ingediend_op", "2999-01-01", "De datum van indiening ligt niet in de toekomst."),
        ("ingediend_op", "gisteren", "geldige datum"),
    ],
)
def test_slechte_invoer_staat_bij_het_veld_en_slaat_niets_op(
    client: Client, raad: Raad, griffier: Medewerker, veld: str, waarde: str, melding: str
) -> None:
    client.force_login(griffier)
    antwoord = client.post(NIEUW, _invoer(raad.leden[0].pk, **{veld: waarde}))
    assert antwoord.status_code == 422
    inhoud = antwoord.content.decode()
    assert melding in inhoud or melding.lower() in inhoud.lower()
    assert f"id_{veld}_error" in inhoud
    assert not Raadsvraag.objects.exists()


def test_concept_en_conceptantwoord_blijven_uit_de_openbare_pagina(
    client: Client, raad: Raad, wethouder: Persoon, griffier: Medewerker
) -> None:
    concept = diensten.raadsvraag_opstellen(
        onderwerp="Geheim concept", vragen=["Vraag?"], indieners=[raad.leden[0]], door=griffier
    )
    vraag = _ingediend(raad, griffier, op=timezone.localdate())
    diensten.raadsvraag_toewijzen(raadsvraag=vraag, portefeuillehouder=wethouder, door=griffier)
    college = MedewerkerFactory(rollen=[Rol.COLLEGELID])
    diensten.raadsvraag_conceptantwoord_opslaan(raadsvraag=vraag, tekst="Interne werktekst", door=college)

    register = client.get(reverse("besluitvorming:raadsvragen_register")).content.decode()
    assert "Speeltuin Emerald" in register
    assert "Geheim concept" not in register
    detail = client.get(reverse("besluitvorming:raadsvraag", args=[vraag.kenmerk]))
    assert detail.status_code == 200
    assert "Interne werktekst" not in detail.content.decode()
    assert concept.kenmerk == ""
    assert client.get(reverse("besluitvorming:raadsvraag", args=["RV-2099-999"])).status_code == 404


def test_raadslid_ziet_het_conceptantwoord_niet_de_griffie_wel(
    client: Client, raad: Raad, wethouder: Persoon, griffier: Medewerker
) -> None:
    vraag = _ingediend(raad, griffier, op=timezone.localdate())
    diensten.raadsvraag_toewijzen(raadsvraag=vraag, portefeuillehouder=wethouder, door=griffier)
    college = MedewerkerFactory(rollen=[Rol.COLLEGELID])
    diensten.raadsvraag_conceptantwoord_opslaan(raadsvraag=vraag, tekst="Interne werktekst", door=college)
    pagina = reverse("besluitvorming:werkplek_raadsvraag", args=[vraag.pk])

    client, _raadslid = _ingelogd(client, Rol.RAADSLID, raad.leden[0])
    assert "Interne werktekst" not in client.get(pagina).content.decode()
    client.force_login(griffier)
    assert "Interne werktekst" in client.get(pagina).content.decode()


def test_concept_van_een_ander_raadslid_bestaat_niet_voor_jou(
    client: Client, raad: Raad, griffier: Medewerker
) -> None:
    concept = diensten.raadsvraag_opstellen(
        onderwerp="Concept", vragen=["Vraag?"], indieners=[raad.leden[0]], door=griffier
    )
    client, _ander = _ingelogd(client, Rol.RAADSLID, raad.leden[1])
    assert client.get(reverse("besluitvorming:werkplek_raadsvraag", args=[concept.pk])).status_code == 404
    antwoord = client.post(reverse("besluitvorming:werkplek_raadsvraag_indienen", args=[concept.pk]))
    assert antwoord.status_code == 404
    concept.refresh_from_db()
    assert concept.status == Raadsvraag.Status.CONCEPT


def test_college_beantwoordt_via_het_formulier(
    client: Client, raad: Raad, wethouder: Persoon, griffier: Medewerker
) -> None:
    vraag = _ingediend(raad, griffier, op=timezone.localdate())
    diensten.raadsvraag_toewijzen(raadsvraag=vraag, portefeuillehouder=wethouder, door=griffier)
    client, _college = _ingelogd(client, Rol.COLLEGELID, wethouder)
    url = reverse("besluitvorming:werkplek_raadsvraag_antwoord", args=[vraag.pk])

    leeg = client.post(url, {"tekst": "", "verzenden": "1"})
    assert leeg.status_code == 422
    assert "Geef het antwoord van het college." in leeg.content.decode()

    antwoord = client.post(url, {"tekst": "Het toestel wordt in mei hersteld.", "verzenden": "1"})
    assert antwoord.status_code == 302
    vraag.refresh_from_db()
    assert vraag.status == Raadsvraag.Status.BEANTWOORD
    publiek = client.get(reverse("besluitvorming:raadsvraag", args=[vraag.kenmerk])).content.decode()
    assert "Het toestel wordt in mei hersteld." in publiek


def test_griffie_beantwoordt_niet(client: Client, raad: Raad, griffier: Medewerker) -> None:
    vraag = _ingediend(raad, griffier)
    client.force_login(griffier)
    url = reverse("besluitvorming:werkplek_raadsvraag_antwoord", args=[vraag.pk])
    assert client.post(url, {"tekst": "Antwoord", "verzenden": "1"}).status_code == 403
    vraag.refresh_from_db()
    assert vraag.status == Raadsvraag.Status.INGEDIEND


def test_toewijzen_aan_een_raadslid_geeft_een_melding_bij_het_veld(
    client: Client, raad: Raad, griffier: Medewerker
) -> None:
    vraag = _ingediend(raad, griffier)
    client.force_login(griffier)
    url = reverse("besluitvorming:werkplek_raadsvraag_toewijzen", args=[vraag.pk])
    antwoord = client.post(url, {"portefeuillehouder": raad.leden[1].pk})
    assert antwoord.status_code == 422
    assert "id_portefeuillehouder_error" in antwoord.content.decode()
    vraag.refresh_from_db()
    assert vraag.portefeuillehouder is None


def test_uitstel_zonder_reden_wordt_geweigerd(
    client: Client, raad: Raad, wethouder: Persoon, griffier: Medewerker
) -> None:
    vraag = _ingediend(raad, griffier, op=timezone.localdate())
    client.force_login(griffier)
    url = reverse("besluitvorming:werkplek_raadsvraag_uitstel", args=[vraag.pk])
    antwoord = client.post(url, {"aantal": "14", "eenheid": "dagen", "reden": ""})
    assert antwoord.status_code == 422
    assert "id_reden_error" in antwoord.content.decode()
    assert client.post(url, {"aantal": "14", "eenheid": "dagen", "reden": "Advies"}).status_code == 302
    vraag.refresh_from_db()
    assert vraag.uitstel_aantal == 14


def test_griffie_stelt_de_termijn_in_met_foutmelding_bij_onzin(client: Client, griffier: Medewerker) -> None:
    client.force_login(griffier)
    url = reverse("besluitvorming:werkplek_raadsvragen_termijn")
    fout = client.post(url, {"antwoordtermijn": "0", "eenheid": "dagen", "grondslag": "art. 40 RvO"})
    assert fout.status_code == 422
    assert "id_antwoordtermijn_error" in fout.content.decode()
    assert not Raadsvragenregeling.objects.exists()
    goed = client.post(url, {"antwoordtermijn": "21", "eenheid": "dagen", "grondslag": "art. 40 RvO"})
    assert goed.status_code == 302
    assert Raadsvragenregeling.objects.get().antwoordtermijn == 21


def test_werkplekregister_toont_te_late_vragen(client: Client, raad: Raad, griffier: Medewerker) -> None:
    vraag = _ingediend(raad, griffier, op=timezone.localdate() - dt.timedelta(days=90))
    client.force_login(griffier)
    pagina = client.get(reverse("besluitvorming:werkplek_raadsvragen"), {"alleen_te_laat": "on"})
    inhoud = pagina.content.decode()
    assert pagina.status_code == 200
    assert vraag.kenmerk in inhoud
    assert "te laat" in inhoud


def test_openbaar_register_zoekt_en_filtert(client: Client, raad: Raad, griffier: Medewerker) -> None:
    _ingediend(raad, griffier)
    url = reverse("besluitvorming:raadsvragen_register")
    assert "Speeltuin Emerald" in client.get(url, {"zoekterm": "toestel"}).content.decode()
    assert "Speeltuin Emerald" not in client.get(url, {"zoekterm": "parkeren"}).content.decode()
    assert client.get(url, {"status": "concept"}).status_code == 422


def test_zoeken_in_raadsstukken_vindt_ingediende_raadsvragen_maar_geen_concept(
    client: Client, raad: Raad, griffier: Medewerker
) -> None:
    vraag = _ingediend(raad, griffier)
    diensten.raadsvraag_opstellen(
        onderwerp="Speeltuin Keijzershof concept",
        vragen=["Toestel?"],
        indieners=[raad.leden[1]],
        door=griffier,
    )
    pagina = client.get(reverse("besluitvorming:zoeken"), {"q": "toestel"}).content.decode()
    assert reverse("besluitvorming:raadsvraag", args=[vraag.kenmerk]) in pagina
    assert "Keijzershof concept" not in pagina


def test_toezegging_uit_het_antwoord_met_foutmelding_bij_het_veld(
    client: Client, raad: Raad, wethouder: Persoon, griffier: Medewerker
) -> None:
    vraag = _ingediend(raad, griffier, op=timezone.localdate())
    diensten.raadsvraag_toewijzen(raadsvraag=vraag, portefeuillehouder=wethouder, door=griffier)
    vergadering = VergaderingFactory(orgaan=raad.orgaan, begin=timezone.now())
    client.force_login(griffier)
    url = reverse("besluitvorming:werkplek_raadsvraag_toezegging", args=[vraag.pk])
    invoer = {"vergadering": vergadering.pk, "tekst": "Brief over herstel.", "uiterste_datum": "2000-01-01"}
    fout = client.post(url, invoer)
    assert fout.status_code == 422
    assert "De uiterste datum kan niet vóór de vergadering liggen" in fout.content.decode()
    assert not vraag.toezeggingen.exists()
    goed = client.post(url, {**invoer, "uiterste_datum": "2099-01-01"})
    assert goed.status_code == 302
    assert vraag.toezeggingen.get().portefeuillehouder == wethouder


def test_persoonspagina_noemt_de_ingediende_raadsvragen_van_het_lid(
    client: Client, raad: Raad, griffier: Medewerker
) -> None:
    vraag = _ingediend(raad, griffier)
    diensten.raadsvraag_opstellen(
        onderwerp="Nog een concept", vragen=["Vraag?"], indieners=[raad.leden[0]], door=griffier
    )
    pagina = client.get(reverse("besluitvorming:persoon", args=[raad.leden[0].slug])).content.decode()
    assert reverse("besluitvorming:raadsvraag", args=[vraag.kenmerk]) in pagina
    assert "Nog een concept" not in pagina


def test_aanmelden_alleen_voor_raadsvragen(client: Client) -> None:
    antwoord = client.post(
        reverse("besluitvorming:meldingen"), {"emailadres": "volger@example.org", "raadsvragen": "on"}
    )
    assert antwoord.status_code == 302
    abonnement = Abonnement.objects.get()
    assert (abonnement.agendas, abonnement.besluiten, abonnement.raadsvragen) == (False, False, True)
    niets = client.post(reverse("besluitvorming:meldingen"), {"emailadres": "ander@example.org"})
    assert niets.status_code != 302
    assert "raadsvragen of een combinatie" in niets.content.decode()
    assert Abonnement.objects.count() == 1


def test_raadslid_bewerkt_en_dient_het_eigen_concept_in(client: Client, raad: Raad) -> None:
    client, raadslid = _ingelogd(client, Rol.RAADSLID, raad.leden[0])
    concept = diensten.raadsvraag_opstellen(
        onderwerp="Eerste opzet", vragen=["Vraag een?"], indieners=[raad.leden[0]], door=raadslid
    )
    url = reverse("besluitvorming:werkplek_raadsvraag_bewerken", args=[concept.pk])
    assert "Eerste opzet" in client.get(url).content.decode()
    fout = client.post(url, _invoer(raad.leden[0].pk, onderwerp=""))
    assert fout.status_code == 422
    assert "id_onderwerp_error" in fout.content.decode()
    antwoord = client.post(url, _invoer(raad.leden[0].pk))
    assert antwoord.status_code == 302
    concept.refresh_from_db()
    assert concept.onderwerp == "Bomenkap Ackerswoude"
    assert concept.status == Raadsvraag.Status.INGEDIEND
    assert client.get(url).status_code == 404


def test_atom_feed_noemt_ingediende_vragen_en_antwoorden_maar_geen_concept(
    client: Client, raad: Raad, wethouder: Persoon, griffier: Medewerker
) -> None:
    vraag = _ingediend(raad, griffier, op=timezone.localdate())
    diensten.raadsvraag_toewijzen(raadsvraag=vraag, portefeuillehouder=wethouder, door=griffier)
    college = MedewerkerFactory(rollen=[Rol.COLLEGELID])
    diensten.raadsvraag_beantwoorden(raadsvraag=vraag, antwoord="Hersteld in\x0b mei.", door=college)
    diensten.raadsvraag_opstellen(
        onderwerp="Concept voor de feed", vragen=["Vraag?"], indieners=[raad.leden[1]], door=griffier
    )
    antwoord = client.get(reverse("besluitvorming:raadsvragen_feed"))
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("application/atom+xml")
    assert vraag.kenmerk in inhoud
    assert "Hersteld in mei." in inhoud
    assert "Concept voor de feed" not in inhoud
