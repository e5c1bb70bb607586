"""A full disk while storing an upload (issue 11 point 3): a clear message, no half-written file,
and nothing in the database (the service's transaction rolls back)."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from raadhuis.core.opslag import Bestandsopslag


class _VolleSchijf:
    """What os.fdopen returns when the disk fills up after the first bytes."""

    def __init__(self, fd: int, mode: str) -> None:
        self._fd = fd
        self._geschreven = 0

    def write(self, gegevens: bytes) -> int:
        if self._geschreven:
            raise OSError(errno.ENOSPC, "No space left on device")
        os.write(self._fd, gegevens[:10])
        self._geschreven += 10
        raise OSError(errno.ENOSPC, "No space left on device")

    def close(self) -> None:
        os.close(self._fd)


@pytest.fixture
def volle_schijf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.core.files.storage.filesystem.os.fdopen", _VolleSchijf)


def test_een_volle_schijf_geeft_een_duidelijke_melding_en_geen_half_bestand(
    tmp_path: Path, volle_schijf: None
):
    opslag = Bestandsopslag(location=str(tmp_path))

    with pytest.raises(ValidationError) as fout:
        opslag.save("woo/groot.pdf", ContentFile(b"%PDF-1.7 " + b"x" * 100_000))

    assert "de opslag is vol" in fout.value.messages[0]
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_andere_schijffouten_blijven_fouten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def geen_rechten(fd: int, mode: str) -> Any:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("django.core.files.storage.filesystem.os.fdopen", geen_rechten)

    with pytest.raises(PermissionError):
        Bestandsopslag(location=str(tmp_path)).save("a.txt", ContentFile(b"abc"))


def test_een_upload_bij_volle_schijf_laat_niets_achter(db: None, volle_schijf: None):
    """Through a real service: publishing a file when the private storage is full."""
    import datetime as dt

    from raadhuis.accounts.models import Rol
    from raadhuis.accounts.tests.factories import MedewerkerFactory
    from raadhuis.publicatie import services
    from raadhuis.publicatie import waardelijsten as w
    from raadhuis.publicatie.models import Publicatiedocument

    map_ = Path(Publicatiedocument._meta.get_field("bestand").storage.location)  # type: ignore[attr-defined]
    voor = {p for p in map_.rglob("*") if p.is_file()}
    coordinator = MedewerkerFactory(rollen=[Rol.WOO_COORDINATOR])
    publicatie = services.publicatie_aanmaken(
        publisher="gm1926",
        officiele_titel="Convenant",
        informatiecategorieen=[w.CATEGORIE_CONVENANTEN],
        handelingen=[
            services.Handeling(soort=w.VASTSTELLING, tijdstip=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        ],
        door=coordinator,
    )

    with pytest.raises(ValidationError) as fout:
        services.document_toevoegen(
            publicatie, titel="Lijst", bestandsnaam="lijst.csv", inhoud=b"a,b\n1,2\n" * 10, door=coordinator
        )

    assert "de opslag is vol" in str(fout.value)
    assert not Publicatiedocument.objects.exists()
    assert {p for p in map_.rglob("*") if p.is_file()} == voor
