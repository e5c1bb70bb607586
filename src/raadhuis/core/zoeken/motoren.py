"""The two search engines behind core.zoeken, chosen by the database: SQLite FTS5 (the embedded
default) and PostgreSQL full-text search. Both index the already-stemmed terms of core.zoeken.taal,
so they find the same documents; only their ranking functions differ (bm25 vs. ts_rank_cd)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection

# Titles weigh more than body text in the ranking: a bm25 column weight for FTS5, and ts_rank_cd's
# weights for D, C, B (body) and A (title) with length normalisation (1) on PostgreSQL.
GEWICHT_TITEL = 4.0
GEWICHTEN_POSTGRES = "{0.05, 0.1, 0.2, 1.0}"
# Counting every match of a frequent word costs as much as ranking them; beyond this many the page
# says "more than 1,000" (bench/zoeken.py).
TEL_TOT = 1000

# The index structures themselves are created by migration core 0005 (FTS5 table + delete trigger
# on SQLite; a tsvector column with a GIN index on PostgreSQL).


@dataclass(frozen=True)
class Filter:
    soorten: tuple[str, ...]
    alleen_openbaar: bool

    def sql(self, tabel: str) -> tuple[str, list[Any]]:
        delen: list[str] = []
        parameters: list[Any] = []
        if self.alleen_openbaar:
            delen.append(f"{tabel}.openbaar")
        if self.soorten:
            delen.append(f"{tabel}.soort IN ({', '.join(['%s'] * len(self.soorten))})")
            parameters.extend(self.soorten)
        return "".join(f" AND {deel}" for deel in delen), parameters


def indexeren(document_id: int, titel_termen: str, tekst_termen: str) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "UPDATE core_zoekdocument SET zoekvector = setweight(to_tsvector('simple', %s), 'A') "
                "|| setweight(to_tsvector('simple', %s), 'B') WHERE id = %s",
                [titel_termen, tekst_termen, document_id],
            )
        else:
            cursor.execute("DELETE FROM core_zoekindex WHERE rowid = %s", [document_id])
            cursor.execute(
                "INSERT INTO core_zoekindex (rowid, titel, tekst) VALUES (%s, %s, %s)",
                [document_id, titel_termen, tekst_termen],
            )


def zoeken(termen: Sequence[str], filter: Filter, *, aantal: int, begin: int) -> tuple[int, list[int]]:
    """(number of matches up to TEL_TOT + 1, ids of the requested page in rank order); all terms must occur.
    Terms are [0-9a-z]+ only (core.zoeken.taal), so they cannot carry query syntax."""
    if connection.vendor == "postgresql":
        return _postgres(termen, filter, aantal=aantal, begin=begin)
    return _sqlite(termen, filter, aantal=aantal, begin=begin)


def _sqlite(termen: Sequence[str], filter: Filter, *, aantal: int, begin: int) -> tuple[int, list[int]]:
    vraag = " ".join(f'"{term}"' for term in termen)
    voorwaarden, parameters = filter.sql("d")
    basis = (
        "FROM core_zoekindex JOIN core_zoekdocument d ON d.id = core_zoekindex.rowid "
        f"WHERE core_zoekindex MATCH %s{voorwaarden}"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 {basis} LIMIT %s) AS t",  # noqa: S608 (our SQL; values are parameters)
            [vraag, *parameters, TEL_TOT + 1],
        )
        totaal = int(cursor.fetchone()[0])
        cursor.execute(
            f"SELECT d.id {basis} ORDER BY bm25(core_zoekindex, %s, 1.0), d.datum DESC, d.id "
            "LIMIT %s OFFSET %s",
            [vraag, *parameters, GEWICHT_TITEL, aantal, begin],
        )
        return totaal, [int(rij[0]) for rij in cursor.fetchall()]


def _postgres(termen: Sequence[str], filter: Filter, *, aantal: int, begin: int) -> tuple[int, list[int]]:
    vraag = " & ".join(termen)
    voorwaarden, parameters = filter.sql("d")
    basis = f"FROM core_zoekdocument d WHERE d.zoekvector @@ to_tsquery('simple', %s){voorwaarden}"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 {basis} LIMIT %s) AS t",  # noqa: S608 (our SQL; values are parameters)
            [vraag, *parameters, TEL_TOT + 1],
        )
        totaal = int(cursor.fetchone()[0])
        cursor.execute(
            f"SELECT d.id {basis} ORDER BY ts_rank_cd(%s, d.zoekvector, to_tsquery('simple', %s), 1) DESC, "
            "d.datum DESC NULLS LAST, d.id LIMIT %s OFFSET %s",
            [vraag, *parameters, GEWICHTEN_POSTGRES, vraag, aantal, begin],
        )
        return totaal, [int(rij[0]) for rij in cursor.fetchall()]
