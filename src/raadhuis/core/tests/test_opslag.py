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
