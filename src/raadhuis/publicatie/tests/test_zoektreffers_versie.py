"""The public search renders its hits once per state of what they show (`zoektreffers_versie`, a
fingerprint made in the database): whatever changes a hit changes the version, whichever way the
change is written (these go straight to the database, as an `update()` would, and the search index
is not told), a change no hit shows need not, a cached page reads no hit, and a rendering of data
that changed after its version was taken is not kept."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db import connection
from django.test.utils import CaptureQueriesContext

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.core import zoeken as zoekmachine
from raadhuis.core.models import Zoekdocument
from raadhuis.publicatie import selectors
from raadhuis.publicatie.models import Publicatie, Publicatiedocument, Publicatiestatus
from raadhuis.publicatie.tests.test_services import medewerker
from raadhuis.publicatie.tests.test_zoeken import ZOEKEN, publiceren

pytestmark = pytest.mark.django_db

VRAAG = {"q": "bermbeheer"}
MERKTEKEN = "<p>Deze treffers kwamen uit de cache</p>"


@dataclass(frozen=True)
class Zoekscenario:
    publicatie: Publicatie
    document: Publicatiedocument
    zoekdocument: Zoekdocument
    andere: Publicatie


@pytest.fixture(autouse=True)
def _lege_cache() -> Any:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def s(db: None) -> Zoekscenario:
    coordinator: Medewerker = medewerker(Rol.WOO_COORDINATOR)
    publicatie = publiceren(coordinator, "Convenant bermbeheer", "Afspraken over bermbeheer langs de dijk.")
    andere = publiceren(coordinator, "Evaluatie bermbeheer", "Het bermbeheer in de polder werkt.")
    document = publicatie.documenten.get()
    return Zoekscenario(
        publicatie=publicatie,
        document=document,
        zoekdocument=Zoekdocument.objects.get(soort=selectors.ZOEKSOORT, sleutel=str(document.uuid)),
        andere=andere,
    )


def _versie(vraag: dict[str, str] = VRAAG) -> str:
    return selectors.zoektreffers_versie(
        selectors.publicaties_zoeken(selectors.Zoekopdracht(vraag=vraag["q"]))
    )


def _resultaten(client: Any, vraag: dict[str, str] = VRAAG) -> str:
    """The hits as rendered from the data now (nothing cached)."""
    cache.clear()
    antwoord = client.get(ZOEKEN, vraag)
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    return inhoud[inhoud.index('<ol class="raadhuis-zoekresultaten">') : inhoud.index("</section>")]


ZICHTBARE_WIJZIGINGEN: dict[str, Callable[[Zoekscenario], object]] = {
    "the indexed title": lambda s: Zoekdocument.objects.filter(pk=s.zoekdocument.pk).update(
        titel="Nieuwe titel"
    ),
    "the date": lambda s: Zoekdocument.objects.filter(pk=s.zoekdocument.pk).update(datum="2019-06-01"),
    "the category": lambda s: Zoekdocument.objects.filter(pk=s.zoekdocument.pk).update(
        kenmerken={**s.zoekdocument.kenmerken, "categorie": []}
    ),
    "the text of the snippet": lambda s: Zoekdocument.objects.filter(pk=s.zoekdocument.pk).update(
        tekst="Nieuwe afspraken over bermbeheer."
    ),
    "the document's title": lambda s: Publicatiedocument.objects.filter(pk=s.document.pk).update(
        titel="Ander document"
    ),
    "the file name": lambda s: Publicatiedocument.objects.filter(pk=s.document.pk).update(
        bestandsnaam="convenant.docx"
    ),
    "the file size": lambda s: Publicatiedocument.objects.filter(pk=s.document.pk).update(
        grootte=123_456_789
    ),
    "the publishing organisation": lambda s: Publicatie.objects.filter(pk=s.publicatie.pk).update(
        publisher="gm0599"
    ),
    "the publication withdrawn": lambda s: Publicatie.objects.filter(pk=s.publicatie.pk).update(
        status=Publicatiestatus.INGETROKKEN
    ),
    "the index row removed": lambda s: Zoekdocument.objects.filter(pk=s.zoekdocument.pk).delete(),
}


@pytest.mark.parametrize("wijziging", ZICHTBARE_WIJZIGINGEN, ids=list(ZICHTBARE_WIJZIGINGEN))
def test_what_changes_a_hit_changes_the_version(client: Any, s: Zoekscenario, wijziging: str) -> None:
    resultaten_voor, versie_voor = _resultaten(client), _versie()

    ZICHTBARE_WIJZIGINGEN[wijziging](s)

    assert _resultaten(client) != resultaten_voor  # the change is one the page shows
    assert _versie() != versie_voor


def test_the_version_stays_while_nothing_a_hit_shows_changes(client: Any, s: Zoekscenario) -> None:
    lang = "bermbeheer " + "a" * zoekmachine.FRAGMENT_GELEZEN
    Zoekdocument.objects.filter(pk=s.zoekdocument.pk).update(tekst=lang + " einde")
    resultaten, versie = _resultaten(client), _versie()

    # Text beyond what a snippet may show, and the publication's own title (a hit shows the
    # document's indexed title).
    Zoekdocument.objects.filter(pk=s.zoekdocument.pk).update(tekst=lang + " een ander einde")
    Publicatie.objects.filter(pk=s.publicatie.pk).update(officiele_titel="Andere officiële titel")

    assert _resultaten(client) == resultaten
    assert _versie() == versie


def test_an_unchanged_page_of_hits_is_served_from_the_cache(client: Any, s: Zoekscenario) -> None:
    eerst = client.get(ZOEKEN, VRAAG)
    sleutel = make_template_fragment_key("zoekresultaten", [eerst.context["treffers_sleutel"]])
    assert "Convenant bermbeheer" in cache.get(sleutel)
    cache.set(sleutel, MERKTEKEN)

    inhoud = client.get(ZOEKEN, VRAAG).content.decode()

    assert MERKTEKEN in inhoud
    assert "Convenant bermbeheer" not in inhoud


def test_the_words_searched_for_are_part_of_the_key(client: Any, s: Zoekscenario) -> None:
    """Two questions finding the same document mark different words in its snippet."""
    assert "<mark>bermbeheer</mark>" not in client.get(ZOEKEN, {"q": "dijk"}).content.decode()

    inhoud = client.get(ZOEKEN, {"q": "bermbeheer dijk"}).content.decode()

    assert "<mark>bermbeheer</mark>" in inhoud


def test_a_cache_hit_reads_no_hit_and_a_render_nothing_beyond_the_selector(
    client: Any, s: Zoekscenario
) -> None:
    """A render (cache empty) makes the queries of a cache hit, the selector's and the version's
    once more (the check that nothing changed meanwhile), and no others: a template reading a
    relation the selector did not load would read data the version does not cover."""
    client.get(ZOEKEN, VRAAG)  # the index takes in the publications
    cache.clear()
    with CaptureQueriesContext(connection) as gerenderd:
        client.get(ZOEKEN, VRAAG)
    with CaptureQueriesContext(connection) as uit_cache:
        client.get(ZOEKEN, VRAAG)
    pagina = selectors.publicaties_zoeken(selectors.Zoekopdracht(vraag=VRAAG["q"]))
    with CaptureQueriesContext(connection) as selector:
        treffers = selectors.zoektreffers(pagina)
    with CaptureQueriesContext(connection) as versie:
        selectors.zoektreffers_versie(pagina)

    assert len(treffers) == 2
    # On a hit the hits' tables are read by the version only.
    assert [q["sql"] for q in uit_cache.captured_queries if _leest_treffers(q["sql"])] == [
        q["sql"] for q in versie.captured_queries
    ]
    assert len(gerenderd) == len(uit_cache) + len(selector) + len(versie)


def _leest_treffers(sql: str) -> bool:
    return "core_zoekdocument" in sql or "publicatie_publicatiedocument" in sql


def test_a_rendering_of_hits_changed_after_their_version_is_not_kept(
    client: Any, s: Zoekscenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    lezen = selectors.zoektreffers

    def lezen_na_een_wijziging(pagina: selectors.Zoekpagina) -> list[selectors.Zoektreffer]:
        Publicatiedocument.objects.filter(pk=s.document.pk).update(titel="Tussendoor gewijzigd")
        return lezen(pagina)

    monkeypatch.setattr(selectors, "zoektreffers", lezen_na_een_wijziging)
    antwoord = client.get(ZOEKEN, VRAAG)

    assert "Tussendoor gewijzigd" in antwoord.content.decode()
    sleutel = make_template_fragment_key("zoekresultaten", [antwoord.context["treffers_sleutel"]])
    assert cache.get(sleutel) is None
