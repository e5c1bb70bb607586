"""Search for every module: hand documents to `document_bijwerken`, ask with `zoeken`.

Dutch stemming on both sides (core.zoeken.taal), phrases and terms from what a person types
(core.zoeken.vraag), one embedded engine (core.zoeken.motor, Tantivy). The database row
(`Zoekdocument`) is written in the caller's transaction together with an outbox row
(`Zoekwijziging`); the index follows right after commit (`index_bijwerken`), and every search first
applies what is still waiting, so a search never misses a committed change for long and a rolled
back one never reaches the index.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import NotSupportedError, connection, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Func, QuerySet, UUIDField
from django.db.models.functions import Substr
from django.db.models.sql.compiler import SQLCompiler
from django_tasks import task

from raadhuis.core import replica
from raadhuis.core.models import Zoekdocument, Zoekwijziging
from raadhuis.core.zoeken import motor, taal
from raadhuis.core.zoeken.motor import Sortering
from raadhuis.core.zoeken.vraag import ontleden

__all__ = [
    "Sortering",
    "Treffer",
    "Zoekantwoord",
    "Zoekresultaten",
    "document_bijwerken",
    "document_verwijderen",
    "fragment",
    "index_bijwerken",
    "index_herbouwen",
    "sleutels_als_uuid",
    "treffers",
    "treffersvraag",
    "zoekantwoord",
    "zoeken",
]

logger = logging.getLogger(__name__)

MAX_AANTAL = 100
# Deep pages cost more than they help anyone; a person narrows the question instead.
MAX_BEGIN = 10_000
FRAGMENT_LENGTE = 220
FRAGMENT_ZOEKBEREIK = 50_000
# What is read of a text for its snippet: the searched range and room for the window after it.
FRAGMENT_GELEZEN = FRAGMENT_ZOEKBEREIK + 2 * FRAGMENT_LENGTE
# Changes applied per index commit.
PER_KEER = 5000
# A search applies at most this many waiting changes before answering, so one request never
# carries a rebuild; the rest follows after commit or by `raadhuis zoekindex_bijwerken`.
BIJ_ZOEKEN_HOOGSTENS = PER_KEER


@dataclass(frozen=True)
class Treffer:
    soort: str
    sleutel: str
    titel: str
    url: str
    datum: dt.date | None
    # The snippet as (text, is a matching word) pieces, so a template marks matches without |safe.
    fragment: tuple[tuple[str, bool], ...]
    kenmerken: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Zoekresultaten:
    vraag: str
    totaal: int
    treffers: list[Treffer]
    begin: int
    aantal: int
    sortering: str = Sortering.RELEVANTIE
    # facet name -> [(value, number of matches)] over all matches, most frequent first.
    facetten: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def _kenmerken(kenmerken: Mapping[str, Iterable[str]] | None) -> dict[str, list[str]]:
    return {
        str(naam): [str(w) for w in dict.fromkeys(waarden) if str(w)]
        for naam, waarden in (kenmerken or {}).items()
    }


class _Controle:
    """When a search last looked at the outbox. Looking costs a query (more after a large batch,
    until the table is vacuumed), so a search looks only when this process changed something since
    (then it must find its own change) or after CONTROLE_INTERVAL (for changes of processes whose
    own after-commit step could not write the index)."""

    def __init__(self) -> None:
        self.eigen_wijziging = threading.Event()
        self.laatst = -float("inf")


_controle = _Controle()
CONTROLE_INTERVAL = 1.0


def _wijziging(document_ids: Iterable[int]) -> None:
    Zoekwijziging.objects.bulk_create(Zoekwijziging(document_id=i) for i in document_ids)
    _controle.eigen_wijziging.set()
    transaction.on_commit(_na_commit)


def _outbox_bij_zoeken() -> None:
    nu = time.monotonic()
    if not (
        _controle.eigen_wijziging.is_set()
        or nu - _controle.laatst > CONTROLE_INTERVAL
        or motor.nieuw_aangemaakt()
    ):
        return
    _controle.eigen_wijziging.clear()
    _controle.laatst = nu
    try:
        index_bijwerken(hoogstens=BIJ_ZOEKEN_HOOGSTENS)
    except motor.Bezet:
        # Another process is writing the index; look again at the next search.
        _controle.eigen_wijziging.set()


def _na_commit() -> None:
    """Right after the change commits: one batch here, so what a person just did is findable at
    once; a larger backlog (a rebuild, a bulk load) goes to the background worker."""
    try:
        index_bijwerken(hoogstens=PER_KEER)
    except motor.Bezet:
        logger.info("Zoekindex bezet door een ander proces; de wijzigingen wachten in de outbox.")
        return
    if Zoekwijziging.objects.exists():
        zoekindex_bijwerken.enqueue()


@task()
def zoekindex_bijwerken() -> int:
    """The background task for a backlog; another process writing the index means it is being
    done already."""
    try:
        return index_bijwerken()
    except motor.Bezet:
        return 0


@transaction.atomic
def document_bijwerken(
    *,
    soort: str,
    sleutel: str,
    titel: str,
    tekst: str,
    url: str,
    openbaar: bool,
    datum: dt.date | None = None,
    kenmerken: Mapping[str, Iterable[str]] | None = None,
) -> Zoekdocument:
    """Adds or replaces a document; call it from the service that changes the thing, inside its
    transaction, so the index never runs ahead of the data. `kenmerken` are its facet values by
    facet name, for filters and facet counts."""
    document, _ = Zoekdocument.objects.update_or_create(
        soort=soort,
        sleutel=sleutel,
        defaults={
            "titel": titel[:500],
            "tekst": tekst,
            "url": url,
            "openbaar": openbaar,
            "datum": datum,
            "kenmerken": _kenmerken(kenmerken),
        },
    )
    _wijziging([document.pk])
    return document


@transaction.atomic
def document_verwijderen(*, soort: str, sleutel: str) -> None:
    ids = list(Zoekdocument.objects.filter(soort=soort, sleutel=sleutel).values_list("pk", flat=True))
    if ids:
        Zoekdocument.objects.filter(pk__in=ids).delete()
        _wijziging(ids)


def _indexdocument(document: Zoekdocument) -> motor.Indexdocument:
    return motor.Indexdocument(
        id=document.pk,
        soort=document.soort,
        titel_termen=taal.geindexeerde_tekst(document.titel),
        tekst_termen=taal.geindexeerde_tekst(document.tekst),
        openbaar=document.openbaar,
        datum=document.datum,
        kenmerken={str(k): [str(w) for w in v] for k, v in dict(document.kenmerken or {}).items()},
    )


def index_herbouwen() -> int:
    """Queues every document for the index again (a new or lost index directory, an engine
    upgrade); `index_bijwerken` then fills it. Returns the number queued."""
    with transaction.atomic(), connection.cursor() as cursor:
        # One statement, however many documents: the ids never pass through Python.
        cursor.execute(
            "INSERT INTO core_zoekwijziging (document_id, aangemaakt_op) "
            "SELECT id, CURRENT_TIMESTAMP FROM core_zoekdocument"
        )
        aantal = int(cursor.rowcount)
    motor.gevuld()  # a new index needs no second refill
    return aantal


def index_bijwerken(*, hoogstens: int | None = None) -> int:
    """Applies waiting changes to the index in commits of PER_KEER, oldest first; returns how many
    were applied. Raises motor.Bezet when another process is writing the index.

    Always from the primary, also when a public search on the replica triggers it: the outbox rows
    are deleted on the primary, so documents read from a replica that is behind would leave the
    index behind for good."""
    with replica.primair():
        return _index_bijwerken(hoogstens=hoogstens)


def _index_bijwerken(*, hoogstens: int | None) -> int:
    if motor.nieuw_aangemaakt():
        index_herbouwen()
    toegepast = 0
    while hoogstens is None or toegepast < hoogstens:
        per_keer = PER_KEER if hoogstens is None else min(PER_KEER, hoogstens - toegepast)
        if not Zoekwijziging.objects.exists():
            break
        # The rows and the documents are read while holding the writer, so a slower process can
        # never write an older version of a document over a newer one.
        with motor.schrijver() as schrijver:
            rijen = list(Zoekwijziging.objects.order_by("id").values_list("id", "document_id")[:per_keer])
            document_ids = {document_id for _, document_id in rijen}
            schrijver.verwijderen(document_ids)
            schrijver.toevoegen(
                _indexdocument(d) for d in Zoekdocument.objects.filter(pk__in=document_ids).iterator()
            )
        Zoekwijziging.objects.filter(id__in=[rij_id for rij_id, _ in rijen]).delete()
        toegepast += len(rijen)
        if len(rijen) < per_keer:
            break
    return toegepast


@dataclass(frozen=True)
class Zoekantwoord:
    """What the engine answered: a page of document ids best first (or by date), the number of
    matches and the facets' counts; no database row read. `treffers` makes the hits of it."""

    vraag: str
    # The stems looked for, which a hit's snippet marks.
    gezocht: frozenset[str]
    totaal: int
    ids: tuple[int, ...]
    begin: int
    aantal: int
    sortering: str = Sortering.RELEVANTIE
    facetten: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


@replica.leest_van_replica
def zoeken(**opdracht: Any) -> Zoekresultaten:
    """Documents holding every (stemmed) word and every "quoted phrase" of the question, best
    first or by date, with their snippets: `zoekantwoord(**opdracht)` (its arguments) and
    `treffers` in one."""
    antwoord = zoekantwoord(**opdracht)
    return Zoekresultaten(
        vraag=antwoord.vraag,
        totaal=antwoord.totaal,
        treffers=treffers(antwoord, treffersvraag(antwoord.ids)),
        begin=antwoord.begin,
        aantal=antwoord.aantal,
        sortering=antwoord.sortering,
        facetten=antwoord.facetten,
    )


@replica.leest_van_replica
def zoekantwoord(
    *,
    vraag: str,
    soorten: Sequence[str] = (),
    alleen_openbaar: bool = True,
    filters: Mapping[str, Sequence[str]] | None = None,
    van: dt.date | None = None,
    tot: dt.date | None = None,
    facetten: bool = False,
    sortering: str = Sortering.RELEVANTIE,
    alles_bij_lege_vraag: bool = False,
    aantal: int = 20,
    begin: int = 0,
) -> Zoekantwoord:
    """The engine's answer: documents holding every (stemmed) word and every "quoted phrase" of
    the question, best first or by date, `aantal` of them from `begin`. An empty question finds
    nothing, unless `alles_bij_lege_vraag` (browsing a portal with filters). Anything a person
    types is safe: only letters and digits reach the engine. Reads no document: a page that caches
    its hits' rendering reads them (`treffersvraag`) only when it must render them."""
    aantal = max(1, min(aantal, MAX_AANTAL))
    begin = max(0, min(begin, MAX_BEGIN))
    if sortering not in Sortering.ALLE:
        sortering = Sortering.RELEVANTIE
    termen, zinnen = ontleden(vraag)
    gezocht = frozenset(termen) | {term for zin in zinnen for term in zin}
    if not termen and not zinnen and not alles_bij_lege_vraag:
        return Zoekantwoord(
            vraag=vraag, gezocht=gezocht, totaal=0, ids=(), begin=begin, aantal=aantal, sortering=sortering
        )
    _outbox_bij_zoeken()
    antwoord = motor.zoeken(
        motor.Vraag(
            termen=termen,
            zinnen=zinnen,
            soorten=tuple(soorten),
            alleen_openbaar=alleen_openbaar,
            filters=tuple((naam, tuple(waarden)) for naam, waarden in (filters or {}).items() if waarden),
            van=van,
            tot=tot,
        ),
        aantal=aantal,
        begin=begin,
        sortering=sortering,
        facetten=facetten,
    )
    return Zoekantwoord(
        vraag=vraag,
        gezocht=gezocht,
        totaal=antwoord.totaal,
        ids=tuple(antwoord.ids),
        begin=begin,
        aantal=aantal,
        sortering=sortering,
        facetten=antwoord.facetten,
    )


def treffersvraag(ids: Sequence[int]) -> QuerySet[Zoekdocument]:
    """The rows the hits of `ids` are made from, for `treffers`; also what a cached rendering of
    them is keyed by (core.vingerafdruk.vingerafdruk_in_database). Only the start of each text,
    where the snippet is looked for: a published report's text runs to megabytes, and a page of
    twenty hits would read all of it."""
    return (
        Zoekdocument.objects.filter(pk__in=ids)
        .defer("tekst")
        .annotate(begin_tekst=Substr("tekst", 1, FRAGMENT_GELEZEN))
        .order_by()
    )


def treffers(antwoord: Zoekantwoord, rijen: Iterable[Zoekdocument]) -> list[Treffer]:
    """The hits of the answer from its rows (`treffersvraag(antwoord.ids)`), in the engine's
    order; a document removed since the index was written is left out."""
    per_id = {rij.pk: rij for rij in rijen}
    return [
        Treffer(
            soort=d.soort,
            sleutel=d.sleutel,
            titel=d.titel,
            url=d.url,
            datum=d.datum,
            fragment=fragment(
                d.begin_tekst or d.titel,  # type: ignore[attr-defined]
                set(antwoord.gezocht),
                ingekort=len(d.begin_tekst) == FRAGMENT_GELEZEN,  # type: ignore[attr-defined]
            ),
            kenmerken=dict(d.kenmerken or {}),
        )
        for d in (per_id[i] for i in antwoord.ids if i in per_id)
    ]


class _UuidUitTekst(Func):
    """A UUID written as text ("8-4-4-4-12" hex digits) as the database holds a UUIDField:
    PostgreSQL's uuid type, or on SQLite the 32 hex digits Django stores there."""

    arity = 1
    output_field = UUIDField()

    def as_sql(
        self,
        compiler: SQLCompiler,
        connection: BaseDatabaseWrapper,
        function: str | None = None,
        template: str | None = None,
        arg_joiner: str | None = None,
        **extra_context: Any,
    ) -> tuple[str, tuple[Any, ...]]:
        if template is None:
            raise NotSupportedError(f"No UUID from text on {connection.vendor}.")
        return super().as_sql(compiler, connection, function, template, arg_joiner, **extra_context)

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, tuple[Any, ...]]:
        return self.as_sql(compiler, connection, template="CAST(%(expressions)s AS uuid)", **extra_context)

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, tuple[Any, ...]]:
        return self.as_sql(
            compiler, connection, template="REPLACE(%(expressions)s, '-', '')", **extra_context
        )


def sleutels_als_uuid(ids: Sequence[int], *, soort: str) -> QuerySet[Zoekdocument, Any]:
    """The keys of the documents `ids` of `soort` as UUIDs, for a module whose keys are its rows'
    UUIDs to select those rows in the same query (`uuid__in=`): the hits' rows and their own
    then make one statement, whose fingerprint can key a cached rendering."""
    return Zoekdocument.objects.filter(pk__in=ids, soort=soort).values(uuid=_UuidUitTekst("sleutel"))


WOORDGRENS = re.compile(r"\w+", re.UNICODE)


def _raak(tekst: str, gezocht: set[str]) -> list[tuple[int, int]]:
    """Where the words whose stem was searched for stand, within the first FRAGMENT_ZOEKBEREIK
    characters (a published report runs to hundreds of pages; the page must stay fast)."""
    venster = tekst[:FRAGMENT_ZOEKBEREIK]
    if not gezocht:
        return []
    if venster.isascii():
        # Lower case keeps every offset, so the tokens' spans are the original's; all words are
        # stemmed in one call.
        tokens = list(taal.WOORD.finditer(venster.lower()))
        stammen = taal.stammen([t.group() for t in tokens])
        return [t.span() for t, stam in zip(tokens, stammen, strict=True) if stam in gezocht]
    woorden = list(WOORDGRENS.finditer(venster))
    per_woord = taal.stam_per_woord(w.group() for w in woorden)
    return [w.span() for w in woorden if per_woord.get(w.group(), "") in gezocht]


def fragment(tekst: str, gezocht: set[str], *, ingekort: bool = False) -> tuple[tuple[str, bool], ...]:
    """A window of the original text around the first matching word, matches marked. `ingekort`:
    `tekst` is the start of a longer text (the window then ends with an ellipsis)."""
    treffers = _raak(tekst, gezocht)
    start = max(0, treffers[0][0] - FRAGMENT_LENGTE // 3) if treffers else 0
    einde = min(len(tekst), start + FRAGMENT_LENGTE)
    # Do not cut words in half at either end.
    while start > 0 and tekst[start - 1].isalnum():
        start -= 1
    while einde < len(tekst) and tekst[einde].isalnum():
        einde += 1
    stukken: list[tuple[str, bool]] = [("…", False)] if start > 0 else []
    positie = start
    for begin_woord, einde_woord in treffers:
        if begin_woord < start or einde_woord > einde:
            continue
        if begin_woord > positie:
            stukken.append((tekst[positie:begin_woord], False))
        stukken.append((tekst[begin_woord:einde_woord], True))
        positie = einde_woord
    if positie < einde:
        stukken.append((tekst[positie:einde], False))
    if einde < len(tekst) or ingekort:
        stukken.append(("…", False))
    return tuple(stukken)
