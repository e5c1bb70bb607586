"""The public meeting page renders its agenda once per state of its data (core.vingerafdruk): the
cached fragment is served while nothing changed, and any change shows on the next request."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from raadhuis.besluitvorming import services
from raadhuis.besluitvorming.models import Stuk, Vergadering
from raadhuis.besluitvorming.selectors import publiek
from raadhuis.besluitvorming.tests.factories import AgendapuntFactory, raad_met_leden
from raadhuis.besluitvorming.tests.publiek_hulp import openbare_vergadering, scenario

pytestmark = pytest.mark.django_db

MERKTEKEN = "<p>Dit fragment kwam uit de cache</p>"


@pytest.fixture(autouse=True)
def _lege_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    yield
    cache.clear()


def _pagina(client, vergadering: Vergadering):
    antwoord = client.get(reverse("besluitvorming:vergadering", args=[vergadering.pk]))
    assert antwoord.status_code == 200
    return antwoord


def _fragment_vervangen(antwoord) -> None:
    """Puts a marker where the page's agenda fragment is cached: a page showing it used the cache."""
    sleutel = make_template_fragment_key("vergadering_agenda", [antwoord.context["agenda_sleutel"]])
    assert cache.get(sleutel) is not None
    cache.set(sleutel, MERKTEKEN)


def test_unchanged_meeting_is_served_from_the_cache(client):
    s = scenario()
    _fragment_vervangen(_pagina(client, s.vergadering))

    inhoud = _pagina(client, s.vergadering).content.decode()

    assert MERKTEKEN in inhoud
    assert "Woningbouw Keijzershof" not in inhoud  # the agenda came from the cache, not a render


def test_a_lifted_secrecy_shows_the_paper_at_once(client, griffier):
    s = scenario()
    eerst = _pagina(client, s.vergadering)
    assert "Geheime taxatie" not in eerst.content.decode()
    _fragment_vervangen(eerst)

    services.geheimhouding_opheffen(stuk=s.geheim_stuk, besloten_op=timezone.localdate(), door=griffier)

    inhoud = _pagina(client, s.vergadering).content.decode()
    assert MERKTEKEN not in inhoud
    assert "Geheime taxatie" in inhoud


def test_an_item_made_besloten_vanishes_at_once(client, griffier):
    raad = raad_met_leden((2, 1))
    vergadering = openbare_vergadering(
        raad, status=Vergadering.Status.GEPLAND, begin=timezone.now() + dt.timedelta(days=5)
    )
    punt = AgendapuntFactory(vergadering=vergadering, volgnummer=1, titel="Verkoop raadhuisplein")
    assert "Verkoop raadhuisplein" in _pagina(client, vergadering).content.decode()

    services.agendapunt_bijwerken(agendapunt=punt, titel=punt.titel, besloten=True, door=griffier)

    assert "Verkoop raadhuisplein" not in _pagina(client, vergadering).content.decode()


def test_each_language_has_its_own_fragment(client, settings):
    s = scenario()
    _fragment_vervangen(_pagina(client, s.vergadering))

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    inhoud = _pagina(client, s.vergadering).content.decode()

    assert MERKTEKEN not in inhoud
    assert "Presentielijst" not in inhoud  # rendered in English, not served from the Dutch one


def test_the_fragment_reads_nothing_beyond_its_selector(client):
    """A template reading a relation the selector did not load would read data the version does
    not cover: a render (cache empty) makes the queries of a cache hit, the selector's, and the
    version's once more (the check that nothing changed meanwhile), and no others."""
    s = scenario()
    with CaptureQueriesContext(connection) as gerenderd:
        _pagina(client, s.vergadering)
    with CaptureQueriesContext(connection) as uit_cache:
        _pagina(client, s.vergadering)
    with CaptureQueriesContext(connection) as selector:
        publiek.vergadering_publiek(s.vergadering)
    with CaptureQueriesContext(connection) as versie:
        publiek.vergadering_publiek_versie(s.vergadering)

    assert len(gerenderd) == len(uit_cache) + len(selector) + len(versie)


def test_a_cache_hit_does_not_read_the_agenda(client, django_assert_max_num_queries):
    s = scenario()
    _pagina(client, s.vergadering)
    with CaptureQueriesContext(connection) as versie:
        publiek.vergadering_publiek_versie(s.vergadering)

    # The meeting, the speakers (inspreken), the version; on PostgreSQL the version is one query.
    with django_assert_max_num_queries(4 + len(versie)):
        _pagina(client, s.vergadering)


def test_a_rendering_of_data_changed_after_its_version_is_not_kept(client, monkeypatch):
    """Between the version and the read another request may change the meeting: that rendering
    shows a later state than its key stands for, so it is dropped, not served for the key."""
    s = scenario()
    lezen = publiek.vergadering_publiek

    def lezen_na_een_wijziging(vergadering):
        Stuk.objects.filter(pk=s.openbaar_stuk.pk).update(titel="Tussendoor gewijzigd")
        return lezen(vergadering)

    monkeypatch.setattr(publiek, "vergadering_publiek", lezen_na_een_wijziging)
    antwoord = _pagina(client, s.vergadering)

    assert "Tussendoor gewijzigd" in antwoord.content.decode()
    sleutel = make_template_fragment_key("vergadering_agenda", [antwoord.context["agenda_sleutel"]])
    assert cache.get(sleutel) is None
