"""Backups and the check of a restore (issue 11 point 5; docs/operations.md): the database (pg_dump,
or SQLite's online backup), the uploaded files (copied from the file system; on S3 they stay in the
bucket, whose versioning and replication the operator keeps), and a manifest with what must come
back: the row count of every table, a SHA-256 per file and the head of the Logboek's hash chain.

`reservekopie_maken` writes a folder; restoring it is the documented procedure (pg_restore or a
file copy, then the files back); `herstel_controleren` compares what is there after the restore
with the manifest and lists every difference. A check that finds nothing wrong is a restore that
may go live.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import connection
from django.utils import timezone

from raadhuis.core.logboek import keten
from raadhuis.core.opslag import alle_namen, uploadopslagen

MANIFEST = "manifest.json"
DATABASE_SQLITE = "database.sqlite3"
DATABASE_POSTGRES = "database.dump"
BESTANDEN = "bestanden"


@dataclass(frozen=True)
class Manifest:
    gemaakt_op: str
    database: str  # "sqlite" or "postgresql"
    tabellen: dict[str, int]
    bestanden: dict[str, str]  # "media/…" or "prive/…" -> SHA-256
    logboek_kop: tuple[int, str]
    # "bestanden": the files are in the backup folder; "s3": they stay in the bucket.
    opslag: str = "bestanden"


def _sha256(bestand: IO[bytes]) -> str:
    som = hashlib.sha256()
    for blok in iter(lambda: bestand.read(1024 * 1024), b""):
        som.update(blok)
    return som.hexdigest()


def _bestanden() -> dict[str, str]:
    """Every uploaded file with its SHA-256, read through the Storage API: on S3 that reads every
    object once (the price of a checksum the restore check can trust; ETags are no SHA-256 and
    differ for multipart uploads)."""
    gevonden: dict[str, str] = {}
    for soort, opslag in uploadopslagen().items():
        for naam in alle_namen(opslag):
            with opslag.open(naam, "rb") as bestand:
                gevonden[f"{soort}/{naam}"] = _sha256(bestand)
    return gevonden


def _tabellen() -> dict[str, int]:
    """Every table of the platform's own apps and of the accounts, with its number of rows."""
    return {
        model._meta.db_table: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model.__module__.startswith("raadhuis.")
    }


def huidig_manifest() -> Manifest:
    return Manifest(
        gemaakt_op=timezone.now().isoformat(),
        database=connection.vendor,
        tabellen=_tabellen(),
        bestanden=_bestanden(),
        logboek_kop=keten.kop(),
        opslag=settings.RAADHUIS_OPSLAG,
    )


def _database_kopieren(doel: Path) -> None:
    instellingen = connection.settings_dict
    if connection.vendor == "sqlite":
        # The online backup API copies a consistent state while the platform keeps running.
        bron = sqlite3.connect(str(instellingen["NAME"]))
        kopie = sqlite3.connect(str(doel / DATABASE_SQLITE))
        with kopie:
            bron.backup(kopie)
        bron.close()
        kopie.close()
        return
    omgeving = {**os.environ, "PGPASSWORD": str(instellingen.get("PASSWORD") or "")}
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise OSError("pg_dump is niet geïnstalleerd (Debian: postgresql-client).")
    subprocess.run(  # noqa: S603 - the found program, arguments from our own settings
        [
            pg_dump,
            "--format=custom",
            "--no-owner",
            f"--host={instellingen.get('HOST') or '127.0.0.1'}",
            f"--port={instellingen.get('PORT') or 5432}",
            f"--username={instellingen.get('USER') or 'postgres'}",
            f"--file={doel / DATABASE_POSTGRES}",
            str(instellingen["NAME"]),
        ],
        check=True,
        env=omgeving,
        capture_output=True,
    )


def reservekopie_maken(doel: Path) -> Manifest:
    """Writes the database, the files and the manifest (last: a folder without a manifest is an
    unfinished backup) into `doel`, which must not exist yet."""
    doel.mkdir(parents=True)
    manifest = huidig_manifest()
    _database_kopieren(doel)
    for soort, opslag in uploadopslagen().items():
        # On S3 the objects stay in the bucket (its versioning and replication are their backup);
        # the manifest still lists each with its checksum, so the restore check can find them.
        if isinstance(opslag, FileSystemStorage) and Path(opslag.location).exists():
            shutil.copytree(opslag.location, doel / BESTANDEN / soort)
    (doel / MANIFEST).write_text(json.dumps(asdict(manifest), indent=1, sort_keys=True), encoding="utf-8")
    return manifest


def manifest_lezen(pad: Path) -> Manifest:
    gegevens = json.loads(pad.read_text(encoding="utf-8"))
    return Manifest(
        gemaakt_op=gegevens["gemaakt_op"],
        database=gegevens["database"],
        tabellen={str(k): int(v) for k, v in gegevens["tabellen"].items()},
        bestanden={str(k): str(v) for k, v in gegevens["bestanden"].items()},
        logboek_kop=(int(gegevens["logboek_kop"][0]), str(gegevens["logboek_kop"][1])),
        opslag=str(gegevens.get("opslag", "bestanden")),  # manifests from before S3 lack it
    )


def herstel_controleren(verwacht: Manifest) -> list[str]:
    """Every way the restored platform differs from the backup's manifest (empty: all came back)."""
    problemen: list[str] = []
    nu = huidig_manifest()
    for tabel, aantal in sorted(verwacht.tabellen.items()):
        gevonden = nu.tabellen.get(tabel)
        if gevonden != aantal:
            problemen.append(
                f"Tabel {tabel}: {gevonden if gevonden is not None else 'ontbreekt'}, verwacht {aantal}."
            )
    for pad, som in sorted(verwacht.bestanden.items()):
        gevonden_som = nu.bestanden.get(pad)
        if gevonden_som is None:
            problemen.append(f"Bestand {pad} ontbreekt.")
        elif gevonden_som != som:
            problemen.append(f"Bestand {pad} is anders dan in de reservekopie.")
    keten_uitkomst = keten.controleren()
    if not keten_uitkomst.in_orde:
        problemen.append(f"De hashketen van het logboek is niet intact: {keten_uitkomst.reden}")
    if nu.logboek_kop != verwacht.logboek_kop:
        problemen.append(
            f"De kop van het logboek is regel {nu.logboek_kop[0]}, verwacht regel {verwacht.logboek_kop[0]} "
            "met dezelfde hash."
        )
    return problemen
