"""Pages of maatschappelijke partners: public where public (never contact persons), who may change
what in the Werkplek, and bad input answered next to the field with nothing stored."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.publicatie import waardelijsten
from raadhuis.samenleving.forms_partners import SubsidieForm
from raadhuis.samenleving.models import Convenant, Openbaarmaking, Partner, Subsidieverplichting
from raadhuis.samenleving.services import partners as services
from raadhuis.samenleving.tests.partners_hulp import (
    beheerder,
    controller,
    convenant,
    partner,
    pdf_bestand,
    subsidie,
)
from raadhuis.uitvoering import services as uitvoering
from raadhuis.uitvoering.tests.hulp import keten

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _opslag(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.RAADHUIS_PRIVE_ROOT = str(tmp_path / "prive")


def inloggen(client: Any, rol: str) -> Medewerker:
    gebruiker: Medewerker = MedewerkerFactory(rollen=[rol])
    client.force_login(gebruiker)
    return gebruiker


def _met_contact_en_concept() -> tuple[Partner, Convenant, Convenant]:
    door = beheerder()
    p = partner(door, naam="Stichting Welzijn Oostland")
    services.contactpersoon_toevoegen(
        door=door,
        partner=p,
        gegevens={"naam": "Petra Geheimhouder", "functie": "", "email": "petra@example.org", "telefoon": ""},
    )
    openbaar = services.convenant_publiceren(
        door=door, convenant=convenant(door, [p], titel="Openbaar convenant")
    )
    concept = convenant(door, [p], titel="Concept convenant")
    return p, openbaar, concept


def test_openbare_pagina_toont_gepubliceerd_maar_nooit_contactpersonen_of_concepten(client: Any) -> None:
    p, _openbaar, _concept = _met_contact_en_concept()
    subsidie(controller(), p, doel="Niet gepubliceerde subsidie")
    lijst = client.get(reverse("samenleving:partners")).content.decode()
    assert "Stichting Welzijn Oostland" in lijst
    pagina = client.get(reverse("samenleving:partner", args=[p.slug]))
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "Openbaar convenant" in tekst
    assert "Concept convenant" not in tekst
    assert "Niet gepubliceerde subsidie" not in tekst
    assert "Petra Geheimhouder" not in tekst
    assert "petra@example.org" not in tekst


def test_inactieve_partner_is_niet_openbaar(client: Any) -> None:
    p = partner(actief=False, naam="Vroegere partner")
    assert client.get(reverse("samenleving:partner", args=[p.slug])).status_code == 404
    assert "Vroegere partner" not in client.get(reverse("samenleving:partners")).content.decode()


def test_filter_op_soort_en_woord(client: Any) -> None:
    door = beheerder()
    partner(door, naam="Woonstichting Oost", soort="woningcorporatie", kvk_nummer="11111111")
    partner(door, naam="Welzijn West", soort="welzijn", kvk_nummer="22222222")
    tekst = client.get(reverse("samenleving:partners"), {"soort": "woningcorporatie"}).content.decode()
    assert "Woonstichting Oost" in tekst
    assert "Welzijn West" not in tekst
    tekst = client.get(reverse("samenleving:partners"), {"q": "west"}).content.decode()
    assert "Welzijn West" in tekst
    assert "Woonstichting Oost" not in tekst


@pytest.mark.parametrize("query", [{"doel": "abc"}, {"soort": "bestaat-niet"}, {"q": "x" * 200}])
def test_ongeldig_filter_krijgt_een_melding(client: Any, query: dict[str, str]) -> None:
    antwoord = client.get(reverse("samenleving:partners"), query)
    assert antwoord.status_code == 400
    assert "utrecht-form-field-error-message" in antwoord.content.decode()


def test_werkplek_vraagt_inloggen_en_de_juiste_rol(client: Any) -> None:
    p = partner()
    adres = reverse("samenleving:partner_werkplek", args=[p.slug])
    assert client.get(adres).status_code == 302
    inloggen(client, Rol.GRIFFIE)
    assert client.get(adres).status_code == 403
    inloggen(client, Rol.CONTROLLER)
    assert client.get(adres).status_code == 200
    assert client.get(reverse("samenleving:partner_nieuw")).status_code == 403


def test_werkplek_toont_contactpersonen_aan_beheerders(client: Any) -> None:
    p, _openbaar, _concept = _met_contact_en_concept()
    inloggen(client, Rol.BEHEERDER)
    tekst = client.get(reverse("samenleving:partner_werkplek", args=[p.slug])).content.decode()
    assert "Petra Geheimhouder" in tekst
    assert "Concept convenant" in tekst


def _partnerformulier(**gegevens: str) -> dict[str, str]:
    return {"naam": "Nieuwe partner", "kvk_nummer": "12345678", "soort": "zorg", "actief": "on"} | gegevens


def test_partner_aanmaken(client: Any) -> None:
    inloggen(client, Rol.COLLEGELID)
    antwoord = client.post(reverse("samenleving:partner_nieuw"), _partnerformulier())
    assert antwoord.status_code == 302
    assert Partner.objects.get().kvk_nummer == "12345678"


@pytest.mark.parametrize(
    ("gegevens", "melding"),
    [
        ({"kvk_nummer": "1234"}, "8 cijfers"),
        ({"naam": ""}, ""),
        ({"soort": "iets"}, ""),
        ({"website": "geen adres met spaties"}, ""),
    ],
)
def test_partner_met_foute_invoer_geeft_melding_bij_het_veld(
    client: Any, gegevens: dict[str, str], melding: str
) -> None:
    inloggen(client, Rol.BEHEERDER)
    antwoord = client.post(reverse("samenleving:partner_nieuw"), _partnerformulier(**gegevens))
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "utrecht-form-field-error-message" in tekst
    assert melding in tekst
    assert not Partner.objects.exists()


def test_dubbel_kvk_nummer_geeft_melding(client: Any) -> None:
    partner(kvk_nummer="12345678")
    inloggen(client, Rol.BEHEERDER)
    antwoord = client.post(reverse("samenleving:partner_nieuw"), _partnerformulier(naam="Ander"))
    assert antwoord.status_code == 400
    assert "KvK-nummer" in antwoord.content.decode()
    assert Partner.objects.count() == 1


def test_contactpersoon_toevoegen_met_fout_adres(client: Any) -> None:
    p = partner()
    inloggen(client, Rol.BEHEERDER)
    adres = reverse("samenleving:partner_contact", args=[p.slug])
    antwoord = client.post(adres, {"contact-naam": "Kees", "contact-email": "geen-adres"})
    assert antwoord.status_code == 400
    assert "utrecht-form-field-error-message" in antwoord.content.decode()
    assert not p.contactpersonen.exists()
    antwoord = client.post(adres, {"contact-naam": "Kees", "contact-email": "kees@example.org"})
    assert antwoord.status_code == 302
    contact = p.contactpersonen.get()
    assert (
        client.post(reverse("samenleving:partner_contact_verwijderen", args=[contact.pk])).status_code == 302
    )
    assert not p.contactpersonen.exists()


def test_convenant_met_verkeerd_bestand_wordt_niet_opgeslagen(client: Any) -> None:
    p = partner()
    inloggen(client, Rol.BEHEERDER)
    gegevens = {
        "titel": "Convenant",
        "partners": [str(p.pk)],
        "onderwerp": "Samenwerken",
        "ondertekend_op": "2026-01-15",
        "geldig_van": "2026-02-01",
    }
    nep = SimpleUploadedFile("convenant.pdf", b"MZ\x90 programma", content_type="application/pdf")
    antwoord = client.post(reverse("samenleving:partner_convenant_nieuw"), gegevens | {"document": nep})
    assert antwoord.status_code == 400
    assert not Convenant.objects.exists()
    antwoord = client.post(
        reverse("samenleving:partner_convenant_nieuw"), gegevens | {"document": pdf_bestand()}
    )
    assert antwoord.status_code == 302
    assert Convenant.objects.get().partners.get() == p


def test_convenant_publiceren_en_intrekken_via_de_werkplek(client: Any) -> None:
    door = beheerder()
    c = convenant(door, [partner(door)])
    inloggen(client, Rol.CONTROLLER)
    assert client.post(reverse("samenleving:partner_convenant_publiceren", args=[c.pk])).status_code == 403
    inloggen(client, Rol.COLLEGELID)
    assert client.get(reverse("samenleving:partner_convenant_publiceren", args=[c.pk])).status_code == 405
    assert client.post(reverse("samenleving:partner_convenant_publiceren", args=[c.pk])).status_code == 302
    c.refresh_from_db()
    assert c.status == Openbaarmaking.GEPUBLICEERD
    intrekken = reverse("samenleving:partner_convenant_intrekken", args=[c.pk])
    antwoord = client.post(intrekken, {"intrekken-reden": "zomaar"})
    assert antwoord.status_code == 400
    c.refresh_from_db()
    assert c.status == Openbaarmaking.GEPUBLICEERD
    assert (
        client.post(intrekken, {"intrekken-reden": waardelijsten.REDEN_PROCEDURELE_FOUT}).status_code == 302
    )
    c.refresh_from_db()
    assert c.status == Openbaarmaking.INGETROKKEN


def test_convenantdocument_alleen_voor_medewerkers_met_recht(client: Any) -> None:
    door = beheerder()
    c = convenant(door, [partner(door)])
    adres = reverse("samenleving:partner_convenant_document", args=[c.pk])
    assert client.get(adres).status_code == 302
    inloggen(client, Rol.GRIFFIE)
    assert client.get(adres).status_code == 403
    inloggen(client, Rol.CONTROLLER)
    antwoord = client.get(adres)
    assert antwoord.status_code == 200
    assert b"".join(antwoord.streaming_content).startswith(b"%PDF")  # type: ignore[arg-type]


def _subsidieformulier(p: Partner, **gegevens: str) -> dict[str, str]:
    return {
        "partner": str(p.pk),
        "doel": "Buurtwerk",
        "bedrag": "12.500,50",
        "van_jaar": "2026",
        "tot_en_met_jaar": "2026",
        "vorm": "overeenkomst",
        "grondslag": "verordening",
        "grondslag_toelichting": "Algemene subsidieverordening",
        "aangegaan_op": "2025-12-01",
    } | gegevens


def test_subsidie_met_nederlands_bedrag(client: Any) -> None:
    p = partner()
    inloggen(client, Rol.CONTROLLER)
    antwoord = client.post(reverse("samenleving:partner_subsidie_nieuw"), _subsidieformulier(p))
    assert antwoord.status_code == 302
    assert str(Subsidieverplichting.objects.get().bedrag) == "12500.50"


@pytest.mark.parametrize(
    "gegevens",
    [
        {"bedrag": "abc"},
        {"bedrag": "0"},
        {"bedrag": "-5"},
        {"bedrag": "1,005"},
        {"tot_en_met_jaar": "2025"},
        {"grondslag": "incidenteel", "tot_en_met_jaar": "2031"},
        {"grondslag_toelichting": ""},
        {"van_jaar": "twintig"},
    ],
)
def test_subsidie_met_foute_invoer(client: Any, gegevens: dict[str, str]) -> None:
    p = partner()
    inloggen(client, Rol.CONTROLLER)
    antwoord = client.post(reverse("samenleving:partner_subsidie_nieuw"), _subsidieformulier(p, **gegevens))
    assert antwoord.status_code == 400
    assert "utrecht-form-field-error-message" in antwoord.content.decode()
    assert not Subsidieverplichting.objects.exists()


def test_subsidie_publiceren_alleen_met_recht(client: Any) -> None:
    s = subsidie(controller(), partner())
    inloggen(client, Rol.GRIFFIE)
    assert client.post(reverse("samenleving:partner_subsidie_publiceren", args=[s.pk])).status_code == 403
    inloggen(client, Rol.CONTROLLER)
    assert client.post(reverse("samenleving:partner_subsidie_publiceren", args=[s.pk])).status_code == 302
    s.refresh_from_db()
    assert s.status == Openbaarmaking.GEPUBLICEERD
    tekst = client.get(reverse("samenleving:partner", args=[s.partner.slug])).content.decode()
    assert "Buurtwerk 2026" in tekst


@pytest.mark.parametrize(
    ("invoer", "bedrag"),
    [
        ("12500", "12500"),
        ("12.500", "12500"),
        ("12.500,50", "12500.50"),
        ("€ 12 500,50", "12500.50"),
        ("12500.50", "12500.50"),
        ("12,500.50", "12500.50"),
        ("1.250.000", "1250000"),
        ("0,5", "0.5"),
    ],
)
def test_bedrag_zoals_mensen_het_typen(invoer: str, bedrag: str) -> None:
    form = SubsidieForm({"bedrag": invoer})
    form.is_valid()
    assert "bedrag" not in form.errors
    assert form.cleaned_data["bedrag"] == Decimal(bedrag)


def test_zoeken_vindt_een_partner_ook_via_een_gepubliceerd_convenant(client: Any) -> None:
    door = beheerder()
    p = partner(door, naam="Stichting Buurtkracht")
    partner(door, naam="Andere partner", kvk_nummer="87654321")
    c = convenant(door, [p], titel="Convenant speeltuinen")
    assert (
        "Stichting Buurtkracht"
        not in client.get(reverse("samenleving:partners"), {"q": "speeltuinen"}).content.decode()
    )
    services.convenant_publiceren(door=door, convenant=c)
    tekst = client.get(reverse("samenleving:partners"), {"q": "speeltuin"}).content.decode()
    assert "Stichting Buurtkracht" in tekst
    assert "Andere partner" not in tekst


def _aantal_queries(client: Any, adres: str) -> int:
    with CaptureQueriesContext(connection) as vragen:
        assert client.get(adres).status_code == 200
    return len(vragen)


def test_lijsten_doen_niet_meer_queries_bij_meer_partners(client: Any) -> None:
    door = beheerder()
    eerste = partner(door, naam="Partner 1", kvk_nummer="10000001")
    convenant(door, [eerste])
    subsidie(controller(), eerste)
    inloggen(client, Rol.BEHEERDER)
    publiek = _aantal_queries(client, reverse("samenleving:partners"))
    werkplek = _aantal_queries(client, reverse("samenleving:werkplek_partners"))
    for nummer in range(2, 6):
        extra = partner(door, naam=f"Partner {nummer}", kvk_nummer=f"1000000{nummer}")
        convenant(door, [extra, eerste])
        subsidie(controller(), extra)
    assert _aantal_queries(client, reverse("samenleving:partners")) == publiek
    assert _aantal_queries(client, reverse("samenleving:werkplek_partners")) == werkplek


def test_openbare_pagina_toont_alleen_openbare_doelen(client: Any) -> None:
    k = keten()
    geheim = uitvoering.programmadoel_vastleggen(
        door=k.door,
        gegevens={
            "ambitie": k.ambitie,
            "programma": k.programma,
            "taakveld": "0.1",
            "nummer": 2,
            "titel": "Intern doel nog niet openbaar",
            "openbaar": False,
        },
    )
    p = services.partner_vastleggen(
        door=beheerder(),
        gegevens={"naam": "Welzijn", "kvk_nummer": "", "soort": "welzijn", "actief": True},
        doelen=[k.doel.pk, geheim.pk],
    )
    tekst = client.get(reverse("samenleving:partner", args=[p.slug])).content.decode()
    assert k.doel.titel in tekst
    assert reverse("uitvoering:akkoord_publiek", args=[k.akkoord.slug]) in tekst
    assert "Intern doel nog niet openbaar" not in tekst
    lijst = client.get(reverse("samenleving:partners")).content.decode()
    assert k.doel.titel in lijst
    assert "Intern doel nog niet openbaar" not in lijst
