"""Reads about Wgr procedures: their deadlines (rules as data, computed with the platform's deadline
engine), the raad meetings that fall inside a zienswijze window, and what the dashboard shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from raadhuis.besluitvorming import selectors as besluitvorming
from raadhuis.core import termijnen
from raadhuis.core.selectors import termijn_berekenen
from raadhuis.samenwerking.models import Wgrprocedure
from raadhuis.samenwerking.wgr import Wgrregel, regel_voor

STAPPEN: dict[str, tuple[str, ...]] = {
    Wgrprocedure.Soort.ONTWERPBEGROTING: (
        "ontwerpbegroting_toezenden",
        "zienswijze_begroting",
        "begroting_naar_gs",
    ),
    Wgrprocedure.Soort.BEGROTINGSWIJZIGING: ("zienswijze_begroting",),
    Wgrprocedure.Soort.KADERBRIEF: ("kaderbrief",),
    Wgrprocedure.Soort.JAARREKENING: ("jaarrekening_naar_gs",),
    Wgrprocedure.Soort.REGELINGWIJZIGING: ("zienswijze_regeling",),
}


@dataclass(frozen=True)
class Wgrtermijn:
    stap: str
    omschrijving: str
    artikel: str
    regime: str
    datum: dt.date
    uitkomst: termijnen.Uitkomst
    venster_van: dt.date | None = None
    zienswijze: bool = False


def regimenaam(regel: Wgrregel) -> str:
    if regel.regime == "nieuw":
        return _("regime sinds 1 juli 2022")
    if regel.regime == "oud":
        return _("regime vóór 1 juli 2022")
    return _("beide regimes")


def _peildatum(procedure: Wgrprocedure, stap: str) -> dt.date | None:
    """Which date chooses the regime: the receipt for a zienswijze window, the AB meeting for the
    draft budget, the year before the begrotingsjaar for the kaderbrief and the dispatch to GS."""
    if stap in ("zienswijze_begroting", "zienswijze_regeling"):
        return procedure.ontvangen_op
    if stap == "ontwerpbegroting_toezenden":
        return procedure.ab_vergadering
    if stap == "begroting_naar_gs":
        return procedure.ab_vergadering or dt.date(procedure.jaar - 1, 7, 1)
    if stap == "kaderbrief":
        return dt.date(procedure.jaar - 1, 1, 1)
    return dt.date(procedure.jaar + 1, 1, 1)


def termijn_voor(regel: Wgrregel, *, procedure: Wgrprocedure) -> Wgrtermijn | None:
    """One step's deadline under its rule. A window after receipt runs with the Algemene termijnenwet
    (art. 1-2: not ending on a weekend or holiday); a period counted back from the AB meeting does
    not (Atw art. 4); a fixed date in the law is a date, not a period."""
    if regel.soort == "weken_na" and procedure.ontvangen_op and regel.weken:
        uitkomst = termijn_berekenen(
            gebeurtenis=procedure.ontvangen_op,
            termijn=termijnen.Termijn(regel.weken, termijnen.Eenheid.WEKEN),
            gebeurtenis_omschrijving=_("ontvangst door de raad"),
        )
        return Wgrtermijn(
            stap=regel.stap,
            omschrijving=regel.omschrijving,
            artikel=regel.artikel,
            regime=regimenaam(regel),
            datum=uitkomst.einddatum,
            uitkomst=termijnen.Uitkomst(
                einddatum=uitkomst.einddatum,
                uitleg=[
                    *uitkomst.uitleg,
                    _("%(artikel)s, %(regime)s") % {"artikel": regel.artikel, "regime": regimenaam(regel)},
                ],
            ),
            venster_van=procedure.ontvangen_op,
            zienswijze=regel.zienswijze,
        )
    if regel.soort == "weken_voor" and procedure.ab_vergadering and regel.weken:
        datum = procedure.ab_vergadering - dt.timedelta(weeks=regel.weken)
        uitleg = [
            _("%(weken)s weken vóór de vergadering van het algemeen bestuur op %(ab)s: %(datum)s")
            % {
                "weken": regel.weken,
                "ab": termijnen.datum_nl(procedure.ab_vergadering),
                "datum": termijnen.datum_nl(datum),
            },
            _("Een terugwaarts berekende termijn valt buiten de Algemene termijnenwet (art. 4)."),
            _("%(artikel)s, %(regime)s") % {"artikel": regel.artikel, "regime": regimenaam(regel)},
        ]
        return Wgrtermijn(
            regel.stap,
            regel.omschrijving,
            regel.artikel,
            regimenaam(regel),
            datum,
            termijnen.Uitkomst(datum, uitleg),
        )
    if regel.soort == "vaste_datum" and regel.maand and regel.dag:
        datum = dt.date(procedure.jaar + regel.jaarverschil, regel.maand, regel.dag)
        uitleg = [
            _("Vaste datum in de wet: vóór %(datum)s (%(artikel)s, %(regime)s)")
            % {"datum": termijnen.datum_nl(datum), "artikel": regel.artikel, "regime": regimenaam(regel)}
        ]
        return Wgrtermijn(
            regel.stap,
            regel.omschrijving,
            regel.artikel,
            regimenaam(regel),
            datum,
            termijnen.Uitkomst(datum, uitleg),
        )
    return None


def termijnen_van(procedure: Wgrprocedure) -> list[Wgrtermijn]:
    """Every deadline of a procedure that can be computed from what is known, earliest first."""
    resultaat = []
    for stap in STAPPEN.get(procedure.soort, ()):
        peildatum = _peildatum(procedure, stap)
        if peildatum is None:
            continue
        regel = regel_voor(stap, peildatum)
        if regel is None:
            continue
        termijn = termijn_voor(regel, procedure=procedure)
        if termijn is not None:
            resultaat.append(termijn)
    return sorted(resultaat, key=lambda t: t.datum)


def zienswijzetermijn(procedure: Wgrprocedure) -> Wgrtermijn | None:
    return next((t for t in termijnen_van(procedure) if t.zienswijze), None)


def raadsvergaderingen_tussen(van: dt.date, tot: dt.date, *, alleen_gepland: bool = False) -> list[Any]:
    """The raad's meetings from `van` up to and including `tot` (not the cancelled ones)."""
    vergaderingen: list[Any] = []
    for orgaan in besluitvorming.organen_op(van):
        if orgaan.soort != "raad":
            continue
        rijen = besluitvorming.vergaderingen_van(orgaan, van, tot).exclude(status="geannuleerd")
        if alleen_gepland:
            rijen = rijen.filter(status="gepland")
        vergaderingen.extend(rijen)
    return vergaderingen


def geplande_raadsvergaderingen(vanaf: dt.date) -> list[Any]:
    return raadsvergaderingen_tussen(vanaf, vanaf + dt.timedelta(days=400), alleen_gepland=True)


@dataclass(frozen=True)
class Dashboardregel:
    procedure: Wgrprocedure
    termijnen: list[Wgrtermijn]
    zienswijze: Wgrtermijn | None
    vergaderingen: list[Any] = field(default_factory=list)
    dagen_resterend: int | None = None

    @property
    def geen_raadsvergadering(self) -> bool:
        """The griffie is warned when no raad meeting falls inside the zienswijze window."""
        return self.zienswijze is not None and not self.vergaderingen


def procedures(*, open_alleen: bool = False) -> QuerySet[Wgrprocedure]:
    rijen = Wgrprocedure.objects.select_related("verband", "agendapunt", "agendapunt__vergadering").order_by(
        "ontvangen_op", "pk"
    )
    return rijen.exclude(status=Wgrprocedure.Status.AFGEROND) if open_alleen else rijen


def dashboard(*, vandaag: dt.date) -> list[Dashboardregel]:
    """Every procedure not yet finished with its deadlines; those with an open zienswijze window
    first, then by the window's end."""
    regels = []
    for procedure in procedures(open_alleen=True):
        alle = termijnen_van(procedure)
        zienswijze = next((t for t in alle if t.zienswijze), None)
        vergaderingen: list[Any] = []
        dagen = None
        if zienswijze is not None and zienswijze.venster_van is not None:
            vergaderingen = raadsvergaderingen_tussen(zienswijze.venster_van, zienswijze.datum)
            dagen = (zienswijze.datum - vandaag).days
        regels.append(Dashboardregel(procedure, alle, zienswijze, vergaderingen, dagen))
    return sorted(
        regels, key=lambda r: (r.dagen_resterend is None or r.dagen_resterend < 0, r.dagen_resterend or 0)
    )


def komende_termijnen(*, vandaag: dt.date, dagen: int = 120) -> list[tuple[Wgrprocedure, Wgrtermijn]]:
    """Deadlines from today up to `dagen` ahead, for the calendar."""
    tot = vandaag + dt.timedelta(days=dagen)
    resultaat = [
        (procedure, termijn)
        for procedure in procedures(open_alleen=True)
        for termijn in termijnen_van(procedure)
        if vandaag <= termijn.datum <= tot
    ]
    return sorted(resultaat, key=lambda paar: paar[1].datum)
