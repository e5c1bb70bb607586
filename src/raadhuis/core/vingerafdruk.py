"""A fingerprint of the data a page fragment is rendered from, to cache the rendering under it.

A fragment cached under a key made of its own inputs cannot go stale: any change to what the
selector read (a paper made geheim, a vote corrected, a speaker withdrawn, a member's name, the
language) gives another key, without any write having to remember to clear a cache, and a row
deleted leaves the data as surely as a row changed. The page still reads its data (one fixed set of
queries); what the cache saves is the rendering, which is most of a large page's time (a council
meeting of thirty votes: about three quarters, bench/load/pagina.py).

The walk is strict on purpose: a queryset that was never evaluated, or a value of a kind it does
not know, raises TypeError instead of being skipped, because a template reading such a thing would
read data the key does not cover. Model instances contribute what they hold (`__dict__`: loaded
fields, `to_attr` prefetches, annotations) and what was loaded with them (`select_related`,
`prefetch_related`), not what a template could still fetch lazily; the fragment's tests check that
rendering it makes no queries.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import hashlib
import uuid
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

from django.conf import settings
from django.core.cache import cache as django_cache
from django.core.cache.utils import make_template_fragment_key
from django.core.exceptions import EmptyResultSet
from django.db import connections, router
from django.db.models import Model, QuerySet
from django.db.models.fields.files import FieldFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import get_template
from django.utils.functional import Promise, SimpleLazyObject
from django.utils.timezone import get_current_timezone_name
from django.utils.translation import get_language

# Values that stand for themselves; the type is written too, so 1, "1" and True differ.
_EENVOUDIG = (
    type(None),
    bool,
    int,
    float,
    str,
    bytes,
    decimal.Decimal,
    dt.date,
    dt.time,
    dt.timedelta,
    uuid.UUID,
    enum.Enum,
)


def vingerafdruk(*waarden: Any) -> str:
    """A hex digest of `waarden` and everything reachable from them (see the module docstring)."""
    delen: list[str] = []
    _schrijven(delen.append, waarden, set())
    return hashlib.blake2b("\x1f".join(delen).encode(), digest_size=16).hexdigest()


def fragmentsleutel(templates: tuple[str, ...], *waarden: Any) -> str:
    """The key of a fragment of `templates` rendered from `waarden`, in the active language and
    time zone (dates are rendered in it). The templates' source is part of it, so a deployment
    with a changed template never serves a fragment the old one rendered from a shared (Redis)
    cache."""
    # In development a template may change while the process runs (the autoreloader restarts it
    # for Python files only); there it is read each time.
    bron = _templatebron.__wrapped__(templates) if settings.DEBUG else _templatebron(templates)
    return vingerafdruk(get_language(), get_current_timezone_name(), bron, *waarden)


def vingerafdruk_in_database(*querysets: QuerySet[Any]) -> str:
    """A hex digest of the rows `querysets` select, every column they load (joined ones too), made
    where the rows are: PostgreSQL hashes them in one round trip and nothing is loaded into Python.
    For a page whose data is most of its time (a council meeting: 470 instances in eight queries),
    the key of its cached fragment then costs one query, and the data is read only when the
    fragment must be rendered. Other databases (SQLite in development) load the rows and walk them.

    The rows count as a set (each query's row digests are sorted before hashing): a page orders by
    its data, so the same rows give the same page. Prefetches are separate queries, not part of the
    queryset's SQL, so a queryset with one is refused rather than half covered."""
    alias = _een_database(querysets)
    if connections[alias].vendor != "postgresql":
        # A clone (all()) reads the rows now, not what an earlier evaluation of it cached.
        return vingerafdruk(*[list(queryset.all()) for queryset in querysets])
    sql, parameters, _ = _hash_sql(alias, querysets)
    return _uitvoeren(alias, sql, parameters)


# Per function of `vingerafdruk_in_database_van`: its SQL with the places of the key among the
# parameters, and the model its first query reads (to route the read); None where it cannot be kept.
_VOORBEREID: dict[
    Callable[[int], Sequence[QuerySet[Any]]], tuple[str, list[Any], list[int], type] | None
] = {}
# Two keys no row has (keys are positive), to find where a key lands among the SQL's parameters.
_PROEFSLEUTELS = (-982_451_653, -982_451_629)


def vingerafdruk_in_database_van(vragen: Callable[[int], Sequence[QuerySet[Any]]], sleutel: int) -> str:
    """`vingerafdruk_in_database(*vragen(sleutel))` with the SQL made once per process: building
    and compiling a page's eight querysets costs more than PostgreSQL's hashing of their rows. The
    SQL is made for two trial keys; where the two differ only in parameters that are the key
    itself, it is kept and each call puts its key in those places; otherwise (a parameter that
    changes by itself, such as the time) every call builds the querysets."""
    if vragen not in _VOORBEREID:
        _VOORBEREID[vragen] = _voorbereiden(vragen)
    voorbereid = _VOORBEREID[vragen]
    if voorbereid is None:
        return vingerafdruk_in_database(*vragen(sleutel))
    sql, parameters, plaatsen, model = voorbereid
    alias = router.db_for_read(model)
    if connections[alias].vendor != "postgresql":
        return vingerafdruk_in_database(*vragen(sleutel))
    eigen = list(parameters)
    for plaats in plaatsen:
        eigen[plaats] = sleutel
    return _uitvoeren(alias, sql, eigen)


def _voorbereiden(
    vragen: Callable[[int], Sequence[QuerySet[Any]]],
) -> tuple[str, list[Any], list[int], type] | None:
    eerste, tweede = (vragen(proef) for proef in _PROEFSLEUTELS)
    alias = _een_database(eerste)
    if connections[alias].vendor != "postgresql":
        return None
    (sql, parameters, volledig), (sql_2, parameters_2, _) = _hash_sql(alias, eerste), _hash_sql(alias, tweede)
    plaatsen = [plaats for plaats, (a, b) in enumerate(zip(parameters, parameters_2, strict=False)) if a != b]
    if (
        not volledig  # a query that matched nothing for a trial key may match rows for a real one
        or sql != sql_2
        or len(parameters) != len(parameters_2)
        or not plaatsen
        or any((parameters[p], parameters_2[p]) != _PROEFSLEUTELS for p in plaatsen)
    ):
        return None
    return sql, parameters, plaatsen, eerste[0].model


def _een_database(querysets: Sequence[QuerySet[Any]]) -> str:
    if not querysets:
        raise ValueError("No querysets to fingerprint.")
    alias = querysets[0].db
    for queryset in querysets:
        if queryset._prefetch_related_lookups:  # type: ignore[attr-defined]
            raise TypeError(f"A {queryset.model.__name__} queryset with prefetches: pass each query.")
        if queryset.db != alias:
            raise ValueError("The querysets read from different databases.")
    return alias


def _hash_sql(alias: str, querysets: Sequence[QuerySet[Any]]) -> tuple[str, list[Any], bool]:
    """One statement giving the digest of each query's rows, its parameters, and whether every
    query is in it (False when one could match nothing and made no SQL)."""
    volledig = True
    delen: list[str] = []
    parameters: list[Any] = []
    for queryset in querysets:
        try:
            sql, params = queryset.query.get_compiler(using=alias).as_sql()
        except EmptyResultSet:  # a filter that can match nothing (`pk__in=[]`): no SQL is made
            delen.append("''")
            volledig = False
            continue
        # Each row's digest, fixed in width, so no value can pass for a row boundary. `sql` is the
        # ORM's own compiled query; every value in it stays a parameter.
        hash_van_rijen = "SELECT md5(coalesce(string_agg(md5(r::text), '' ORDER BY md5(r::text)), ''))"
        delen.append(f"({hash_van_rijen} FROM ({sql}) r)")
        parameters.extend(params)
    return f"SELECT ARRAY[{', '.join(delen)}]::text[]", parameters, volledig


def _uitvoeren(alias: str, sql: str, parameters: list[Any]) -> str:
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, parameters)
        (digests,) = cursor.fetchone()
    return hashlib.blake2b("\x1f".join(digests).encode(), digest_size=16).hexdigest()


@cache
def _templatebron(templates: tuple[str, ...]) -> str:
    bron = "".join(get_template(naam).template.source for naam in templates)  # type: ignore[attr-defined]
    return hashlib.blake2b(bron.encode(), digest_size=16).hexdigest()


# Of these exact types repr() tells every value apart from every other (1, True, "1", 1.0,
# Decimal("1") and None all differ), so it needs no type name: the fast path for loaded fields.
_REPR_ZEGT_GENOEG = frozenset(
    {type(None), bool, int, float, str, bytes, decimal.Decimal, dt.date, dt.datetime, dt.time, uuid.UUID}
)


def _schrijven(schrijf: Callable[[str], None], waarde: Any, gezien: set[int]) -> None:
    if type(waarde) in _REPR_ZEGT_GENOEG:
        schrijf(repr(waarde))
    elif isinstance(waarde, _EENVOUDIG):
        schrijf(f"{type(waarde).__name__}:{waarde!r}")
    elif isinstance(waarde, Promise):
        schrijf(f"str:{str(waarde)!r}")
    elif isinstance(waarde, Model):
        _model(schrijf, waarde, gezien)
    elif isinstance(waarde, QuerySet):
        if waarde._result_cache is None:
            raise TypeError(f"An unevaluated {waarde.model.__name__} queryset has no fingerprint.")
        _schrijven(schrijf, waarde._result_cache, gezien)
    elif isinstance(waarde, FieldFile):
        schrijf(f"file:{waarde.name!r}")
    elif isinstance(waarde, Mapping):
        schrijf(f"{{{len(waarde)}")
        for sleutel in sorted(waarde, key=repr):
            _schrijven(schrijf, sleutel, gezien)
            _schrijven(schrijf, waarde[sleutel], gezien)
    elif type(waarde) in (list, tuple) and all(type(element) in _REPR_ZEGT_GENOEG for element in waarde):
        # A row of plain values (a choice, a row read as a tuple) in one go, as repr tells them apart.
        schrijf(f"={waarde!r}")
    elif isinstance(waarde, list | tuple) and (rijen := _rijen_van_een_dataclass(waarde)) is not None:
        schrijf(f"{'[' if isinstance(waarde, list) else '('}@{rijen}")
    elif isinstance(waarde, list | tuple):
        schrijf(f"{'[' if isinstance(waarde, list) else '('}{len(waarde)}")
        for element in waarde:
            _schrijven(schrijf, element, gezien)
    elif isinstance(waarde, set | frozenset):
        schrijf(f"<{len(waarde)}")
        for element in sorted(waarde, key=repr):
            _schrijven(schrijf, element, gezien)
    elif dataclasses.is_dataclass(waarde) and not isinstance(waarde, type):
        velden = [(veld.name, getattr(waarde, veld.name)) for veld in dataclasses.fields(waarde)]
        # A row prepared for a template: its plain values in one go, anything else one by one.
        eenvoudig = [veld for veld in velden if type(veld[1]) in _REPR_ZEGT_GENOEG]
        schrijf(f"@{type(waarde).__qualname__}={eenvoudig!r}")
        for naam, veldwaarde in velden:
            if type(veldwaarde) not in _REPR_ZEGT_GENOEG:
                schrijf(naam)
                _schrijven(schrijf, veldwaarde, gezien)
    else:
        raise TypeError(f"No fingerprint for a {type(waarde).__qualname__}.")


@cache
def _veldnamen(soort: type) -> tuple[str, ...]:
    return tuple(veld.name for veld in dataclasses.fields(soort))


def _rijen_van_een_dataclass(waarden: list[Any] | tuple[Any, ...]) -> str | None:
    """Rows of one dataclass with plain values only (a facet's values, a table's rows) as one
    text, for a list of hundreds of them; None for anything else, which is then walked."""
    if not waarden or not dataclasses.is_dataclass(soort := type(waarden[0])):
        return None
    namen = _veldnamen(soort)
    rijen = []
    for waarde in waarden:
        if type(waarde) is not soort:
            return None
        rij = tuple(getattr(waarde, naam) for naam in namen)
        if not all(type(veld) in _REPR_ZEGT_GENOEG for veld in rij):
            return None
        rijen.append(rij)
    return f"{soort.__qualname__}{namen!r}={rijen!r}"


def _model(schrijf: Callable[[str], None], instantie: Model, gezien: set[int]) -> None:
    label = f"{instantie._meta.label}#{instantie.pk}"
    # Prefetching links children back to their parent: write each instance once, then refer to it.
    if id(instantie) in gezien:
        schrijf(f"^{label}")
        return
    gezien.add(id(instantie))
    schrijf(label)
    velden = sorted(instantie.__dict__.items())
    # The loaded fields in one go; prefetched lists, annotations of other kinds and such one by one.
    schrijf(repr([veld for veld in velden if type(veld[1]) in _REPR_ZEGT_GENOEG]))
    for naam, waarde in velden:
        if naam != "_state" and type(waarde) not in _REPR_ZEGT_GENOEG:
            schrijf(naam)
            _schrijven(schrijf, waarde, gezien)
    geladen = instantie._state.fields_cache
    for naam in sorted(geladen):
        schrijf(f".{naam}")
        _schrijven(schrijf, geladen[naam], gezien)


def renderen_met_versie(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    fragment: str,
    sleutel: str,
    lui: Mapping[str, Callable[[], Any]],
    versie: Callable[[], str],
    gezien: str,
) -> HttpResponse:
    """Renders `template`, whose `{% cache … <fragment> <sleutel> %}` block is keyed by a version
    of its data made without reading it (`vingerafdruk_in_database_van`), and is the only reader
    of the context entries in `lui`: each is read on first use, so a cache hit reads none.

    When the data was read (a miss) and `versie()` no longer gives `gezien`, the data changed
    between the version and the read: the rendering just stored shows a later state than its key
    stands for, so it is dropped rather than served for that key."""
    gelezen: list[str] = []

    def lezer(naam: str, lezen: Callable[[], Any]) -> Callable[[], Any]:
        def lees() -> Any:
            gelezen.append(naam)
            return lezen()

        return lees

    antwoord = render(
        request,
        template,
        {**context, **{naam: SimpleLazyObject(lezer(naam, lezen)) for naam, lezen in lui.items()}},
    )
    if gelezen and versie() != gezien:
        django_cache.delete(make_template_fragment_key(fragment, [sleutel]))
    return antwoord
