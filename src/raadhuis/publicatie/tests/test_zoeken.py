"""The public search of Openbaarheid (issue 10 point 4): Dutch stemming, phrases, facet counts over
all matches, filters, period and sorting; only what is published now is ever found; bad filters
answer 400 with the message next to them and search nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.urls import reverse

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.core import zoeken as zoekmachine
from raadhuis.publicatie import facetten, selectors, services
from raadhuis.publicatie import waardelijsten as w
from raadhuis.publicatie.models import Publicatie, Publicatiestatus
from raadhuis.publicatie.services import Handeling
from raadhuis.publicatie.tests.test_services import maak_pdf, medewerker

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(db: None) -> Medewerker:
    return medewerker(Rol.WOO_COORDINATOR)


WONEN = "https://identifier.overheid.nl/tooi/def/thes/top/c_124eaf3a"
VERKEER = "https://identifier.overheid.nl/tooi/def/thes/top/c_849842ac"
ZOEKEN = reverse("publicatie:zoeken")


def publiceren(
    door: Medewerker,
    titel: str,
    tekst: str,
    *,
    categorie: str = w.CATEGORIE_CONVENANTEN,
    jaar: int = 2025,
    themas: tuple[str, ...] = (),
    publisher: str = "gm1926",
    documentsoort: str = "",
) -> Publicatie:
    publicatie = services.publicatie_aanmaken(
        publisher=publisher,
        officiele_titel=titel,
        informatiecategorieen=[categorie],
        themas=list(themas),
        handelingen=[Handeling(soort=w.VASTSTELLING, tijdstip=dt.datetime(jaar, 3, 1, 12, tzinfo=dt.UTC))],
        door=door,
    )
    services.document_toevoegen(
        publicatie,
        titel=titel,
        bestandsnaam="document.pdf",
        inhoud=maak_pdf(tekst, met_metadata=False),
        documentsoort=documentsoort,
        door=door,
    )
    return services.publiceren(publicatie, door=door)


def zoek(**velden: Any) -> selectors.Zoekpagina:
    return selectors.publicaties_zoeken(selectors.Zoekopdracht(**velden))


def titels(pagina: selectors.Zoekpagina) -> list[str]:
    return [t.document_titel for t in selectors.zoektreffers(pagina)]


def test_een_zoekwoord_vindt_ook_het_meervoud(coordinator: Medewerker) -> None:
    publiceren(
        coordinator, "Beleidsregels", "Regels voor omgevingsvergunningen en vergunningen voor evenementen"
    )

    assert titels(zoek(vraag="vergunning")) == ["Beleidsregels"]


def test_een_zin_tussen_aanhalingstekens(coordinator: Medewerker) -> None:
    publiceren(coordinator, "Advies", "De kosten van de jeugdzorg stijgen")
    publiceren(coordinator, "Rapport", "De jeugdzorg en de kosten van vervoer")

    assert titels(zoek(vraag='"kosten van de jeugdzorg"')) == ["Advies"]
    assert sorted(titels(zoek(vraag="kosten jeugdzorg"))) == ["Advies", "Rapport"]


def test_facetten_tellen_alle_treffers(coordinator: Medewerker) -> None:
    for nummer in range(5):
        publiceren(
            coordinator,
            f"Convenant {nummer}",
            "Afspraken over afval",
            jaar=2024 if nummer < 2 else 2025,
            themas=(WONEN, VERKEER) if nummer == 0 else (WONEN,),
        )
    publiceren(
        coordinator, "Onderzoek", "Afval in de wijk", categorie=w.CATEGORIE_ONDERZOEKSRAPPORTEN, jaar=2023
    )
    publiceren(coordinator, "Anders", "Iets heel anders")

    pagina = zoek(vraag="afval")
    tellingen = {g.facet.naam: {f.waarde: f.aantal for f in g.waarden} for g in pagina.facetten}

    assert pagina.totaal == 6
    assert tellingen[facetten.CATEGORIE] == {
        facetten.code(w.CATEGORIE_CONVENANTEN): 5,
        facetten.code(w.CATEGORIE_ONDERZOEKSRAPPORTEN): 1,
    }
    assert tellingen[facetten.JAAR] == {"2025": 3, "2024": 2, "2023": 1}
    assert tellingen[facetten.THEMA] == {facetten.code(WONEN): 5, facetten.code(VERKEER): 1}
    assert tellingen[facetten.ORGANISATIE] == {"gm1926": 6}
    labels = {f.waarde: f.label for g in pagina.facetten for f in g.waarden}
    assert labels[facetten.code(WONEN)] == "wonen"
    assert labels["gm1926"] == "gemeente Pijnacker-Nootdorp"


def test_filters_beperken_en_tellen_opnieuw(coordinator: Medewerker) -> None:
    publiceren(coordinator, "Convenant 2024", "afval", jaar=2024, themas=(WONEN,))
    publiceren(coordinator, "Convenant 2025", "afval", jaar=2025, themas=(WONEN, VERKEER))
    publiceren(coordinator, "Rapport 2025", "afval", jaar=2025, categorie=w.CATEGORIE_ONDERZOEKSRAPPORTEN)

    alleen_2025 = zoek(vraag="afval", filters={facetten.JAAR: ["2025"]})
    convenant_of_rapport = zoek(
        vraag="afval",
        filters={
            facetten.CATEGORIE: [
                facetten.code(w.CATEGORIE_CONVENANTEN),
                facetten.code(w.CATEGORIE_ONDERZOEKSRAPPORTEN),
            ]
        },
    )
    verkeer_2025 = zoek(filters={facetten.JAAR: ["2025"], facetten.THEMA: [facetten.code(VERKEER)]})

    assert sorted(titels(alleen_2025)) == ["Convenant 2025", "Rapport 2025"]
    jaren = next(g for g in alleen_2025.facetten if g.facet.naam == facetten.JAAR)
    assert [(f.waarde, f.aantal, f.gekozen) for f in jaren.waarden] == [("2025", 2, True)]
    assert convenant_of_rapport.totaal == 3
    assert titels(verkeer_2025) == ["Convenant 2025"]


def test_zonder_zoekwoorden_alles_nieuwste_eerst(coordinator: Medewerker) -> None:
    publiceren(coordinator, "Oud", "tekst", jaar=2019)
    publiceren(coordinator, "Nieuw", "tekst", jaar=2026)
    publiceren(coordinator, "Midden", "tekst", jaar=2022)

    assert titels(zoek(sortering="nieuwste")) == ["Nieuw", "Midden", "Oud"]
    assert titels(zoek(sortering="oudste")) == ["Oud", "Midden", "Nieuw"]
    assert titels(zoek(van=dt.date(2020, 1, 1), tot=dt.date(2023, 12, 31))) == ["Midden"]


def test_ingetrokken_en_concept_worden_nooit_gevonden(coordinator: Medewerker) -> None:
    publicatie = publiceren(coordinator, "Convenant bomenkap", "bomenkap in het park")
    services.publicatie_aanmaken(
        publisher="gm1926",
        officiele_titel="Concept bomenkap",
        informatiecategorieen=[w.CATEGORIE_CONVENANTEN],
        handelingen=[Handeling(soort=w.VASTSTELLING, tijdstip=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))],
        door=coordinator,
    )
    assert zoek(vraag="bomenkap").totaal == 1

    services.intrekken(publicatie, reden=next(iter(w.redenen_verwijdering())), door=coordinator)

    assert zoek(vraag="bomenkap").totaal == 0
    assert zoek().totaal == 0


def test_de_pagina_met_facetten_en_fragment(client: Any, coordinator: Medewerker) -> None:
    publiceren(
        coordinator,
        "Convenant zwerfafval",
        "Afspraken over het opruimen van zwerfafval in de wijken",
        themas=(WONEN,),
    )

    antwoord = client.get(ZOEKEN, {"q": "zwerfafval", "thema": facetten.code(WONEN)})

    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "1 document gevonden" in html
    assert "<mark>zwerfafval</mark>" in html
    assert 'name="thema" value="c_124eaf3a"' in html
    assert "checked" in html
    assert "Thema: Wonen" in html  # the chosen filter, with a link that removes it
    assert reverse("publicatie:publicatie", args=[Publicatie.objects.get().uuid]) in html


@pytest.mark.parametrize(
    ("parameters", "melding"),
    [
        ({"categorie": "c_bestaatniet"}, "komt in dit filter niet voor"),
        ({"jaar": "tweeduizend"}, "komt in dit filter niet voor"),
        ({"organisatie": "gm9999"}, "komt in dit filter niet voor"),
        ({"van": "2025-05-01", "tot": "2025-01-01"}, "ligt voor de datum vanaf"),
        ({"van": "gisteren"}, "geldige datum"),
        ({"pagina": "0"}, "Pagina: "),
    ],
)
def test_slechte_invoer_geeft_400_met_uitleg(client: Any, parameters: dict[str, str], melding: str) -> None:
    antwoord = client.get(ZOEKEN, parameters)

    assert antwoord.status_code == 400
    assert melding in antwoord.content.decode()


def test_zoekpagina_aantal_queries_groeit_niet_met_de_treffers(
    client: Any, coordinator: Medewerker, django_assert_max_num_queries: Any
) -> None:
    for nummer in range(15):
        publiceren(coordinator, f"Convenant {nummer}", "afval")
    client.get(ZOEKEN, {"q": "afval"})  # the index is up to date

    with django_assert_max_num_queries(6):
        antwoord = client.get(ZOEKEN, {"q": "afval"})
    assert "15 documenten gevonden" in antwoord.content.decode()


def test_het_filterblok_komt_uit_de_cache_tot_de_tellingen_of_waarden_veranderen(
    client: Any, coordinator: Medewerker
) -> None:
    """The filter block is rendered once per set of counts and form values (core.vingerafdruk):
    served from the cache while they stand, rendered anew when a publication changes the counts
    or the visitor another value."""
    cache.clear()
    publiceren(coordinator, "Convenant zwerfafval", "zwerfafval in de wijken", themas=(WONEN,))
    eerst = client.get(ZOEKEN, {"q": "zwerfafval"})
    sleutel = make_template_fragment_key("zoekfilters", [eerst.context["filters_sleutel"]])
    assert 'name="thema" value="c_124eaf3a"' in cache.get(sleutel)
    cache.set(sleutel, "<p>Facetten uit de cache</p>")

    # The same search again: the same counts and values.
    assert "Facetten uit de cache" in client.get(ZOEKEN, {"q": "zwerfafval"}).content.decode()
    # Another order shows in the form: another key.
    nieuwste = client.get(ZOEKEN, {"q": "zwerfafval", "sortering": "nieuwste"}).content.decode()
    assert "Facetten uit de cache" not in nieuwste
    assert '<option value="nieuwste" selected>' in nieuwste

    publiceren(coordinator, "Convenant zwerfafval 2", "zwerfafval langs de wegen", themas=(VERKEER,))
    html = client.get(ZOEKEN, {"q": "zwerfafval"}).content.decode()
    assert "Facetten uit de cache" not in html
    assert 'name="thema" value="c_849842ac"' in html
    cache.clear()


def test_de_treffers_komen_uit_de_cache_tot_een_document_verandert(
    client: Any, coordinator: Medewerker
) -> None:
    """The hits are rendered once per page of documents as loaded from the database: served from
    the cache while they stand; a publication withdrawn before the index caught up leaves the page
    at once, because the key is made of what the database returned, not of what the index says."""
    cache.clear()
    ingetrokken = publiceren(coordinator, "Convenant bermbeheer", "bermbeheer langs de dijk")
    publiceren(coordinator, "Convenant bermbeheer 2", "bermbeheer in de polder")
    eerst = client.get(ZOEKEN, {"q": "bermbeheer"})
    sleutel = make_template_fragment_key("zoekresultaten", [eerst.context["treffers_sleutel"]])
    assert "Convenant bermbeheer 2" in cache.get(sleutel)
    cache.set(sleutel, "<p>Treffers uit de cache</p>")

    assert "Treffers uit de cache" in client.get(ZOEKEN, {"q": "bermbeheer"}).content.decode()

    # Withdrawn in the database only: the index still finds it.
    Publicatie.objects.filter(pk=ingetrokken.pk).update(status=Publicatiestatus.INGETROKKEN)
    html = client.get(ZOEKEN, {"q": "bermbeheer"}).content.decode()
    assert "Treffers uit de cache" not in html
    assert "Convenant bermbeheer 2" in html
    assert "bermbeheer langs de dijk" not in html
    cache.clear()


@pytest.mark.parametrize(
    ("taal", "kop", "telling"),
    [("nl", "1.092.516 documenten gevonden", "(227.355)"), ("en", "1,092,516 documents found", "(227,355)")],
)
def test_grote_aantallen_staan_er_leesbaar(
    client: Any, settings: Any, monkeypatch: pytest.MonkeyPatch, taal: str, kop: str, telling: str
) -> None:
    """A count in the millions is written with the language's thousands separator, not as a run of
    seven digits (the heading and every facet's count)."""
    cache.clear()
    antwoord = zoekmachine.Zoekantwoord(
        vraag="vergunning",
        gezocht=frozenset({"vergunning"}),
        totaal=1_092_516,
        ids=(),
        begin=0,
        aantal=selectors.ZOEK_PER_PAGINA,
        facetten={facetten.JAAR: [("2017", 227_355)]},
    )
    monkeypatch.setattr(zoekmachine, "zoekantwoord", lambda **_: antwoord)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = taal

    html = client.get(ZOEKEN, {"q": "vergunning"}).content.decode()

    assert kop in html
    assert telling in html
    cache.clear()
