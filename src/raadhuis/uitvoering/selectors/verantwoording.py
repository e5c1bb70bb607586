"""The reports written from live data: the programme chapter (begroting / jaarverslag, BBV art. 8
and 25) and the mid-term review of an akkoord."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from raadhuis.core.models import Begrotingsprogramma
from raadhuis.samenwerking.selectors import Programmabijdrage, bijdragen_aan_programma
from raadhuis.uitvoering import bbv
from raadhuis.uitvoering.models import (
    GESLOTEN,
    Actie,
    Activiteit,
    Akkoord,
    Kengetal,
    Programmadoel,
    Status,
    Voortgangsupdate,
)
from raadhuis.uitvoering.selectors.agenda import samengevatte_status, status_op
from raadhuis.uitvoering.selectors.cijfers import (
    Indicatorreeks,
    begroot_in,
    besteed_in,
    doelen_van_programma,
    indicatorreeksen,
)

JAARVERSLAG = "jaarverslag"
BEGROTING = "begroting"


def w_vragen(soort: str) -> tuple[str, str, str]:
    """The three W-questions: future tense in the begroting (BBV art. 8 lid 3), past tense in the
    jaarverslag (BBV art. 25)."""
    if soort == JAARVERSLAG:
        return (_("Wat wilden we bereiken?"), _("Wat hebben we daarvoor gedaan?"), _("Wat heeft het gekost?"))
    return (_("Wat willen we bereiken?"), _("Wat gaan we daarvoor doen?"), _("Wat mag het kosten?"))


@dataclass
class Activiteitregel:
    activiteit: Activiteit
    status: str
    toelichting: str
    begroot: Decimal
    besteed: Decimal | None

    @property
    def label(self) -> str:
        return str(Status(self.status).label)


@dataclass
class Actieregel:
    actie: Actie
    activiteiten: list[Activiteitregel]

    @property
    def status(self) -> str:
        return samengevatte_status([regel.status for regel in self.activiteiten])


@dataclass
class Doelhoofdstuk:
    doel: Programmadoel
    acties: list[Actieregel]
    indicatoren: list[tuple[Indicatorreeks, Decimal | None, Decimal | None]]
    begroot: Decimal
    besteed: Decimal | None


@dataclass(frozen=True)
class Bbvregel:
    definitie: bbv.Definitie
    label: str
    kengetal: Kengetal | None
    waarde: Decimal | None


@dataclass
class Programmahoofdstuk:
    programma: Begrotingsprogramma
    jaar: int
    soort: str
    vragen: tuple[str, str, str]
    doelen: list[Doelhoofdstuk]
    bbv_indicatoren: list[Bbvregel]
    verbonden_partijen: list[Programmabijdrage]
    alleen_openbaar: bool = False
    taakvelden: list[tuple[str, Decimal, Decimal | None]] = field(default_factory=list)

    @property
    def begroot(self) -> Decimal:
        return sum((doel.begroot for doel in self.doelen), Decimal(0))

    @property
    def besteed(self) -> Decimal | None:
        bekend = [doel.besteed for doel in self.doelen if doel.besteed is not None]
        return sum(bekend, Decimal(0)) if bekend else None

    @property
    def titel(self) -> str:
        soort = _("Jaarverslag") if self.soort == JAARVERSLAG else _("Begroting")
        return f"{soort} {self.jaar} — {_('Programma')} {self.programma}"


def _som(bedragen: list[Decimal | None]) -> Decimal | None:
    bekend = [bedrag for bedrag in bedragen if bedrag is not None]
    return sum(bekend, Decimal(0)) if bekend else None


def bbv_indicatoren(jaar: int) -> list[Bbvregel]:
    """The five mandatory indicators for Bestuur en ondersteuning in `jaar`, each from the latest
    figures entered for that year (None when nothing was entered)."""
    laatste: dict[str, Kengetal] = {}
    for kengetal in Kengetal.objects.filter(jaar=jaar).order_by("vastgelegd_op", "pk"):
        laatste[kengetal.soort] = kengetal
    regels = []
    for soort in bbv.Soort:
        gevonden = laatste.get(soort.value)
        regels.append(
            Bbvregel(
                definitie=bbv.DEFINITIES[soort.value],
                label=str(soort.label),
                kengetal=gevonden,
                waarde=gevonden.waarde if gevonden else None,
            )
        )
    return regels


def _in_jaar(begin: dt.date, einde: dt.date, jaar: int) -> bool:
    return begin.year <= jaar <= einde.year


def _laatste_toelichting(activiteit: Activiteit, jaar: int, alleen_openbaar: bool) -> tuple[str, str]:
    status, toelichting = Status.NIET_GESTART.value, ""
    for update in activiteit.updates.all():
        if update.jaar <= jaar and (update.openbaar or not alleen_openbaar):
            status, toelichting = update.status, update.toelichting
    return status, toelichting


def programmahoofdstuk(
    *, programma: Begrotingsprogramma, jaar: int, soort: str = JAARVERSLAG, alleen_openbaar: bool = False
) -> Programmahoofdstuk:
    """The programme chapter in the programme's own structure: its goals (what we wanted), the
    actions and activities of the year with their reported status (what we did), the costs per goal
    and taakveld, the BBV indicators for Bestuur en ondersteuning when the programme covers
    hoofdtaakveld 0, and the contributions of the verbonden partijen."""
    doelen = doelen_van_programma(programma, alleen_openbaar=alleen_openbaar)
    activiteiten = Activiteit.objects.order_by("begin", "pk").prefetch_related(
        "budgetten", Prefetch("updates", queryset=Voortgangsupdate.objects.order_by("datum", "pk"))
    )
    acties = (
        Actie.objects.filter(doel__in=doelen)
        .order_by("begin", "pk")
        .prefetch_related(
            Prefetch(
                "activiteiten",
                queryset=activiteiten.filter(openbaar=True) if alleen_openbaar else activiteiten,
            )
        )
    )
    if alleen_openbaar:
        acties = acties.filter(openbaar=True)
    per_doel: dict[int, list[Actie]] = {}
    for actie in acties:
        per_doel.setdefault(actie.doel_id, []).append(actie)
    reeksen = indicatorreeksen(doelen, alleen_openbaar=alleen_openbaar)
    hoofdstukken = []
    for doel in doelen:
        actieregels = []
        for actie in per_doel.get(doel.pk, []):
            if not _in_jaar(actie.begin, actie.einde, jaar):
                continue
            regels = []
            for activiteit in actie.activiteiten.all():
                # Also what was reported on this year for later work (a startnotitie planned next year).
                gemeld = any(update.jaar == jaar for update in activiteit.updates.all())
                if not (_in_jaar(activiteit.begin, activiteit.einde, jaar) or gemeld):
                    continue
                status, toelichting = _laatste_toelichting(activiteit, jaar, alleen_openbaar)
                regels.append(
                    Activiteitregel(
                        activiteit,
                        status,
                        toelichting,
                        begroot_in(activiteit, jaar),
                        besteed_in(activiteit, jaar),
                    )
                )
            actieregels.append(Actieregel(actie, regels))
        alle = [regel for actie in actieregels for regel in actie.activiteiten]
        hoofdstukken.append(
            Doelhoofdstuk(
                doel=doel,
                acties=actieregels,
                indicatoren=[
                    (reeks, *reeks.in_jaar(jaar)) for reeks in reeksen if reeks.indicator.doel_id == doel.pk
                ],
                begroot=sum((regel.begroot for regel in alle), Decimal(0)),
                besteed=_som([regel.besteed for regel in alle]),
            )
        )
    taakvelden: dict[str, tuple[Decimal, list[Decimal | None]]] = {}
    for hoofdstuk in hoofdstukken:
        begroot, besteed = taakvelden.get(hoofdstuk.doel.taakveld_naam, (Decimal(0), []))
        taakvelden[hoofdstuk.doel.taakveld_naam] = (
            begroot + hoofdstuk.begroot,
            [*besteed, hoofdstuk.besteed],
        )
    bestuur_en_ondersteuning = any(code.split(".")[0] == "0" for code in programma.taakvelden)
    return Programmahoofdstuk(
        programma=programma,
        jaar=jaar,
        soort=soort,
        vragen=w_vragen(soort),
        doelen=hoofdstukken,
        bbv_indicatoren=bbv_indicatoren(jaar) if bestuur_en_ondersteuning else [],
        verbonden_partijen=bijdragen_aan_programma(programma=programma, jaar=jaar),
        alleen_openbaar=alleen_openbaar,
        taakvelden=[
            (naam, begroot, _som(besteed)) for naam, (begroot, besteed) in sorted(taakvelden.items())
        ],
    )


@dataclass
class Reviewregel:
    activiteit: Activiteit
    actie: Actie
    status: str
    toelichting: str

    @property
    def label(self) -> str:
        return str(Status(self.status).label)


@dataclass
class Reviewambitie:
    titel: str
    omschrijving: str
    gepland: list[Reviewregel]
    gedaan: list[Reviewregel]
    gewijzigd: list[Reviewregel]
    risico: list[Reviewregel]

    @property
    def secties(self) -> list[tuple[str, list[Reviewregel]]]:
        return [
            (_("Wat was gepland"), self.gepland),
            (_("Wat is gedaan"), self.gedaan),
            (_("Wat is gewijzigd"), self.gewijzigd),
            (_("Wat loopt risico"), self.risico),
        ]


@dataclass
class MidTermReviewInhoud:
    akkoord: Akkoord
    peildatum: dt.date
    ambities: list[Reviewambitie]

    @property
    def titel(self) -> str:
        return _("Mid-term review %(akkoord)s, stand per %(datum)s") % {
            "akkoord": self.akkoord.titel,
            "datum": self.peildatum.strftime("%d-%m-%Y"),
        }


def mid_term_review(*, akkoord: Akkoord, peildatum: dt.date) -> MidTermReviewInhoud:
    """Per ambitie: what was planned (activities that should have started by `peildatum`), what was
    done (finished by then), what changed (dropped, or delayed at some point), and what is at risk
    (reported risico or vertraagd on that date). Only updates up to `peildatum` count."""
    activiteiten = (
        Activiteit.objects.filter(actie__doel__ambitie__akkoord=akkoord)
        .select_related("actie__doel__ambitie")
        .prefetch_related(Prefetch("updates", queryset=Voortgangsupdate.objects.order_by("datum", "pk")))
        .order_by("actie__doel__ambitie__nummer", "begin", "pk")
    )
    per_ambitie: dict[int, Reviewambitie] = {
        ambitie.pk: Reviewambitie(ambitie.titel, ambitie.omschrijving, [], [], [], [])
        for ambitie in akkoord.ambities.order_by("nummer", "pk")
    }
    for activiteit in activiteiten:
        tot_dan = [update for update in activiteit.updates.all() if update.datum <= peildatum]
        status = status_op(activiteit, peildatum)
        regel = Reviewregel(activiteit, activiteit.actie, status, tot_dan[-1].toelichting if tot_dan else "")
        review = per_ambitie[activiteit.actie.doel.ambitie_id]
        if activiteit.begin <= peildatum:
            review.gepland.append(regel)
        if status == Status.AFGEROND:
            review.gedaan.append(regel)
        if status == Status.VERVALLEN or any(update.status == Status.VERTRAAGD for update in tot_dan):
            review.gewijzigd.append(regel)
        if status in (Status.RISICO, Status.VERTRAAGD) and status not in GESLOTEN:
            review.risico.append(regel)
    return MidTermReviewInhoud(akkoord, peildatum, list(per_ambitie.values()))
