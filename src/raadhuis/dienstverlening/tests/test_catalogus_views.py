"""The product catalogue's pages: the public catalogue and product page, and the Werkplek's list,
product form, leges and zaaktypen (PRODUCT_BEHEREN to change, every dienstverlening role to read)."""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import NoReverseMatch
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.dienstverlening.models import Kanaal, Product, Tarief
from raadhuis.dienstverlening.services import catalogus
from raadhuis.dienstverlening.tests import factories
from raadhuis.dienstverlening.views import catalogus as catalogus_views

WERKPLEK = "/werkplek/dienstverlening/producten/"


def _tarieven(product: Product, *tarieven: tuple[str, str, bool], jaar: int | None = None) -> None:
    for omschrijving, bedrag, demo in tarieven:
        catalogus.tarief_vastleggen(
            product=product,
            jaar=jaar or timezone.localdate().year,
            omschrijving=omschrijving,
            bedrag=Decimal(bedrag),
            demo=demo,
            door=factories.beheerder(),
        )


def _geen_routes_van_anderen(monkeypatch: pytest.MonkeyPatch, *namen: str) -> None:
    """As if the intake and appointment parts were not mounted (yet)."""
    echte = catalogus_views.reverse

    def reverse(naam: str, *args: Any, **kwargs: Any) -> str:
        if naam in namen:
            raise NoReverseMatch(naam)
        return echte(naam, *args, **kwargs)

    monkeypatch.setattr(catalogus_views, "reverse", reverse)


# -- Public ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_catalogus_groepeert_actieve_producten_per_doelgroep(client: Client) -> None:
    factories.product("paspoort")
    factories.product("aangifte-overlijden")
    factories.product("vraag-stellen")
    verborgen = factories.product("rijbewijs")
    catalogus.product_bijwerken(product=verborgen, door=factories.beheerder(), actief=False)

    tekst = client.get("/dienstverlening/").content.decode()

    inwoners = tekst.index("Voor inwoners (DigiD)")
    beide = tekst.index("Voor inwoners en ondernemers")
    ondernemers = tekst.index("Voor ondernemers (eHerkenning)")
    assert inwoners < tekst.index("Paspoort aanvragen") < beide < tekst.index("Vraag stellen") < ondernemers
    assert ondernemers < tekst.index('href="/dienstverlening/aangifte-overlijden/"')
    assert "Rijbewijs aanvragen" not in tekst


@pytest.mark.django_db
def test_catalogus_in_een_query_voor_de_producten(client: Client, django_assert_max_num_queries: Any) -> None:
    for slug in ("paspoort", "identiteitskaart", "rijbewijs", "vraag-stellen"):
        factories.product(slug)
    with django_assert_max_num_queries(3):
        assert client.get("/dienstverlening/").status_code == 200


@pytest.mark.django_db
def test_productpagina_zonder_inloggen_met_alles_wat_een_bezoeker_moet_weten(client: Client) -> None:
    # Given the demo's paspoort with this year's leges (examples) and last year's
    paspoort = factories.product("paspoort")
    _tarieven(paspoort, ("Paspoort, 18 jaar en ouder", "83.80", True), ("Spoedtoeslag", "57.00", False))
    _tarieven(paspoort, ("Paspoort, 18 jaar en ouder", "79.00", False), jaar=timezone.localdate().year - 1)

    # When a visitor opens the product page, not logged in
    antwoord = client.get("/dienstverlening/paspoort/")

    # Then it shows description, conditions, basis, this year's leges, channels, the desk visit,
    # the level with why, the handling time and the UPL name with its URI
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Vraag een paspoort aan aan de balie." in tekst
    assert "de gemeente neemt vingerafdrukken af" in tekst
    assert "Paspoortwet art. 26" in tekst
    assert "83,80" in tekst
    assert "57,00" in tekst
    assert "79,00" not in tekst
    assert tekst.count("(voorbeeldbedrag)") == 1
    assert "aan de balie" in tekst
    assert "U moet hiervoor zelf naar de balie komen" in tekst
    assert "binnen 5 werkdagen" in tekst
    assert 'href="http://standaarden.overheid.nl/owms/terms/paspoort"' in tekst
    # a balie-only product has no online request button
    assert "/starten/" not in tekst
    assert "/aanvragen/" not in tekst


@pytest.mark.django_db
def test_productpagina_toont_niveau_en_aanvraagknop_voor_digitaal_product(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    _geen_routes_van_anderen(monkeypatch, "dienstverlening:aanvraag_starten", "dienstverlening:aanvragen")
    factories.product("verhuizing-doorgeven")
    tekst = client.get("/dienstverlening/verhuizing-doorgeven/").content.decode()
    assert 'href="/dienstverlening/verhuizing-doorgeven/starten/"' in tekst
    assert "betrouwbaarheidsniveau substantieel" in tekst
    assert "Basisregistratie Personen (BRP). Daarom moet de" in tekst
    assert "Wet basisregistratie personen art. 2.39" in tekst
    assert "Voor dit product zijn voor" in tekst  # no leges recorded


@pytest.mark.django_db
def test_aanvraagknop_wijst_naar_de_intake_als_die_er_is(client: Client) -> None:
    factories.product("verhuizing-doorgeven")
    tekst = client.get("/dienstverlening/verhuizing-doorgeven/").content.decode()
    verwacht = "/dienstverlening/verhuizing-doorgeven/starten/"
    for naam in ("dienstverlening:aanvraag_starten", "dienstverlening:aanvragen"):
        try:
            verwacht = catalogus_views.reverse(naam, args=["verhuizing-doorgeven"])
        except NoReverseMatch:
            continue
        break
    assert f'href="{verwacht}"' in tekst


@pytest.mark.django_db
def test_digitaal_product_zonder_formulier_start_achter_het_niveau(client: Client) -> None:
    from raadhuis.core.identiteit import Betrouwbaarheidsniveau

    catalogus.product_aanmaken(
        naam="Parkeervergunning aanvragen",
        upl_naam="parkeervergunning",
        doelgroep="inwoner",
        minimum_niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL,
        kanalen=[Kanaal.DIGITAAL],
        door=factories.beheerder(),
    )
    tekst = client.get("/dienstverlening/parkeervergunning-aanvragen/").content.decode()
    assert 'href="/dienstverlening/parkeervergunning-aanvragen/starten/"' in tekst


@pytest.mark.django_db
def test_afspraaklink_alleen_als_de_afsprakenroute_bestaat(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    factories.product("paspoort")
    try:
        basis = catalogus_views.reverse("dienstverlening:afspraak_maken")
    except NoReverseMatch:
        basis = ""
    if basis:
        assert f'href="{basis}?product=paspoort"' in client.get("/dienstverlening/paspoort/").content.decode()
    _geen_routes_van_anderen(monkeypatch, "dienstverlening:afspraak_maken")
    tekst = client.get("/dienstverlening/paspoort/").content.decode()
    assert "?product=paspoort" not in tekst
    assert "Maak eerst een afspraak." in tekst


@pytest.mark.django_db
def test_productpagina_in_twee_queries(client: Client, django_assert_max_num_queries: Any) -> None:
    paspoort = factories.product("paspoort")
    _tarieven(paspoort, ("A", "1.00", False), ("B", "2.00", False), ("C", "3.00", False))
    with django_assert_max_num_queries(4):
        assert client.get("/dienstverlening/paspoort/").status_code == 200


@pytest.mark.django_db
def test_inactief_of_onbekend_product_geeft_404(client: Client) -> None:
    product = factories.product("paspoort")
    catalogus.product_bijwerken(product=product, door=factories.beheerder(), actief=False)
    assert client.get("/dienstverlening/paspoort/").status_code == 404
    assert client.get("/dienstverlening/bestaat-niet/").status_code == 404


# -- Werkplek --------------------------------------------------------------------------------------


def _formulier(**anders: Any) -> dict[str, Any]:
    return {
        "naam": "Parkeervergunning aanvragen",
        "slug": "",
        "upl_naam": "parkeervergunning",
        "doelgroep": "inwoner",
        "minimum_betrouwbaarheidsniveau": "20",
        "niveau_toelichting": "",
        "omschrijving": "Een vergunning om in de wijk te parkeren.",
        "voorwaarden": "U woont in de wijk.",
        "wettelijke_grondslag": "Parkeerverordening art. 2",
        "kanalen": [Kanaal.DIGITAAL, Kanaal.BALIE],
        "formulier": "",
        "zaaktype": "",
        "actief": "on",
    } | anders


@pytest.mark.django_db
@pytest.mark.parametrize("rol", [Rol.KCC_MEDEWERKER, Rol.BEHANDELAAR, Rol.CONTROLLER, Rol.BEHEERDER])
def test_elke_dienstverleningsrol_ziet_de_catalogus_en_zaaktypen(client: Client, rol: str) -> None:
    product = factories.product("paspoort")
    client.force_login(factories.medewerker(rol))
    lijst = client.get(WERKPLEK)
    assert lijst.status_code == 200
    assert "Paspoort aanvragen" in lijst.content.decode()
    assert ("Nieuw product" in lijst.content.decode()) == (rol == Rol.BEHEERDER)
    detail = client.get(f"{WERKPLEK}{product.pk}/")
    assert detail.status_code == 200
    assert ("Tarief opslaan" in detail.content.decode()) == (rol == Rol.BEHEERDER)
    zaaktypen = client.get("/werkplek/dienstverlening/zaaktypen/")
    assert zaaktypen.status_code == 200
    tekst = zaaktypen.content.decode()
    assert "Aanvraag reisdocument" in tekst
    assert "Klaar om op te halen" in tekst  # statustype
    assert "Uw document ligt klaar." in tekst  # statustekst
    assert "Uitgereikt" in tekst  # resultaattype
    assert "Initiator" in tekst  # roltype


@pytest.mark.django_db
def test_zonder_dienstverleningsrol_geen_toegang(client: Client, griffier: Medewerker) -> None:
    product = factories.product("paspoort")
    client.force_login(griffier)
    assert client.get(WERKPLEK).status_code == 403
    assert client.get(f"{WERKPLEK}{product.pk}/").status_code == 403
    assert client.get("/werkplek/dienstverlening/zaaktypen/").status_code == 403


@pytest.mark.django_db
def test_alleen_beheerder_mag_producten_wijzigen(client: Client) -> None:
    product = factories.product("paspoort")
    client.force_login(factories.medewerker(Rol.BEHANDELAAR))
    assert client.get(f"{WERKPLEK}nieuw/").status_code == 403
    assert client.post(f"{WERKPLEK}nieuw/", _formulier()).status_code == 403
    assert client.post(f"{WERKPLEK}{product.pk}/bewerken/", _formulier()).status_code == 403
    antwoord = client.post(
        f"{WERKPLEK}{product.pk}/tarieven/", {"jaar": "2026", "omschrijving": "X", "bedrag": "1.00"}
    )
    assert antwoord.status_code == 403
    assert not Product.objects.filter(slug="parkeervergunning-aanvragen").exists()
    assert not Tarief.objects.exists()


@pytest.mark.django_db
def test_beheerder_maakt_product_met_upl_naam_kanalen_en_zaaktype(client: Client) -> None:
    zaaktype = factories.zaaktype("vraag")
    client.force_login(factories.beheerder())
    formulier = client.get(f"{WERKPLEK}nieuw/").content.decode()
    assert '<datalist id="upl-namen">' in formulier
    assert (
        '<option value="verhuismelding" label="http://standaarden.overheid.nl/owms/terms/verhuismelding">'
        in formulier
    )

    antwoord = client.post(f"{WERKPLEK}nieuw/", _formulier(zaaktype=str(zaaktype.pk), baliebezoek_nodig="on"))

    product = Product.objects.get(slug="parkeervergunning-aanvragen")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"{WERKPLEK}{product.pk}/"
    assert product.upl_naam == "parkeervergunning"
    assert product.kanalen == ["digitaal", "balie"]
    assert product.baliebezoek_nodig
    assert product.zaaktype == zaaktype
    assert product.minimum_betrouwbaarheidsniveau == 20
    detail = client.get(antwoord["Location"]).content.decode()
    assert "http://standaarden.overheid.nl/owms/terms/parkeervergunning" in detail


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("anders", "veld", "melding"),
    [
        ({"upl_naam": "parkeren in de wijk"}, "upl_naam", "staat niet in de Uniforme Productnamenlijst"),
        ({"naam": ""}, "naam", ""),
        ({"doelgroep": "toerist"}, "doelgroep", ""),
        ({"minimum_betrouwbaarheidsniveau": "15"}, "minimum_betrouwbaarheidsniveau", ""),
        ({"kanalen": ["per duif"]}, "kanalen", ""),
        ({"slug": "met spaties"}, "slug", ""),
    ],
)
def test_foute_invoer_bij_het_veld_en_niets_opgeslagen(
    client: Client, anders: dict[str, Any], veld: str, melding: str
) -> None:
    client.force_login(factories.beheerder())
    antwoord = client.post(f"{WERKPLEK}nieuw/", _formulier(**anders))
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert f'id="id_{veld}_error"' in tekst
    assert melding in tekst
    assert "Niets is opgeslagen" in tekst
    assert f'href="#id_{veld}"' in tekst  # the error summary links to the field
    assert not Product.objects.exists()


@pytest.mark.django_db
def test_dubbele_korte_naam_bij_het_veld(client: Client) -> None:
    factories.product("paspoort")
    client.force_login(factories.beheerder())
    antwoord = client.post(f"{WERKPLEK}nieuw/", _formulier(slug="paspoort"))
    assert antwoord.status_code == 400
    assert 'id="id_slug_error"' in antwoord.content.decode()
    assert Product.objects.count() == 1


@pytest.mark.django_db
def test_beheerder_bewerkt_product_en_de_korte_naam_blijft(client: Client) -> None:
    product = factories.product("paspoort")
    client.force_login(factories.beheerder())
    formulier = client.get(f"{WERKPLEK}{product.pk}/bewerken/").content.decode()
    assert 'value="Paspoort aanvragen"' in formulier
    assert 'name="slug"' not in formulier

    antwoord = client.post(
        f"{WERKPLEK}{product.pk}/bewerken/",
        _formulier(naam="Paspoort", upl_naam="paspoort", kanalen=[Kanaal.BALIE], zaaktype=""),
    )

    assert antwoord.status_code == 302
    product.refresh_from_db()
    assert product.naam == "Paspoort"
    assert product.slug == "paspoort"
    assert product.kanalen == ["balie"]
    assert product.zaaktype is None
    assert not product.baliebezoek_nodig


@pytest.mark.django_db
def test_bewerken_met_foute_upl_naam_verandert_niets(client: Client) -> None:
    product = factories.product("paspoort")
    client.force_login(factories.beheerder())
    antwoord = client.post(
        f"{WERKPLEK}{product.pk}/bewerken/", _formulier(naam="Anders", upl_naam="pasport", zaaktype="")
    )
    assert antwoord.status_code == 400
    assert "'pasport' staat niet in de Uniforme Productnamenlijst" in html.unescape(antwoord.content.decode())
    product.refresh_from_db()
    assert product.naam == "Paspoort aanvragen"
    assert product.upl_naam == "paspoort"
    assert product.zaaktype is not None


@pytest.mark.django_db
def test_beheerder_legt_leges_vast_en_vervangt_ze(client: Client) -> None:
    product = factories.product("paspoort")
    client.force_login(factories.beheerder())
    url = f"{WERKPLEK}{product.pk}/tarieven/"
    eerste = client.post(url, {"jaar": "2026", "omschrijving": "Paspoort", "bedrag": "83.80", "demo": "on"})
    assert eerste.status_code == 302
    client.post(url, {"jaar": "2026", "omschrijving": "Paspoort", "bedrag": "84.50"})
    tarief = Tarief.objects.get(product=product)
    assert tarief.bedrag == Decimal("84.50")
    assert not tarief.demo
    assert "84,50" in client.get(f"{WERKPLEK}{product.pk}/").content.decode()

    verwijderd = client.post(f"{url}{tarief.pk}/verwijderen/")
    assert verwijderd.status_code == 302
    assert not Tarief.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("gegevens", "veld"),
    [
        ({"jaar": "2026", "omschrijving": "Paspoort", "bedrag": "-1"}, "bedrag"),
        ({"jaar": "2026", "omschrijving": "Paspoort", "bedrag": "veel"}, "bedrag"),
        ({"jaar": "1850", "omschrijving": "Paspoort", "bedrag": "1"}, "jaar"),
        ({"jaar": "2026", "omschrijving": "  ", "bedrag": "1"}, "omschrijving"),
    ],
)
def test_foute_leges_bij_het_veld_en_niets_opgeslagen(
    client: Client, gegevens: dict[str, str], veld: str
) -> None:
    product = factories.product("paspoort")
    client.force_login(factories.beheerder())
    antwoord = client.post(f"{WERKPLEK}{product.pk}/tarieven/", gegevens)
    assert antwoord.status_code == 400
    assert f'id="id_{veld}_error"' in antwoord.content.decode()
    assert not Tarief.objects.exists()


@pytest.mark.django_db
def test_zaaktypen_in_een_vast_aantal_queries(client: Client, django_assert_max_num_queries: Any) -> None:
    for identificatie in ("verhuizing", "reisdocument", "rijbewijs", "vraag"):
        factories.zaaktype(identificatie)
    client.force_login(factories.beheerder())
    with django_assert_max_num_queries(15):
        assert client.get("/werkplek/dienstverlening/zaaktypen/").status_code == 200
