"""The managers' monitoring dashboard: every KPI of docs/monitoring.md for a period and the one before
it, computed in a fixed number of grouped queries (histograms, not rows) so it scales to a million
cases. Definitions follow shared/domain/dienstverlening.md section 3 (VNG, Open Klant, Burgerpeiling)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import (
    Case,
    Count,
    F,
    Func,
    IntegerField,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.core.termijnen import Termijn
from raadhuis.dienstverlening.models import (
    DIGITALE_CONTACTKANALEN,
    Afspraak,
    Afspraakstatus,
    Burgerpeilingkanaal,
    Contactkanaal,
    Kanaal,
    Klantcontact,
    Reactie,
    Taakstatus,
    Terugbelverzoek,
    Zaak,
    Zaaktype,
)
from raadhuis.dienstverlening.periode import Periode

Getal = int | Decimal

# VNG kwaliteitshandvest (gemeente.nu; dienstverlening.md section 3): a visitor waits at most 15 minutes.
WACHTNORM_MINUTEN = 15
# Burgerpeiling dv01 is a Dutch report mark: 6 is "voldoende", 7 or more a satisfied respondent.
VOLDOENDE_CIJFER = 7
# Age classes of open cases in days since startdatum: (from, up to and including; None is open-ended).
LEEFTIJDSKLASSEN: tuple[tuple[int, int | None], ...] = ((0, 7), (8, 30), (31, 90), (91, None))

HUIDIG = 1
VORIG = 0


# -- Figures --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cijfer:
    """A figure for the period and the same figure for the period before; None when undefined
    (a share of nothing, a median of no cases)."""

    huidig: Getal | None
    vorig: Getal | None

    @property
    def verschil(self) -> Getal | None:
        if self.huidig is None or self.vorig is None:
            return None
        return self.huidig - self.vorig

    @property
    def richting(self) -> str:
        """ "hoger", "lager" or "gelijk" than the previous period; "" when either is unknown."""
        verschil = self.verschil
        if verschil is None:
            return ""
        return "hoger" if verschil > 0 else "lager" if verschil < 0 else "gelijk"


def aandeel(deel: int, geheel: int) -> Decimal | None:
    """A percentage with one decimal (half up); None for a share of nothing."""
    if not geheel:
        return None
    return (Decimal(100 * deel) / Decimal(geheel)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def gemiddelde(som: int, aantal: int) -> Decimal | None:
    if not aantal:
        return None
    return (Decimal(som) / Decimal(aantal)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def percentiel(histogram: Mapping[int, int], p: int) -> int | None:
    """The p-th percentile by the nearest-rank method: the smallest value with at least p % of the
    observations at or below it (rank ⌈p·N/100⌉). Always a value that occurred; the median is P50,
    so with an even count it is the lower of the two middle values."""
    totaal = sum(histogram.values())
    if totaal == 0:
        return None
    rang = -(-p * totaal // 100)
    gezien = 0
    for waarde in sorted(histogram):
        gezien += histogram[waarde]
        if gezien >= rang:
            return waarde
    raise AssertionError("unreachable: the ranks add up to the total")


def _aantal(tellingen: Mapping[int, int]) -> Cijfer:
    return Cijfer(huidig=tellingen.get(HUIDIG, 0), vorig=tellingen.get(VORIG, 0))


def _aandeel(delen: Mapping[int, int], gehelen: Mapping[int, int]) -> Cijfer:
    return Cijfer(
        huidig=aandeel(delen.get(HUIDIG, 0), gehelen.get(HUIDIG, 0)),
        vorig=aandeel(delen.get(VORIG, 0), gehelen.get(VORIG, 0)),
    )


def _percentiel(histogrammen: Mapping[int, Mapping[int, int]], p: int) -> Cijfer:
    return Cijfer(
        huidig=percentiel(histogrammen.get(HUIDIG, {}), p), vorig=percentiel(histogrammen.get(VORIG, {}), p)
    )


# -- Database functions ---------------------------------------------------------------------------


class _Verschil(Func):
    """The difference of two dates or moments as a whole number; PostgreSQL subtracts them itself,
    SQLite through Julian day numbers (`sqlite_template`)."""

    arity = 2
    output_field = IntegerField()
    arg_joiner = " - "
    sqlite_template = ""

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, tuple[str | int, ...]]:
        return self.as_sql(
            compiler,
            connection,
            template=self.sqlite_template,
            arg_joiner=") - julianday(",
            **extra_context,
        )


class _Dagen(_Verschil):
    """Whole calendar days from the second date to the first (PostgreSQL: date minus date is an
    integer; SQLite: the difference of Julian day numbers)."""

    template = "(%(expressions)s)"
    sqlite_template = "CAST(ROUND(julianday(%(expressions)s)) AS INTEGER)"


class _Minuten(_Verschil):
    """Begun minutes from the second moment to the first: the seconds rounded, then rounded up to
    a whole minute, so "within 15 minutes" is exactly "at most 900 seconds"."""

    template = "((CAST(ROUND(EXTRACT(EPOCH FROM (%(expressions)s))) AS INTEGER) + 59) / 60)"
    sqlite_template = "((CAST(ROUND((julianday(%(expressions)s)) * 86400) AS INTEGER) + 59) / 60)"


def _in_periode_datum(veld: str, periode: Periode) -> Case:
    """1 for a date in the period, 0 for one in the period before (the query only reads those two)."""
    return Case(
        When(**{f"{veld}__gte": periode.van}, then=Value(HUIDIG)),
        default=Value(VORIG),
        output_field=IntegerField(),
    )


def _in_periode_moment(veld: str, periode: Periode) -> Case:
    return Case(
        When(**{f"{veld}__gte": periode.begin}, then=Value(HUIDIG)),
        default=Value(VORIG),
        output_field=IntegerField(),
    )


# -- The dashboard's parts ------------------------------------------------------------------------


@dataclass(frozen=True)
class Kanaalverdeling:
    """Cases registered in the period for one product, per Kanaal (in `Kanaalmix.kanalen` order)."""

    naam: str
    aantallen: tuple[Cijfer, ...]
    totaal: Cijfer
    digitaal_aandeel: Cijfer


@dataclass(frozen=True)
class Kanaalmix:
    kanalen: tuple[tuple[str, str], ...]
    producten: tuple[Kanaalverdeling, ...]
    totaal: Kanaalverdeling


@dataclass(frozen=True)
class Contactkanaalcijfers:
    """Contacts on one channel; first-contact resolution among those without a case."""

    kanaal: str
    naam: str
    digitaal: bool
    aantal: Cijfer
    zonder_zaak: Cijfer
    opgelost: Cijfer
    eerste_contact_opgelost: Cijfer


@dataclass(frozen=True)
class Klantcontacten:
    kanalen: tuple[Contactkanaalcijfers, ...]
    totaal: Contactkanaalcijfers
    digitaal_aandeel: Cijfer


@dataclass(frozen=True)
class Doorlooptijd:
    """Lead time in calendar days of cases closed in the period, against the legal term and the
    service norm (`binnen_servicenorm` is None for zaaktypen without one)."""

    naam: str
    wettelijke_termijn: Termijn | None
    servicenorm: Termijn | None
    afgesloten: Cijfer
    mediaan: Cijfer
    p90: Cijfer
    op_tijd: Cijfer
    met_servicenorm: Cijfer
    binnen_servicenorm: Cijfer


@dataclass(frozen=True)
class Doorlooptijden:
    zaaktypen: tuple[Doorlooptijd, ...]
    totaal: Doorlooptijd


@dataclass(frozen=True)
class Leeftijdsklasse:
    van: int
    tot: int | None
    aantal: Cijfer


@dataclass(frozen=True)
class Werkvoorraad:
    """Incoming and closed in the period; open at its end by age, and how many of those are past
    their latest legal end date."""

    instroom: Cijfer
    uitstroom: Cijfer
    open: Cijfer
    leeftijd: tuple[Leeftijdsklasse, ...]
    over_termijn: Cijfer


@dataclass(frozen=True)
class Afspraken:
    afgerond: Cijfer
    niet_verschenen: Cijfer
    no_show: Cijfer
    gemeten: Cijfer
    wachttijd_mediaan: Cijfer
    binnen_wachtnorm: Cijfer


@dataclass(frozen=True)
class Tevredenheidsrij:
    naam: str
    reacties: Cijfer
    gemiddelde: Cijfer
    voldoende: Cijfer


@dataclass(frozen=True)
class Tevredenheid:
    totaal: Tevredenheidsrij
    per_kanaal: tuple[Tevredenheidsrij, ...]
    per_product: tuple[Tevredenheidsrij, ...]
    per_team: tuple[Tevredenheidsrij, ...]


@dataclass(frozen=True)
class Terugbelverzoeken:
    """Callbacks (Open Klant InterneTaak). `open`/`open_te_laat` are counted at the end of the
    period or now, whichever is earlier; the lead time is afgehandeld_op − toegewezen_op in hours."""

    nieuw: Cijfer
    afgehandeld: Cijfer
    open: Cijfer
    open_te_laat: Cijfer
    te_laat_afgehandeld: Cijfer
    te_laat: Cijfer
    doorlooptijd_mediaan_uren: Cijfer


@dataclass(frozen=True)
class Dashboard:
    periode: Periode
    vorige: Periode
    kanaalmix: Kanaalmix
    klantcontacten: Klantcontacten
    doorlooptijden: Doorlooptijden
    werkvoorraad: Werkvoorraad
    afspraken: Afspraken
    tevredenheid: Tevredenheid
    terugbelverzoeken: Terugbelverzoeken


# -- Queries --------------------------------------------------------------------------------------


def _kanaalmix(periode: Periode, vorige: Periode) -> Kanaalmix:
    """Query 1: cases registered per product and Kanaal in both periods."""
    rijen = (
        Zaak.objects.filter(registratiedatum__gte=vorige.van, registratiedatum__lte=periode.tot)
        .annotate(p=_in_periode_datum("registratiedatum", periode))
        .values("p", "product_id", "product__naam", "kanaal")
        .annotate(n=Count("id"))
        .order_by()
    )
    kanalen = tuple((str(kanaal.value), str(kanaal.label)) for kanaal in Kanaal)
    namen: dict[int | None, str] = {}
    tellingen: dict[int | None, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    for rij in rijen:
        namen[rij["product_id"]] = rij["product__naam"] or _("(zonder product)")
        tellingen[rij["product_id"]][rij["kanaal"]][rij["p"]] = rij["n"]

    def verdeling(naam: str, per_kanaal: Mapping[str, Mapping[int, int]]) -> Kanaalverdeling:
        totaal = {p: sum(per_kanaal.get(k, {}).get(p, 0) for k, _l in kanalen) for p in (HUIDIG, VORIG)}
        return Kanaalverdeling(
            naam=naam,
            aantallen=tuple(_aantal(per_kanaal.get(k, {})) for k, _l in kanalen),
            totaal=_aantal(totaal),
            digitaal_aandeel=_aandeel(per_kanaal.get(Kanaal.DIGITAAL, {}), totaal),
        )

    alles: dict[str, dict[int, int]] = defaultdict(dict)
    for per_kanaal in tellingen.values():
        for kanaal, per_periode in per_kanaal.items():
            for p, n in per_periode.items():
                alles[kanaal][p] = alles[kanaal].get(p, 0) + n
    producten = sorted(
        (verdeling(namen[pk], per_kanaal) for pk, per_kanaal in tellingen.items()), key=lambda v: v.naam
    )
    return Kanaalmix(
        kanalen=kanalen, producten=tuple(producten), totaal=verdeling(_("Alle producten"), alles)
    )


def _klantcontacten(periode: Periode, vorige: Periode) -> Klantcontacten:
    """Query 2: contacts per channel; first-contact resolution among those without a linked case:
    resolved at once and no callback (Open Klant: indicatieContactGelukt, no InterneTaak)."""
    zonder_zaak = Q(zaak__isnull=True)
    # NOT IN over the callbacks of the two periods is one hashed set (PostgreSQL) or one temporary
    # index (SQLite); a correlated EXISTS probed per contact was 0.8 s at 500,000 contacts. A callback
    # is never assigned before its contact took place, so the earlier callbacks cannot matter.
    teruggebeld = Terugbelverzoek.objects.filter(toegewezen_op__gte=vorige.begin).values("klantcontact_id")
    rijen = (
        Klantcontact.objects.filter(plaatsgevonden_op__gte=vorige.begin, plaatsgevonden_op__lt=periode.einde)
        .annotate(p=_in_periode_moment("plaatsgevonden_op", periode))
        .values("p", "kanaal")
        .annotate(
            n=Count("id"),
            zonder_zaak=Count("id", filter=zonder_zaak),
            opgelost=Count(
                "id", filter=zonder_zaak & Q(opgelost_in_eerste_contact=True) & ~Q(pk__in=teruggebeld)
            ),
        )
        .order_by()
    )
    tellingen: dict[str, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    for rij in rijen:
        for sleutel in ("n", "zonder_zaak", "opgelost"):
            tellingen[rij["kanaal"]][sleutel][rij["p"]] = rij[sleutel]

    def cijfers(
        kanaal: str, naam: str, digitaal: bool, per: Mapping[str, Mapping[int, int]]
    ) -> Contactkanaalcijfers:
        return Contactkanaalcijfers(
            kanaal=kanaal,
            naam=naam,
            digitaal=digitaal,
            aantal=_aantal(per.get("n", {})),
            zonder_zaak=_aantal(per.get("zonder_zaak", {})),
            opgelost=_aantal(per.get("opgelost", {})),
            eerste_contact_opgelost=_aandeel(per.get("opgelost", {}), per.get("zonder_zaak", {})),
        )

    kanalen = tuple(
        cijfers(str(k.value), str(k.label), k in DIGITALE_CONTACTKANALEN, tellingen.get(k.value, {}))
        for k in Contactkanaal
    )
    som: dict[str, dict[int, int]] = {
        sleutel: {
            p: sum(per.get(sleutel, {}).get(p, 0) for per in tellingen.values()) for p in (HUIDIG, VORIG)
        }
        for sleutel in ("n", "zonder_zaak", "opgelost")
    }
    digitaal = {
        p: sum(per.get("n", {}).get(p, 0) for k, per in tellingen.items() if k in DIGITALE_CONTACTKANALEN)
        for p in (HUIDIG, VORIG)
    }
    return Klantcontacten(
        kanalen=kanalen,
        totaal=cijfers("", _("Alle kanalen"), False, som),
        digitaal_aandeel=_aandeel(digitaal, som["n"]),
    )


@dataclass
class _Histogram:
    """Per period: lead time in days -> cases, and the counts on time and within the norm."""

    dagen: dict[int, dict[int, int]]
    op_tijd: dict[int, int]
    binnen_norm: dict[int, int]

    @classmethod
    def leeg(cls) -> _Histogram:
        return cls(dagen={HUIDIG: {}, VORIG: {}}, op_tijd={}, binnen_norm={})

    def optellen(self, p: int, dagen: int, n: int, op_tijd: int, binnen_norm: int) -> None:
        self.dagen[p][dagen] = self.dagen[p].get(dagen, 0) + n
        self.op_tijd[p] = self.op_tijd.get(p, 0) + op_tijd
        self.binnen_norm[p] = self.binnen_norm.get(p, 0) + binnen_norm

    def aantal(self, p: int) -> int:
        return sum(self.dagen[p].values())


def _doorlooptijden(periode: Periode, vorige: Periode) -> Doorlooptijden:
    """Queries 3 and 4: the zaaktypen (names and terms), and the histogram of lead times of the cases
    closed in both periods per zaaktype. The service-norm date is `einddatum_gepland`: zaak_aanmaken
    sets it from startdatum with the zaaktype's servicenorm (services.zaken.geplande_data)."""
    zaaktypen = {zaaktype.pk: zaaktype for zaaktype in Zaaktype.objects.order_by("omschrijving", "id")}
    rijen = (
        Zaak.objects.filter(einddatum__gte=vorige.van, einddatum__lte=periode.tot)
        .annotate(p=_in_periode_datum("einddatum", periode), dagen=_Dagen("einddatum", "startdatum"))
        .values("p", "zaaktype_id", "dagen")
        .annotate(
            n=Count("id"),
            op_tijd=Count("id", filter=Q(einddatum__lte=F("uiterlijke_einddatum_afdoening"))),
            binnen_norm=Count("id", filter=Q(einddatum__lte=F("einddatum_gepland"))),
        )
        .order_by()
    )
    per_zaaktype: dict[int, _Histogram] = defaultdict(_Histogram.leeg)
    for rij in rijen:
        per_zaaktype[rij["zaaktype_id"]].optellen(
            rij["p"], rij["dagen"], rij["n"], rij["op_tijd"], rij["binnen_norm"]
        )

    alles = _Histogram.leeg()
    met_norm = _Histogram.leeg()
    for pk, histogram in per_zaaktype.items():
        heeft_norm = zaaktypen[pk].servicenorm is not None
        for p in (HUIDIG, VORIG):
            for dagen, n in histogram.dagen[p].items():
                alles.optellen(p, dagen, n, 0, 0)
                if heeft_norm:
                    met_norm.optellen(p, dagen, n, 0, 0)
            alles.op_tijd[p] = alles.op_tijd.get(p, 0) + histogram.op_tijd.get(p, 0)
            if heeft_norm:
                met_norm.binnen_norm[p] = met_norm.binnen_norm.get(p, 0) + histogram.binnen_norm.get(p, 0)

    def regel(
        naam: str,
        histogram: _Histogram,
        *,
        termijn: Termijn | None,
        servicenorm: Termijn | None,
        norm: _Histogram | None,
    ) -> Doorlooptijd:
        afgesloten = {p: histogram.aantal(p) for p in (HUIDIG, VORIG)}
        gemeten = {p: norm.aantal(p) for p in (HUIDIG, VORIG)} if norm else {}
        return Doorlooptijd(
            naam=naam,
            wettelijke_termijn=termijn,
            servicenorm=servicenorm,
            afgesloten=_aantal(afgesloten),
            mediaan=_percentiel(histogram.dagen, 50),
            p90=_percentiel(histogram.dagen, 90),
            op_tijd=_aandeel(histogram.op_tijd, afgesloten),
            met_servicenorm=_aantal(gemeten),
            binnen_servicenorm=_aandeel(norm.binnen_norm, gemeten) if norm else Cijfer(None, None),
        )

    regels = []
    for pk, zaaktype in zaaktypen.items():
        if pk not in per_zaaktype:
            continue
        histogram = per_zaaktype[pk]
        norm = zaaktype.servicenorm
        regels.append(
            regel(
                zaaktype.omschrijving,
                histogram,
                termijn=zaaktype.doorlooptijd,
                servicenorm=norm,
                norm=histogram if norm else None,
            )
        )
    return Doorlooptijden(
        zaaktypen=tuple(regels),
        totaal=regel(_("Alle zaaktypen"), alles, termijn=None, servicenorm=None, norm=met_norm),
    )


def _leeftijdsfilter(tot: date, van_dagen: int, tot_dagen: int | None) -> Q:
    filter = Q(startdatum__lte=tot - timedelta(days=van_dagen))
    if tot_dagen is not None:
        filter &= Q(startdatum__gte=tot - timedelta(days=tot_dagen))
    return filter


def _werkvoorraad(periode: Periode, vorige: Periode, instroom: Cijfer, uitstroom: Cijfer) -> Werkvoorraad:
    """Query 5: the cases open at the end of each period (started by then, not closed by then) by age
    in days since startdatum, and those past uiterlijke_einddatum_afdoening."""
    tellers: dict[str, Count] = {}
    for p, einde in ((HUIDIG, periode.tot), (VORIG, vorige.tot)):
        open_op = Q(startdatum__lte=einde) & (Q(einddatum__isnull=True) | Q(einddatum__gt=einde))
        tellers[f"open_{p}"] = Count("id", filter=open_op)
        tellers[f"over_{p}"] = Count("id", filter=open_op & Q(uiterlijke_einddatum_afdoening__lt=einde))
        for i, (van, tot) in enumerate(LEEFTIJDSKLASSEN):
            tellers[f"klasse_{i}_{p}"] = Count("id", filter=open_op & _leeftijdsfilter(einde, van, tot))
    uitkomst = (
        Zaak.objects.filter(startdatum__lte=periode.tot)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gt=vorige.tot))
        .aggregate(**tellers)
    )

    def telling(sleutel: str) -> Cijfer:
        return Cijfer(huidig=uitkomst[f"{sleutel}_{HUIDIG}"], vorig=uitkomst[f"{sleutel}_{VORIG}"])

    return Werkvoorraad(
        instroom=instroom,
        uitstroom=uitstroom,
        open=telling("open"),
        leeftijd=tuple(
            Leeftijdsklasse(van=van, tot=tot, aantal=telling(f"klasse_{i}"))
            for i, (van, tot) in enumerate(LEEFTIJDSKLASSEN)
        ),
        over_termijn=telling("over"),
    )


def _afspraken(periode: Periode, vorige: Periode) -> Afspraken:
    """Query 6: appointments starting in both periods: done and no-show counts, and the histogram of
    waiting times at the desk (opgeroepen_op − aangemeld_op in begun minutes) of those called."""
    rijen = (
        Afspraak.objects.filter(start__gte=vorige.begin, start__lt=periode.einde)
        .filter(
            Q(status__in=[Afspraakstatus.AFGEROND, Afspraakstatus.NIET_VERSCHENEN])
            | Q(opgeroepen_op__isnull=False)
        )
        .annotate(p=_in_periode_moment("start", periode), wacht=_Minuten("opgeroepen_op", "aangemeld_op"))
        .values("p", "status", "wacht")
        .annotate(n=Count("id"))
        .order_by()
    )
    afgerond: dict[int, int] = {}
    weggebleven: dict[int, int] = {}
    wachttijden: dict[int, dict[int, int]] = {HUIDIG: {}, VORIG: {}}
    for rij in rijen:
        p, n = rij["p"], rij["n"]
        if rij["status"] == Afspraakstatus.AFGEROND:
            afgerond[p] = afgerond.get(p, 0) + n
        elif rij["status"] == Afspraakstatus.NIET_VERSCHENEN:
            weggebleven[p] = weggebleven.get(p, 0) + n
        if rij["wacht"] is not None:
            wachttijden[p][rij["wacht"]] = wachttijden[p].get(rij["wacht"], 0) + n
    gemeten = {p: sum(histogram.values()) for p, histogram in wachttijden.items()}
    binnen = {
        p: sum(n for minuten, n in histogram.items() if minuten <= WACHTNORM_MINUTEN)
        for p, histogram in wachttijden.items()
    }
    afgehandeld = {p: afgerond.get(p, 0) + weggebleven.get(p, 0) for p in (HUIDIG, VORIG)}
    return Afspraken(
        afgerond=_aantal(afgerond),
        niet_verschenen=_aantal(weggebleven),
        no_show=_aandeel(weggebleven, afgehandeld),
        gemeten=_aantal(gemeten),
        wachttijd_mediaan=_percentiel(wachttijden, 50),
        binnen_wachtnorm=_aandeel(binnen, gemeten),
    )


@dataclass
class _Scores:
    aantal: dict[int, int]
    som: dict[int, int]
    voldoende: dict[int, int]

    @classmethod
    def leeg(cls) -> _Scores:
        return cls(aantal={}, som={}, voldoende={})

    def optellen(self, p: int, aantal: int, som: int, voldoende: int) -> None:
        self.aantal[p] = self.aantal.get(p, 0) + aantal
        self.som[p] = self.som.get(p, 0) + som
        self.voldoende[p] = self.voldoende.get(p, 0) + voldoende

    def rij(self, naam: str) -> Tevredenheidsrij:
        return Tevredenheidsrij(
            naam=naam,
            reacties=_aantal(self.aantal),
            gemiddelde=Cijfer(
                huidig=gemiddelde(self.som.get(HUIDIG, 0), self.aantal.get(HUIDIG, 0)),
                vorig=gemiddelde(self.som.get(VORIG, 0), self.aantal.get(VORIG, 0)),
            ),
            voldoende=_aandeel(self.voldoende, self.aantal),
        )


def _tevredenheid(periode: Periode, vorige: Periode) -> Tevredenheid:
    """Query 7: responses in both periods grouped by channel, product and team at once; the three
    breakdowns are sums over that small grouping (the mean from sums and counts)."""
    rijen = (
        Reactie.objects.filter(beantwoord_op__gte=vorige.begin, beantwoord_op__lt=periode.einde)
        .annotate(p=_in_periode_moment("beantwoord_op", periode))
        .values("p", "kanaal", "product_id", "product__naam", "team_id", "team__naam")
        .annotate(
            n=Count("id"),
            som=Sum("dv01_rapportcijfer"),
            voldoende=Count("id", filter=Q(dv01_rapportcijfer__gte=VOLDOENDE_CIJFER)),
        )
        .order_by()
    )
    totaal = _Scores.leeg()
    kanalen: dict[str, _Scores] = defaultdict(_Scores.leeg)
    producten: dict[tuple[str, int], _Scores] = defaultdict(_Scores.leeg)
    teams: dict[tuple[str, int], _Scores] = defaultdict(_Scores.leeg)
    for rij in rijen:
        waarden = (rij["p"], rij["n"], rij["som"] or 0, rij["voldoende"])
        totaal.optellen(*waarden)
        kanalen[rij["kanaal"]].optellen(*waarden)
        producten[(rij["product__naam"] or _("(zonder product)"), rij["product_id"] or 0)].optellen(*waarden)
        teams[(rij["team__naam"] or _("(zonder team)"), rij["team_id"] or 0)].optellen(*waarden)
    labels = dict(Burgerpeilingkanaal.choices)
    return Tevredenheid(
        totaal=totaal.rij(_("Alle reacties")),
        per_kanaal=tuple(kanalen[k].rij(str(labels[k])) for k in Burgerpeilingkanaal.values if k in kanalen),
        per_product=tuple(producten[sleutel].rij(sleutel[0]) for sleutel in sorted(producten)),
        per_team=tuple(teams[sleutel].rij(sleutel[0]) for sleutel in sorted(teams)),
    )


def _terugbelverzoeken(periode: Periode, vorige: Periode, nu: datetime) -> Terugbelverzoeken:
    """Queries 8 and 9: callback counts, and the histogram of lead times of those handled in both
    periods. "Open" is counted at the period's end or now, whichever is earlier, so a callback due
    later today is not yet late."""
    tellers: dict[str, Count] = {}
    for p, deel in ((HUIDIG, periode), (VORIG, vorige)):
        moment = min(deel.einde, nu)
        afgehandeld = Q(afgehandeld_op__gte=deel.begin, afgehandeld_op__lt=deel.einde)
        open_op = Q(toegewezen_op__lt=moment) & (
            Q(afgehandeld_op__isnull=True) | Q(afgehandeld_op__gte=moment)
        )
        tellers[f"nieuw_{p}"] = Count(
            "id", filter=Q(toegewezen_op__gte=deel.begin, toegewezen_op__lt=deel.einde)
        )
        tellers[f"afgehandeld_{p}"] = Count("id", filter=afgehandeld)
        tellers[f"open_{p}"] = Count("id", filter=open_op)
        tellers[f"open_te_laat_{p}"] = Count("id", filter=open_op & Q(deadline__lt=moment))
        tellers[f"te_laat_afgehandeld_{p}"] = Count(
            "id", filter=afgehandeld & Q(afgehandeld_op__gt=F("deadline"))
        )
    uitkomst = (
        Terugbelverzoek.objects.filter(toegewezen_op__lt=periode.einde)
        .filter(
            Q(status=Taakstatus.TE_VERWERKEN)
            | Q(afgehandeld_op__gte=vorige.begin)
            | Q(toegewezen_op__gte=vorige.begin)
        )
        .aggregate(**tellers)
    )
    rijen = (
        Terugbelverzoek.objects.filter(afgehandeld_op__gte=vorige.begin, afgehandeld_op__lt=periode.einde)
        .annotate(
            p=_in_periode_moment("afgehandeld_op", periode),
            minuten=_Minuten("afgehandeld_op", "toegewezen_op"),
        )
        .values("p", "minuten")
        .annotate(n=Count("id"))
        .order_by()
    )
    minuten: dict[int, dict[int, int]] = {HUIDIG: {}, VORIG: {}}
    for rij in rijen:
        minuten[rij["p"]][rij["minuten"]] = rij["n"]

    def telling(sleutel: str) -> Cijfer:
        return Cijfer(huidig=uitkomst[f"{sleutel}_{HUIDIG}"], vorig=uitkomst[f"{sleutel}_{VORIG}"])

    def uren(waarde: int | None) -> Decimal | None:
        if waarde is None:
            return None
        return (Decimal(waarde) / 60).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    mediaan = _percentiel(minuten, 50)
    te_laat = {
        p: uitkomst[f"open_te_laat_{p}"] + uitkomst[f"te_laat_afgehandeld_{p}"] for p in (HUIDIG, VORIG)
    }
    return Terugbelverzoeken(
        nieuw=telling("nieuw"),
        afgehandeld=telling("afgehandeld"),
        open=telling("open"),
        open_te_laat=telling("open_te_laat"),
        te_laat_afgehandeld=telling("te_laat_afgehandeld"),
        te_laat=_aantal(te_laat),
        doorlooptijd_mediaan_uren=Cijfer(
            huidig=uren(mediaan.huidig if isinstance(mediaan.huidig, int) else None),
            vorig=uren(mediaan.vorig if isinstance(mediaan.vorig, int) else None),
        ),
    )


def dashboard(*, periode: Periode) -> Dashboard:
    """Every figure of the monitoring dashboard for `periode` and `periode.vorige`, in nine queries
    whatever the amount of data (docs/monitoring.md defines each figure)."""
    vorige = periode.vorige
    kanaalmix = _kanaalmix(periode, vorige)
    doorlooptijden = _doorlooptijden(periode, vorige)
    return Dashboard(
        periode=periode,
        vorige=vorige,
        kanaalmix=kanaalmix,
        klantcontacten=_klantcontacten(periode, vorige),
        doorlooptijden=doorlooptijden,
        werkvoorraad=_werkvoorraad(
            periode, vorige, instroom=kanaalmix.totaal.totaal, uitstroom=doorlooptijden.totaal.afgesloten
        ),
        afspraken=_afspraken(periode, vorige),
        tevredenheid=_tevredenheid(periode, vorige),
        terugbelverzoeken=_terugbelverzoeken(periode, vorige, timezone.now()),
    )
