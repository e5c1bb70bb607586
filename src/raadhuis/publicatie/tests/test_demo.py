"""The register's demo: every information category filled through the module service, some
withdrawn, idempotent, and sitemaps generated once that pass the validator."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management.base import OutputWrapper

from raadhuis.publicatie import demo, selectors, waardelijsten
from raadhuis.publicatie.sitemaps import indexbestanden, sitemaps_controleren

pytestmark = pytest.mark.django_db


@pytest.fixture
def geladen(settings: Any, tmp_path: Path) -> str:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.RAADHUIS_PRIVE_ROOT = str(tmp_path / "prive")
    settings.RAADHUIS_SITEMAP_ROOT = tmp_path / "sitemaps"
    settings.RAADHUIS_DEMO_PUBLICATIES = 40
    uitvoer = io.StringIO()
    demo.laden(OutputWrapper(uitvoer))
    return uitvoer.getvalue()


def test_elke_categorie_met_ingetrokken_en_idempotent(geladen: str) -> None:
    publicaties = list(selectors.publicaties())
    assert len(publicaties) == 40
    gebruikt = {uri for p in publicaties for uri in p.informatiecategorieen}
    assert gebruikt == set(waardelijsten.informatiecategorieen())
    statussen = [p.status for p in publicaties]
    assert statussen.count("ingetrokken") == 1
    assert statussen.count("gepubliceerd") == 39
    assert {p.publisher for p in publicaties} == {"gm1926", demo.GR}
    assert "40 gegenereerd" in geladen
    demo.laden(OutputWrapper(io.StringIO()))
    assert selectors.publicaties().count() == 40


def test_sitemaps_staan_klaar_en_zijn_geldig(geladen: str) -> None:
    indexen = indexbestanden()
    # One index per category with an infocat number (17), plus art. 3.1 under its own name.
    assert len(indexen) >= 17
    problemen, aantal = sitemaps_controleren()
    assert problemen == []
    assert aantal >= 39


def test_niets_bij_nul(settings: Any) -> None:
    settings.RAADHUIS_DEMO_PUBLICATIES = 0
    demo.laden(OutputWrapper(io.StringIO()))
    assert selectors.publicaties().count() == 0
