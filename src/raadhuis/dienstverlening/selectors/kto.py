"""Reads for the satisfaction results: counts, report marks and agreement per Burgerpeiling code, in
total and per channel, product and team, and the latest screened comments. Formulas: docs/kto.md.

Three queries whatever the period: invitations and responses are each grouped once by (channel,
product, team) in the database; the groups hold only sums and counts, which add up exactly, so the
total and every breakdown are computed from them in Python."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from raadhuis.dienstverlening.models import Burgerpeilingkanaal, Klantcontact, Reactie, Screening, Uitnodiging
from raadhuis.dienstverlening.periode import Periode

MAX_OPMERKINGEN = 25
TEVREDEN_VANAF = 7  # a report mark of 7 or more counts as satisfied
EENS_VANAF = 4  # 4 eens, 5 helemaal eens


@dataclass(frozen=True)
class Vraag:
    code: str  # the Burgerpeiling code
    veld: str  # the Reactie field
    tekst: str | Promise
    hoogste: int  # 10 for a report mark, 5 for a statement


RAPPORTCIJFERS: tuple[Vraag, ...] = (
    Vraag("dv01", "dv01_rapportcijfer", _("Rapportcijfer dienstverlening"), 10),
    Vraag("dv06", "dv06_rapportcijfer_digitaal", _("Rapportcijfer digitale dienstverlening"), 10),
)
STELLINGEN: tuple[Vraag, ...] = (
    Vraag("dv05", "dv05_gemak", _("Het was gemakkelijk te regelen"), 5),
    Vraag("dv07", "dv07_doorlooptijd", _("De tijd die het kostte was redelijk"), 5),
    Vraag("dv07", "dv07_op_de_hoogte", _("Ik werd goed op de hoogte gehouden"), 5),
)
VRAGEN = RAPPORTCIJFERS + STELLINGEN


@dataclass(frozen=True)
class Rapportcijfer:
    code: str
    vraag: str
    aantal: int
    gemiddelde: Decimal | None  # one decimal
    tevreden_procent: Decimal | None  # share of marks >= 7, one decimal


@dataclass(frozen=True)
class Stelling:
    code: str
    veld: str
    vraag: str
    aantal: int
    gemiddelde: Decimal | None  # 1–5, one decimal
    eens_procent: Decimal | None  # share answering 4 or 5, one decimal


@dataclass(frozen=True)
class Uitkomst:
    """The figures of one group (the total, a channel, a product or a team)."""

    sleutel: str
    naam: str
    uitnodigingen: int  # sent in the period
    beantwoord: int  # of those, answered (at any time so far)
    respons_procent: Decimal | None
    reacties: int  # responses given in the period: the base of the scores
    rapportcijfers: tuple[Rapportcijfer, ...]
    stellingen: tuple[Stelling, ...]

    @property
    def dv01(self) -> Rapportcijfer:
        return self.rapportcijfers[0]

    @property
    def dv06(self) -> Rapportcijfer:
        return self.rapportcijfers[1]


@dataclass(frozen=True)
class Opmerking:
    beantwoord_op: datetime
    kanaal: str
    product: str
    tekst: str


@dataclass(frozen=True)
class KtoResultaten:
    periode: Periode
    totaal: Uitkomst
    per_kanaal: tuple[Uitkomst, ...]
    per_product: tuple[Uitkomst, ...]
    per_team: tuple[Uitkomst, ...]
    opmerkingen: tuple[Opmerking, ...]


@dataclass
class _Telling:
    """Additive counts and sums of one group, straight from the database."""

    uitnodigingen: int = 0
    beantwoord: int = 0
    reacties: int = 0
    sommen: dict[str, int] = field(default_factory=dict)
    aantallen: dict[str, int] = field(default_factory=dict)
    gunstig: dict[str, int] = field(default_factory=dict)  # >= 7 for marks, 4–5 for statements

    def optellen(self, ander: _Telling) -> None:
        self.uitnodigingen += ander.uitnodigingen
        self.beantwoord += ander.beantwoord
        self.reacties += ander.reacties
        for doel, bron in (
            (self.sommen, ander.sommen),
            (self.aantallen, ander.aantallen),
            (self.gunstig, ander.gunstig),
        ):
            for sleutel, waarde in bron.items():
                doel[sleutel] = doel.get(sleutel, 0) + waarde


Groep = tuple[str, int | None, int | None]  # kanaal, product_id, team_id


def _procent(deel: int, geheel: int) -> Decimal | None:
    if not geheel:
        return None
    return (Decimal(100 * deel) / Decimal(geheel)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _gemiddelde(som: int, aantal: int) -> Decimal | None:
    if not aantal:
        return None
    return (Decimal(som) / Decimal(aantal)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _uitkomst(sleutel: str, naam: str, telling: _Telling) -> Uitkomst:
    def aantal(veld: str) -> int:
        return telling.aantallen.get(veld, 0)

    return Uitkomst(
        sleutel=sleutel,
        naam=naam,
        uitnodigingen=telling.uitnodigingen,
        beantwoord=telling.beantwoord,
        respons_procent=_procent(telling.beantwoord, telling.uitnodigingen),
        reacties=telling.reacties,
        rapportcijfers=tuple(
            Rapportcijfer(
                code=vraag.code,
                vraag=str(vraag.tekst),
                aantal=aantal(vraag.veld),
                gemiddelde=_gemiddelde(telling.sommen.get(vraag.veld, 0), aantal(vraag.veld)),
                tevreden_procent=_procent(telling.gunstig.get(vraag.veld, 0), aantal(vraag.veld)),
            )
            for vraag in RAPPORTCIJFERS
        ),
        stellingen=tuple(
            Stelling(
                code=vraag.code,
                veld=vraag.veld,
                vraag=str(vraag.tekst),
                aantal=aantal(vraag.veld),
                gemiddelde=_gemiddelde(telling.sommen.get(vraag.veld, 0), aantal(vraag.veld)),
                eens_procent=_procent(telling.gunstig.get(vraag.veld, 0), aantal(vraag.veld)),
            )
            for vraag in STELLINGEN
        ),
    )


def _tellingen(periode: Periode) -> tuple[dict[Groep, _Telling], dict[int, str], dict[int, str]]:
    """Two grouped queries: invitations sent in the period (and how many were answered), and the
    responses given in the period with per question the sum, the count and the favourable count."""
    tellingen: dict[Groep, _Telling] = {}
    producten: dict[int, str] = {}
    teams: dict[int, str] = {}

    def groep(rij: dict[str, object]) -> _Telling:
        product_id, team_id = rij["product_id"], rij["team_id"]
        sleutel = (
            str(rij["kanaal"]),
            product_id if isinstance(product_id, int) else None,
            team_id if isinstance(team_id, int) else None,
        )
        if sleutel[1] is not None:
            producten[sleutel[1]] = str(rij["product__naam"])
        if sleutel[2] is not None:
            teams[sleutel[2]] = str(rij["team__naam"])
        return tellingen.setdefault(sleutel, _Telling())

    dimensies = ("kanaal", "product_id", "product__naam", "team_id", "team__naam")
    for rij in (
        Uitnodiging.objects.filter(aangemaakt_op__gte=periode.begin, aangemaakt_op__lt=periode.einde)
        .values(*dimensies)
        .annotate(aantal=Count("id"), beantwoord=Count("id", filter=Q(beantwoord_op__isnull=False)))
        .order_by()
    ):
        telling = groep(rij)
        telling.uitnodigingen += int(rij["aantal"])
        telling.beantwoord += int(rij["beantwoord"])

    aggregaten: dict[str, Count | Sum] = {"reacties": Count("id")}
    for vraag in VRAGEN:
        aggregaten[f"som_{vraag.veld}"] = Sum(vraag.veld)
        aggregaten[f"aantal_{vraag.veld}"] = Count(vraag.veld)
        drempel = TEVREDEN_VANAF if vraag.hoogste == 10 else EENS_VANAF
        aggregaten[f"gunstig_{vraag.veld}"] = Count("id", filter=Q(**{f"{vraag.veld}__gte": drempel}))
    for rij in (
        Reactie.objects.filter(beantwoord_op__gte=periode.begin, beantwoord_op__lt=periode.einde)
        .values(*dimensies)
        .annotate(**aggregaten)
        .order_by()
    ):
        telling = groep(rij)
        telling.reacties += int(rij["reacties"])
        for vraag in VRAGEN:
            telling.sommen[vraag.veld] = int(rij[f"som_{vraag.veld}"] or 0)
            telling.aantallen[vraag.veld] = int(rij[f"aantal_{vraag.veld}"])
            telling.gunstig[vraag.veld] = int(rij[f"gunstig_{vraag.veld}"])
    return tellingen, producten, teams


def _per(
    tellingen: dict[Groep, _Telling],
    sleutel_van: Callable[[Groep], str | int | None],
    naam_van: Callable[[str | int | None], str],
    volgorde: Iterable[str | int | None] | None = None,
) -> tuple[Uitkomst, ...]:
    samen: dict[str | int | None, _Telling] = {}
    for groep, telling in tellingen.items():
        samen.setdefault(sleutel_van(groep), _Telling()).optellen(telling)
    sleutels = [s for s in volgorde if s in samen] if volgorde is not None else list(samen)
    uitkomsten = [_uitkomst("" if s is None else str(s), naam_van(s), samen[s]) for s in sleutels]
    if volgorde is None:
        uitkomsten.sort(key=lambda u: (u.sleutel == "", u.naam.lower()))
    return tuple(uitkomsten)


def kto_resultaten(*, periode: Periode) -> KtoResultaten:
    """The satisfaction figures of a period: invitations by the day they were sent, responses and
    comments by the day they were given. Comments only once screened for personal data."""
    tellingen, producten, teams = _tellingen(periode)
    totaal = _Telling()
    for telling in tellingen.values():
        totaal.optellen(telling)
    zonder = str(_("(geen)"))
    kanaalnamen = dict(Burgerpeilingkanaal.choices)
    return KtoResultaten(
        periode=periode,
        totaal=_uitkomst("", str(_("Totaal")), totaal),
        per_kanaal=_per(
            tellingen,
            lambda g: g[0],
            lambda s: str(kanaalnamen.get(str(s), s)),
            volgorde=Burgerpeilingkanaal.values,
        ),
        per_product=_per(
            tellingen, lambda g: g[1], lambda s: producten.get(s, zonder) if isinstance(s, int) else zonder
        ),
        per_team=_per(
            tellingen, lambda g: g[2], lambda s: teams.get(s, zonder) if isinstance(s, int) else zonder
        ),
        opmerkingen=gescreende_opmerkingen(periode=periode),
    )


def gescreende_opmerkingen(*, periode: Periode, aantal: int = MAX_OPMERKINGEN) -> tuple[Opmerking, ...]:
    """The latest comments of the period, screened for personal data; a comment still waiting for
    its screening is never shown (its raw text is not even read)."""
    kanaalnamen = dict(Burgerpeilingkanaal.choices)
    rijen = (
        Reactie.objects.filter(
            beantwoord_op__gte=periode.begin,
            beantwoord_op__lt=periode.einde,
            screening=Screening.GESCREEND,
        )
        .exclude(opmerking_gescreend="")
        .select_related("product")
        .only("beantwoord_op", "kanaal", "opmerking_gescreend", "product__naam")
        .order_by("-beantwoord_op", "-id")[:aantal]
    )
    return tuple(
        Opmerking(
            beantwoord_op=rij.beantwoord_op,
            kanaal=str(kanaalnamen.get(rij.kanaal, rij.kanaal)),
            product=rij.product.naam if rij.product else "",
            tekst=rij.opmerking_gescreend,
        )
        for rij in rijen
    )


def klantcontact_voor_uitnodiging(pk: int) -> Klantcontact | None:
    """The contact a desk invitation is made for, with what the page shows of it."""
    return Klantcontact.objects.select_related("product").filter(pk=pk).first()
