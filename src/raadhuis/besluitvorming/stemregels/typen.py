"""Enums, inputs, outcomes and the error of the voting-rule engine (Gemeentewet arts. 20, 27-32, 56-59)."""

from __future__ import annotations

import enum
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field


class StemKeuze(enum.StrEnum):
    """One member's vote; values of the VNG ODS enum StemKeuze."""

    VOOR = "voor"
    TEGEN = "tegen"
    AFWEZIG = "afwezig"
    # Art. 32 lid 2 forbids it for present members; kept for imported historic data only.
    ONTHOUDEN = "onthouden"


class StemmingResultaat(enum.StrEnum):
    """The raw count of a vote; values of the VNG ODS enum StemmingResultaat."""

    VOOR = "voor"
    TEGEN = "tegen"
    GELIJK = "gelijk"


class StemmingsType(enum.StrEnum):
    """How the vote was taken; values of the VNG ODS enum StemmingsType."""

    HOOFDELIJK = "hoofdelijk"
    REGULIER = "regulier"
    SCHRIFTELIJK = "schriftelijk"


class FractieStemResultaat(enum.StrEnum):
    """How a fractie's members voted, derived (art. 27); values of the VNG ODS enum FractieStemResultaat."""

    AANGENOMEN = "aangenomen"
    VERWORPEN = "verworpen"
    VERDEELD = "verdeeld"


class Uitkomst(enum.StrEnum):
    """The legal outcome of a vote, beyond ODS (which records only the count)."""

    AANGENOMEN = "aangenomen"
    VERWORPEN = "verworpen"
    UITGESTELD = "uitgesteld"
    ONGELDIG = "ongeldig"
    GEEN_QUORUM = "geen_quorum"
    AANGENOMEN_ZONDER_STEMMING = "aangenomen_zonder_stemming"
    # College, art. 59 lid 1: a tie means voting again on the same proposal.
    OPNIEUW_STEMMEN = "opnieuw_stemmen"
    # Votes on persons (art. 31): someone is chosen, or another round (or the lot) is needed.
    GEKOZEN = "gekozen"
    VOLGENDE_RONDE = "volgende_ronde"


class Voorstelsoort(enum.StrEnum):
    VOORSTEL = "voorstel"
    AMENDEMENT = "amendement"
    SUBAMENDEMENT = "subamendement"
    MOTIE = "motie"
    MOTIE_VREEMD = "motie_vreemd_aan_de_orde_van_de_dag"


SOORT_NAAM = {
    Voorstelsoort.VOORSTEL: "het voorstel",
    Voorstelsoort.AMENDEMENT: "het amendement",
    Voorstelsoort.SUBAMENDEMENT: "het subamendement",
    Voorstelsoort.MOTIE: "de motie",
    Voorstelsoort.MOTIE_VREEMD: "de motie vreemd aan de orde van de dag",
}


class StemregelFout(ValueError):
    """Input the Gemeentewet does not allow; each message is Dutch, ready for a ValidationError."""

    def __init__(self, *meldingen: str) -> None:
        super().__init__(" ".join(meldingen))
        self.meldingen: tuple[str, ...] = meldingen


@dataclass(frozen=True)
class Stem:
    """One member's vote; `lid` identifies the member (e.g. the primary key as text)."""

    lid: str
    keuze: StemKeuze


@dataclass(frozen=True)
class Stemsituatie:
    """Who may vote on one agendapunt, and which legal exceptions apply to it.

    `zitting_hebbende_leden`: seats actually filled (vacancies excluded); `aanwezig`: per the
    presentielijst of this agendapunt; `moeten_onthouden`: members who may not take part (art. 28
    lid 1; art. 28 lid 4: nobody for the toelating after elections). `na_niet_geopende_vergadering`:
    this is the new meeting of art. 20 lid 2 (college: art. 56 lid 2);
    `agendapunt_van_niet_geopende_vergadering`: the item was on the agenda of the meeting that could not
    open (art. 20 lid 3, art. 29 lid 2 onder b). `eerder_ongeldig`: a new vote on a subject whose vote
    was invalid in an earlier meeting (art. 29 lid 2 onder a).
    """

    zitting_hebbende_leden: AbstractSet[str]
    aanwezig: AbstractSet[str]
    moeten_onthouden: AbstractSet[str] = frozenset()
    na_niet_geopende_vergadering: bool = False
    agendapunt_van_niet_geopende_vergadering: bool = False
    eerder_ongeldig: bool = False

    def __post_init__(self) -> None:
        fouten = [
            f"{lid} staat op de presentielijst maar heeft geen zitting."
            for lid in sorted(set(self.aanwezig) - set(self.zitting_hebbende_leden))
        ]
        fouten += [
            f"{lid} moet zich onthouden (art. 28) maar heeft geen zitting."
            for lid in sorted(set(self.moeten_onthouden) - set(self.zitting_hebbende_leden))
        ]
        if self.agendapunt_van_niet_geopende_vergadering and not self.na_niet_geopende_vergadering:
            fouten.append(
                "Een agendapunt van een niet geopende vergadering kan alleen in de opnieuw belegde "
                "vergadering aan de orde zijn (Gemeentewet art. 20 lid 2)."
            )
        if fouten:
            raise StemregelFout(*fouten)

    @property
    def stemgerechtigd(self) -> frozenset[str]:
        """Seated members not obliged to abstain: the base of art. 29 and of voltalligheid (art. 32 lid 6)."""
        return frozenset(self.zitting_hebbende_leden) - frozenset(self.moeten_onthouden)

    @property
    def zonder_quorum(self) -> bool:
        """Items of an art. 20 lid 2 meeting that were on the failed meeting's agenda (art. 20 lid 3)."""
        return self.na_niet_geopende_vergadering and self.agendapunt_van_niet_geopende_vergadering

    @property
    def geldigheid_vrijgesteld(self) -> bool:
        """Whether art. 29 lid 1 does not apply, by art. 29 lid 2 onder a or b."""
        return self.eerder_ongeldig or self.zonder_quorum


@dataclass(frozen=True)
class Quorum:
    """Whether a meeting may open or decide; `vereist` is None when no quorum applies."""

    gehaald: bool
    vereist: int | None
    aanwezig: int
    uitleg: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Stemmingsuitkomst:
    """The outcome of a vote on a proposal, motie or amendement, with every step explained in Dutch.

    `resultaat` is the ODS count (None when no vote was held); `geldig` is None likewise. `afwezig` counts
    members not obliged to abstain who are not on the presentielijst; `deelnemers` counts those who took
    part (art. 29). `onregelmatigheden` lists irregular but accepted facts (imported `onthouden`).
    """

    uitkomst: Uitkomst
    resultaat: StemmingResultaat | None = None
    voor: int = 0
    tegen: int = 0
    onthouden: int = 0
    afwezig: int = 0
    deelnemers: int = 0
    geldig: bool | None = None
    voltallig: bool = False
    tegen_aangetekend: tuple[str, ...] = ()
    onregelmatigheden: tuple[str, ...] = ()
    uitleg: list[str] = field(default_factory=list)

    @property
    def samenvatting(self) -> str:
        return self.uitleg[-1] if self.uitleg else ""


def meer_dan_de_helft(aantal: int) -> int:
    """The smallest whole number that is more than half of `aantal` (arts. 20, 29 and 30)."""
    return aantal // 2 + 1


def helft(aantal: int) -> str:
    """Half of `aantal` in Dutch notation ("12,5")."""
    return str(aantal // 2) if aantal % 2 == 0 else f"{aantal // 2},5"


def opsomming(namen: list[str] | tuple[str, ...]) -> str:
    if len(namen) <= 1:
        return "".join(namen)
    return ", ".join(namen[:-1]) + " en " + namen[-1]
