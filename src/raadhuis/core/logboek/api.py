"""What every module calls to record a processing of personal data in the Logboek Dataverwerkingen."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, wraps
from importlib.metadata import PackageNotFoundError, version
from typing import ParamSpec, TypeVar

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from raadhuis.core import bsn as bsn_module
from raadhuis.core.identiteit import Identiteit
from raadhuis.core.logboek import keten, trace
from raadhuis.core.models import Logregel, Verwerkingsactiviteit

P = ParamSpec("P")
R = TypeVar("R")

# (type, identifier) of the data subject, e.g. ("BSN", "999993653"); LDV data_subject_id(_type).
Betrokkene = tuple[str, str]
BETROKKENE_TYPES = ("BSN", "KVK", "RSIN", "personeelsnummer", "e-mailadres")


@dataclass(frozen=True)
class Systeemproces:
    """The actor when no person acts: a command, a scheduled task, an integration."""

    naam: str


Door = AbstractBaseUser | Identiteit | Systeemproces


class OnbekendeVerwerkingsactiviteit(LookupError):
    """Personal data may only be processed for an activity in the register (AVG art. 30), so
    logging against an unknown one is a programming error that stops the processing."""


@cache
def _applicatieversie() -> str:
    try:
        return version("raadhuis")
    except PackageNotFoundError:
        return "onbekend"


def actuele_versie(sleutel: str) -> Verwerkingsactiviteit:
    activiteit = Verwerkingsactiviteit.objects.filter(sleutel=sleutel).order_by("-versie").first()
    if activiteit is None:
        raise OnbekendeVerwerkingsactiviteit(
            f"Verwerkingsactiviteit {sleutel!r} staat niet in het register (AVG art. 30)."
        )
    return activiteit


def _betrokkene_velden(betrokkene: Betrokkene | None) -> tuple[str, str, str]:
    if betrokkene is None:
        return "", "", ""
    soort, waarde = betrokkene
    if soort not in BETROKKENE_TYPES:
        raise ValueError(f"Onbekend soort betrokkene-id {soort!r}; kies uit {', '.join(BETROKKENE_TYPES)}.")
    # Normalised the way a search normalises, so the keyed hash of a typed BSN finds this entry.
    waarde = bsn_module.normaliseer(waarde) if soort == "BSN" else waarde.strip()
    if not waarde:
        raise ValueError("Een betrokkene zonder identificatie kan niet worden vastgelegd.")
    return soort, bsn_module.versleutel(waarde), bsn_module.sleutelhash(f"{soort}:{waarde}")


def betrokkene_hash(soort: str, waarde: str) -> str:
    """The keyed hash a log entry stores for this data subject, for searching (never the value)."""
    waarde = bsn_module.normaliseer(waarde) if soort == "BSN" else waarde.strip()
    return bsn_module.sleutelhash(f"{soort}:{waarde}")


def _door_velden(door: Door) -> tuple[str, str, str]:
    if isinstance(door, Systeemproces):
        return Logregel.DoorSoort.SYSTEEM, door.naam, ""
    if isinstance(door, Identiteit):
        # A resident or business acting in their own session: the data subject themself (for a
        # business, the pseudonymous acting person eHerkenning gives).
        return Logregel.DoorSoort.BETROKKENE, door.handelende_persoon, ""
    rollen = getattr(door, "rollen", ())
    return (
        Logregel.DoorSoort.MEDEWERKER,
        str(door.pk),
        ",".join(sorted(str(rol) for rol in rollen)),
    )


def opstellen(
    *,
    naam: str,
    activiteit: str | Verwerkingsactiviteit,
    betrokkene: Betrokkene | None,
    door: Door,
    status: Logregel.Status = Logregel.Status.OK,
    start_tijd: datetime | None = None,
) -> Logregel:
    """The entry ``vastleggen`` would record, not yet in the chain. A service that holds a lock until
    its commit (the case number's, dienstverlening.services.zaken) prepares its entry before taking
    the lock and appends it last with ``toevoegen``: the register read, the encryption and the
    hashing of the data subject then happen while other transactions can go on."""
    versie = activiteit if isinstance(activiteit, Verwerkingsactiviteit) else actuele_versie(activiteit)
    soort, versleuteld, sleutelhash = _betrokkene_velden(betrokkene)
    door_soort, door_id, door_rollen = _door_velden(door)
    huidig = trace.huidige_span()
    span = huidig.kind() if huidig is not None else trace.nieuwe_trace()
    nu = timezone.now()
    return Logregel(
        trace_id=span.trace_id,
        span_id=span.span_id,
        parent_span_id=span.parent_span_id,
        naam=naam,
        start_tijd=start_tijd or nu,
        eind_tijd=nu,
        status=status,
        systeem=str(getattr(settings, "RAADHUIS_ORGANISATIE", "")),
        applicatie="raadhuis",
        applicatieversie=_applicatieversie(),
        verwerkingsactiviteit=versie,
        betrokkene_type=soort,
        betrokkene_versleuteld=versleuteld,
        betrokkene_hash=sleutelhash,
        door_soort=door_soort,
        door_id=door_id,
        door_rollen=door_rollen,
    )


def _vastleggend(opstellen: Callable[P, Logregel]) -> Callable[P, Logregel]:
    # vastleggen takes exactly opstellen's arguments; one signature serves both.
    @transaction.atomic
    def vastleggen(*args: P.args, **kwargs: P.kwargs) -> Logregel:
        """Records one processing of personal data (AVG art. 5 lid 2, art. 30; BIO 12.4.1).

        Call it inside the service's transaction, after the change: a rollback takes the entry with
        it and a commit always has one. ``activiteit`` is the register key (its current version is
        used) or a specific version; ``betrokkene`` is (type, identifier), stored encrypted and as a
        keyed hash only. The entry is a new span in the current trace (or in a trace of its own)."""
        return keten.toevoegen(opstellen(*args, **kwargs))

    return vastleggen


vastleggen = _vastleggend(opstellen)


def toevoegen(regel: Logregel) -> Logregel:
    """Appends an entry from ``opstellen`` to the chain, inside the service's transaction and last
    before its commit (the chain's head stays locked until then); the processing ends now."""
    regel.eind_tijd = timezone.now()
    return keten.toevoegen(regel)


@dataclass
class Verwerking:
    """The processing a ``with verwerking(...)`` block records; add data subjects found on the way."""

    betrokkenen: list[Betrokkene] = field(default_factory=list)

    def betrokkene(self, soort: str, waarde: str) -> None:
        self.betrokkenen.append((soort, waarde))


def _status_bij(fout: BaseException) -> Logregel.Status:
    # LDV: ERROR is for server-side failures; a refused or invalid request stays UNSET (like 4xx).
    if isinstance(fout, PermissionDenied | ValidationError | Http404):
        return Logregel.Status.UNSET
    return Logregel.Status.ERROR


@contextmanager
def verwerking(
    *, naam: str, activiteit: str, door: Door, betrokkene: Betrokkene | None = None
) -> Iterator[Verwerking]:
    """Records a read of personal data (opening a file that holds a BSN, searching by BSN): one
    entry per data subject when the block ends, with status ERROR or UNSET when it raised.

    ``with logboek.verwerking(naam="zaak.inzien", activiteit=PERSOONSGEGEVENS_ZAAK, door=door,
    betrokkene=("BSN", bsn)): ...``. The activity is checked before the block runs."""
    versie = actuele_versie(activiteit)
    start = timezone.now()
    lopend = Verwerking(betrokkenen=[betrokkene] if betrokkene else [])
    try:
        yield lopend
    except BaseException as fout:
        # Inside a transaction that is already broken nothing can be written; it rolls back anyway.
        if isinstance(fout, Exception) and not transaction.get_connection().needs_rollback:
            _vastleggen_voor_allen(naam, versie, lopend, door, _status_bij(fout), start)
        raise
    _vastleggen_voor_allen(naam, versie, lopend, door, Logregel.Status.OK, start)


def _vastleggen_voor_allen(
    naam: str,
    versie: Verwerkingsactiviteit,
    lopend: Verwerking,
    door: Door,
    status: Logregel.Status,
    start: datetime,
) -> None:
    betrokkenen: list[Betrokkene | None] = list(lopend.betrokkenen) or [None]
    # Prepared first, appended together: the chain's head is locked only for the appends.
    regels = [
        opstellen(
            naam=naam, activiteit=versie, betrokkene=betrokkene, door=door, status=status, start_tijd=start
        )
        for betrokkene in betrokkenen
    ]
    with transaction.atomic():
        for regel in regels:
            toevoegen(regel)


def leest_persoonsgegevens(
    *, naam: str, activiteit: str, betrokkenen: Callable[[R], Iterable[Betrokkene]]
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorates a selector that returns personal data: the read is logged for every data subject
    ``betrokkenen(result)`` names. The selector must take the actor as keyword ``door=``.

    ``@leest_persoonsgegevens(naam="zaak.openen", activiteit=PERSOONSGEGEVENS_ZAAK,
    betrokkenen=lambda zaak: [("BSN", zaak.bsn)] if zaak.bsn else [])``"""

    def decorator(selector: Callable[P, R]) -> Callable[P, R]:
        @wraps(selector)
        def gelogd(*args: P.args, **kwargs: P.kwargs) -> R:
            door = kwargs.get("door")
            if not isinstance(door, AbstractBaseUser | Identiteit | Systeemproces):
                raise TypeError(f"{selector.__qualname__} leest persoonsgegevens en vraagt door=.")
            with verwerking(naam=naam, activiteit=activiteit, door=door) as lopend:
                resultaat = selector(*args, **kwargs)
                lopend.betrokkenen.extend(betrokkenen(resultaat))
            return resultaat

        return gelogd

    return decorator
