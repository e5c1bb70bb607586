"""The search engine behind core.zoeken: an embedded Tantivy index (BM25 with block-max WAND top-k,
columnar facet counts), on SQLite and PostgreSQL alike. Why Tantivy and not FTS5 or PostgreSQL
full-text: docs/adr/0002-zoekmachine.md, with the figures.

The database stays the source of truth (`Zoekdocument`); this index is derived from it and can be
rebuilt at any moment (`raadhuis zoekindex_bijwerken --herbouwen`). Terms arrive stemmed
(core.zoeken.taal), so the index only splits on spaces and needs no language support of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tantivy
from django.conf import settings
from django.core.cache import cache

# Titles weigh more than body text in the ranking.
GEWICHT_TITEL = 4.0
# Separates a facet's name from its value in the one multi-valued `kenmerk` field ("jaar=2025"):
# one column to aggregate gives every facet's counts in a single pass over the matches.
KENMERK_SCHEIDING = "="
# Enough buckets for every value of every facet (categories, document types, organisations,
# years, themes: a few hundred in all).
MAX_KENMERKWAARDEN = 10_000
# Facet counts visit every match: tens of milliseconds for a frequent word in a million documents;
# a page of the best matches 10-20 ms more. The same question on the same version of the index has
# the same answer, so each process keeps the latest answers (counts, and pages of ids) until the
# index changes: the portal's first page and popular words come back again and again (a request
# cache, as search servers keep one per shard). Whether a document found may be shown now is
# still checked against the database on every search (core.zoeken).
CACHE_GROOTTE = 1024
# The answers are shared with the other app processes through Django's cache, so a popular word is
# searched once per index version, not once per process (seconds: an index changes often anyway).
GEDEELD_BEWAREN = 3600
# The writer's indexing memory: large enough that a rebuild of a million documents makes few
# segments, small enough for an app server.
WRITER_GEHEUGEN = 200_000_000


@dataclass(frozen=True)
class Vraag:
    """What to look for: every term, and every phrase (terms in this order, adjacent)."""

    termen: tuple[str, ...] = ()
    zinnen: tuple[tuple[str, ...], ...] = ()
    soorten: tuple[str, ...] = ()
    alleen_openbaar: bool = True
    # facet name -> accepted values (any of them); facets combine with AND.
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()
    van: dt.date | None = None
    tot: dt.date | None = None

    @property
    def leeg(self) -> bool:
        return not self.termen and not self.zinnen


@dataclass(frozen=True)
class Antwoord:
    totaal: int
    ids: list[int]
    # facet name -> [(value, number of matches)], most frequent first.
    facetten: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Indexdocument:
    id: int
    soort: str
    titel_termen: str
    tekst_termen: str
    openbaar: bool
    datum: dt.date | None
    kenmerken: dict[str, list[str]]


def _schema() -> tantivy.Schema:
    bouwer = tantivy.SchemaBuilder()
    bouwer.add_unsigned_field("id", stored=False, indexed=True, fast=True)
    bouwer.add_text_field("titel", stored=False, tokenizer_name="whitespace", index_option="position")
    bouwer.add_text_field("tekst", stored=False, tokenizer_name="whitespace", index_option="position")
    bouwer.add_text_field("soort", stored=False, tokenizer_name="raw", index_option="basic")
    bouwer.add_unsigned_field("openbaar", stored=False, indexed=True)
    bouwer.add_text_field("kenmerk", stored=False, tokenizer_name="raw", index_option="basic", fast=True)
    # Days since 1 January of year 1 (date.toordinal); 0 for a document without a date.
    bouwer.add_integer_field("datum", stored=False, indexed=True, fast=True)
    return bouwer.build()


SCHEMA = _schema()


class _Staat:
    """The process's open index. Tantivy allows many readers and one writer per index directory
    (a lock file across processes); `lock` keeps this process's threads from racing for it."""

    def __init__(self) -> None:
        self.index: tantivy.Index | None = None
        self.pad: str | None = None
        self.nieuw = False
        self.lock = threading.Lock()
        self.commits = 0  # this process's commits: the version of an in-memory index
        self.versie: object = None
        # (version, "facetten", vraag) -> (total, counts);
        # (version, "pagina", vraag, aantal, begin, sortering) -> ids
        self.antwoorden: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self.cachelock = threading.Lock()


_staat = _Staat()


def _pad() -> str | None:
    """The index directory; None keeps the index in memory (the test settings do that)."""
    waarde = settings.RAADHUIS_ZOEKINDEX
    return None if waarde == "geheugen" else str(waarde)


def index() -> tantivy.Index:
    """The open index, created on first use. `nieuw_aangemaakt()` tells whether it started empty,
    so core.zoeken can refill it from the database (a new server, a lost directory)."""
    pad = _pad()
    if _staat.index is None or _staat.pad != pad:
        with _staat.lock:
            if _staat.index is None or _staat.pad != pad:
                if pad is None:
                    _staat.index, _staat.nieuw = tantivy.Index(SCHEMA), True
                else:
                    Path(pad).mkdir(parents=True, exist_ok=True)
                    bestond = tantivy.Index.exists(pad)
                    _staat.index = tantivy.Index(SCHEMA, path=pad, reuse=True)
                    _staat.nieuw = not bestond
                _staat.pad = pad
    return _staat.index


def nieuw_aangemaakt() -> bool:
    index()
    return _staat.nieuw


def gevuld() -> None:
    """The new index has been queued for filling from the database."""
    _staat.nieuw = False


def vergeten() -> None:
    """Drops the open index, so the next use opens (or, in memory, creates) it afresh; tests start
    every case with an empty in-memory index this way."""
    with _staat.lock:
        _staat.index = None
        _staat.pad = None
        _staat.nieuw = False
    with _staat.cachelock:
        _staat.antwoorden.clear()
        _staat.versie = None


class Bezet(RuntimeError):
    """Another process holds the index's writer lock; the changes wait in the outbox."""


class Schrijver:
    """Collects removals and additions for one Tantivy commit."""

    def __init__(self, schrijver: tantivy.IndexWriter) -> None:
        self._schrijver = schrijver

    def verwijderen(self, document_ids: Iterable[int]) -> None:
        # By query, not by term: the query knows from the schema that `id` is unsigned.
        ids = list(document_ids)
        if ids:
            self._schrijver.delete_documents_by_query(_een_van("id", ids))

    def toevoegen(self, documenten: Iterable[Indexdocument]) -> None:
        for document in documenten:
            self._schrijver.add_document(_tantivy_document(document))

    def alles_verwijderen(self) -> None:
        self._schrijver.delete_all_documents()


@contextmanager
def schrijver(*, geheugen: int = WRITER_GEHEUGEN, threads: int = 1) -> Iterator[Schrijver]:
    """Holds the index's writer lock (this process's threads and other processes alike) for the
    block and commits at its end; an exception rolls everything back. Raises Bezet when another
    process is writing."""
    idx = index()
    with _staat.lock:
        try:
            tantivy_schrijver = idx.writer(heap_size=geheugen, num_threads=threads)
        except ValueError as fout:  # the lock file is held by another process
            raise Bezet(str(fout)) from fout
        try:
            yield Schrijver(tantivy_schrijver)
            tantivy_schrijver.commit()
        except BaseException:
            tantivy_schrijver.rollback()
            raise
        finally:
            # Waiting for the merges ends the writer, which releases the lock.
            tantivy_schrijver.wait_merging_threads()
        _staat.commits += 1
    idx.reload()


def _tantivy_document(document: Indexdocument) -> tantivy.Document:
    # Typed adders: a plain int would be taken for a signed integer, which the u64 fields refuse.
    tantivy_document = tantivy.Document()
    tantivy_document.add_unsigned("id", document.id)
    tantivy_document.add_text("titel", document.titel_termen)
    tantivy_document.add_text("tekst", document.tekst_termen)
    tantivy_document.add_text("soort", document.soort)
    tantivy_document.add_unsigned("openbaar", int(document.openbaar))
    tantivy_document.add_integer("datum", document.datum.toordinal() if document.datum else 0)
    for naam, waarden in document.kenmerken.items():
        for waarde in dict.fromkeys(waarden):
            tantivy_document.add_text("kenmerk", f"{naam}{KENMERK_SCHEIDING}{waarde}")
    return tantivy_document


def _een_van(veld: str, waarden: Sequence[Any]) -> tantivy.Query:
    return tantivy.Query.term_set_query(SCHEMA, veld, list(waarden))


def _tekstdeel(velden_query: tuple[tantivy.Query, tantivy.Query]) -> tantivy.Query:
    titel, tekst = velden_query
    return tantivy.Query.boolean_query(
        [
            (tantivy.Occur.Should, tantivy.Query.boost_query(titel, GEWICHT_TITEL)),
            (tantivy.Occur.Should, tekst),
        ]
    )


def _term(term: str) -> tantivy.Query:
    return _tekstdeel(
        (
            tantivy.Query.term_query(SCHEMA, "titel", term),
            tantivy.Query.term_query(SCHEMA, "tekst", term),
        )
    )


def _zin(zin: tuple[str, ...]) -> tantivy.Query:
    if len(zin) == 1:
        return _term(zin[0])
    woorden: list[str | tuple[int, str]] = list(zin)
    return _tekstdeel(
        (
            tantivy.Query.phrase_query(SCHEMA, "titel", woorden),
            tantivy.Query.phrase_query(SCHEMA, "tekst", woorden),
        )
    )


def query(vraag: Vraag, *, alle_soorten: Sequence[str] = ()) -> tantivy.Query:
    """The Tantivy query: every term and phrase must occur (scored), the filters must hold (not
    scored). Kinds and non-public documents are left out by exclusion where possible: skipping the
    few documents of other kinds costs far less than intersecting with the many of the asked one
    (a frequent word in a million documents: 25 ms became 12 ms). `alle_soorten` are the kinds
    the index holds."""
    moet: list[tuple[tantivy.Occur, tantivy.Query]] = [
        (tantivy.Occur.Must, _term(term)) for term in vraag.termen
    ]
    moet += [(tantivy.Occur.Must, _zin(zin)) for zin in vraag.zinnen]
    if not moet:
        moet.append((tantivy.Occur.Must, tantivy.Query.all_query()))
    voorwaarden: list[tantivy.Query] = []
    niet: list[tantivy.Query] = []
    if vraag.soorten and alle_soorten:
        andere = [soort for soort in alle_soorten if soort not in vraag.soorten]
        if andere:
            niet.append(_een_van("soort", andere))
    elif vraag.soorten:
        voorwaarden.append(_een_van("soort", vraag.soorten))
    if vraag.alleen_openbaar:
        niet.append(tantivy.Query.term_query(SCHEMA, "openbaar", 0))
    for naam, waarden in vraag.filters:
        voorwaarden.append(_een_van("kenmerk", [f"{naam}{KENMERK_SCHEIDING}{w}" for w in waarden]))
    if vraag.van or vraag.tot:
        voorwaarden.append(
            tantivy.Query.range_query(
                SCHEMA,
                "datum",
                tantivy.FieldType.Integer,
                lower_bound=vraag.van.toordinal() if vraag.van else 1,
                upper_bound=vraag.tot.toordinal() if vraag.tot else dt.date.max.toordinal(),
            )
        )
    # Filters only narrow the matches; a constant score keeps them out of the ranking.
    moet += [(tantivy.Occur.Must, tantivy.Query.const_score_query(v, 0.0)) for v in voorwaarden]
    moet += [(tantivy.Occur.MustNot, v) for v in niet]
    return tantivy.Query.boolean_query(moet)


class Sortering:
    RELEVANTIE = "relevantie"
    NIEUWSTE = "nieuwste"
    OUDSTE = "oudste"
    ALLE = (RELEVANTIE, NIEUWSTE, OUDSTE)


def _versie() -> object:
    """What changes with every commit to the index: the identity of its meta.json (replaced
    atomically on commit, by whichever process wrote), or this process's commit count for an
    index in memory."""
    if _staat.pad is None:
        return ("geheugen", _staat.commits)
    try:
        meta = os.stat(Path(_staat.pad) / "meta.json")
    except FileNotFoundError:
        return ("leeg", _staat.commits)
    return (meta.st_ino, meta.st_mtime_ns, meta.st_size)


def _actuele_searcher() -> tuple[tantivy.Searcher, object]:
    """A searcher on the latest commit, and that commit's version: answers are kept under it, so
    one computed on an older version while another thread moved on is never taken for the new
    one. A new version empties this process's cache (the old answers can no longer be asked)."""
    idx = index()
    versie = _versie()
    if versie != _staat.versie:
        idx.reload()
        with _staat.cachelock:
            _staat.antwoorden.clear()
            _staat.versie = versie
    return idx.searcher(), versie


def _gedeelde_sleutel(sleutel: tuple[Any, ...]) -> str | None:
    """The answer's key in Django's cache (Redis in production, shared by the app processes):
    the index version (its meta.json: inode, time, size) is the key's first part, so an answer of
    an older index is never found. None for an index in memory, whose version is only this process's count."""
    if _staat.pad is None or CACHE_GROOTTE == 0:
        return None
    return "zoekantwoord:" + hashlib.blake2b(repr(sleutel).encode(), digest_size=16).hexdigest()


def _uit_cache(sleutel: tuple[Any, ...]) -> Any:
    """This process's answer, else one another process stored for the same index version."""
    with _staat.cachelock:
        gevonden = _staat.antwoorden.get(sleutel)
        if gevonden is not None:
            _staat.antwoorden.move_to_end(sleutel)
            return gevonden
    gedeeld = _gedeelde_sleutel(sleutel)
    if gedeeld is not None and (gevonden := cache.get(gedeeld)) is not None:
        _lokaal_bewaren(sleutel, gevonden)
    return gevonden


def _bewaren(sleutel: tuple[Any, ...], waarde: Any) -> None:
    _lokaal_bewaren(sleutel, waarde)
    gedeeld = _gedeelde_sleutel(sleutel)
    if gedeeld is not None:
        cache.set(gedeeld, waarde, GEDEELD_BEWAREN)


def _lokaal_bewaren(sleutel: tuple[Any, ...], waarde: Any) -> None:
    with _staat.cachelock:
        _staat.antwoorden[sleutel] = waarde
        while len(_staat.antwoorden) > CACHE_GROOTTE:
            _staat.antwoorden.popitem(last=False)


def _facetten_tellen(
    searcher: tantivy.Searcher, q: tantivy.Query
) -> tuple[int, dict[str, list[tuple[str, int]]]]:
    aggregatie = searcher.aggregate(
        q,
        {
            "totaal": {"value_count": {"field": "id"}},
            "kenmerken": {"terms": {"field": "kenmerk", "size": MAX_KENMERKWAARDEN}},
        },
    )
    per_facet: dict[str, list[tuple[str, int]]] = {}
    for emmer in aggregatie["kenmerken"]["buckets"]:
        naam, _, waarde = str(emmer["key"]).partition(KENMERK_SCHEIDING)
        per_facet.setdefault(naam, []).append((waarde, int(emmer["doc_count"])))
    return int(aggregatie["totaal"]["value"]), per_facet


def zoeken(vraag: Vraag, *, aantal: int, begin: int, sortering: str, facetten: bool) -> Antwoord:
    """The page of ids in the requested order, the exact number of matches and, if asked, every
    facet's counts over all matches (not just the page)."""
    searcher, versie = _actuele_searcher()
    q = query(vraag, alle_soorten=[term for term, _ in searcher.terms_with_prefix("soort", "")])
    if not facetten:
        return _pagina(searcher, q, vraag, aantal=aantal, begin=begin, sortering=sortering, tellen=True)
    telling_sleutel = (versie, "facetten", vraag)
    telling = _uit_cache(telling_sleutel)
    if telling is None:
        telling = _facetten_tellen(searcher, q)
        _bewaren(telling_sleutel, telling)
    totaal, per_facet = telling
    pagina_sleutel = (versie, "pagina", vraag, aantal, begin, sortering)
    ids = _uit_cache(pagina_sleutel)
    if ids is None:
        # The count comes from the facets' aggregation pass; the top-k search then need not visit
        # every match and can skip blocks that cannot make the page (block-max WAND).
        ids = _pagina(searcher, q, vraag, aantal=aantal, begin=begin, sortering=sortering, tellen=False).ids
        _bewaren(pagina_sleutel, tuple(ids))
    return Antwoord(totaal=totaal, ids=list(ids), facetten=per_facet)


def _pagina(
    searcher: tantivy.Searcher,
    q: tantivy.Query,
    vraag: Vraag,
    *,
    aantal: int,
    begin: int,
    sortering: str,
    tellen: bool,
) -> Antwoord:
    if sortering == Sortering.RELEVANTIE and not vraag.leeg:
        resultaat = searcher.search(q, aantal, count=tellen, offset=begin)
    else:
        resultaat = searcher.search(
            q,
            aantal,
            count=tellen,
            offset=begin,
            order_by_field="datum",
            order=tantivy.Order.Asc if sortering == Sortering.OUDSTE else tantivy.Order.Desc,
        )
    adressen = [adres for _, adres in resultaat.hits]
    ids = [int(waarde) for waarde in searcher.fast_field_values("id", adressen) if waarde is not None]
    # `count` is there at run time but missing from the package's type stubs (0 when not counted).
    return Antwoord(totaal=int(getattr(resultaat, "count", 0) or 0), ids=ids)
