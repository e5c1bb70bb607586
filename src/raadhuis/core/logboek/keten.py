"""The log's hash chain: canonical content, appending under a lock, and verifying the whole chain."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import transaction
from django.utils.translation import gettext as _

from raadhuis.core.models import Ketenkop, Logregel

# The hash before the first entry. A fixed value, so the first entry is verifiable like any other.
BEGIN = "0" * 64


def _tijd(waarde: datetime) -> str:
    return waarde.astimezone(UTC).isoformat(timespec="microseconds")


def canonieke_inhoud(regel: Logregel) -> bytes:
    """Every stored field except the hash itself, as sorted compact JSON: both databases give the
    same bytes back (microsecond timestamps in UTC), so the verifier recomputes the same hash."""
    inhoud = {
        "volgnummer": regel.volgnummer,
        "trace_id": regel.trace_id,
        "span_id": regel.span_id,
        "parent_span_id": regel.parent_span_id,
        "naam": regel.naam,
        "start_tijd": _tijd(regel.start_tijd),
        "eind_tijd": _tijd(regel.eind_tijd),
        "status": int(regel.status),
        "systeem": regel.systeem,
        "applicatie": regel.applicatie,
        "applicatieversie": regel.applicatieversie,
        "verwerkingsactiviteit": regel.verwerkingsactiviteit_id,
        "betrokkene_type": regel.betrokkene_type,
        "betrokkene_versleuteld": regel.betrokkene_versleuteld,
        "betrokkene_hash": regel.betrokkene_hash,
        "door_soort": regel.door_soort,
        "door_id": regel.door_id,
        "door_rollen": regel.door_rollen,
        "vorige_hash": regel.vorige_hash,
    }
    return json.dumps(inhoud, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def bereken_hash(regel: Logregel) -> str:
    return hashlib.sha256(canonieke_inhoud(regel)).hexdigest()


def toevoegen(regel: Logregel) -> Logregel:
    """Links ``regel`` to the chain and stores it; must run inside the caller's transaction.

    On PostgreSQL the chain head row is locked (SELECT ... FOR UPDATE) until the transaction ends,
    so concurrent appends queue up and the chain stays linear; SQLite has one writer at a time
    (transaction_mode IMMEDIATE). The cost: transactions that log are serialised among each other."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Een logregel wordt binnen een transactie vastgelegd.")
    # Everything but the chain's own fields is checked before the lock: every other appender waits
    # for as long as it is held. Uniqueness and the foreign key are guaranteed by the lock and the
    # caller; skipping their queries keeps logging cheap on every processing.
    regel.full_clean(
        exclude=["verwerkingsactiviteit", "volgnummer", "vorige_hash", "hash"],
        validate_unique=False,
        validate_constraints=False,
    )
    kop = Ketenkop.objects.select_for_update().filter(pk=1).first()
    if kop is None:
        # The migration creates the head; only a flushed database (tests) lacks it. Concurrent first
        # writers each try to create it: ON CONFLICT DO NOTHING, then all queue on the one row.
        Ketenkop.objects.bulk_create([Ketenkop(pk=1, volgnummer=0, hash=BEGIN)], ignore_conflicts=True)
        kop = Ketenkop.objects.select_for_update().get(pk=1)
    regel.volgnummer = kop.volgnummer + 1
    regel.vorige_hash = kop.hash
    regel.hash = bereken_hash(regel)
    regel.save(force_insert=True)
    kop.volgnummer = regel.volgnummer
    kop.hash = regel.hash
    kop.save(update_fields=["volgnummer", "hash"])
    return regel


@dataclass(frozen=True)
class Controleresultaat:
    gecontroleerd: int
    fout_volgnummer: int | None = None
    fout_id: int | None = None
    reden: str = ""

    @property
    def in_orde(self) -> bool:
        return self.fout_volgnummer is None and not self.reden


def controleren(*, blokgrootte: int = 2000) -> Controleresultaat:
    """Walks the whole chain in order (BIO 12.4.2: protection of log information): each entry's
    hash must match its content, point at the previous hash, and the numbering must not skip;
    the head must name the last entry, so removed entries at the end are found as well."""
    vorige_hash = BEGIN
    verwacht = 1
    aantal = 0
    for regel in Logregel.objects.order_by("volgnummer").iterator(chunk_size=blokgrootte):
        if regel.volgnummer != verwacht:
            return Controleresultaat(
                aantal,
                verwacht,
                None,
                _("Regel %(nummer)s ontbreekt: na regel %(vorige)s volgt regel %(gevonden)s.")
                % {"nummer": verwacht, "vorige": verwacht - 1, "gevonden": regel.volgnummer},
            )
        if regel.vorige_hash != vorige_hash:
            return Controleresultaat(
                aantal, regel.volgnummer, regel.pk, _("De verwijzing naar de vorige regel klopt niet.")
            )
        if bereken_hash(regel) != regel.hash:
            return Controleresultaat(
                aantal, regel.volgnummer, regel.pk, _("De inhoud is gewijzigd: de hash klopt niet.")
            )
        vorige_hash = regel.hash
        verwacht += 1
        aantal += 1
    kop = Ketenkop.objects.filter(pk=1).first()
    kop_volgnummer, kop_hash = (kop.volgnummer, kop.hash) if kop else (0, BEGIN)
    if (kop_volgnummer, kop_hash) != (aantal, vorige_hash):
        return Controleresultaat(
            aantal,
            None,
            None,
            _("De kop van de keten wijst naar regel %(kop)s, maar de laatste regel is %(laatste)s.")
            % {"kop": kop_volgnummer, "laatste": aantal},
        )
    return Controleresultaat(aantal)


def kop() -> tuple[int, str]:
    """(sequence number, hash) of the last entry, to record outside the database as an anchor."""
    gevonden = Ketenkop.objects.filter(pk=1).first()
    return (gevonden.volgnummer, gevonden.hash) if gevonden else (0, BEGIN)
