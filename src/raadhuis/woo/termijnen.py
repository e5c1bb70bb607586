"""The decision term of a Woo request as pure functions: beslistermijn, verdaging, opschorting.

Sources: shared/domain/woo.md section 1 (Woo art. 4.4, Algemene termijnenwet, Awb 4:15 and 6:12).
Every function takes plain values, touches no database and either returns what the rule yields or
raises ``ValidationError({field: Dutch message})``. The days equated with a holiday by royal decree
(Atw art. 3 lid 3) default to ``core.termijnen.GELIJKGESTELDE_DAGEN``; services pass
``core.selectors.gelijkgestelde_dagen()`` (the beheerder's list) instead. Holidays and the Atw
itself come from ``core.termijnen``; nothing is recomputed here.

Dates follow the wording of the law: ``Opschorting.van`` is the first day the clock stands still
("met ingang van de dag na die waarop ..."), ``Opschorting.tot`` the day the zienswijze or the
answer arrived ("tot de dag waarop ..."), on which the clock runs again.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from raadhuis.core.termijnen import (
    GELIJKGESTELDE_DAGEN,
    Eenheid,
    Termijn,
    bereken_termijn,
    datum_nl,
    is_werkdag,
)

__all__ = [
    "BESLISTERMIJN",
    "BIJNA_VERLOPEN_WERKDAGEN",
    "INGEBREKESTELLING_TERMIJN",
    "MAXIMALE_VERDAGING_DAGEN",
    "Beslistermijn",
    "Opschorting",
    "Status",
    "Verdaging",
    "beslistermijn",
    "eerste_termijn_einde",
    "ingebrekestelling",
    "ingebrekestelling_toetsen",
    "opschorting_toetsen",
    "verdaging_toetsen",
]

# Woo art. 4.4 lid 1: "uiterlijk binnen vier weken gerekend vanaf de dag na die waarop het verzoek
# is ontvangen".
BESLISTERMIJN = Termijn(4, Eenheid.WEKEN)
# Woo art. 4.4 lid 2: "met ten hoogste twee weken verdagen".
MAXIMALE_VERDAGING_DAGEN = 14
# Awb art. 6:12 lid 2: beroep once two weeks have passed after the day of the ingebrekestelling.
INGEBREKESTELLING_TERMIJN = Termijn(2, Eenheid.WEKEN)
# The dashboard warns when the end date is this many working days away or fewer.
BIJNA_VERLOPEN_WERKDAGEN = 5


class Status(models.TextChoices):
    """Where a request stands against its decision term, for the dashboard."""

    OP_SCHEMA = "op_schema", gettext_lazy("Op schema")
    BIJNA_VERLOPEN = "bijna_verlopen", gettext_lazy("Binnen 5 werkdagen")
    VERLOPEN = "verlopen", gettext_lazy("Termijn verstreken")
    OPGESCHORT = "opgeschort", gettext_lazy("Opgeschort")


@dataclass(frozen=True)
class Opschorting:
    """A period in which the decision term stands still.

    Woo art. 4.4 lid 3 (zienswijze of a third party, Awb 4:8): from the day after the verzoeker was
    told until the day the zienswijze arrives or its term lapses. Woo art. 4.1 lid 5 with Awb 4:15
    lid 1 (request too general, sent back to be specified): from the day after the verzoeker was
    asked until the day the answer arrives or its term lapses. `tot` is that day (exclusive: the
    clock runs again on it); ``None`` while the period is still open, and then the end date of the
    term is unknown.
    """

    van: date
    tot: date | None
    reden: str

    def dagen_tot_en_met(self, peildatum: date) -> tuple[date, date] | None:
        """The suspended days as an inclusive interval for core.termijnen; an open period counts up
        to and including `peildatum`. ``None`` when no day is suspended."""
        laatste = peildatum if self.tot is None else self.tot - timedelta(days=1)
        if laatste < self.van:
            return None
        return (self.van, laatste)


@dataclass(frozen=True)
class Verdaging:
    """Woo art. 4.4 lid 2: the term may be extended once, by at most two weeks, only because of the
    omvang or gecompliceerdheid of the information, in writing with reasons, before the first term
    ends. `dagen` is the extension (14 unless a shorter one was decided)."""

    besloten_op: date
    reden: str
    dagen: int = MAXIMALE_VERDAGING_DAGEN

    @property
    def termijn(self) -> Termijn:
        if self.dagen % 7 == 0:
            return Termijn(self.dagen // 7, Eenheid.WEKEN)
        return Termijn(self.dagen, Eenheid.DAGEN)


@dataclass(frozen=True)
class Beslistermijn:
    """The decision term of one request as it stands on `op`.

    `einddatum` is the last day to decide (Woo art. 4.4 with Atw art. 1–2), ``None`` while a
    suspension is open: the term then stands still and its end is unknown. `vroegste_einddatum` is
    the end date if the open suspension ended on `op` (the clock runs again on the next day); the
    days left and the status are counted against it.
    """

    ontvangen_op: date
    op: date
    einddatum: date | None
    vroegste_einddatum: date
    eerste_termijn_einde: date
    opgeschort: bool
    verdaagd: bool
    kalenderdagen_over: int
    werkdagen_over: int
    status: Status
    uitleg: tuple[str, ...]

    @property
    def samenvatting(self) -> str:
        """A short Dutch label for the dashboard ("nog 3 werkdagen", "2 werkdagen te laat")."""
        if self.status is Status.OPGESCHORT:
            return _("Opgeschort; op zijn vroegst af op %(datum)s") % {
                "datum": datum_nl(self.vroegste_einddatum)
            }
        if self.status is Status.VERLOPEN:
            aantal = -self.werkdagen_over
            return ngettext("%(aantal)s werkdag te laat", "%(aantal)s werkdagen te laat", aantal) % {
                "aantal": aantal
            }
        if self.werkdagen_over == 0:
            return _("Vandaag de laatste dag")
        return ngettext("Nog %(aantal)s werkdag", "Nog %(aantal)s werkdagen", self.werkdagen_over) % {
            "aantal": self.werkdagen_over
        }


def _intervallen(opschortingen: Sequence[Opschorting], peildatum: date) -> list[tuple[date, date]]:
    return [
        interval
        for opschorting in opschortingen
        if (interval := opschorting.dagen_tot_en_met(peildatum)) is not None
    ]


def _werkdagen_tussen(na: date, tot_en_met: date, extra: Collection[date]) -> int:
    return sum(1 for n in range(1, (tot_en_met - na).days + 1) if is_werkdag(na + timedelta(days=n), extra))


def eerste_termijn_einde(
    ontvangen_op: date,
    *,
    opschortingen: Sequence[Opschorting] = (),
    peildatum: date | None = None,
    extra_feestdagen: Collection[date] = GELIJKGESTELDE_DAGEN,
) -> date:
    """The end of the first term, without verdaging: 4 weeks from the day after receipt (Woo art. 4.4
    lid 1), moved by the suspensions (lid 3) and then by Atw art. 1–2. An open suspension counts up
    to and including `peildatum` (default: the day of receipt, so not at all)."""
    return bereken_termijn(
        gebeurtenis=ontvangen_op,
        termijn=BESLISTERMIJN,
        opschortingen=_intervallen(opschortingen, peildatum or ontvangen_op),
        extra_feestdagen=extra_feestdagen,
    ).einddatum


def beslistermijn(
    ontvangen_op: date,
    *,
    opschortingen: Sequence[Opschorting] = (),
    verdaging: Verdaging | None = None,
    op: date | None = None,
    extra_feestdagen: Collection[date] = GELIJKGESTELDE_DAGEN,
) -> Beslistermijn:
    """The decision term of a Woo request on day `op` (default: today).

    Woo art. 4.4 lid 1: four weeks from the day after receipt; lid 2: verdaging by at most two weeks,
    counted from the end of the first term before the Atw moves it (our reading, woo.md: verify);
    lid 3 and Awb 4:15: suspended days are added; Atw art. 1: an end on a Saturday, Sunday or
    holiday (art. 3, with the days equated by decree) moves to the next working day. The inputs are
    taken as given; the services check them first with `opschorting_toetsen` and
    `verdaging_toetsen`.
    """
    peildatum = op or timezone.localdate()
    open_ = [o for o in opschortingen if o.tot is None]
    opgeschort = any(o.van <= peildatum for o in open_)
    uitkomst = bereken_termijn(
        gebeurtenis=ontvangen_op,
        termijn=BESLISTERMIJN,
        opschortingen=_intervallen(opschortingen, peildatum),
        verlenging=verdaging.termijn if verdaging is not None else None,
        extra_feestdagen=extra_feestdagen,
        gebeurtenis_omschrijving=_("ontvangst van het verzoek"),
    )
    uitleg = [
        _(
            "De beslistermijn is vier weken, gerekend vanaf de dag na ontvangst van het verzoek "
            "(Wet open overheid art. 4.4 lid 1)"
        ),
        *uitkomst.uitleg,
    ]
    if verdaging is not None:
        uitleg.append(
            _("Verdaagd bij besluit van %(datum)s (Wet open overheid art. 4.4 lid 2): %(reden)s")
            % {"datum": datum_nl(verdaging.besloten_op), "reden": verdaging.reden}
        )
    for opschorting in opschortingen:
        if opschorting.tot is None:
            regel = _("Opgeschort vanaf %(van)s, nog niet beëindigd: %(reden)s") % {
                "van": datum_nl(opschorting.van),
                "reden": opschorting.reden,
            }
        else:
            regel = _("Opgeschort vanaf %(van)s; de termijn loopt weer vanaf %(tot)s: %(reden)s") % {
                "van": datum_nl(opschorting.van),
                "tot": datum_nl(opschorting.tot),
                "reden": opschorting.reden,
            }
        uitleg.append(regel)
    if open_:
        uitleg.append(
            _(
                "De termijn staat stil zolang de opschorting loopt; als die op %(op)s eindigt, "
                "is de beslistermijn op zijn vroegst %(einde)s"
            )
            % {"op": datum_nl(peildatum), "einde": datum_nl(uitkomst.einddatum, weekdag=True)}
        )

    einde = uitkomst.einddatum
    kalenderdagen = (einde - peildatum).days
    if einde >= peildatum:
        werkdagen = _werkdagen_tussen(peildatum, einde, extra_feestdagen)
    else:
        werkdagen = -_werkdagen_tussen(einde, peildatum, extra_feestdagen)
    if opgeschort:
        status = Status.OPGESCHORT
    elif peildatum > einde:
        status = Status.VERLOPEN
    elif werkdagen <= BIJNA_VERLOPEN_WERKDAGEN:
        status = Status.BIJNA_VERLOPEN
    else:
        status = Status.OP_SCHEMA
    return Beslistermijn(
        ontvangen_op=ontvangen_op,
        op=peildatum,
        einddatum=None if open_ else einde,
        vroegste_einddatum=einde,
        eerste_termijn_einde=eerste_termijn_einde(
            ontvangen_op,
            opschortingen=opschortingen,
            peildatum=peildatum,
            extra_feestdagen=extra_feestdagen,
        ),
        opgeschort=opgeschort,
        verdaagd=verdaging is not None,
        kalenderdagen_over=kalenderdagen,
        werkdagen_over=werkdagen,
        status=status,
        uitleg=tuple(uitleg),
    )


def verdaging_toetsen(
    *,
    ontvangen_op: date,
    verdaging: Verdaging,
    opschortingen: Sequence[Opschorting] = (),
    eerdere_verdaging: Verdaging | None = None,
    extra_feestdagen: Collection[date] = GELIJKGESTELDE_DAGEN,
) -> None:
    """Woo art. 4.4 lid 2: a verdaging is allowed once, by at most two weeks, with reasons (omvang or
    gecompliceerdheid), decided before the first term ends. The first term includes the suspended
    days (lid 3) and the Atw extension; an open suspension counts up to the decision day, so a
    verdaging decided while the clock stands still is in time. Raises ValidationError keyed by
    field."""
    fouten: dict[str, str] = {}
    if eerdere_verdaging is not None:
        fouten["besloten_op"] = _(
            "De beslistermijn is al eens verdaagd; de Wet open overheid staat één verdaging toe "
            "(art. 4.4 lid 2)."
        )
    elif verdaging.besloten_op < ontvangen_op:
        fouten["besloten_op"] = _(
            "Een verdaging kan niet vóór de ontvangst van het verzoek (%(datum)s) vallen."
        ) % {"datum": datum_nl(ontvangen_op)}
    else:
        einde = eerste_termijn_einde(
            ontvangen_op,
            opschortingen=opschortingen,
            peildatum=verdaging.besloten_op,
            extra_feestdagen=extra_feestdagen,
        )
        if verdaging.besloten_op > einde:
            fouten["besloten_op"] = _(
                "De eerste beslistermijn eindigde op %(datum)s; daarna kan niet meer worden verdaagd "
                "(Wet open overheid art. 4.4 lid 2)."
            ) % {"datum": datum_nl(einde)}
    if not verdaging.reden.strip():
        fouten["reden"] = _(
            "Geef de reden van de verdaging: de omvang of de gecompliceerdheid van de informatie "
            "(Wet open overheid art. 4.4 lid 2)."
        )
    if not 1 <= verdaging.dagen <= MAXIMALE_VERDAGING_DAGEN:
        fouten["dagen"] = _("Een verdaging duurt ten hoogste twee weken (Wet open overheid art. 4.4 lid 2).")
    if fouten:
        raise ValidationError(fouten)


def _overlappen(a: Opschorting, b: Opschorting) -> bool:
    # Half-open [van, tot); an open period runs on indefinitely, an empty one overlaps nothing.
    if a.tot == a.van or b.tot == b.van:
        return False
    return (b.tot is None or a.van < b.tot) and (a.tot is None or b.van < a.tot)


def opschorting_toetsen(
    *,
    ontvangen_op: date,
    opschorting: Opschorting,
    bestaande: Sequence[Opschorting] = (),
    verdaging: Verdaging | None = None,
    extra_feestdagen: Collection[date] = GELIJKGESTELDE_DAGEN,
) -> None:
    """Woo art. 4.4 lid 3 and Awb 4:15: a suspension starts on the day after the verzoeker was told,
    so at the earliest the day after receipt; it cannot end before it starts, cannot overlap another
    one (a day is suspended once), and cannot start after the term (with `bestaande` and
    `verdaging`) has already ended. Raises ValidationError keyed by field."""
    fouten: dict[str, str] = {}
    if not opschorting.reden.strip():
        fouten["reden"] = _("Geef de reden van de opschorting, zoals een zienswijze van een derde.")
    if opschorting.tot is not None and opschorting.tot < opschorting.van:
        fouten["tot"] = _("Een opschorting kan niet eindigen (%(tot)s) vóór ze begint (%(van)s).") % {
            "tot": datum_nl(opschorting.tot),
            "van": datum_nl(opschorting.van),
        }
    if opschorting.van <= ontvangen_op:
        fouten["van"] = _(
            "Een opschorting begint op zijn vroegst op de dag na ontvangst van het verzoek (%(datum)s)."
        ) % {"datum": datum_nl(ontvangen_op + timedelta(days=1))}
    elif "tot" not in fouten:
        andere = next((b for b in bestaande if _overlappen(opschorting, b)), None)
        if andere is not None:
            fouten["van"] = _("Deze opschorting overlapt met de opschorting vanaf %(van)s.") % {
                "van": datum_nl(andere.van)
            }
        else:
            einde = beslistermijn(
                ontvangen_op,
                opschortingen=bestaande,
                verdaging=verdaging,
                op=opschorting.van,
                extra_feestdagen=extra_feestdagen,
            ).vroegste_einddatum
            if opschorting.van > einde:
                fouten["van"] = _(
                    "De beslistermijn eindigde op %(datum)s; een verstreken termijn kan niet meer "
                    "worden opgeschort."
                ) % {"datum": datum_nl(einde)}
    if fouten:
        raise ValidationError(fouten)


def ingebrekestelling(
    ontvangen_op: date, *, extra_feestdagen: Collection[date] = GELIJKGESTELDE_DAGEN
) -> date:
    """The first day on which beroep wegens niet tijdig beslissen can be filed after an
    ingebrekestelling received on `ontvangen_op`.

    Awb art. 6:12 lid 2: beroep is possible "zodra twee weken zijn verstreken na de dag waarop" the
    bestuursorgaan was put in default, so the two weeks run from the day after receipt and beroep is
    possible on the day after they end. We let Atw art. 1 extend those two weeks when they end on a
    weekend or holiday (woo.md: verify). The court then usually orders a decision within two weeks
    (Awb art. 8:55d); the automatic dwangsom (Awb art. 4:17) does not apply to Woo requests
    (woo.md: verify).
    """
    laatste_dag = bereken_termijn(
        gebeurtenis=ontvangen_op, termijn=INGEBREKESTELLING_TERMIJN, extra_feestdagen=extra_feestdagen
    ).einddatum
    return laatste_dag + timedelta(days=1)


def ingebrekestelling_toetsen(*, ontvangen_op: date, termijn: Beslistermijn) -> None:
    """An ingebrekestelling only counts once the decision term has passed (Awb art. 6:12 lid 2: "niet
    tijdig"); one received on or before the end date, or while the term stands still, is premature
    (woo.md: verify against case law). Raises ValidationError keyed by field."""
    if ontvangen_op < termijn.ontvangen_op:
        raise ValidationError(
            {"ontvangen_op": _("Een ingebrekestelling kan niet vóór het verzoek zijn ontvangen.")}
        )
    einde = termijn.einddatum
    if einde is None or ontvangen_op <= einde:
        raise ValidationError(
            {
                "ontvangen_op": _(
                    "De beslistermijn was op %(datum)s nog niet verstreken; een ingebrekestelling is "
                    "pas mogelijk na afloop ervan (Awb art. 6:12 lid 2)."
                )
                % {"datum": datum_nl(ontvangen_op)}
            }
        )
