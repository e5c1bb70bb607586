"""Secret written votes on persons (Gemeentewet art. 31), in the rounds of the VNG model RvO."""

from __future__ import annotations

import enum
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from raadhuis.besluitvorming.stemregels.kern import stemming_geldig
from raadhuis.besluitvorming.stemregels.typen import (
    StemregelFout,
    Stemsituatie,
    Uitkomst,
    helft,
    meer_dan_de_helft,
    opsomming,
)


class Ronde(enum.StrEnum):
    EERSTE = "eerste"  # free, or limited to the persons of a voordracht
    TWEEDE = "tweede"  # the second free round (RvO)
    TUSSENSTEMMING = "tussenstemming"  # decides who enters the herstemming; elects nobody (RvO)
    HERSTEMMING = "herstemming"  # between the two with most votes (RvO)
    HERSTEMMING_NA_STAKING = "herstemming_na_staking"  # art. 31 lid 2
    LOT = "lot"  # art. 31 lid 3, or a tie again in a tussenstemming (RvO)
    # End states, internal to the replay.
    GEKOZEN = "gekozen"
    ONGELDIG = "ongeldig"


_NAAM = {
    Ronde.EERSTE: "Eerste stemming",
    Ronde.TWEEDE: "Tweede (vrije) stemming",
    Ronde.TUSSENSTEMMING: "Tussenstemming",
    Ronde.HERSTEMMING: "Herstemming",
    Ronde.HERSTEMMING_NA_STAKING: "Herstemming na staking van stemmen",
}


@dataclass(frozen=True)
class Stembriefjes:
    """The ballots of one round: properly completed ones per person, blank ones and invalid ones."""

    stemmen: Mapping[str, int]
    blanco: int = 0
    ongeldig: int = 0

    def __post_init__(self) -> None:
        if self.blanco < 0 or self.ongeldig < 0 or any(n < 0 for n in self.stemmen.values()):
            raise StemregelFout("Aantallen stembriefjes kunnen niet negatief zijn.")

    @property
    def uitgebracht(self) -> int:
        """Votes cast: only properly completed ballots (art. 30 lid 2)."""
        return sum(self.stemmen.values())

    @property
    def ingeleverd(self) -> int:
        """Participation: every ballot handed in, blank or invalid too (art. 28 lid 2)."""
        return self.uitgebracht + self.blanco + self.ongeldig


@dataclass(frozen=True)
class Loting:
    uit: tuple[str, ...]
    getrokken: tuple[str, ...]
    doel: str


@dataclass(frozen=True)
class Persoonsuitkomst:
    """`gekozen` when someone has been chosen; with `volgende_ronde`, who may be voted for next (empty for
    a free round) or, for the lot, among whom `plaatsen` names are drawn."""

    uitkomst: Uitkomst
    gekozen: str | None = None
    volgende_ronde: Ronde | None = None
    kandidaten: tuple[str, ...] = ()
    plaatsen: int = 1
    lotingen: tuple[Loting, ...] = ()
    uitleg: list[str] = field(default_factory=list)

    @property
    def samenvatting(self) -> str:
        return self.uitleg[-1] if self.uitleg else ""


@dataclass
class _Stand:
    ronde: Ronde
    kandidaten: tuple[str, ...] | None  # None: a free round
    zeker: tuple[str, ...] = ()  # already in the herstemming while a tussenstemming runs
    plaatsen: int = 2
    lotingen: list[Loting] = field(default_factory=list)


class _LotNodig(Exception):
    def __init__(self, uit: tuple[str, ...], plaatsen: int) -> None:
        self.uit, self.plaatsen = uit, plaatsen


def _trek(
    uit: tuple[str, ...],
    plaatsen: int,
    doel: str,
    lot: list[str],
    rng: random.Random | None,
    stand: _Stand,
    uitleg: list[str],
) -> tuple[str, ...]:
    """Draws `plaatsen` names "terstond" (art. 31 lid 3): from the given lot results, else with `rng`."""
    over, getrokken = sorted(uit), []
    for _ in range(plaatsen):
        if lot:
            naam = lot.pop(0)
            if naam not in over:
                raise StemregelFout(
                    f"De loting moet gaan tussen {opsomming(over)}; {naam} hoort daar niet bij."
                )
        elif rng is not None:
            naam = rng.choice(over)
        else:
            raise _LotNodig(tuple(sorted(uit)), plaatsen)
        over.remove(naam)
        getrokken.append(naam)
    stand.lotingen.append(Loting(uit=tuple(sorted(uit)), getrokken=tuple(getrokken), doel=doel))
    uitleg.append(f"Het lot tussen {opsomming(sorted(uit))} wijst {opsomming(getrokken)} aan ({doel})")
    return tuple(getrokken)


def _twee_hoogsten(
    stand: _Stand, telling: Mapping[str, int], lot: list[str], rng: random.Random | None, uitleg: list[str]
) -> _Stand:
    """RvO: a herstemming between the two with most votes; an undecided second place goes to a
    tussenstemming, and a tie again in that tussenstemming to the lot."""
    rang = sorted(telling.items(), key=lambda item: (-item[1], item[0]))
    if stand.ronde is Ronde.TUSSENSTEMMING:
        nodig = stand.plaatsen
    else:
        nodig, stand = 2, _Stand(stand.ronde, stand.kandidaten, (), 2, stand.lotingen)
    grens = rang[nodig - 1][1] if len(rang) >= nodig else -1
    boven = tuple(naam for naam, n in rang if n > grens)
    gelijk = tuple(naam for naam, n in rang if n == grens)
    if len(boven) + len(gelijk) > nodig:
        if stand.ronde is Ronde.TUSSENSTEMMING:
            boven += _trek(gelijk, nodig - len(boven), "naar de herstemming", lot, rng, stand, uitleg)
        else:
            uitleg.append(
                f"Staking om de plaats in de herstemming: tussenstemming tussen {opsomming(gelijk)} "
                "(reglement van orde)"
            )
            return _Stand(Ronde.TUSSENSTEMMING, gelijk, boven, nodig - len(boven), stand.lotingen)
    else:
        boven += gelijk
    finalisten = tuple(sorted(stand.zeker + boven))
    uitleg.append(f"Herstemming tussen {opsomming(finalisten)} (reglement van orde)")
    return _Stand(Ronde.HERSTEMMING, finalisten, (), 2, stand.lotingen)


def stemming_over_personen(
    *,
    situatie: Stemsituatie,
    rondes: Sequence[Stembriefjes],
    voordracht: Sequence[str] = (),
    lot: Sequence[str] = (),
    rng: random.Random | None = None,
) -> Persoonsuitkomst:
    """Replays the rounds of a vote on persons (art. 31 lid 1: secret, on ballots) and says who is chosen
    or which round comes next. Call it again with one more round each time.

    Per round: validity counts every ballot handed in (art. 28 lid 2, art. 29), except as art. 29 lid 2
    says; a person with more than half of the properly completed ballots (art. 30) is chosen, in any
    round but a tussenstemming. Otherwise (VNG model reglement van orde): a second free round, then a
    herstemming between the two with most votes. A tie between persons the choice is limited to (by
    `voordracht` or a herstemming) gives a herstemming in the same meeting (art. 31 lid 2); a tie again
    is decided at once by the lot (lid 3): the names drawn come from `lot`, else from `rng`, else the
    outcome asks for the lot. Pass the result drawn in the meeting, or `secrets.SystemRandom()` (a
    seeded `random.Random` only in tests). Seated members in a limited choice are personally concerned
    (art. 28 lid 3) and do not count as stemgerechtigd in that round.
    """
    uitleg: list[str] = []
    te_trekken = list(lot)
    stand = _Stand(Ronde.EERSTE, tuple(voordracht) if voordracht else None)
    for nummer, briefjes in enumerate(rondes, start=1):
        try:
            stand = _ronde(stand, briefjes, situatie, te_trekken, rng, uitleg)
        except _LotNodig as nodig:
            uitleg.append(f"Het lot moet beslissen tussen {opsomming(nodig.uit)}")
            stand = _Stand(Ronde.LOT, nodig.uit, plaatsen=nodig.plaatsen, lotingen=stand.lotingen)
        if stand.ronde in (Ronde.GEKOZEN, Ronde.ONGELDIG, Ronde.LOT) and nummer < len(rondes):
            raise StemregelFout(f"Ronde {nummer + 1} is overbodig of kan nog niet: eerst {stand.ronde}.")
    if te_trekken:
        raise StemregelFout("Er zijn meer lotingen opgegeven dan nodig.")
    lotingen = tuple(stand.lotingen)
    if stand.ronde is Ronde.GEKOZEN:
        gekozen = stand.kandidaten[0] if stand.kandidaten else None
        return Persoonsuitkomst(Uitkomst.GEKOZEN, gekozen=gekozen, lotingen=lotingen, uitleg=uitleg)
    if stand.ronde is Ronde.ONGELDIG:
        return Persoonsuitkomst(Uitkomst.ONGELDIG, lotingen=lotingen, uitleg=uitleg)
    return Persoonsuitkomst(
        Uitkomst.VOLGENDE_RONDE,
        volgende_ronde=stand.ronde,
        kandidaten=stand.kandidaten or (),
        plaatsen=stand.plaatsen if stand.ronde in (Ronde.TUSSENSTEMMING, Ronde.LOT) else 1,
        lotingen=lotingen,
        uitleg=uitleg,
    )


def _ronde(
    stand: _Stand,
    briefjes: Stembriefjes,
    situatie: Stemsituatie,
    lot: list[str],
    rng: random.Random | None,
    uitleg: list[str],
) -> _Stand:
    """Counts one round (arts. 28-30) and returns what follows it."""
    naam = _NAAM[stand.ronde]
    beperkt = set(stand.kandidaten or ())
    onbekend = sorted(set(briefjes.stemmen) - beperkt) if beperkt else []
    if onbekend:
        raise StemregelFout(
            f"{naam}: stemmen op {opsomming(onbekend)}, maar de keuze is beperkt tot "
            f"{opsomming(sorted(beperkt))}."
        )
    onthouders = set(situatie.moeten_onthouden) | (beperkt & set(situatie.zitting_hebbende_leden))
    stemgerechtigd = len(set(situatie.zitting_hebbende_leden) - onthouders)
    kunnen = len(set(situatie.aanwezig) - onthouders)
    if briefjes.ingeleverd > kunnen:
        raise StemregelFout(
            f"{naam}: {briefjes.ingeleverd} stembriefjes ingeleverd, meer dan de {kunnen} "
            "aanwezige leden die mogen stemmen."
        )
    uitleg.append(
        f"{naam}: {briefjes.ingeleverd} stembriefjes ingeleverd, waarvan {briefjes.blanco} blanco "
        f"en {briefjes.ongeldig} ongeldig; {stemgerechtigd} leden stemgerechtigd (Gemeentewet art. 28)"
    )
    if not stemming_geldig(
        deelnemers=briefjes.ingeleverd,
        zitting_hebbende_leden=stemgerechtigd,
        vrijgesteld=situatie.geldigheid_vrijgesteld,
    ):
        uitleg.append(
            f"Ongeldig: niet meer dan de helft ({helft(stemgerechtigd)}) nam deel; in een volgende "
            "vergadering wordt opnieuw gestemd (Gemeentewet art. 29)"
        )
        return _Stand(Ronde.ONGELDIG, None, lotingen=stand.lotingen)
    uitleg.append(
        f"{briefjes.ingeleverd} is meer dan de helft ({helft(stemgerechtigd)}): geldig (Gemeentewet art. 29)"
        if not situatie.geldigheid_vrijgesteld
        else "Geen minimum aan deelnemers (Gemeentewet art. 29 lid 2)"
    )
    telling = (
        {k: briefjes.stemmen.get(k, 0) for k in sorted(beperkt)}
        if beperkt
        else {k: n for k, n in briefjes.stemmen.items() if n > 0}
    )
    if beperkt & set(situatie.zitting_hebbende_leden):
        uitleg.append(
            f"{opsomming(sorted(beperkt & set(situatie.zitting_hebbende_leden)))}: kandidaat en lid, dus "
            "persoonlijk betrokken; neemt niet deel (Gemeentewet art. 28 lid 3)"
        )
    stemmentekst = ", ".join(f"{k} {n}" for k, n in sorted(telling.items(), key=lambda i: (-i[1], i[0])))
    if stand.ronde is Ronde.TUSSENSTEMMING:
        uitleg.append(f"Uitslag van de tussenstemming: {stemmentekst or 'geen stemmen'}")
    else:
        vereist = meer_dan_de_helft(briefjes.uitgebracht)
        uitleg.append(
            f"{briefjes.uitgebracht} stemmen uitgebracht (art. 30 lid 2): {stemmentekst or 'geen'}; "
            f"volstrekte meerderheid {vereist} (art. 30 lid 1)"
        )
        winnaar = next((k for k, n in telling.items() if n >= vereist), None)
        if winnaar is not None:
            uitleg.append(
                f"Gekozen: {winnaar} met {telling[winnaar]} van {briefjes.uitgebracht} stemmen (art. 30)"
            )
            return _Stand(Ronde.GEKOZEN, (winnaar,), lotingen=stand.lotingen)
    return _volgende(stand, telling, lot, rng, uitleg)


def _volgende(
    stand: _Stand, telling: Mapping[str, int], lot: list[str], rng: random.Random | None, uitleg: list[str]
) -> _Stand:
    """The round after one without a majority."""
    if stand.ronde is Ronde.EERSTE and stand.kandidaten is None:
        uitleg.append("Niemand heeft de volstrekte meerderheid: tweede, vrije stemming (reglement van orde)")
        return _Stand(Ronde.TWEEDE, None, lotingen=stand.lotingen)
    if stand.ronde is Ronde.TWEEDE and len(telling) < 2:
        uitleg.append("Niemand kreeg een stem: opnieuw een vrije stemming (reglement van orde)")
        return stand
    hoogste = max(telling.values(), default=0)
    gelijk = tuple(sorted(k for k, n in telling.items() if n == hoogste))
    if len(gelijk) >= 2 and stand.ronde is Ronde.HERSTEMMING_NA_STAKING:
        uitleg.append(
            f"De stemmen staken opnieuw tussen {opsomming(gelijk)}: het lot beslist terstond "
            "(Gemeentewet art. 31 lid 3)"
        )
        gekozen = _trek(gelijk, 1, "gekozen", lot, rng, stand, uitleg)
        uitleg.append(f"Gekozen: {gekozen[0]}, door het lot (Gemeentewet art. 31 lid 3)")
        return _Stand(Ronde.GEKOZEN, gekozen, lotingen=stand.lotingen)
    if len(gelijk) >= 2 and stand.ronde in (Ronde.EERSTE, Ronde.HERSTEMMING):
        uitleg.append(
            f"De stemmen staken tussen {opsomming(gelijk)}, tot wie de keuze beperkt is: "
            "herstemming in dezelfde vergadering (Gemeentewet art. 31 lid 2)"
        )
        return _Stand(Ronde.HERSTEMMING_NA_STAKING, gelijk, lotingen=stand.lotingen)
    return _twee_hoogsten(stand, telling, lot, rng, uitleg)
