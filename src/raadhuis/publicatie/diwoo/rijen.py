"""DiWoo metadata read as plain text rows for the sitemap writer: the columns, their parsing, and
publications by id.

A sitemap run reads a million rows; Django's and the driver's conversions of timestamps, JSON lists
and uuids cost more than the rest of the writing, so columns are read as text and parsed here
(`moment`, `uuid_tekst`, `_lijst`).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Collection
from typing import Any, NamedTuple

from django.conf import settings
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.dateparse import parse_datetime

from raadhuis.publicatie.models import Publicatie


def moment(tekst: str) -> dt.datetime:
    """A timestamp column read as text (`Cast(..., CharField())`): `fromisoformat` is many times
    faster than the database driver's parser, and a million documents carry about four
    timestamps each. PostgreSQL writes ISO 8601 with the offset (the connection runs in UTC);
    SQLite stores UTC without one."""
    try:
        waarde = dt.datetime.fromisoformat(tekst)
    except ValueError:
        gelezen = parse_datetime(tekst)
        if gelezen is None:
            raise
        waarde = gelezen
    if waarde.tzinfo is None and settings.USE_TZ:
        return waarde.replace(tzinfo=dt.UTC)
    return waarde


class Publicatierij(NamedTuple):
    """The columns of a publication `publicatie_fragmenten` reads (`PUBLICATIEKOLOMMEN` order)."""

    pk: int
    uuid: str
    publisher: str
    officiele_titel: str
    verkorte_titel: str
    omschrijving: str
    informatiecategorieen: list[Any]
    themas: list[Any]
    taal: str
    identificatoren: list[Any]
    status: str
    reden_intrekking: str
    gepubliceerd_op: str | None  # as text: see `moment`
    gewijzigd_op: str


def _als_tekst(veld: str) -> Cast:
    """A column read as text. The sitemap reads a million rows with about four timestamps, three
    JSON lists and two uuids each; the driver's and Django's conversions of those cost more than
    the rest of the writing, `fromisoformat` and `json.loads` are several times faster (see
    `moment`, `uuid_tekst`, `_lijst`)."""
    return Cast(veld, output_field=CharField())


PUBLICATIEKOLOMMEN = (
    "pk",
    _als_tekst("uuid"),
    "publisher",
    "officiele_titel",
    "verkorte_titel",
    "omschrijving",
    _als_tekst("informatiecategorieen"),
    _als_tekst("themas"),
    "taal",
    _als_tekst("identificatoren"),
    "status",
    "reden_intrekking",
    _als_tekst("gepubliceerd_op"),
    _als_tekst("gewijzigd_op"),
)


def uuid_tekst(waarde: str) -> str:
    """A uuid column read as text: PostgreSQL gives the hyphenated form, SQLite the 32 hex digits
    Django stores there."""
    return waarde if len(waarde) == 36 else str(uuid.UUID(waarde))


def _lijst(waarde: str | None) -> list[Any]:
    if not waarde or waarde == "[]":
        return []
    gelezen = json.loads(waarde)
    # Anything but a list (which the services never store) takes the lxml path.
    return gelezen if isinstance(gelezen, list) else [_GEEN_LIJST]


class _GeenLijst:
    pass


_GEEN_LIJST = _GeenLijst()


def ids_filter(veld: str, ids: Collection[int]) -> Q:
    """`veld` among `ids`: as a range when the ids lie close together (a chunk of documents in id
    order has publications with neighbouring ids), so the query stays small and uses the index;
    callers drop the rows in the range they did not ask for."""
    laagste, hoogste = min(ids), max(ids)
    if hoogste - laagste < 4 * len(ids):
        return Q(**{f"{veld}__gte": laagste, f"{veld}__lte": hoogste})
    return Q(**{f"{veld}__in": sorted(ids)})


def publicaties_lezen(ids: Collection[int], **filters: Any) -> list[Publicatierij]:
    """The publications with these ids (and `filters`) as rows for `publicatie_fragmenten`."""
    if not ids:
        return []
    rijen = Publicatie.objects.filter(ids_filter("pk", ids), **filters).values_list(*PUBLICATIEKOLOMMEN)
    return [
        Publicatierij(
            pk,
            uuid_tekst(publicatie_uuid),
            publisher,
            officiele_titel,
            verkorte_titel,
            omschrijving,
            _lijst(categorieen),
            _lijst(themas),
            taal,
            _lijst(identificatoren),
            status,
            reden,
            gepubliceerd_op,
            gewijzigd_op,
        )
        for (
            pk,
            publicatie_uuid,
            publisher,
            officiele_titel,
            verkorte_titel,
            omschrijving,
            categorieen,
            themas,
            taal,
            identificatoren,
            status,
            reden,
            gepubliceerd_op,
            gewijzigd_op,
        ) in rijen
        if pk in ids
    ]


# The columns of a document `document_tekst` reads, in this order.
DOCUMENTKOLOMMEN = (
    "pk",
    "publicatie_id",
    _als_tekst("uuid"),
    "titel",
    "documentsoort",
    "bestandsnaam",
    "bestandsformaat",
    "creatiedatum",
    Cast("gewijzigd_op", output_field=CharField()),
)
