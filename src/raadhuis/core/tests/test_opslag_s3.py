"""Uploads on an S3-compatible store (RAADHUIS_OPSLAG=s3), against moto's server over real HTTP:
the settings refuse an incomplete configuration, files land under private prefixes without an
ACL and leave only through the app, names are never overwritten, the backup manifest lists the
objects with their checksums, and readiness reports an unreachable bucket."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client

from raadhuis import settings as instellingen
from raadhuis.conftest import S3Proef
from raadhuis.core import reservekopie
from raadhuis.core.opslag import opslag_bereikbaar, prive_opslag

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64

# --- settings -----------------------------------------------------------------------------------------


def test_s3_zonder_bucket_weigert_te_starten(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RAADHUIS_S3_BUCKET", raising=False)

    with pytest.raises(ImproperlyConfigured, match="RAADHUIS_OPSLAG=s3 needs RAADHUIS_S3_BUCKET"):
        instellingen.uploadopslag("s3")


def test_s3_zonder_bucket_stopt_de_opstart_met_een_zin() -> None:
    omgeving = {"RAADHUIS_OPSLAG": "s3", "RAADHUIS_S3_BUCKET": "", "PATH": "/usr/bin:/bin"}
    resultaat = subprocess.run(
        [sys.executable, "-m", "raadhuis.cli", "check"],
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert resultaat.returncode == 2
    assert "RAADHUIS_OPSLAG=s3 needs RAADHUIS_S3_BUCKET" in resultaat.stderr
    assert "Traceback" not in resultaat.stderr


@pytest.mark.parametrize(
    ("soort", "omgeving", "melding"),
    [
        ("schijf", {}, "RAADHUIS_OPSLAG must be bestanden or s3"),
        ("s3", {"RAADHUIS_S3_ENDPOINT_URL": "minio.intern:9000"}, "RAADHUIS_S3_ENDPOINT_URL must start"),
        ("s3", {"RAADHUIS_S3_ADRESSERING": "dns"}, "RAADHUIS_S3_ADRESSERING must be path or virtual"),
    ],
)
def test_onjuiste_opslaginstellingen_weigeren_te_starten(
    monkeypatch: pytest.MonkeyPatch, soort: str, omgeving: dict[str, str], melding: str
) -> None:
    monkeypatch.setenv("RAADHUIS_S3_BUCKET", "raadhuis")
    for naam, waarde in omgeving.items():
        monkeypatch.setenv(naam, waarde)

    with pytest.raises(ImproperlyConfigured, match=melding):
        instellingen.uploadopslag(soort)


def test_een_aparte_bucket_voor_de_prive_bestanden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAADHUIS_S3_BUCKET", "raadhuis-media")
    monkeypatch.setenv("RAADHUIS_S3_PRIVE_BUCKET", "raadhuis-prive")

    opslagen = instellingen.uploadopslag("s3")

    assert opslagen["default"]["OPTIONS"]["bucket_name"] == "raadhuis-media"
    assert opslagen["prive"]["OPTIONS"]["bucket_name"] == "raadhuis-prive"
    assert opslagen["prive"]["OPTIONS"]["base_url"] is None


def test_check_deploy_waarschuwt_voor_een_opslag_zonder_tls(s3: S3Proef) -> None:
    from raadhuis.core.checks import controleer_productie_instellingen

    ids = [m.id for m in controleer_productie_instellingen()]

    assert ids.count("raadhuis.W005") == 1  # moto listens on http://; one warning for both stores


def test_check_deploy_zwijgt_over_de_opslag_op_het_bestandssysteem() -> None:
    from raadhuis.core.checks import controleer_productie_instellingen

    assert "raadhuis.W005" not in [m.id for m in controleer_productie_instellingen()]


# --- the stores -----------------------------------------------------------------------------------


def test_prive_bestand_in_de_bucket_zonder_acl_en_zonder_url(s3: S3Proef) -> None:
    naam = prive_opslag().save("stukken/2026/geheim.pdf", ContentFile(b"%PDF-1.7 geheim"))

    assert s3.sleutels() == [f"prive/{naam}"]
    with prive_opslag().open(naam) as bestand:
        assert bestand.read() == b"%PDF-1.7 geheim"
    # Only the bucket's owner is granted anything: no public-read, no authenticated-read.
    acl = s3.client.get_object_acl(Bucket=s3.bucket, Key=f"prive/{naam}")
    assert [g["Permission"] for g in acl["Grants"]] == ["FULL_CONTROL"]
    assert acl["Grants"][0]["Grantee"]["Type"] == "CanonicalUser"
    # No presigned link either: a private file leaves only through a view that checks permission.
    with pytest.raises(ValueError, match="not accessible via a URL"):
        prive_opslag().url(naam)


def test_een_groot_bestand_uit_de_bucket_komt_niet_in_het_geheugen(s3: S3Proef, settings: Any) -> None:
    from raadhuis.core.opslag_s3 import IN_GEHEUGEN, S3Opslag

    naam = prive_opslag().save("woo/bundel.pdf", ContentFile(b"x" * 100))
    klein = S3Opslag(**{**settings.STORAGES["prive"]["OPTIONS"], "max_memory_size": 64})

    with klein.open(naam) as bestand:
        assert bestand.read() == b"x" * 100
        assert bestand.file._rolled  # spilled to a temporary file past 64 bytes
    assert prive_opslag().doel.max_memory_size == IN_GEHEUGEN  # type: ignore[attr-defined]


def test_een_naam_wordt_nooit_overschreven(s3: S3Proef) -> None:
    eerste = prive_opslag().save("woo/brief.pdf", ContentFile(b"eerste"))
    tweede = prive_opslag().save("woo/brief.pdf", ContentFile(b"tweede"))

    assert eerste == "woo/brief.pdf"
    assert tweede != eerste
    with prive_opslag().open(eerste) as bestand:
        assert bestand.read() == b"eerste"


def test_verwijderen_en_een_ontbrekend_bestand(s3: S3Proef) -> None:
    naam = prive_opslag().save("woo/weg.pdf", ContentFile(b"weg"))

    prive_opslag().delete(naam)

    assert s3.sleutels() == []
    assert not prive_opslag().exists(naam)
    with pytest.raises(FileNotFoundError):
        prive_opslag().open(naam)


def test_openbaar_bestand_gaat_via_de_app_uit_de_bucket(db: None, s3: S3Proef, client: Client) -> None:
    naam = default_storage.save("organisatie/logo.png", ContentFile(PNG))

    assert s3.sleutels() == [f"media/{naam}"]
    assert default_storage.url(naam) == f"/media/{naam}"
    antwoord = client.get(f"/media/{naam}")
    assert antwoord.status_code == 200
    assert b"".join(antwoord.streaming_content) == PNG  # type: ignore[attr-defined]
    assert antwoord["Content-Type"] == "image/png"
    assert "sandbox" in antwoord["Content-Security-Policy"]
    assert client.get("/media/organisatie/ontbreekt.png").status_code == 404


def test_buiten_de_openbare_mappen_niets(db: None, s3: S3Proef, client: Client) -> None:
    geheim = prive_opslag().save("stukken/geheim.pdf", ContentFile(b"geheim"))
    default_storage.save("anders/intern.txt", ContentFile(b"intern"))

    assert client.get("/media/organisatie/../anders/intern.txt").status_code == 404
    assert client.get(f"/media/organisatie/../../prive/{geheim}").status_code in {400, 404}
    assert client.get(f"/media/{geheim}").status_code == 404


# --- readiness ------------------------------------------------------------------------------------


def test_gereed_meldt_de_bereikbare_bucket(db: None, s3: S3Proef, client: Client) -> None:
    antwoord = client.get("/api/v1/gereed")

    assert antwoord.status_code == 200
    assert antwoord.json()["opslag"] == "s3"


def test_niet_gereed_als_de_bucket_er_niet_is(db: None, s3: S3Proef, client: Client) -> None:
    s3.client.delete_bucket(Bucket=s3.bucket)

    antwoord = client.get("/api/v1/gereed")

    assert antwoord.status_code == 503
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord.json()["title"] == "De opslag van de bestanden (S3) is niet bereikbaar."


def test_niet_gereed_als_de_opslag_niet_antwoordt(
    s3: S3Proef, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A port nobody listens on: the check gives up at once instead of retrying for a minute.
    monkeypatch.setenv("RAADHUIS_S3_ENDPOINT_URL", "http://127.0.0.1:9")
    settings.STORAGES = {**settings.STORAGES, **instellingen.uploadopslag("s3")}

    assert opslag_bereikbaar() is False


# --- backups --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_reservekopie_somt_de_objecten_op_en_de_controle_vindt_wat_mist(s3: S3Proef, tmp_path: Path) -> None:
    # Given a public and a private file in the bucket
    logo = default_storage.save("organisatie/logo.png", ContentFile(PNG))
    stuk = prive_opslag().save("woo/origineel.pdf", ContentFile(b"%PDF-1.4 origineel"))

    # When a backup is made
    manifest = reservekopie.reservekopie_maken(tmp_path / "kopie")

    # Then the manifest lists both objects with their SHA-256, and the files stay in the bucket
    assert manifest.opslag == "s3"
    assert manifest.bestanden == {
        f"media/{logo}": hashlib.sha256(PNG).hexdigest(),
        f"prive/{stuk}": hashlib.sha256(b"%PDF-1.4 origineel").hexdigest(),
    }
    assert not (tmp_path / "kopie" / reservekopie.BESTANDEN).exists()
    gelezen = reservekopie.manifest_lezen(tmp_path / "kopie" / reservekopie.MANIFEST)
    assert gelezen.opslag == "s3"
    assert reservekopie.herstel_controleren(gelezen) == []

    # And a bucket that lost one object and had another changed is named as such
    s3.client.delete_object(Bucket=s3.bucket, Key=f"prive/{stuk}")
    s3.client.put_object(Bucket=s3.bucket, Key=f"media/{logo}", Body=b"ander logo")
    assert reservekopie.herstel_controleren(gelezen) == [
        f"Bestand media/{logo} is anders dan in de reservekopie.",
        f"Bestand prive/{stuk} ontbreekt.",
    ]


def test_een_manifest_van_voor_s3_geldt_als_bestanden(tmp_path: Path) -> None:
    pad = tmp_path / reservekopie.MANIFEST
    pad.write_text(
        json.dumps(
            {
                "gemaakt_op": "2026-01-01T00:00:00+00:00",
                "database": "sqlite",
                "tabellen": {},
                "bestanden": {},
                "logboek_kop": [0, ""],
            }
        ),
        encoding="utf-8",
    )

    assert reservekopie.manifest_lezen(pad).opslag == "bestanden"
