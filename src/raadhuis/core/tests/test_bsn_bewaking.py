"""The test run's own guard (raadhuis.pytest_plugin): a BSN in a log line or a request URL anywhere in
the suite fails the test that caused it (Wabb art. 10: the BSN only where the law allows it)."""

from __future__ import annotations

import logging

import pytest

from raadhuis import pytest_plugin

BSN = "111222333"  # passes the 11-proef


def _eigen_lek(voor: int) -> list[str]:
    """What was seen since `voor`, removed again: this leak is the test's own, on purpose."""
    gezien = pytest_plugin._bsn_gezien[voor:]
    del pytest_plugin._bsn_gezien[voor:]
    return gezien


def test_een_bsn_in_een_logregel_wordt_gezien():
    voor = len(pytest_plugin._bsn_gezien)

    logging.getLogger("raadhuis.proef").warning("Inwoner %s verhuisd", BSN)

    gezien = _eigen_lek(voor)
    assert len(gezien) == 1
    assert "raadhuis.proef" in gezien[0]


@pytest.mark.django_db
def test_een_bsn_in_een_url_wordt_gezien(client):
    voor = len(pytest_plugin._bsn_gezien)

    client.get(f"/?bsn={BSN}")

    assert any(regel.startswith("URL:") for regel in _eigen_lek(voor))


def test_andere_getallen_van_negen_cijfers_zijn_geen_bsn():
    voor = len(pytest_plugin._bsn_gezien)

    logging.getLogger("raadhuis.proef").info("Zaak 123456789, bedrag 100000000, telefoon 0612345678")

    assert _eigen_lek(voor) == []
