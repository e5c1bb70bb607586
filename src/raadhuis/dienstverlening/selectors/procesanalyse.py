"""Reads for the workflow analysis: the process map of a zaaktype (directly-follows graph of its
statuses with counts and durations), its bottlenecks, variants, rework and deviations from the
designed flow, the cross-zaaktype bottleneck overview, and the event log for process-mining tools.

Durations have hour precision: the grouped query buckets `seconden_sinds_vorige` into whole hours
(floored), and medians and p90s are nearest-rank percentiles over those buckets (docs/procesanalyse.md).
Nothing here reads personal data of residents; employees appear in the event log only as a
pseudonym."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from django.db.models import BigIntegerField, Count, F, QuerySet, Sum, Value
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from raadhuis.core.validators import alleen_cijfers
from raadhuis.dienstverlening.models import Statustype, Zaak, Zaakstatus, Zaaktype
from raadhuis.dienstverlening.periode import Periode

UUR = 3600
# A norm in working days as hours of elapsed time: a working week of 5 days spans 7 calendar days.
UREN_PER_WERKDAG = 24 * 7 / 5
MAX_VARIANTEN = 10
MAX_AFWIJKINGEN = 50
# The deviating cases listed are looked up by their paths; the most frequent paths are enough to
# fill the list (the total is counted over all of them).
MAX_PADEN_VOOR_LIJST = 500
PSEUDONIEM_SLEUTEL = "raadhuis.dienstverlening.procesanalyse.resource"
SYSTEEM = "systeem"
AFGEKAPT = "…"


@dataclass(frozen=True)
class Uurverdeling:
    """Durations bucketed by whole hours (floored): {hours: count}, with the exact total seconds."""

    aantallen: Mapping[int, int]
    seconden: int

    @property
    def aantal(self) -> int:
        return sum(self.aantallen.values())

    def percentiel(self, fractie: float) -> int | None:
        """Nearest rank: the smallest bucket whose cumulative count reaches ceil(fractie × n)."""
        n = self.aantal
        if n == 0:
            return None
        rang = max(1, math.ceil(fractie * n))
        opgeteld = 0
        for uren in sorted(self.aantallen):
            opgeteld += self.aantallen[uren]
            if opgeteld >= rang:
                return uren
        return max(self.aantallen)  # pragma: no cover - the loop always reaches n

    @property
    def mediaan(self) -> int | None:
        return self.percentiel(0.5)

    @property
    def p90(self) -> int | None:
        return self.percentiel(0.9)

    @property
    def uren(self) -> float:
        return self.seconden / UUR


def _samenvoegen(verdelingen: Sequence[Uurverdeling]) -> Uurverdeling:
    aantallen: dict[int, int] = defaultdict(int)
    for verdeling in verdelingen:
        for uren, aantal in verdeling.aantallen.items():
            aantallen[uren] += aantal
    return Uurverdeling(dict(aantallen), sum(v.seconden for v in verdelingen))


@dataclass(frozen=True)
class Knoop:
    """A status of the zaaktype: how often cases entered it in the period, and the time spent in it
    (the transitions leaving it). `overschrijding_uren` is the bottleneck measure."""

    statustype: Statustype
    aantal: int  # times entered (status set) in the period
    gestart: int  # of which as a case's first status
    vertrokken: int  # n_S: transitions leaving the status in the period
    mediaan_uren: int | None
    p90_uren: int | None
    uren_totaal: float  # exact total hours spent in the status over those transitions
    aandeel: float  # share of the total time over all statuses (0..1)
    norm_uren: float | None
    overschrijding_uren: float  # n_S × max(0, median − norm): "uren boven de norm"


@dataclass(frozen=True)
class Overgang:
    """An edge of the directly-follows graph: `terug` when it goes to an earlier status (rework),
    `overgeslagen` when it goes forward past other statuses of the zaaktype."""

    van: Statustype
    naar: Statustype
    aantal: int
    mediaan_uren: int | None
    p90_uren: int | None
    terug: bool = False
    overgeslagen: bool = False


@dataclass(frozen=True)
class Knelpunt:
    zaaktype: Zaaktype
    statustype: Statustype
    vertrokken: int
    mediaan_uren: int
    norm_uren: float
    overschrijding_uren: float


@dataclass(frozen=True)
class Variant:
    pad: str  # the volgnummers, "1-2-4-2-4-5"
    statussen: tuple[str, ...]  # the same as status names
    aantal: int
    aandeel: float  # of the cases registered in the period (0..1)
    herhaling: bool
    afwijking: bool


@dataclass(frozen=True)
class Afwijking:
    identificatie: str
    statussen: tuple[str, ...]
    reden: str


@dataclass(frozen=True)
class Herhalingen:
    aantal: int  # cases whose path visits a status twice
    zaken: int  # cases registered in the period

    @property
    def aandeel(self) -> float:
        return self.aantal / self.zaken if self.zaken else 0.0


@dataclass(frozen=True)
class Procesanalyse:
    zaaktype: Zaaktype
    periode: Periode
    knopen: tuple[Knoop, ...]  # in volgnummer order
    overgangen: tuple[Overgang, ...]  # by van, naar volgnummer
    knelpunten: tuple[Knelpunt, ...]  # by overschrijding descending; the first is the top finding
    varianten: tuple[Variant, ...]  # the MAX_VARIANTEN most frequent
    aantal_varianten: int
    afwijkingen: tuple[Afwijking, ...]  # at most MAX_AFWIJKINGEN
    afwijkingen_totaal: int
    herhalingen: Herhalingen

    @property
    def knelpunt(self) -> Knelpunt | None:
        return self.knelpunten[0] if self.knelpunten else None

    @property
    def leeg(self) -> bool:
        return not any(knoop.aantal for knoop in self.knopen)


@dataclass(frozen=True)
class Gebeurtenis:
    """One event of the event log: a status set on a case (lifecycle "complete")."""

    zaak: str  # case id: the zaak's identificatie
    activiteit: str  # the statustype's omschrijving
    tijdstip: dt.datetime  # aware, local time
    resource: str  # pseudonym of the employee who set it, or "systeem"

    @property
    def tijdstip_iso(self) -> str:
        return self.tijdstip.isoformat(timespec="milliseconds")


def norm_in_uren(statustype: Statustype) -> float | None:
    if statustype.doorlooptijd_werkdagen is None:
        return None
    return statustype.doorlooptijd_werkdagen * UREN_PER_WERKDAG


def overschrijding(*, vertrokken: int, mediaan_uren: int | None, norm_uren: float | None) -> float:
    """The bottleneck measure (fixed; the landing page and the demo rely on it): n_S × max(0, m_S −
    norm_S) hours, 0 for a status without a norm or without transitions leaving it."""
    if norm_uren is None or mediaan_uren is None:
        return 0.0
    return vertrokken * max(0.0, mediaan_uren - norm_uren)


@dataclass(frozen=True)
class _Uurrij:
    sleutel: tuple[int | None, ...]  # the values of the grouping fields
    uren: int | None  # None for a first status (no time before it)
    aantal: int
    seconden: int


def _uurbuckets(statussen: QuerySet[Zaakstatus], *velden: str) -> list[_Uurrij]:
    """Transitions grouped by `velden` and the hour bucket, with count and exact seconds."""
    uren = Cast(F("seconden_sinds_vorige"), BigIntegerField()) / Value(UUR, output_field=BigIntegerField())
    rijen = (
        statussen.annotate(uren=uren)
        .values(*velden, "uren")
        .annotate(aantal=Count("id"), seconden=Sum("seconden_sinds_vorige"))
        .order_by()
    )
    return [
        _Uurrij(
            sleutel=tuple(rij[veld] for veld in velden),
            uren=None if rij["uren"] is None else int(rij["uren"]),
            aantal=int(rij["aantal"]),
            seconden=int(rij["seconden"] or 0),
        )
        for rij in rijen
    ]


def _in_periode(periode: Periode) -> dict[str, dt.datetime]:
    return {"datum_status_gezet__gte": periode.begin, "datum_status_gezet__lt": periode.einde}


def procesanalyse(
    *, zaaktype: Zaaktype, periode: Periode, max_varianten: int = MAX_VARIANTEN
) -> Procesanalyse:
    """The workflow analysis of one zaaktype over the period, in four queries: its statuses, the
    transitions grouped by (from, to, hour), the case paths grouped, and the first deviating cases."""
    statustypen = list(Statustype.objects.filter(zaaktype=zaaktype).order_by("volgnummer"))
    per_id = {s.pk: s for s in statustypen}
    # Transitions: statuses set in the period, by predecessor, status and hour bucket. A case's
    # first status has no predecessor: it counts as an entry, not as an edge.
    rijen = _uurbuckets(
        Zaakstatus.objects.filter(statustype_id__in=list(per_id), **_in_periode(periode)),
        "vorige_statustype_id",
        "statustype_id",
    )
    binnen: dict[int, int] = defaultdict(int)
    gestart: dict[int, int] = defaultdict(int)
    randen: dict[tuple[int, int], dict[int, int]] = defaultdict(lambda: defaultdict(int))
    randseconden: dict[tuple[int, int], int] = defaultdict(int)
    for rij in rijen:
        van, naar = rij.sleutel
        if naar is None:  # pragma: no cover - statustype is not nullable
            continue
        binnen[naar] += rij.aantal
        if van is None or van not in per_id or rij.uren is None:
            gestart[naar] += rij.aantal
            continue
        randen[(van, naar)][rij.uren] += rij.aantal
        randseconden[(van, naar)] += rij.seconden

    verdelingen = {sleutel: Uurverdeling(dict(a), randseconden[sleutel]) for sleutel, a in randen.items()}
    volgorde = {s.pk: i for i, s in enumerate(statustypen)}
    overgangen = tuple(
        Overgang(
            van=per_id[van],
            naar=per_id[naar],
            aantal=verdeling.aantal,
            mediaan_uren=verdeling.mediaan,
            p90_uren=verdeling.p90,
            terug=volgorde[naar] < volgorde[van],
            overgeslagen=volgorde[naar] > volgorde[van] + 1,
        )
        for (van, naar), verdeling in sorted(
            verdelingen.items(), key=lambda item: (volgorde[item[0][0]], volgorde[item[0][1]])
        )
    )

    uit: dict[int, list[Uurverdeling]] = defaultdict(list)
    for (van, _naar), verdeling in verdelingen.items():
        uit[van].append(verdeling)
    in_status = {pk: _samenvoegen(lijst) for pk, lijst in uit.items()}
    totaal_uren = sum(v.uren for v in in_status.values())
    knopen = []
    for statustype in statustypen:
        verdeling = in_status.get(statustype.pk, Uurverdeling({}, 0))
        norm = norm_in_uren(statustype)
        knopen.append(
            Knoop(
                statustype=statustype,
                aantal=binnen[statustype.pk],
                gestart=gestart[statustype.pk],
                vertrokken=verdeling.aantal,
                mediaan_uren=verdeling.mediaan,
                p90_uren=verdeling.p90,
                uren_totaal=verdeling.uren,
                aandeel=verdeling.uren / totaal_uren if totaal_uren else 0.0,
                norm_uren=norm,
                overschrijding_uren=overschrijding(
                    vertrokken=verdeling.aantal, mediaan_uren=verdeling.mediaan, norm_uren=norm
                ),
            )
        )

    varianten, aantal_varianten, afwijkingen, totaal, herhalingen = _paden(
        zaaktype=zaaktype, periode=periode, statustypen=statustypen, max_varianten=max_varianten
    )
    return Procesanalyse(
        zaaktype=zaaktype,
        periode=periode,
        knopen=tuple(knopen),
        overgangen=overgangen,
        knelpunten=_knelpunten(zaaktype, knopen),
        varianten=varianten,
        aantal_varianten=aantal_varianten,
        afwijkingen=afwijkingen,
        afwijkingen_totaal=totaal,
        herhalingen=herhalingen,
    )


def _knelpunten(zaaktype: Zaaktype, knopen: Sequence[Knoop]) -> tuple[Knelpunt, ...]:
    gevonden = [
        Knelpunt(
            zaaktype=zaaktype,
            statustype=knoop.statustype,
            vertrokken=knoop.vertrokken,
            mediaan_uren=knoop.mediaan_uren or 0,
            norm_uren=knoop.norm_uren or 0.0,
            overschrijding_uren=knoop.overschrijding_uren,
        )
        for knoop in knopen
        if knoop.overschrijding_uren > 0
    ]
    gevonden.sort(key=lambda k: (-k.overschrijding_uren, k.statustype.volgnummer))
    return tuple(gevonden)


# --- paths: variants, rework, deviations ----------------------------------------------------------


def pad_lezen(pad: str) -> tuple[list[int], bool]:
    """The volgnummers of a statuspad, and whether its beginning was cut off (services.zaken keeps the
    last part of an endless path)."""
    afgekapt = pad.startswith(AFGEKAPT)
    delen = pad.removeprefix(AFGEKAPT).split("-") if pad else []
    nummers = []
    for i, deel in enumerate(delen):
        if afgekapt and i == 0:
            continue  # possibly half a number
        if alleen_cijfers(deel):
            nummers.append(int(deel))
    return nummers, afgekapt


def heeft_herhaling(nummers: Sequence[int], afgekapt: bool = False) -> bool:
    return afgekapt or len(set(nummers)) < len(nummers)


def afwijking_van_ontwerp(
    nummers: Sequence[int], statustypen: Sequence[Statustype], afgekapt: bool = False
) -> str:
    """Why the path is not the designed flow ("" when it is): the designed flow goes forward in
    volgnummer order and skips only optional statuses. An open case's path may stop anywhere."""
    if afgekapt:
        return _("herhaald (pad ingekort)")
    bekend = {s.volgnummer: s for s in statustypen}
    vorige = 0
    for nummer in nummers:
        if nummer not in bekend:
            return _("onbekende status %(nummer)s") % {"nummer": nummer}
        if nummer <= vorige:
            return _("terug naar '%(status)s'") % {"status": bekend[nummer].omschrijving}
        for volgnummer in range(vorige + 1, nummer):
            tussen = bekend.get(volgnummer)
            if tussen is not None and not tussen.optioneel:
                return _("'%(status)s' overgeslagen") % {"status": tussen.omschrijving}
        vorige = nummer
    return ""


def _paden(
    *, zaaktype: Zaaktype, periode: Periode, statustypen: Sequence[Statustype], max_varianten: int
) -> tuple[tuple[Variant, ...], int, tuple[Afwijking, ...], int, Herhalingen]:
    namen = {s.volgnummer: s.omschrijving for s in statustypen}
    zaken = Zaak.objects.filter(
        zaaktype=zaaktype, registratiedatum__gte=periode.van, registratiedatum__lte=periode.tot
    )
    groepen = list(zaken.values("statuspad").annotate(aantal=Count("id")).order_by("-aantal", "statuspad"))
    totaal_zaken = sum(g["aantal"] for g in groepen)
    varianten: list[Variant] = []
    redenen: dict[str, str] = {}
    herhaald = 0
    for groep in groepen:
        pad, aantal = groep["statuspad"], groep["aantal"]
        nummers, afgekapt = pad_lezen(pad)
        herhaling = heeft_herhaling(nummers, afgekapt)
        reden = afwijking_van_ontwerp(nummers, statustypen, afgekapt)
        herhaald += aantal if herhaling else 0
        if reden:
            redenen[pad] = reden
        if len(varianten) < max_varianten:
            varianten.append(
                Variant(
                    pad=pad,
                    statussen=_statusnamen(pad, namen),
                    aantal=aantal,
                    aandeel=aantal / totaal_zaken,
                    herhaling=herhaling,
                    afwijking=bool(reden),
                )
            )
    afwijkend_totaal = sum(g["aantal"] for g in groepen if g["statuspad"] in redenen)
    afwijkingen: tuple[Afwijking, ...] = ()
    if redenen:
        # `groepen` runs most frequent first, so the listed cases come from the commonest deviations.
        paden = list(redenen)[:MAX_PADEN_VOOR_LIJST]
        afwijkingen = tuple(
            Afwijking(identificatie=identificatie, statussen=_statusnamen(pad, namen), reden=redenen[pad])
            for identificatie, pad in zaken.filter(statuspad__in=paden)
            .order_by("-registratiedatum", "-id")
            .values_list("identificatie", "statuspad")[:MAX_AFWIJKINGEN]
        )
    return (
        tuple(varianten),
        len(groepen),
        afwijkingen,
        afwijkend_totaal,
        Herhalingen(aantal=herhaald, zaken=totaal_zaken),
    )


def _statusnamen(pad: str, namen: Mapping[int, str]) -> tuple[str, ...]:
    nummers, afgekapt = pad_lezen(pad)
    return ((AFGEKAPT,) if afgekapt else ()) + tuple(namen.get(n, str(n)) for n in nummers)


# --- the cross-zaaktype overview ------------------------------------------------------------------


def knelpunten_overzicht(*, periode: Periode) -> tuple[Knelpunt, ...]:
    """The top finding of every zaaktype with a bottleneck in the period, ranked by excess (hours
    above the norm) descending: two queries, whatever the number of zaaktypen."""
    statustypen = {
        s.pk: s
        for s in Statustype.objects.select_related("zaaktype").filter(doorlooptijd_werkdagen__isnull=False)
    }
    if not statustypen:
        return ()
    # Only the time in a status matters here: group by the status left and the hour bucket.
    rijen = _uurbuckets(
        Zaakstatus.objects.filter(vorige_statustype_id__in=list(statustypen), **_in_periode(periode)),
        "vorige_statustype_id",
    )
    aantallen: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for rij in rijen:
        (van,) = rij.sleutel
        if van is not None and rij.uren is not None:
            aantallen[van][rij.uren] += rij.aantal
    beste: dict[int, Knelpunt] = {}
    for pk, per_uur in aantallen.items():
        statustype = statustypen[pk]
        verdeling = Uurverdeling(dict(per_uur), 0)
        norm = norm_in_uren(statustype)
        excess = overschrijding(vertrokken=verdeling.aantal, mediaan_uren=verdeling.mediaan, norm_uren=norm)
        if excess <= 0 or norm is None or verdeling.mediaan is None:
            continue
        kandidaat = Knelpunt(
            zaaktype=statustype.zaaktype,
            statustype=statustype,
            vertrokken=verdeling.aantal,
            mediaan_uren=verdeling.mediaan,
            norm_uren=norm,
            overschrijding_uren=excess,
        )
        huidig = beste.get(statustype.zaaktype_id)
        if huidig is None or (excess, -statustype.volgnummer) > (
            huidig.overschrijding_uren,
            -huidig.statustype.volgnummer,
        ):
            beste[statustype.zaaktype_id] = kandidaat
    return tuple(sorted(beste.values(), key=lambda k: (-k.overschrijding_uren, k.zaaktype.omschrijving)))


# --- the event log --------------------------------------------------------------------------------


def pseudoniem(medewerker_id: int | None) -> str:
    """A stable pseudonym of an employee for the event log (keyed with SECRET_KEY, so it cannot be
    turned back into the id without it); "systeem" for a status nobody set by hand."""
    if medewerker_id is None:
        return SYSTEEM
    return "medewerker-" + salted_hmac(PSEUDONIEM_SLEUTEL, str(medewerker_id)).hexdigest()[:16]


def gebeurtenissen(*, zaaktype: Zaaktype, periode: Periode, blokgrootte: int = 2000) -> Iterator[Gebeurtenis]:
    """The event log of the process map: every status set on a case of the zaaktype in the period,
    grouped by case (one trace each) and in time order within it. Streamed from a server-side
    cursor, so a million events never sit in memory."""
    namen = dict(Statustype.objects.filter(zaaktype=zaaktype).values_list("pk", "omschrijving"))
    rijen = (
        Zaakstatus.objects.filter(statustype_id__in=list(namen), **_in_periode(periode))
        .order_by("zaak_id", "datum_status_gezet", "id")
        .values_list("zaak__identificatie", "statustype_id", "datum_status_gezet", "gezet_door_id")
    )
    pseudoniemen: dict[int | None, str] = {}
    for identificatie, statustype_id, moment, door in rijen.iterator(chunk_size=blokgrootte):
        if door not in pseudoniemen:
            pseudoniemen[door] = pseudoniem(door)
        yield Gebeurtenis(
            zaak=identificatie,
            activiteit=namen[statustype_id],
            tijdstip=timezone.localtime(moment),
            resource=pseudoniemen[door],
        )
