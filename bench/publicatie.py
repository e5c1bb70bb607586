"""Sitemap generation for the national Woo index at a million publications: full and incremental.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/raadhuis_bench_pub .venv/bin/python bench/publicatie.py
    DATABASE_URL=sqlite:////tmp/bench/publicatie.sqlite3 .venv/bin/python bench/publicatie.py \
        --publicaties 200000

Migrates the database, then writes N generated publications (`opbouwen`): every information
category of Woo art. 3.3 and 3.1 with realistic DiWoo metadata from `publicatie.waardelijsten`
(publisher, titles with the odd `&`, `<` and quote, descriptions, themes, identifiers, document
types, creation dates, formats including a few the index does not harvest), about 1.2 documents
and 1.3 documenthandelingen per publication, relations, and about 2 % withdrawn, 1 % replaced and
0.5 % concept. Rows go in with COPY on PostgreSQL and bulk_create on SQLite; the files do not
exist (a sitemap never reads them). Then ANALYZE.

Measures, each in a fresh child process so its peak RSS (`ru_maxrss` of the children) is the
generation's own: the full generation `sitemaps_genereren(alles=True)` into an empty folder, and
the incremental case (one publication withdrawn through `services.intrekken`, then the task's
`sitemaps_genereren()`). `--controleren` also runs `sitemaps_controleren` over the result. Prints
Markdown rows for docs/benchmarks.md. `--zonder-opbouw` measures again on the data already there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import random
import resource
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadhuis.settings")
os.environ.setdefault("RAADHUIS_BASIS_URL", "https://open.example.nl")

ONDERWERPEN = (
    "verkeersveiligheid Oostlaan",
    "subsidie sportverenigingen",
    "herinrichting Dorpsstraat",
    "energietransitie woonwijken",
    "jeugdhulp en wijkteams",
    "afvalinzameling en grondstoffen",
    "woningbouw Tuindersweg",
    "bibliotheekvoorziening",
    "evenementenvergunningen",
    "klimaatadaptatie en wateroverlast",
    "armoedebeleid en schuldhulp",
    "openbare verlichting",
    "parkeren & laden",
    'het "Groene Hart"-project',
    "zwembad <De Waterlelie>",
    "café 't Hoekje",
)
WOORDEN = [
    *("raad", "college", "besluit", "vergadering", "begroting", "wethouder", "burgemeester", "commissie"),
    *("warmtenet", "woningbouw", "fietspad", "verkeer", "veiligheid", "jeugdzorg", "participatie"),
    *("duurzaamheid", "energie", "subsidie", "gemeente", "inwoners", "ondernemers", "bestemmingsplan"),
    *("omgevingsvisie", "sportpark", "bibliotheek", "onderwijs", "armoede", "parkeren", "groen", "water"),
    *("riolering", "afval", "zonnepanelen", "isolatie", "wijkcentrum", "vergunning", "vergunningen"),
]
# Categories, weighted roughly as a municipality publishes them (decisions and meeting papers most).
GEWICHTEN = {
    "c_139c6280": 2,
    "c_aab6bfc7": 8,
    "c_759721e2": 1,
    "c_40a05794": 2,
    "c_89ee6784": 1,
    "c_8c840238": 10,
    "c_c76862ab": 2,
    "c_db4862c3": 20,
    "c_3a248e3a": 8,
    "c_99a836c7": 3,
    "c_8fc2335c": 2,
    "c_c6cd1213": 3,
    "c_cf268088": 4,
    "c_3baef532": 6,
    "c_fdaee95e": 4,
    "c_46a81018": 15,
    "c_a870c43d": 2,
    "c_816e508d": 5,
}
BATCH = 10_000


def _tabel(model: Any) -> tuple[str, list[str]]:
    return model._meta.db_table, [f.column for f in model._meta.concrete_fields]


def _waarde(veld: Any, object_: Any) -> Any:
    from django.db.models import FileField, JSONField

    waarde = getattr(object_, veld.attname)
    if isinstance(veld, JSONField):
        return json.dumps(waarde)
    if isinstance(veld, FileField):
        return waarde.name
    return waarde


def _rij(model: Any, object_: Any) -> tuple[Any, ...]:
    return tuple(_waarde(veld, object_) for veld in model._meta.concrete_fields)


def _wegschrijven(model: Any, objecten: Sequence[Any]) -> None:
    """COPY on PostgreSQL (several times faster than INSERT); bulk_create elsewhere."""
    from django.db import connection

    if not objecten:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objecten, batch_size=2000)
        return
    tabel, kolommen = _tabel(model)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {tabel} ({', '.join(kolommen)}) FROM STDIN") as copy,
    ):
        for object_ in objecten:
            copy.write_row(_rij(model, object_))


def _reeksen_bijwerken() -> None:
    """After COPY with explicit ids the id sequences must continue after them."""
    from django.core.management.color import no_style
    from django.db import connection

    from raadhuis.publicatie.models import (
        Documenthandeling,
        Publicatie,
        Publicatiedocument,
        Publicatierelatie,
    )

    if connection.vendor != "postgresql":
        return
    modellen = [Publicatie, Publicatiedocument, Documenthandeling, Publicatierelatie]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), modellen):
            cursor.execute(sql)


def _volgend_id(model: Any) -> int:
    from django.db.models import Max

    return int(model.objects.aggregate(hoogste=Max("pk"))["hoogste"] or 0) + 1


def opbouwen(aantal: int, *, zaad: int) -> None:
    """Writes `aantal` generated publications with their documents, handelingen and relations into
    the (migrated) database, in batches of BATCH publications; the same `zaad` gives the same data."""
    from django.db import connection, transaction

    from raadhuis.publicatie import waardelijsten
    from raadhuis.publicatie.models import (
        NEDERLANDS,
        Documenthandeling,
        Publicatie,
        Publicatiedocument,
        Publicatierelatie,
        Publicatiestatus,
    )

    kans = random.Random(zaad)
    categorieen = {c.uri.rsplit("/", 1)[-1]: c for c in waardelijsten.categorieen()}
    uris = [categorieen[code].uri for code in GEWICHTEN]
    gewichten = list(GEWICHTEN.values())
    documentsoorten = sorted(waardelijsten.documentsoorten())
    themas = sorted(waardelijsten.themas())
    handelingen = [waardelijsten.VASTSTELLING, waardelijsten.ONTVANGST, waardelijsten.ONDERTEKENING]
    redenen = sorted(waardelijsten.redenen_verwijdering())
    rollen = sorted(waardelijsten.documentrelaties())
    formaten = [
        (waardelijsten.BESTANDSTYPE + "PDF", "application/pdf", "pdf", 80),
        (waardelijsten.BESTANDSTYPE + "DOCX", "application/msword", "docx", 6),
        (waardelijsten.BESTANDSTYPE + "ODT", "application/vnd.oasis.opendocument.text", "odt", 4),
        (waardelijsten.BESTANDSTYPE + "XLSX", "application/vnd.ms-excel", "xlsx", 4),
        (waardelijsten.BESTANDSTYPE + "CSV", "text/csv", "csv", 5),
        # Not on the TOOI list: stored, never harvested.
        ("https://example.org/file-type/EXE", "application/octet-stream", "exe", 1),
    ]
    formaat_gewichten = [f[3] for f in formaten]
    engels = "http://publications.europa.eu/resource/authority/language/ENG"
    nu = dt.datetime.now(dt.UTC)
    publicatie_id = _volgend_id(Publicatie)
    document_id = _volgend_id(Publicatiedocument)
    handeling_id = _volgend_id(Documenthandeling)
    relatie_id = _volgend_id(Publicatierelatie)
    eerste_id = publicatie_id
    begin = time.perf_counter()
    for start in range(0, aantal, BATCH):
        publicaties: list[Publicatie] = []
        documenten: list[Publicatiedocument] = []
        handelingen_batch: list[Documenthandeling] = []
        relaties: list[Publicatierelatie] = []
        vervangingen: list[tuple[int, int, str]] = []
        for nummer in range(start, min(start + BATCH, aantal)):
            uri = kans.choices(uris, gewichten)[0]
            tweede = [kans.choice(uris)] if kans.random() < 0.1 else []
            onderwerp = kans.choice(ONDERWERPEN)
            dag = dt.date(2016, 1, 1) + dt.timedelta(days=kans.randrange(0, 10 * 365))
            moment = dt.datetime(
                dag.year, dag.month, dag.day, kans.randrange(8, 23), kans.randrange(60), tzinfo=dt.UTC
            )
            titel = f"{categorieen[uri.rsplit('/', 1)[-1]].label.capitalize()}: {onderwerp} {dag:%d-%m-%Y}"
            lot = kans.random()
            if lot < 0.02:
                status, reden = Publicatiestatus.INGETROKKEN, kans.choice(redenen)
            elif lot < 0.03:
                status, reden = Publicatiestatus.VERVANGEN, kans.choice(redenen)
            elif lot < 0.035:
                status, reden = Publicatiestatus.CONCEPT, ""
            else:
                status, reden = Publicatiestatus.GEPUBLICEERD, ""
            publicatie = Publicatie(
                id=publicatie_id,
                uuid=uuid.UUID(int=kans.getrandbits(128), version=4),
                publisher="so0830" if kans.random() < 0.05 else "gm1926",
                officiele_titel=titel,
                verkorte_titel=f"{onderwerp} {dag.year}" if kans.random() < 0.2 else "",
                omschrijving=(
                    " ".join(kans.choice(WOORDEN) for _ in range(kans.randrange(8, 40))).capitalize() + "."
                    if kans.random() < 0.7
                    else ""
                ),
                informatiecategorieen=[uri, *tweede],
                themas=kans.sample(themas, kans.randrange(1, 3)) if kans.random() < 0.35 else [],
                taal=engels if kans.random() < 0.01 else NEDERLANDS,
                periode_van=dt.date(dag.year, 1, 1) if nummer % 4 == 0 else None,
                periode_tot=dt.date(dag.year, 12, 31) if nummer % 4 == 0 else None,
                identificatoren=[f"BENCH-{dag.year}-{nummer:07d}"] + (["zaak 7"] if nummer % 9 == 0 else []),
                bron="bench",
                bron_sleutel=f"bench-{zaad}-{nummer}",
                status=status,
                gepubliceerd_op=None if status == Publicatiestatus.CONCEPT else moment + dt.timedelta(days=1),
                ingetrokken_op=nu if reden else None,
                reden_intrekking=reden,
                toelichting_intrekking="Bench." if reden else "",
                aangemaakt_op=moment,
                gewijzigd_op=moment + dt.timedelta(days=kans.randrange(1, 30)),
            )
            if status == Publicatiestatus.VERVANGEN:
                # Replaced by the next publication, which then carries the reason (DiWoo 0.9.8).
                vervangingen.append((publicatie_id, publicatie_id + 1, reden))
            publicaties.append(publicatie)
            aantal_documenten = kans.choices((1, 2, 3), (85, 10, 5))[0]
            soort = kans.choice(documentsoorten) if kans.random() < 0.6 else ""
            for volgorde in range(aantal_documenten):
                formaat, mediatype, extensie, _gewicht = kans.choices(formaten, formaat_gewichten)[0]
                documenten.append(
                    Publicatiedocument(
                        id=document_id,
                        uuid=uuid.UUID(int=kans.getrandbits(128), version=4),
                        publicatie_id=publicatie_id,
                        volgorde=volgorde,
                        titel=titel if volgorde == 0 else f"Bijlage {volgorde} bij {titel}",
                        documentsoort=soort if volgorde == 0 else "",
                        bestand=f"publicaties/{publicatie.uuid}/{uuid.UUID(int=document_id).hex}",
                        bestandsnaam=f"{onderwerp[:40]} {volgorde + 1}.{extensie}",
                        mediatype=mediatype,
                        bestandsformaat=formaat,
                        grootte=kans.randrange(10_000, 5_000_000),
                        sha256=f"{document_id:064x}",
                        tekst=" ".join(kans.choice(WOORDEN) for _ in range(40)),
                        creatiedatum=dag if kans.random() < 0.8 else None,
                        gewijzigd_op=moment + dt.timedelta(hours=kans.randrange(1, 48)),
                    )
                )
                document_id += 1
            for _ in range(kans.choices((1, 2), (70, 30))[0]):
                handelingen_batch.append(
                    Documenthandeling(
                        id=handeling_id,
                        publicatie_id=publicatie_id,
                        soort=kans.choice(handelingen),
                        tijdstip=moment - dt.timedelta(days=kans.randrange(0, 20)),
                        actor="so0830" if kans.random() < 0.1 else "",
                    )
                )
                handeling_id += 1
            if publicatie_id > eerste_id + 10 and kans.random() < 0.05:
                relaties.append(
                    Publicatierelatie(
                        id=relatie_id,
                        van_id=publicatie_id,
                        naar_id=publicatie_id - kans.randrange(1, 10),
                        rol=kans.choice(rollen),
                    )
                )
                relatie_id += 1
            publicatie_id += 1
        with transaction.atomic():
            # vervangen_door points forward; set it once the newer one exists.
            _wegschrijven(Publicatie, publicaties)
            _wegschrijven(Publicatiedocument, documenten)
            _wegschrijven(Documenthandeling, handelingen_batch)
            _wegschrijven(Publicatierelatie, relaties)
            vervangingen = [v for v in vervangingen if v[1] < publicatie_id]
            for oud, nieuw, _reden in vervangingen:
                Publicatie.objects.filter(pk=oud).update(vervangen_door_id=nieuw)
        if (start // BATCH) % 10 == 9:
            print(f"  {start + BATCH:,} publicaties, {time.perf_counter() - begin:.0f} s", flush=True)
    _reeksen_bijwerken()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _kind(taak: str, root: str, uitvoer: Any) -> None:
    """One measurement in a fresh process: nothing from an earlier one stays in its memory."""
    import django

    django.setup()
    from django.conf import settings

    settings.RAADHUIS_SITEMAP_ROOT = Path(root)
    from raadhuis.publicatie import sitemaps

    if taak == "alles":
        begin = time.perf_counter()
        resultaat = sitemaps.sitemaps_genereren(alles=True)
        duur = time.perf_counter() - begin
        uitvoer.send((duur, resultaat.blokken, resultaat.urls, resultaat.overgeslagen))
    elif taak == "intrekken":
        from raadhuis.core.logboek.api import Systeemproces
        from raadhuis.publicatie import services, waardelijsten
        from raadhuis.publicatie.models import Publicatie, Publicatiestatus

        publicatie = Publicatie.objects.filter(status=Publicatiestatus.GEPUBLICEERD).order_by("-pk")[1000]
        services.intrekken(publicatie, reden=waardelijsten.REDEN_PRIVACY, door=Systeemproces("bench"))
        begin = time.perf_counter()
        resultaat = sitemaps.sitemaps_genereren()
        duur = time.perf_counter() - begin
        uitvoer.send((duur, resultaat.blokken, resultaat.urls, resultaat.overgeslagen))
    else:
        begin = time.perf_counter()
        problemen, aantal = sitemaps.sitemaps_controleren()
        duur = time.perf_counter() - begin
        uitvoer.send((duur, len(problemen), aantal, problemen[:5]))


def _in_kind(taak: str, root: str) -> tuple[tuple[Any, ...], float]:
    """Runs `taak` in a spawned child; returns its answer and its peak RSS in MiB."""
    context = multiprocessing.get_context("spawn")
    ontvanger, zender = context.Pipe(duplex=False)
    proces = context.Process(target=_kind, args=(taak, root, zender))
    proces.start()
    zender.close()  # so a child that dies makes recv() fail instead of waiting for ever
    try:
        antwoord = ontvanger.recv()
    except EOFError:
        antwoord = None
    proces.join()
    if proces.exitcode or antwoord is None:
        sys.exit(f"{taak} mislukt (exit {proces.exitcode})")
    # ru_maxrss of the children is the largest of them all (the pool workers' too), in KiB on Linux.
    return antwoord, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--publicaties", type=int, default=1_000_000)
    parser.add_argument("--zaad", type=int, default=1926)
    parser.add_argument("--zonder-opbouw", action="store_true", help="the database holds the data already")
    parser.add_argument("--controleren", action="store_true", help="also validate every sitemap (slow)")
    parser.add_argument("--bewaren", action="store_true", help="keep the generated sitemap folder")
    argumenten = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from raadhuis.publicatie.models import Publicatie, Publicatiedocument

    # Also with --zonder-opbouw: the services the incremental case calls may need newer tables.
    call_command("migrate", verbosity=0)
    if not argumenten.zonder_opbouw:
        if Publicatie.objects.exists():
            sys.exit("De database bevat al publicaties: gebruik --zonder-opbouw of een lege database.")
        begin = time.perf_counter()
        opbouwen(argumenten.publicaties, zaad=argumenten.zaad)
        print(
            f"{argumenten.publicaties:,} publicaties geschreven in {time.perf_counter() - begin:.0f} s",
            flush=True,
        )
    publicaties = Publicatie.objects.count()
    documenten = Publicatiedocument.objects.count()
    motor = connection.vendor
    connection.close()
    schaal = f"{publicaties:,} publications, {documenten:,} documents, {motor}"
    root = tempfile.mkdtemp(prefix="sitemaps-")
    try:
        (duur, blokken, urls, overgeslagen), piek = _in_kind("alles", root)
        grootte = sum(p.stat().st_size for p in Path(root).iterdir()) / 1024**2
        print(
            f"| full sitemap generation `sitemaps_genereren(alles=True)` | {schaal} | {duur:.1f} s for "
            f"{urls:,} URLs in {blokken} blocks ({duur / max(urls, 1) * 1e6:.0f} µs/URL, "
            f"{grootte:,.0f} MiB, {overgeslagen} skipped), "
            f"peak RSS {piek:.0f} MiB | `bench/publicatie.py` | {time.strftime('%Y-%m-%d')} |",
            flush=True,
        )
        if argumenten.controleren:
            (duur, aantal_problemen, aantal, voorbeelden), _piek = _in_kind("controleren", root)
            print(
                f"| `sitemaps_controleren` (XSD per document) | {schaal} | {duur:.0f} s for {aantal:,} URLs, "
                f"{aantal_problemen} problems | `bench/publicatie.py --controleren` | "
                f"{time.strftime('%Y-%m-%d')} |",
                flush=True,
            )
            for voorbeeld in voorbeelden:
                print("   ", voorbeeld)
        (duur, blokken, urls, _overgeslagen), _piek = _in_kind("intrekken", root)
        print(
            f"| incremental: one publication withdrawn, then `sitemaps_bijwerken` | {schaal} | {duur:.2f} s "
            f"({blokken} block(s), {urls:,} URLs rewritten) | `bench/publicatie.py` | "
            f"{time.strftime('%Y-%m-%d')} |",
            flush=True,
        )
    finally:
        if not argumenten.bewaren:
            shutil.rmtree(root, ignore_errors=True)
        else:
            print(f"sitemaps in {root}")


if __name__ == "__main__":
    main()
