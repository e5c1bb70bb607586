"""The meeting page's version (`vergadering_publiek_versie`), the key its agenda is cached under:
whatever changes what the page shows must change it, whichever way the change is written (these
changes go straight to the database, as an `update()` in a service would), and a change the page
does not show need not."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from raadhuis.besluitvorming.models import (
    Aanwezigheid,
    Agendapunt,
    Besluit,
    Fractie,
    Fractiestemresultaat,
    Persoon,
    Stem,
    Stemming,
    Stemverklaring,
    Stuk,
    Voorstel,
)
from raadhuis.besluitvorming.selectors import publiek
from raadhuis.besluitvorming.tests.publiek_hulp import Scenario, scenario

pytestmark = pytest.mark.django_db


def _agenda(client, s: Scenario) -> str:
    """The page's main content as rendered from the data now (nothing cached; the header's forms
    carry a fresh CSRF token each time)."""
    cache.clear()
    antwoord = client.get(reverse("besluitvorming:vergadering", args=[s.vergadering.pk]))
    assert antwoord.status_code == 200
    return _hoofdinhoud(antwoord.content.decode())


ZICHTBARE_WIJZIGINGEN: dict[str, Callable[[Scenario], object]] = {
    "a paper's title": lambda s: Stuk.objects.filter(pk=s.openbaar_stuk.pk).update(titel="Nieuwe titel"),
    "a paper made public": lambda s: Stuk.objects.filter(pk=s.geheim_stuk.pk).update(
        openbaarheid=Stuk.Openbaarheid.OPENBAAR
    ),
    "a paper made geheim": lambda s: Stuk.objects.filter(pk=s.openbaar_stuk.pk).update(
        openbaarheid=Stuk.Openbaarheid.GEHEIM
    ),
    "an item made besloten": lambda s: Agendapunt.objects.filter(pk=s.hamerstuk.pk).update(besloten=True),
    "an item opened": lambda s: Agendapunt.objects.filter(pk=s.besloten_punt.pk).update(besloten=False),
    "an item's description": lambda s: Agendapunt.objects.filter(pk=s.bespreekstuk.pk).update(
        omschrijving="Toegevoegde toelichting"
    ),
    "an item's portefeuillehouder": lambda s: Agendapunt.objects.filter(pk=s.hamerstuk.pk).update(
        portefeuillehouder=s.raad.leden[1]
    ),
    "a vote's outcome": lambda s: Stemming.objects.filter(pk=s.stemming.pk).update(
        uitkomst=Stemming.Uitkomst.VERWORPEN
    ),
    "a proposal's title": lambda s: Voorstel.objects.filter(pk=s.stemming.voorstel_id).update(
        titel="Gewijzigd raadsvoorstel"
    ),
    # The page links "how each member voted" while there are member votes to show.
    "the member votes removed": lambda s: Stem.objects.filter(stemming=s.stemming).delete(),
    "a fractie result": lambda s: Fractiestemresultaat.objects.filter(stemming=s.stemming).update(voor=9),
    "a stemverklaring": lambda s: Stemverklaring.objects.filter(stemming=s.stemming).update(
        tekst="Wij stemmen voor"
    ),
    "a decision's explanation": lambda s: Besluit.objects.filter(pk=s.besluit.pk).update(
        toelichting="Aangenomen met algemene stemmen."
    ),
    "the presentielijst": lambda s: Aanwezigheid.objects.filter(
        vergadering=s.vergadering, persoon=s.raad.leden[0]
    ).update(aanwezig=False, toelichting="Met bericht van verhindering"),
    "a member's name": lambda s: Persoon.objects.filter(pk=s.raad.leden[0].pk).update(achternaam="Anders"),
    "a fractie's name": lambda s: Fractie.objects.filter(pk=s.raad.fracties[0].pk).update(naam="Hernoemd"),
}


@pytest.mark.parametrize("wijziging", ZICHTBARE_WIJZIGINGEN, ids=list(ZICHTBARE_WIJZIGINGEN))
def test_what_changes_the_page_changes_its_version(client, wijziging):
    s = scenario()
    pagina_voor, versie_voor = _agenda(client, s), publiek.vergadering_publiek_versie(s.vergadering)

    ZICHTBARE_WIJZIGINGEN[wijziging](s)

    assert _agenda(client, s) != pagina_voor  # the change is one the page shows
    assert publiek.vergadering_publiek_versie(s.vergadering) != versie_voor


def test_the_version_stays_while_nothing_it_shows_changes(client):
    s = scenario()
    versie = publiek.vergadering_publiek_versie(s.vergadering)
    pagina = _agenda(client, s)

    # The besloten meeting's paper, a secret paper's text, and a vote about the besloten item.
    Stuk.objects.filter(pk=s.stuk_besloten_vergadering.pk).update(titel="Andere vertrouwelijke notitie")
    Stuk.objects.filter(pk=s.geheim_stuk.pk).update(tekst="Nog geheimer")
    Stemverklaring.objects.create(
        stemming=s.stemming_besloten_punt, persoon=s.raad.leden[1], fractie=s.raad.fracties[1], tekst="Geheim"
    )

    assert _agenda(client, s) == pagina
    assert publiek.vergadering_publiek_versie(s.vergadering) == versie


def test_a_besloten_meeting_has_a_version_without_its_data():
    s = scenario()

    versie = publiek.vergadering_publiek_versie(s.besloten_vergadering)
    Stuk.objects.filter(pk=s.stuk_besloten_vergadering.pk).update(titel="Andere vertrouwelijke notitie")

    assert publiek.vergadering_publiek_versie(s.besloten_vergadering) == versie


# -- A vote's own page: the same rule for what it shows below its heading -------------------------


def _stemmingpagina(client, s: Scenario) -> str:
    cache.clear()
    antwoord = client.get(reverse("besluitvorming:stemming", args=[s.stemming.pk]))
    assert antwoord.status_code == 200
    return _hoofdinhoud(antwoord.content.decode())


def _versie_van_de_stemming(s: Scenario) -> str:
    kop = publiek.stemming_publiek_kop(s.stemming.pk)
    assert kop is not None
    return publiek.stemming_publiek_versie(kop)


ZICHTBAAR_OP_DE_STEMMING: dict[str, Callable[[Scenario], object]] = {
    "a member's vote": lambda s: Stem.objects.filter(
        pk=Stem.objects.filter(stemming=s.stemming, keuze=Stem.Keuze.VOOR).order_by("pk").values("pk")[:1]
    ).update(keuze=Stem.Keuze.TEGEN),
    "a member's vote withdrawn": lambda s: Stem.objects.filter(
        pk=Stem.objects.filter(stemming=s.stemming).order_by("pk").values("pk")[:1]
    ).delete(),
    "a member's name": lambda s: Persoon.objects.filter(pk=s.raad.leden[1].pk).update(achternaam="Anders"),
    "a fractie's name": lambda s: Fractie.objects.filter(pk=s.raad.fracties[1].pk).update(naam="Hernoemd"),
    "a fractie result": lambda s: Fractiestemresultaat.objects.filter(stemming=s.stemming).update(voor=9),
    "a stemverklaring": lambda s: Stemverklaring.objects.filter(stemming=s.stemming).update(
        tekst="Wij stemmen voor"
    ),
}


@pytest.mark.parametrize("wijziging", ZICHTBAAR_OP_DE_STEMMING, ids=list(ZICHTBAAR_OP_DE_STEMMING))
def test_what_changes_a_vote_page_changes_its_version(client, wijziging):
    s = scenario()
    pagina_voor, versie_voor = _stemmingpagina(client, s), _versie_van_de_stemming(s)

    ZICHTBAAR_OP_DE_STEMMING[wijziging](s)

    assert _stemmingpagina(client, s) != pagina_voor
    assert _versie_van_de_stemming(s) != versie_voor


def test_a_vote_page_from_the_cache_reads_no_tables(client, django_assert_max_num_queries):
    s = scenario()
    adres = reverse("besluitvorming:stemming", args=[s.stemming.pk])
    eerst = client.get(adres).content.decode()
    kop = publiek.stemming_publiek_kop(s.stemming.pk)
    assert kop is not None
    with CaptureQueriesContext(connection) as versie:
        publiek.stemming_publiek_versie(kop)

    # The vote with its meeting, the organisation (the site's header) and the version; the
    # stemverklaringen and tables come from the cache.
    with django_assert_max_num_queries(2 + len(versie)):
        tweede = client.get(adres).content.decode()

    assert _hoofdinhoud(tweede) == _hoofdinhoud(eerst)
    assert "Wij stemmen tegen omdat" in tweede


def _hoofdinhoud(inhoud: str) -> str:
    return inhoud[inhoud.index("<main") : inhoud.index("</main>")]
