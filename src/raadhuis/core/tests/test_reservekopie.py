"""Backup and restore, round trip (issue 11 point 5; docs/operations.md): a platform with data,
files and a Logboek is backed up with `reservekopie_maken`, lost, restored by the documented
procedure, and `herstel_controleren` finds everything back; a missing file or a lost row is named.
Runs the real commands in child processes, on the database kind of the test run (SQLite, or a
PostgreSQL database of its own via pg_dump / pg_restore)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

MANAGE = Path(__file__).resolve().parents[4] / "manage.py"

VULLEN = """
from django.core.files.base import ContentFile
from raadhuis.core import logboek
from raadhuis.core.logboek import activiteiten
from raadhuis.core.opslag import prive_opslag
from raadhuis.core.services import organisatie_inrichten
organisatie_inrichten(tooi_code="gm1926")
for n in range(3):
    logboek.vastleggen(naam=f"proef.{n}", activiteit=activiteiten.ZOEKEN_OP_BSN,
                       betrokkene=("BSN", "999993653"), door=logboek.Systeemproces("proef"))
prive_opslag().save("woo/origineel.pdf", ContentFile(b"%PDF-1.4 origineel"))
"""


def _raadhuis(omgeving: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MANAGE), *args], env=omgeving, capture_output=True, text=True, timeout=300
    )


def _postgres(naam: str, *args: str) -> None:
    subprocess.run([shutil.which(naam) or naam, "-h", "127.0.0.1", "-U", "postgres", *args], check=True)


@pytest.fixture
def omgeving(tmp_path: Path) -> dict[str, str]:
    basis = {
        **os.environ,
        "RAADHUIS_MEDIA_ROOT": str(tmp_path / "media"),
        "RAADHUIS_PRIVE_ROOT": str(tmp_path / "prive"),
        "RAADHUIS_ZOEKINDEX": str(tmp_path / "zoekindex"),
        "RAADHUIS_HTTPS": "false",
    }
    if connection.vendor == "postgresql":
        naam = f"raadhuis_herstel_{uuid.uuid4().hex[:8]}"
        _postgres("createdb", naam)
        basis["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{naam}"
        yield basis
        _postgres("dropdb", "--if-exists", naam)
    else:
        basis["DATABASE_URL"] = f"sqlite:///{tmp_path / 'raadhuis.sqlite3'}"
        yield basis


def _herstellen(omgeving: dict[str, str], kopie: Path, tmp_path: Path) -> None:
    """The procedure of docs/operations.md, for the database kind at hand."""
    if connection.vendor == "postgresql":
        naam = omgeving["DATABASE_URL"].rsplit("/", 1)[1]
        _postgres("dropdb", naam)
        _postgres("createdb", naam)
        _postgres("pg_restore", "--no-owner", "-d", naam, str(kopie / "database.dump"))
    else:
        shutil.copyfile(kopie / "database.sqlite3", tmp_path / "raadhuis.sqlite3")
    for naam in ("media", "prive"):
        if (kopie / "bestanden" / naam).exists():
            shutil.copytree(kopie / "bestanden" / naam, tmp_path / naam)


def test_reservekopie_en_herstel_heen_en_terug(omgeving: dict[str, str], tmp_path: Path) -> None:
    # Given a platform with its data, an uploaded file and a Logboek
    assert _raadhuis(omgeving, "migrate", "--noinput", "-v0").returncode == 0
    gevuld = _raadhuis(omgeving, "shell", "-c", VULLEN)
    assert gevuld.returncode == 0, gevuld.stderr
    kopie = tmp_path / "kopie"

    # When it is backed up
    gemaakt = _raadhuis(omgeving, "reservekopie_maken", str(kopie))
    assert gemaakt.returncode == 0, gemaakt.stderr
    assert (kopie / "manifest.json").exists()

    # and everything is lost, then restored by the documented procedure
    if connection.vendor != "postgresql":
        (tmp_path / "raadhuis.sqlite3").unlink()
    shutil.rmtree(tmp_path / "prive")
    _herstellen(omgeving, kopie, tmp_path)

    # Then the check finds everything back
    gecontroleerd = _raadhuis(omgeving, "herstel_controleren", str(kopie))
    assert gecontroleerd.returncode == 0, gecontroleerd.stderr
    assert "logboek tot regel 3" in gecontroleerd.stdout

    # And a restore that lost a file or a row is named as such
    (tmp_path / "prive" / "woo" / "origineel.pdf").unlink()
    assert (
        _raadhuis(
            omgeving,
            "shell",
            "-c",
            "from raadhuis.core.models import Organisatie; Organisatie.objects.all().delete()",
        ).returncode
        == 0
    )
    onvolledig = _raadhuis(omgeving, "herstel_controleren", str(kopie))
    assert onvolledig.returncode != 0
    assert "prive/woo/origineel.pdf ontbreekt" in onvolledig.stderr
    assert "core_organisatie: 0, verwacht 1" in onvolledig.stderr


@pytest.mark.django_db
def test_een_bestaande_map_wordt_niet_overschreven(tmp_path: Path) -> None:
    (tmp_path / "bestaat").mkdir()

    with pytest.raises(CommandError, match="bestaat al"):
        call_command("reservekopie_maken", str(tmp_path / "bestaat"))
