"""The Woo figures a municipality reports to the council (issue 9, point 9; woo.md): requests per
period, lead time, share decided on time, verdagingen, opschortingen and ingebrekestellingen, the
outcomes of the decisions and the refusal grounds applied.

Only counts leave this module: every query reads dates, statuses and codes (`values_list`), never a
requester's name, address or BSN, so the page and its CSV hold no personal data and no read has to
be logged.

Which date places a request in a period:
- received: `ontvangen_op`; decided: `besloten_op` of a decided request; withdrawn: `ingetrokken_op`;
- open: received on or before the last day and neither decided nor withdrawn by then;
- a verdaging by the day it was decided, a suspension by its first day, an ingebrekestelling by
  the day it was received;
- outcomes and grounds by the decision's `besluitdatum` (WooBesluit).
Lead time is in calendar days from `ontvangen_op` to `besloten_op`; on time means `besloten_op` on
or before the end of the decision term (Woo art. 4.4 with Atw art. 1–3).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q
from django.utils import formats
from django.utils.translation import gettext as _

from raadhuis.core.selectors import gelijkgestelde_dagen
from raadhuis.woo import gronden as woo_gronden
from raadhuis.woo.lakken import grond_normaliseren
from raadhuis.woo.models import (
    Besluituitkomst,
    Document,
    Ingebrekestelling,
    Lakvak,
    Oordeel,
    Opschorting,
    Opschortingssoort,
    Vakstatus,
    Verdaging,
    Verzoekstatus,
    WooBesluit,
    WooVerzoek,
)
from raadhuis.woo.selectors.verzoeken import termijn_van

__all__ = [
    "Doorlooptijd",
    "Grondregel",
    "Maandregel",
    "Oordeelregel",
    "Periode",
    "Statistiek",
    "Uitkomstregel",
    "statistiek",
]

# A custom period longer than this makes the month series unreadable; five years is plenty for
# a report to the council.
MAXIMALE_PERIODE_DAGEN = 5 * 366


@dataclass(frozen=True)
class Periode:
    """Days from `van` up to and including `tot`."""

    van: date
    tot: date

    def __post_init__(self) -> None:
        if self.tot < self.van:
            raise ValueError("Een periode eindigt niet voordat zij begint.")

    @classmethod
    def jaar(cls, jaar: int) -> Periode:
        return cls(van=date(jaar, 1, 1), tot=date(jaar, 12, 31))

    @classmethod
    def kwartaal(cls, jaar: int, kwartaal: int) -> Periode:
        if not 1 <= kwartaal <= 4:
            raise ValueError("Een kwartaal is 1, 2, 3 of 4.")
        eerste = date(jaar, 3 * (kwartaal - 1) + 1, 1)
        volgende = date(jaar + 1, 1, 1) if kwartaal == 4 else date(jaar, 3 * kwartaal + 1, 1)
        return cls(van=eerste, tot=volgende - timedelta(days=1))

    @property
    def omschrijving(self) -> str:
        """ "1 januari 2026 t/m 31 december 2026"."""
        return _("%(van)s t/m %(tot)s") % {
            "van": formats.date_format(self.van, "j F Y"),
            "tot": formats.date_format(self.tot, "j F Y"),
        }

    def bevat(self, dag: date | None) -> bool:
        return dag is not None and self.van <= dag <= self.tot

    def maanden(self) -> list[tuple[int, int]]:
        """(year, month) of every month the period touches, in order."""
        jaar, maand = self.van.year, self.van.month
        uitkomst: list[tuple[int, int]] = []
        while (jaar, maand) <= (self.tot.year, self.tot.month):
            uitkomst.append((jaar, maand))
            jaar, maand = (jaar + 1, 1) if maand == 12 else (jaar, maand + 1)
        return uitkomst


@dataclass(frozen=True)
class Doorlooptijd:
    """Lead time of the requests decided in the period, in calendar days."""

    besloten: int
    gemiddeld: Decimal | None
    mediaan: Decimal | None
    langste: int | None
    op_tijd: int
    te_laat: int

    @property
    def op_tijd_percentage(self) -> Decimal | None:
        return _percentage(self.op_tijd, self.besloten)


@dataclass(frozen=True)
class Uitkomstregel:
    uitkomst: str
    label: str
    aantal: int


@dataclass(frozen=True)
class Oordeelregel:
    oordeel: str
    label: str
    aantal: int


@dataclass(frozen=True)
class Grondregel:
    """How often a refusal ground was applied: to how many documents (withheld entirely, or with at
    least one passage withheld on it) and to how many passages (accepted boxes)."""

    code: str
    artikel: str
    omschrijving: str
    documenten: int
    passages: int

    @property
    def label(self) -> str:
        return f"{self.code} – {self.omschrijving}" if self.omschrijving else self.code


@dataclass(frozen=True)
class Maandregel:
    jaar: int
    maand: int
    ontvangen: int
    besloten: int
    op_tijd: int
    ingetrokken: int

    @property
    def label(self) -> str:
        return formats.date_format(date(self.jaar, self.maand, 1), "F Y")

    @property
    def sleutel(self) -> str:
        return f"{self.jaar:04d}-{self.maand:02d}"


@dataclass(frozen=True)
class Statistiek:
    periode: Periode
    ontvangen: int
    besloten: int
    ingetrokken: int
    open_aan_einde: int
    doorlooptijd: Doorlooptijd
    verdagingen: int
    opschortingen_verduidelijking: int
    opschortingen_zienswijze: int
    ingebrekestellingen: int
    uitkomsten: tuple[Uitkomstregel, ...]
    oordelen: tuple[Oordeelregel, ...]
    gronden: tuple[Grondregel, ...]
    maanden: tuple[Maandregel, ...]

    @property
    def opschortingen(self) -> int:
        return self.opschortingen_verduidelijking + self.opschortingen_zienswijze


def _percentage(deel: int, geheel: int) -> Decimal | None:
    if geheel == 0:
        return None
    return (Decimal(100) * deel / geheel).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _afgerond(waarde: float | Decimal) -> Decimal:
    return Decimal(str(waarde)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class _Besluiting:
    """One decided request: its dates only."""

    ontvangen_op: date
    besloten_op: date
    op_tijd: bool


def _besluitingen(periode: Periode) -> list[_Besluiting]:
    """The requests decided in the period with whether each was on time. The stored end of the
    term is used; it is empty only when a suspension was still open at the decision, and then the
    term is recomputed on the decision day (the clock stood still, so the end lies ahead)."""
    rijen = [
        (pk, ontvangen_op, besloten_op, einde)
        for pk, ontvangen_op, besloten_op, einde in WooVerzoek.objects.filter(
            status=Verzoekstatus.BESLOTEN, besloten_op__range=(periode.van, periode.tot)
        ).values_list("pk", "ontvangen_op", "besloten_op", "beslistermijn_einde")
        if besloten_op is not None
    ]
    zonder_einde = {pk: besloten_op for pk, _o, besloten_op, einde in rijen if einde is None}
    herberekend: dict[int, date] = {}
    if zonder_einde:
        dagen = gelijkgestelde_dagen()
        for verzoek in (
            WooVerzoek.objects.filter(pk__in=zonder_einde)
            .select_related("verdaging")
            .prefetch_related("opschortingen")
        ):
            herberekend[verzoek.pk] = termijn_van(
                verzoek, op=zonder_einde[verzoek.pk], extra_feestdagen=dagen
            ).vroegste_einddatum
    return [
        _Besluiting(
            ontvangen_op=ontvangen_op,
            besloten_op=besloten_op,
            op_tijd=besloten_op <= (einde if einde is not None else herberekend[pk]),
        )
        for pk, ontvangen_op, besloten_op, einde in rijen
    ]


def _doorlooptijd(besluitingen: Sequence[_Besluiting]) -> Doorlooptijd:
    dagen = [(b.besloten_op - b.ontvangen_op).days for b in besluitingen]
    op_tijd = sum(1 for b in besluitingen if b.op_tijd)
    return Doorlooptijd(
        besloten=len(dagen),
        gemiddeld=_afgerond(statistics.fmean(dagen)) if dagen else None,
        mediaan=_afgerond(statistics.median(dagen)) if dagen else None,
        langste=max(dagen) if dagen else None,
        op_tijd=op_tijd,
        te_laat=len(dagen) - op_tijd,
    )


def _uitkomsten(besluiten: Counter[str]) -> tuple[Uitkomstregel, ...]:
    regels = [
        Uitkomstregel(uitkomst=waarde, label=str(label), aantal=besluiten.get(waarde, 0))
        for waarde, label in Besluituitkomst.choices
    ]
    # An outcome that is no longer a choice still counts, under its stored value.
    regels += [
        Uitkomstregel(uitkomst=waarde, label=waarde, aantal=aantal)
        for waarde, aantal in sorted(besluiten.items())
        if waarde not in Besluituitkomst.values
    ]
    return tuple(regels)


def _normaal(code: str) -> str:
    try:
        return grond_normaliseren(code)
    except ValueError:
        return code.strip()


def _grondregels(
    documenten_per_grond: dict[str, set[int]], passages_per_grond: Counter[str]
) -> tuple[Grondregel, ...]:
    """One row per ground used, in the order of the law; codes not in the Woo (a Wob code on an
    old file) after them."""
    volgorde = {code: index for index, code in enumerate(woo_gronden.GRONDEN)}
    codes = sorted(
        set(documenten_per_grond) | set(passages_per_grond),
        key=lambda code: (volgorde.get(code, len(volgorde)), code),
    )
    regels: list[Grondregel] = []
    for code in codes:
        bekend = woo_gronden.GRONDEN.get(code)
        regels.append(
            Grondregel(
                code=code,
                artikel=bekend.artikel if bekend else "",
                omschrijving=str(bekend.omschrijving) if bekend else "",
                documenten=len(documenten_per_grond.get(code, set())),
                passages=passages_per_grond.get(code, 0),
            )
        )
    return tuple(regels)


def _gronden_en_oordelen(periode: Periode) -> tuple[tuple[Grondregel, ...], tuple[Oordeelregel, ...]]:
    """The grounds applied in the decisions of the period, counted as the decision applies them
    (as `selectors.beoordeling.gebruikte_gronden` reads a request): the accepted boxes of
    partly public documents and the grounds of documents withheld entirely; a duplicate follows
    its original and is not counted again."""
    documenten = Document.objects.filter(
        verzoek__besluit__besluitdatum__range=(periode.van, periode.tot), dubbel_van__isnull=True
    )
    oordelen = Counter(
        dict(documenten.exclude(oordeel="").values_list("oordeel").annotate(aantal=Count("pk")))
    )
    documenten_per_grond: dict[str, set[int]] = defaultdict(set)
    passages_per_grond: Counter[str] = Counter()
    for document_id, grond in Lakvak.objects.filter(
        document__in=documenten.filter(oordeel=Oordeel.DEELS_OPENBAAR), status=Vakstatus.GEACCEPTEERD
    ).values_list("document_id", "grond"):
        code = _normaal(grond)
        documenten_per_grond[code].add(document_id)
        passages_per_grond[code] += 1
    for document_id, codes in documenten.filter(oordeel=Oordeel.NIET_OPENBAAR).values_list("pk", "gronden"):
        for grond in codes if isinstance(codes, list) else []:
            if isinstance(grond, str) and grond.strip():
                documenten_per_grond[_normaal(grond)].add(document_id)
    oordeelregels = tuple(
        Oordeelregel(oordeel=waarde, label=str(label), aantal=oordelen.get(waarde, 0))
        for waarde, label in Oordeel.choices
    )
    return _grondregels(documenten_per_grond, passages_per_grond), oordeelregels


def _per_maand(
    periode: Periode,
    ontvangen: Iterable[date],
    besluitingen: Sequence[_Besluiting],
    ingetrokken: Iterable[date],
) -> tuple[Maandregel, ...]:
    def maand(dag: date) -> tuple[int, int]:
        return (dag.year, dag.month)

    per_ontvangen = Counter(maand(d) for d in ontvangen)
    per_besloten = Counter(maand(b.besloten_op) for b in besluitingen)
    per_op_tijd = Counter(maand(b.besloten_op) for b in besluitingen if b.op_tijd)
    per_ingetrokken = Counter(maand(d) for d in ingetrokken)
    return tuple(
        Maandregel(
            jaar=jaar,
            maand=nummer,
            ontvangen=per_ontvangen[(jaar, nummer)],
            besloten=per_besloten[(jaar, nummer)],
            op_tijd=per_op_tijd[(jaar, nummer)],
            ingetrokken=per_ingetrokken[(jaar, nummer)],
        )
        for jaar, nummer in periode.maanden()
    )


def statistiek(periode: Periode) -> Statistiek:
    """All figures of the period (see the module docstring for which date counts). A fixed number of
    queries whatever the number of requests, plus one per decision taken while a suspension was
    still open."""
    bereik = (periode.van, periode.tot)
    ontvangen = list(
        WooVerzoek.objects.filter(ontvangen_op__range=bereik).values_list("ontvangen_op", flat=True)
    )
    ingetrokken = [
        dag
        for dag in WooVerzoek.objects.filter(
            status=Verzoekstatus.INGETROKKEN, ingetrokken_op__range=bereik
        ).values_list("ingetrokken_op", flat=True)
        if dag is not None
    ]
    besluitingen = _besluitingen(periode)
    open_aan_einde = (
        WooVerzoek.objects.filter(ontvangen_op__lte=periode.tot)
        .exclude(Q(status=Verzoekstatus.BESLOTEN) & Q(besloten_op__lte=periode.tot))
        .exclude(Q(status=Verzoekstatus.INGETROKKEN) & Q(ingetrokken_op__lte=periode.tot))
        .count()
    )
    opschortingen = Counter(
        dict(Opschorting.objects.filter(van__range=bereik).values_list("soort").annotate(aantal=Count("pk")))
    )
    besluiten = Counter(
        dict(
            WooBesluit.objects.filter(besluitdatum__range=bereik)
            .values_list("uitkomst")
            .annotate(aantal=Count("pk"))
        )
    )
    gronden, oordelen = _gronden_en_oordelen(periode)
    return Statistiek(
        periode=periode,
        ontvangen=len(ontvangen),
        besloten=len(besluitingen),
        ingetrokken=len(ingetrokken),
        open_aan_einde=open_aan_einde,
        doorlooptijd=_doorlooptijd(besluitingen),
        verdagingen=Verdaging.objects.filter(besloten_op__range=bereik).count(),
        opschortingen_verduidelijking=opschortingen.get(Opschortingssoort.VERDUIDELIJKING, 0),
        opschortingen_zienswijze=opschortingen.get(Opschortingssoort.ZIENSWIJZE, 0),
        ingebrekestellingen=Ingebrekestelling.objects.filter(ontvangen_op__range=bereik).count(),
        uitkomsten=_uitkomsten(besluiten),
        oordelen=oordelen,
        gronden=gronden,
        maanden=_per_maand(periode, ontvangen, besluitingen, ingetrokken),
    )
