"""The app server's start-up: what was loaded is out of the garbage collector's reach."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from raadhuis.productie.geheugen import na_het_laden


@pytest.fixture
def _ontdooien() -> Iterator[None]:
    yield
    gc.unfreeze()  # the rest of the test run keeps the collector as it was


@pytest.mark.usefixtures("_ontdooien")
def test_na_het_laden_staat_wat_geladen_is_buiten_de_garbage_collector():
    gc.unfreeze()
    na_het_laden()

    # The platform's modules, classes and templates: far more than a bare interpreter holds.
    assert gc.get_freeze_count() > 100_000
    assert sum(gc.get_count()) < 1_000


def test_wsgi_module_laadt_de_applicatie_en_bevriest(monkeypatch: pytest.MonkeyPatch):
    import importlib
    import sys

    aangeroepen = []
    monkeypatch.setattr("raadhuis.productie.geheugen.na_het_laden", lambda: aangeroepen.append(True))
    sys.modules.pop("raadhuis.wsgi", None)
    wsgi = importlib.import_module("raadhuis.wsgi")

    assert callable(wsgi.application)
    assert aangeroepen == [True]
