"""Legal deadline engine: periods, Algemene termijnenwet (Atw) holidays and rules, suspension, extension."""

from __future__ import annotations

import calendar
import enum
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

__all__ = [
    "GELIJKGESTELDE_DAGEN",
    "Eenheid",
    "Termijn",
    "Uitkomst",
    "bereken_termijn",
    "datum_nl",
    "feestdagen",
    "is_feestdag",
    "is_werkdag",
    "paaszondag",
    "volgende_werkdag",
]

# Texts come out in the active language (Dutch by default): the Dutch msgids are the legal wording.

# Days equated with a holiday by royal decree under Atw art. 3 lid 3 ("Besluit gelijkstelling ...",
# Staatscourant), as listed in shared/domain/woo.md. The 2020–2022 decree is missing there (verify).
# Callers pass these (or newer ones) as `extra_feestdagen`; the engine itself treats them as data.
GELIJKGESTELDE_DAGEN: frozenset[date] = frozenset(
    {
        date(2017, 4, 28),
        date(2017, 5, 26),
        date(2018, 5, 11),
        date(2018, 12, 24),
        date(2018, 12, 31),
        date(2019, 5, 31),
        date(2019, 12, 27),
        date(2023, 4, 28),
        date(2023, 5, 19),
        date(2024, 5, 10),
        date(2024, 12, 27),
        date(2025, 5, 30),
        date(2026, 1, 2),
        date(2026, 5, 15),
        date(2027, 5, 7),
        date(2028, 4, 28),
        date(2028, 5, 26),
    }
)


class Eenheid(enum.StrEnum):
    DAGEN = "dagen"
    WEKEN = "weken"
    MAANDEN = "maanden"
    WERKDAGEN = "werkdagen"


def _duur(aantal: int, eenheid: Eenheid) -> str:
    if eenheid is Eenheid.DAGEN:
        tekst = ngettext("%(aantal)s dag", "%(aantal)s dagen", aantal)
    elif eenheid is Eenheid.WEKEN:
        tekst = ngettext("%(aantal)s week", "%(aantal)s weken", aantal)
    elif eenheid is Eenheid.MAANDEN:
        tekst = ngettext("%(aantal)s maand", "%(aantal)s maanden", aantal)
    else:
        tekst = ngettext("%(aantal)s werkdag", "%(aantal)s werkdagen", aantal)
    return tekst % {"aantal": aantal}


@dataclass(frozen=True)
class Termijn:
    """A period such as "4 weken" or "5 werkdagen"; `aantal` is at least 1."""

    aantal: int
    eenheid: Eenheid

    def __post_init__(self) -> None:
        if self.aantal < 1:
            raise ValueError("Een termijn duurt ten minste 1 eenheid.")

    def __str__(self) -> str:
        return _duur(self.aantal, self.eenheid)


@dataclass(frozen=True)
class Uitkomst:
    """The computed end date (the last day on which one can still act) with its explanation, in the
    active language (the Dutch texts are the legal wording)."""

    einddatum: date
    uitleg: list[str] = field(default_factory=list)


def datum_nl(d: date, *, weekdag: bool = False) -> str:
    """A date as in a Dutch decision ("30 mei 2024", "vrijdag 31 mei 2024"), in the active language
    (Django's own month and day names; "31 May 2024" in English). Independent of number formats."""
    tekst = f"{d.day} {MONTHS[d.month]} {d.year}"
    return f"{WEEKDAYS[d.weekday()]} {tekst}" if weekdag else tekst


def paaszondag(jaar: int) -> date:
    """Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lv = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lv) // 451
    maand, dag = divmod(h + lv - 7 * m + 114, 31)
    return date(jaar, maand, dag + 1)


def _koningsdag(jaar: int) -> date:
    """The day the King's birthday is celebrated (Atw art. 3 lid 1; Besluit van 2013 on Koningsdag).

    From 2014: 27 April, or 26 April when the 27th is a Sunday. Up to 2013 (Koninginnedag): 30 April,
    or 29 April when the 30th is a Sunday.
    """
    dag = date(jaar, 4, 27) if jaar >= 2014 else date(jaar, 4, 30)
    return dag - timedelta(days=1) if dag.weekday() == 6 else dag


def feestdagen(jaar: int) -> dict[date, str]:
    """The algemeen erkende feestdagen of a year under Atw art. 3, sorted by date.

    Art. 3 lid 1: Nieuwjaarsdag, tweede Paas- en Pinksterdag, both Kerstdagen, Hemelvaartsdag, the day
    the King's birthday is celebrated and 5 May (every year, not only in lustrum years). Art. 3 lid 2
    equates Goede Vrijdag. Days equated by royal decree (art. 3 lid 3) are data, not computed here.
    """
    return dict(_feestdagen(jaar))


def _feestdagen(jaar: int) -> dict[date, str]:
    return {dag: str(naam) for dag, naam in _feestdagnamen(jaar).items()}


@cache
def _feestdagnamen(jaar: int) -> Mapping[date, Promise]:
    # Lazy names: the cache holds the dates, the language is chosen when a name is shown.
    pasen = paaszondag(jaar)
    dagen: list[tuple[date, Promise]] = [
        (date(jaar, 1, 1), gettext_lazy("Nieuwjaarsdag")),
        (pasen - timedelta(days=2), gettext_lazy("Goede Vrijdag")),
        (pasen + timedelta(days=1), gettext_lazy("tweede Paasdag")),
        (_koningsdag(jaar), gettext_lazy("Koningsdag")),
        (date(jaar, 5, 5), gettext_lazy("Bevrijdingsdag (5 mei)")),
        (pasen + timedelta(days=39), gettext_lazy("Hemelvaartsdag")),
        (pasen + timedelta(days=50), gettext_lazy("tweede Pinksterdag")),
        (date(jaar, 12, 25), gettext_lazy("eerste Kerstdag")),
        (date(jaar, 12, 26), gettext_lazy("tweede Kerstdag")),
    ]
    resultaat: dict[date, Promise] = {}
    # Two holidays can coincide (Hemelvaartsdag on 5 May in 2016); keep both names.
    for dag, naam in sorted(dagen, key=lambda paar: paar[0]):
        resultaat[dag] = (
            format_lazy(gettext_lazy("{eerste} en {tweede}"), eerste=resultaat[dag], tweede=naam)
            if dag in resultaat
            else naam
        )
    return resultaat


def is_feestdag(d: date, extra: Collection[date] = ()) -> bool:
    """Whether `d` is an algemeen erkende feestdag (Atw art. 3 lid 1–2) or in `extra` (equated, lid 3)."""
    return d in extra or d in _feestdagnamen(d.year)


def is_werkdag(d: date, extra: Collection[date] = ()) -> bool:
    """A day that is not a Saturday, Sunday or algemeen erkende feestdag (the Atw's "werkdag", art. 1–2)."""
    return d.weekday() < 5 and not is_feestdag(d, extra)


def volgende_werkdag(d: date, extra: Collection[date] = (), *, inclusief: bool = False) -> date:
    """The first working day after `d` (or from `d` on, with `inclusief=True`)."""
    dag = d if inclusief else d + timedelta(days=1)
    while not is_werkdag(dag, extra):
        dag += timedelta(days=1)
    return dag


def _reden_geen_werkdag(d: date, extra: Collection[date]) -> str:
    naam = _feestdagnamen(d.year).get(d)
    if naam is not None:
        return str(naam)
    if d in extra:
        return _("een bij koninklijk besluit met een feestdag gelijkgestelde dag (Atw art. 3 lid 3)")
    return _("een %(weekdag)s") % {"weekdag": WEEKDAYS[d.weekday()]}


def _plus_maanden(d: date, maanden: int) -> date:
    """Calendar-month arithmetic: same day number, or the month's last day when it has no such day.

    This is the usual civil-law reading (and Verordening (EEG, Euratom) nr. 1182/71 art. 3 lid 2 onder c):
    one month after 31 January ends on the last day of February.
    """
    index = d.month - 1 + maanden
    jaar, maand = d.year + index // 12, index % 12 + 1
    return date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))


def _einde(begin_na: date, termijn: Termijn, *, eerste_dag_telt: bool, extra: Collection[date]) -> date:
    """The last day of `termijn` counted after the event on `begin_na`.

    By default the period starts on the day after the event (the Dutch rule, cf. Awb art. 6:8 for
    objection periods); with `eerste_dag_telt` the event day itself is day one.
    """
    correctie = timedelta(days=1) if eerste_dag_telt else timedelta(0)
    if termijn.eenheid is Eenheid.DAGEN:
        return begin_na + timedelta(days=termijn.aantal) - correctie
    if termijn.eenheid is Eenheid.WEKEN:
        return begin_na + timedelta(weeks=termijn.aantal) - correctie
    if termijn.eenheid is Eenheid.MAANDEN:
        return _plus_maanden(begin_na, termijn.aantal) - correctie
    dag = begin_na - correctie
    for _stap in range(termijn.aantal):
        dag = volgende_werkdag(dag, extra)
    return dag


def _samenvoegen(opschortingen: Iterable[tuple[date, date]]) -> list[tuple[date, date]]:
    """Merges overlapping or adjacent inclusive intervals so no day is counted twice."""
    intervallen = sorted(opschortingen)
    for van, tot in intervallen:
        if tot < van:
            raise ValueError(f"Opschorting eindigt ({tot}) vóór ze begint ({van}).")
    samengevoegd: list[tuple[date, date]] = []
    for van, tot in intervallen:
        if samengevoegd and van <= samengevoegd[-1][1] + timedelta(days=1):
            vorige_van, vorige_tot = samengevoegd[-1]
            samengevoegd[-1] = (vorige_van, max(vorige_tot, tot))
        else:
            samengevoegd.append((van, tot))
    return samengevoegd


def _opschorten(
    einde: date,
    begin: date,
    intervallen: list[tuple[date, date]],
    uitleg: list[str],
    *,
    atw: bool = False,
    extra: Collection[date] = (),
) -> tuple[date, list[tuple[date, date]]]:
    """Applies every suspension that starts while the period is still running; returns the rest.

    A suspension from `van` to `tot` (both inclusive) stops the clock for each of its days from the
    first day of the period on; the end date moves by that many calendar days (cf. Awb art. 4:15). A
    suspension that starts after the (running) end date no longer affects it; one that the moved end
    date reaches later does. With `atw`, a period ending on a weekend day or holiday still runs until
    the next working day (Atw art. 1), so a suspension starting in those days counts too, from that
    working day. The end date never moves backwards.
    """
    resterend: list[tuple[date, date]] = []
    for van, tot in intervallen:
        if tot < begin:
            continue
        van = max(van, begin)
        if van > einde and atw and van <= volgende_werkdag(einde, extra, inclusief=True):
            einde = volgende_werkdag(einde, extra, inclusief=True)
        if van > einde:
            resterend.append((van, tot))
            continue
        dagen = (tot - van).days + 1
        einde += timedelta(days=dagen)
        uitleg.append(
            _("Opgeschort van %(van)s tot en met %(tot)s (%(duur)s): %(einde)s")
            % {
                "van": datum_nl(van),
                "tot": datum_nl(tot),
                "duur": _duur(dagen, Eenheid.DAGEN),
                "einde": datum_nl(einde),
            }
        )
    return einde, resterend


def bereken_termijn(
    *,
    gebeurtenis: date,
    termijn: Termijn,
    atw: bool = True,
    opschortingen: Sequence[tuple[date, date]] = (),
    verlenging: Termijn | None = None,
    extra_feestdagen: Collection[date] = (),
    eerste_dag_telt: bool = False,
    gebeurtenis_omschrijving: str | None = None,
) -> Uitkomst:
    """Computes the last day of a legal period, with a Dutch explanation of every step.

    Order: the period from the day after `gebeurtenis`; the extension counted from that end date;
    suspensions anywhere in the running period (inclusive days, merged, see `_opschorten`); then,
    when `atw`, Algemene termijnenwet art. 1 and 2 once on the final end date. Counting the
    extension from the pre-Atw end date is our reading; woo.md leaves it open (verify).
    Atw art. 4 excludes some periods (backward-counted ones, among others): callers
    pass `atw=False` for those.
    """
    uitleg: list[str] = []
    begin = gebeurtenis if eerste_dag_telt else gebeurtenis + timedelta(days=1)
    einde = _einde(gebeurtenis, termijn, eerste_dag_telt=eerste_dag_telt, extra=extra_feestdagen)
    omschrijving = gebeurtenis_omschrijving or _("ontvangst")
    regel = (
        _("%(termijn)s vanaf %(gebeurtenis)s op %(datum)s: %(einde)s")
        if eerste_dag_telt
        else _("%(termijn)s na %(gebeurtenis)s op %(datum)s: %(einde)s")
    )
    uitleg.append(
        regel
        % {
            "termijn": termijn,
            "gebeurtenis": omschrijving,
            "datum": datum_nl(gebeurtenis),
            "einde": datum_nl(einde),
        }
    )

    if verlenging is not None:
        einde = _einde(einde, verlenging, eerste_dag_telt=False, extra=extra_feestdagen)
        uitleg.append(
            _("Verlengd met %(termijn)s: %(einde)s") % {"termijn": verlenging, "einde": datum_nl(einde)}
        )

    # Suspensions go after the extension: month and working-day arithmetic does not commute with
    # shifting by calendar days, and this order keeps "more suspension or a longer period never
    # ends earlier" true.
    einde, resterend = _opschorten(
        einde, begin, _samenvoegen(opschortingen), uitleg, atw=atw, extra=extra_feestdagen
    )

    for van, tot in resterend:
        uitleg.append(
            _("Opschorting van %(van)s tot en met %(tot)s valt na het einde van de termijn en telt niet mee")
            % {"van": datum_nl(van), "tot": datum_nl(tot)}
        )

    if atw:
        einde = _atw_artikel_1(einde, extra_feestdagen, uitleg)
        if _ten_minste_drie_dagen(termijn) or (verlenging is not None and _ten_minste_drie_dagen(verlenging)):
            einde = _atw_artikel_2(begin, einde, extra_feestdagen, uitleg)
    return Uitkomst(einddatum=einde, uitleg=uitleg)


def _atw_artikel_1(einde: date, extra: Collection[date], uitleg: list[str]) -> date:
    """Atw art. 1 lid 1: a period ending on a Saturday, Sunday or algemeen erkende feestdag is extended
    up to and including the next day that is none of these."""
    if is_werkdag(einde, extra):
        return einde
    nieuw = volgende_werkdag(einde, extra)
    # Name every day skipped, so "why Monday?" is answered without a calendar.
    overgeslagen = [einde + timedelta(days=n) for n in range((nieuw - einde).days)]
    redenen = [
        _("%(datum)s %(reden)s") % {"datum": datum_nl(d), "reden": _reden_geen_werkdag(d, extra)}
        for d in overgeslagen
    ]
    redenen[0] = _("%(datum)s is %(reden)s") % {
        "datum": datum_nl(einde),
        "reden": _reden_geen_werkdag(einde, extra),
    }
    opsomming = (
        redenen[0]
        if len(redenen) == 1
        else _("%(eerdere)s en %(laatste)s") % {"eerdere": ", ".join(redenen[:-1]), "laatste": redenen[-1]}
    )
    uitleg.append(
        _("%(redenen)s; de termijn loopt door tot %(tot)s (Algemene termijnenwet art. 1)")
        % {"redenen": opsomming, "tot": datum_nl(nieuw, weekdag=True)}
    )
    return nieuw


def _ten_minste_drie_dagen(termijn: Termijn) -> bool:
    """Whether Atw art. 2 applies: it covers "een termijn van ten minste drie dagen", judged on the
    period as stated (a period of 1 werkdag is not one, even if a weekend makes its span longer)."""
    return termijn.eenheid in (Eenheid.WEKEN, Eenheid.MAANDEN) or termijn.aantal >= 3


def _atw_artikel_2(begin: date, einde: date, extra: Collection[date], uitleg: list[str]) -> date:
    """Atw art. 2: a period of at least three days is extended as far as needed so that it contains at
    least two days that are not a Saturday, Sunday or algemeen erkende feestdag."""
    if (einde - begin).days + 1 < 3:
        return einde
    werkdagen = sum(
        1 for n in range((einde - begin).days + 1) if is_werkdag(begin + timedelta(days=n), extra)
    )
    if werkdagen >= 2:
        return einde
    nieuw = einde
    while werkdagen < 2:
        nieuw = volgende_werkdag(nieuw, extra)
        werkdagen += 1
    uitleg.append(
        _(
            "De termijn bevat minder dan twee werkdagen; hij loopt door tot %(tot)s "
            "(Algemene termijnenwet art. 2)"
        )
        % {"tot": datum_nl(nieuw, weekdag=True)}
    )
    return nieuw
