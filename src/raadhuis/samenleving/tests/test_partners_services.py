"""Services of maatschappelijke partners: KvK numbers, contact persons (logged, never public), amounts
and bases of subsidies (Awb art. 4:23), and publication under the right Woo category."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.models import Logregel, Zoekdocument
from raadhuis.publicatie import selectors as publicatieselectors
from raadhuis.publicatie import waardelijsten
from raadhuis.samenleving.models import Openbaarmaking, Partner, Subsidieverplichting
from raadhuis.samenleving.models.partners import valideer_kvk_nummer
from raadhuis.samenleving.selectors import partners as selectors
from raadhuis.samenleving.services import partners as services
from raadhuis.samenleving.tests.partners_hulp import (
    beheerder,
    controller,
    convenant,
    partner,
    pdf_bestand,
    subsidie,
    subsidiegegevens,
)
from raadhuis.uitvoering.tests.hulp import keten

pytestmark = pytest.mark.django_db

KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"


@pytest.fixture(autouse=True)
def _opslag(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.RAADHUIS_PRIVE_ROOT = str(tmp_path / "prive")


# -- KvK numbers -------------------------------------------------------------------------------------


SNEL = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SNEL
@given(st.integers(min_value=0, max_value=99_999_999).map(lambda n: f"{n:08d}"))
def test_elk_nummer_van_acht_cijfers_is_een_kvk_nummer(nummer: str) -> None:
    if nummer == "00000000":
        with pytest.raises(ValidationError):
            valideer_kvk_nummer(nummer)
    else:
        valideer_kvk_nummer(nummer)


@SNEL
@given(st.text(max_size=12).filter(lambda t: not (len(t) == 8 and t.isascii() and t.isdigit())))
def test_al_het_andere_is_geen_kvk_nummer(tekst: str) -> None:
    with pytest.raises(ValidationError):
        valideer_kvk_nummer(tekst)


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "1234 5678", "١٢٣٤٥٦٧٨", "abcdefgh"])
def test_partner_met_ongeldig_kvk_nummer_wordt_niet_opgeslagen(kvk: str) -> None:
    with pytest.raises(ValidationError) as fout:
        partner(kvk_nummer=kvk)
    assert "kvk_nummer" in fout.value.message_dict
    assert not Partner.objects.exists()


def test_kvk_nummer_hoort_bij_een_partner() -> None:
    partner(naam="Eerste", kvk_nummer="87654321")
    with pytest.raises(ValidationError):
        partner(naam="Tweede", kvk_nummer="87654321")
    partner(naam="Zonder KvK", kvk_nummer="")
    partner(naam="Ook zonder KvK", kvk_nummer="")
    assert Partner.objects.count() == 3


def test_slug_botst_niet_met_werkplekadressen() -> None:
    assert partner(naam="Nieuw", kvk_nummer="").slug != "nieuw"


def test_griffie_mag_geen_partners_beheren() -> None:
    with pytest.raises(PermissionDenied):
        partner(door=MedewerkerFactory(rollen=[Rol.GRIFFIE]))


def test_onbekend_veld_wordt_geweigerd() -> None:
    with pytest.raises(ValidationError):
        partner(slug="zelfgekozen")


# -- contact persons ---------------------------------------------------------------------------------


def _contactregels() -> int:
    return Logregel.objects.filter(
        verwerkingsactiviteit__sleutel=selectors.VERWERKING_CONTACTPERSONEN
    ).count()


def test_contactpersoon_toevoegen_lezen_en_verwijderen_staat_in_het_logboek() -> None:
    door = beheerder()
    p = partner(door)
    contact = services.contactpersoon_toevoegen(
        door=door,
        partner=p,
        gegevens={
            "naam": "Anna Jansen",
            "functie": "Coördinator",
            "email": "a.jansen@example.org",
            "telefoon": "",
        },
    )
    assert _contactregels() == 1
    assert selectors.contactpersonen_van(p, door=door) == [contact]
    assert _contactregels() == 2
    services.contactpersoon_verwijderen(door=door, contactpersoon=contact)
    assert _contactregels() == 3
    assert not p.contactpersonen.exists()


@pytest.mark.parametrize(
    ("gegevens", "veld"),
    [
        ({"naam": "Anna", "functie": "", "email": "", "telefoon": ""}, "email"),
        ({"naam": "Anna", "functie": "", "email": "geen-adres", "telefoon": ""}, "email"),
        ({"naam": "Anna", "functie": "", "email": "", "telefoon": "bel me"}, "telefoon"),
        ({"naam": "", "functie": "", "email": "a@example.org", "telefoon": ""}, "naam"),
    ],
)
def test_onvolledige_contactpersoon_wordt_niet_opgeslagen(gegevens: dict[str, str], veld: str) -> None:
    door = beheerder()
    p = partner(door)
    with pytest.raises(ValidationError) as fout:
        services.contactpersoon_toevoegen(door=door, partner=p, gegevens=gegevens)
    assert veld in fout.value.message_dict
    assert not p.contactpersonen.exists()
    assert _contactregels() == 0


def test_contactpersonen_staan_niet_in_de_zoekindex() -> None:
    door = beheerder()
    p = partner(door)
    services.contactpersoon_toevoegen(
        door=door,
        partner=p,
        gegevens={"naam": "Bram Geheim", "functie": "", "email": "b@example.org", "telefoon": ""},
    )
    services.partner_vastleggen(door=door, gegevens={"omschrijving": "Nieuwe omschrijving"}, partner=p)
    document = Zoekdocument.objects.get(soort=selectors.ZOEKSOORT_PARTNER, sleutel=str(p.pk))
    assert "Geheim" not in document.tekst + document.titel
    assert "b@example.org" not in document.tekst


def test_inactieve_partner_is_niet_openbaar_in_de_zoekindex() -> None:
    p = partner(actief=False)
    assert not Zoekdocument.objects.get(soort=selectors.ZOEKSOORT_PARTNER, sleutel=str(p.pk)).openbaar
    assert selectors.openbare_partner(p.slug) is None


# -- programme goals ---------------------------------------------------------------------------------


def test_partner_draagt_bij_aan_programmadoelen_uit_de_uitvoeringsagenda() -> None:
    k = keten()
    door = beheerder()
    p = services.partner_vastleggen(
        door=door,
        gegevens={"naam": "Welzijn", "kvk_nummer": "", "soort": "welzijn", "actief": True},
        doelen=[k.doel.pk],
    )
    assert [d.pk for d in selectors.doelen_van_partner(p, alleen_openbaar=True)] == [k.doel.pk]
    assert selectors.partners_bij_doel(k.doel.pk) == [p]
    with pytest.raises(ValidationError) as fout:
        services.partner_vastleggen(door=door, gegevens={}, partner=p, doelen=[k.doel.pk + 999])
    assert "doelen" in fout.value.message_dict


def test_doel_via_een_convenant_telt_pas_publiek_na_publicatie() -> None:
    k = keten()
    door = beheerder()
    p = partner(door)
    c = services.convenant_vastleggen(
        door=door,
        gegevens={
            "titel": "Convenant",
            "onderwerp": "Iets",
            "ondertekend_op": dt.date(2026, 1, 1),
            "geldig_van": dt.date(2026, 1, 1),
            "geldig_tot": None,
        },
        partners=[p],
        doelen=[k.doel.pk],
        document=pdf_bestand(),
    )
    assert selectors.doelen_van_partner(p, alleen_openbaar=True) == []
    assert len(selectors.doelen_van_partner(p, alleen_openbaar=False)) == 1
    services.convenant_publiceren(door=door, convenant=c)
    assert len(selectors.doelen_van_partner(p, alleen_openbaar=True)) == 1
    assert list(selectors.openbare_partners(doel=k.doel.pk)) == [p]


# -- convenanten -------------------------------------------------------------------------------------


def test_convenant_publiceren_voedt_het_register_onder_convenanten_en_intrekken_trekt_in() -> None:
    door = beheerder()
    p = partner(door)
    c = convenant(door, [p])
    assert c.status == Openbaarmaking.CONCEPT
    assert publicatieselectors.publicatie_van_bron(services.BRON, c.bron_sleutel) is None

    c = services.convenant_publiceren(door=door, convenant=c)
    gepubliceerd = publicatieselectors.publicatie_van_bron(services.BRON, c.bron_sleutel)
    assert gepubliceerd is not None
    assert gepubliceerd.status == "gepubliceerd"
    assert gepubliceerd.informatiecategorieen == [KERN + "c_8fc2335c"]
    assert waardelijsten.categorie(gepubliceerd.informatiecategorieen[0]).artikel == "2f"  # type: ignore[union-attr]
    assert c.publicatie_uuid == gepubliceerd.uuid
    assert selectors.openbare_partner(p.slug).convenanten.all()[0] == c  # type: ignore[union-attr]

    c = services.convenant_intrekken(door=door, convenant=c, reden=waardelijsten.REDEN_PROCEDURELE_FOUT)
    gepubliceerd.refresh_from_db()
    assert gepubliceerd.status == "ingetrokken"
    assert c.status == Openbaarmaking.INGETROKKEN
    assert list(selectors.openbare_partner(p.slug).convenanten.all()) == []  # type: ignore[union-attr]


def test_intrekken_vraagt_een_reden_uit_de_lijst_en_een_publicatie() -> None:
    door = beheerder()
    c = convenant(door, [partner(door)])
    with pytest.raises(ValidationError):
        services.convenant_intrekken(door=door, convenant=c, reden=waardelijsten.REDEN_PROCEDURELE_FOUT)
    services.convenant_publiceren(door=door, convenant=c)
    with pytest.raises(ValidationError) as fout:
        services.convenant_intrekken(door=door, convenant=c, reden="zomaar")
    assert "reden" in fout.value.message_dict


def test_gewijzigd_gepubliceerd_convenant_wordt_opnieuw_gepubliceerd() -> None:
    door = beheerder()
    p = partner(door)
    c = services.convenant_publiceren(door=door, convenant=convenant(door, [p]))
    services.convenant_vastleggen(
        door=door,
        gegevens={"titel": "Nieuwe titel"},
        partners=[p],
        convenant=c,
    )
    gepubliceerd = publicatieselectors.publicatie_van_bron(services.BRON, c.bron_sleutel)
    assert gepubliceerd is not None
    assert gepubliceerd.officiele_titel == "Nieuwe titel"


@pytest.mark.parametrize(
    ("gegevens", "partijen", "document", "veld"),
    [
        ({}, False, True, "partners"),
        ({}, True, False, "document"),
        ({"geldig_tot": dt.date(2026, 1, 1)}, True, True, "geldig_tot"),
        ({"titel": ""}, True, True, "titel"),
    ],
)
def test_onvolledig_convenant_wordt_niet_opgeslagen(
    gegevens: dict[str, Any], partijen: bool, document: bool, veld: str
) -> None:
    door = beheerder()
    p = partner(door)
    standaard = {
        "titel": "Convenant",
        "onderwerp": "Iets",
        "ondertekend_op": dt.date(2026, 1, 15),
        "geldig_van": dt.date(2026, 2, 1),
        "geldig_tot": None,
    }
    with pytest.raises(ValidationError) as fout:
        services.convenant_vastleggen(
            door=door,
            gegevens=standaard | gegevens,
            partners=[p] if partijen else [],
            document=pdf_bestand() if document else None,
        )
    assert veld in fout.value.message_dict
    assert not p.convenanten.exists()


def test_convenantdocument_wordt_op_inhoud_gecontroleerd() -> None:
    door = beheerder()
    nep = SimpleUploadedFile("convenant.pdf", b"MZ\x90\x00 geen pdf", content_type="application/pdf")
    with pytest.raises(ValidationError) as fout:
        services.convenant_vastleggen(
            door=door,
            gegevens={
                "titel": "Convenant",
                "onderwerp": "Iets",
                "ondertekend_op": dt.date(2026, 1, 15),
                "geldig_van": dt.date(2026, 2, 1),
            },
            partners=[partner(door)],
            document=nep,
        )
    assert "document" in fout.value.message_dict


def test_controller_mag_geen_convenant_publiceren() -> None:
    door = beheerder()
    c = convenant(door, [partner(door)])
    with pytest.raises(PermissionDenied):
        services.convenant_publiceren(door=controller(), convenant=c)


# -- subsidieverplichtingen --------------------------------------------------------------------------


def test_subsidie_publiceren_voedt_het_register_onder_categorie_2h() -> None:
    door = controller()
    p = partner()
    s = services.subsidie_publiceren(door=door, subsidie=subsidie(door, p))
    gepubliceerd = publicatieselectors.publicatie_van_bron(services.BRON, s.bron_sleutel)
    assert gepubliceerd is not None
    assert gepubliceerd.status == "gepubliceerd"
    assert gepubliceerd.informatiecategorieen == [KERN + "c_cf268088"]
    assert gepubliceerd.periode_van == dt.date(2026, 1, 1)
    tekst = "".join(d.tekst for d in publicatieselectors.documenten_van(gepubliceerd))
    assert "48.500,00" in tekst or "48500" in tekst
    services.subsidie_intrekken(door=door, subsidie=s, reden=waardelijsten.REDEN_PROCEDURELE_FOUT)
    gepubliceerd.refresh_from_db()
    assert gepubliceerd.status == "ingetrokken"


@pytest.mark.parametrize(
    "bedrag", [Decimal("0"), Decimal("-10"), Decimal("10.005"), Decimal("1e12"), Decimal("NaN")]
)
def test_ongeldig_bedrag_wordt_geweigerd(bedrag: Decimal) -> None:
    with pytest.raises(ValidationError) as fout:
        subsidie(controller(), partner(), bedrag=bedrag)
    assert "bedrag" in fout.value.message_dict
    assert not Subsidieverplichting.objects.exists()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999.99"), places=2))
def test_elk_positief_bedrag_in_centen_wordt_exact_bewaard(bedrag: Decimal) -> None:
    door = controller()
    p = Partner.objects.first() or partner()
    s = subsidie(door, p, bedrag=bedrag)
    s.refresh_from_db()
    assert s.bedrag == bedrag


@pytest.mark.parametrize(
    ("grondslag", "jaren", "toegestaan"),
    [
        ("incidenteel", 4, True),
        ("incidenteel", 5, False),
        ("overgang", 1, True),
        ("overgang", 2, False),
        ("verordening", 10, True),
        ("begroting", 1, True),
    ],
)
def test_uitzonderingen_van_awb_4_23_lid_3_zijn_begrensd_in_tijd(
    grondslag: str, jaren: int, toegestaan: bool
) -> None:
    gegevens = {"grondslag": grondslag, "van_jaar": 2026, "tot_en_met_jaar": 2026 + jaren - 1}
    if toegestaan:
        subsidie(controller(), partner(), **gegevens)
    else:
        with pytest.raises(ValidationError) as fout:
            subsidie(controller(), partner(), **gegevens)
        assert "tot_en_met_jaar" in fout.value.message_dict


def test_grondslag_anders_dan_incidenteel_noemt_zijn_vindplaats() -> None:
    with pytest.raises(ValidationError) as fout:
        subsidie(controller(), partner(), grondslag="verordening", grondslag_toelichting="")
    assert "grondslag_toelichting" in fout.value.message_dict


@pytest.mark.parametrize(("van", "tot"), [(2027, 2026), (0, 2026), (2026, 99999)])
def test_ongeldige_jaren_worden_geweigerd(van: int, tot: int) -> None:
    with pytest.raises(ValidationError):
        subsidie(controller(), partner(), van_jaar=van, tot_en_met_jaar=tot)


def test_griffie_mag_geen_subsidies_beheren() -> None:
    with pytest.raises(PermissionDenied):
        services.subsidie_vastleggen(
            door=MedewerkerFactory(rollen=[Rol.GRIFFIE]), gegevens=subsidiegegevens(partner())
        )
