"""Rules raad and college share: checking votes (arts. 28, 32 lid 2), validity (29), majority (30)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from raadhuis.besluitvorming.stemregels.typen import (
    Quorum,
    Stem,
    StemKeuze,
    StemmingResultaat,
    Stemmingsuitkomst,
    StemregelFout,
    Stemsituatie,
    Uitkomst,
    helft,
    meer_dan_de_helft,
)


@dataclass(frozen=True)
class Telling:
    voor: int
    tegen: int
    onthouden: int
    afwezig: int
    onregelmatigheden: tuple[str, ...]

    @property
    def uitgebracht(self) -> int:
        """Votes cast in the sense of art. 30: only voor and tegen."""
        return self.voor + self.tegen

    @property
    def deelnemers(self) -> int:
        # An oral abstention (imported data only) is treated like a blank ballot: the member took part
        # in the vote (art. 29, by analogy with art. 28 lid 2) without casting a vote (art. 30 lid 2).
        return self.voor + self.tegen + self.onthouden


def stemmen_tellen(
    situatie: Stemsituatie,
    stemmen: Sequence[Stem],
    *,
    orgaan: str,
    plicht_voor_of_tegen: bool,
    import_modus: bool = False,
) -> Telling:
    """Checks every vote against the presentielijst and art. 28, then counts; refuses bad input whole.

    With `plicht_voor_of_tegen` (raad, art. 32 lid 2) every present member not obliged to abstain must
    vote voor or tegen, and `onthouden` is refused unless `import_modus` (then it is recorded as
    irregular). Without it (college: art. 58 does not apply art. 32) a present member may stay silent.
    """
    fouten: list[str] = []
    zitting, aanwezig = set(situatie.zitting_hebbende_leden), set(situatie.aanwezig)
    if len(stemmen) > len(zitting):
        fouten.append(
            f"Er zijn {len(stemmen)} stemmen opgegeven, meer dan de {len(zitting)} leden die zitting hebben."
        )
    gezien: set[str] = set()
    dubbel: set[str] = set()
    keuzes: dict[str, StemKeuze] = {}
    onregelmatig: list[str] = []
    for stem in stemmen:
        lid = stem.lid
        if lid in gezien:
            if lid not in dubbel:
                fouten.append(f"{lid} heeft meer dan één keer gestemd; ieder lid heeft één stem.")
                dubbel.add(lid)
            continue
        gezien.add(lid)
        if lid not in zitting:
            fouten.append(f"{lid} heeft geen zitting in {orgaan} en kan niet stemmen.")
        elif stem.keuze is StemKeuze.AFWEZIG:
            if lid in aanwezig:
                fouten.append(f"{lid} staat op de presentielijst en kan niet als afwezig worden vastgelegd.")
        elif lid not in aanwezig:
            fouten.append(f"{lid} is volgens de presentielijst niet aanwezig en kan niet stemmen.")
        elif lid in situatie.moeten_onthouden:
            fouten.append(
                f"{lid} moet zich van deelneming aan de stemming onthouden (Gemeentewet art. 28) "
                "en kan niet stemmen."
            )
        elif stem.keuze is StemKeuze.ONTHOUDEN and plicht_voor_of_tegen:
            if import_modus:
                onregelmatig.append(
                    f"{lid} heeft zich onthouden; dat is in strijd met Gemeentewet art. 32 lid 2 "
                    "(vormgebrek; vastgelegd uit historische gegevens)"
                )
            else:
                fouten.append(
                    f"{lid} wil zich onthouden, maar ieder aanwezig lid stemt voor of tegen "
                    "(Gemeentewet art. 32 lid 2)."
                )
        keuzes[lid] = stem.keuze
    if plicht_voor_of_tegen:
        ontbrekend = sorted((aanwezig & situatie.stemgerechtigd) - gezien)
        fouten += [
            f"{lid} is aanwezig maar heeft niet gestemd; ieder aanwezig lid dat zich niet hoeft te "
            "onthouden, stemt voor of tegen (Gemeentewet art. 32 lid 2)."
            for lid in ontbrekend
        ]
    if fouten:
        raise StemregelFout(*fouten)
    waarden = list(keuzes.values())
    return Telling(
        voor=waarden.count(StemKeuze.VOOR),
        tegen=waarden.count(StemKeuze.TEGEN),
        onthouden=waarden.count(StemKeuze.ONTHOUDEN),
        afwezig=len(situatie.stemgerechtigd - aanwezig),
        onregelmatigheden=tuple(onregelmatig),
    )


def stemming_geldig(
    *, deelnemers: int, zitting_hebbende_leden: int, moeten_onthouden: int = 0, vrijgesteld: bool = False
) -> bool:
    """Art. 29 lid 1: valid only if more than half of the seated members not obliged to abstain took
    part; art. 29 lid 2 (`vrijgesteld`) lifts this for a new vote after an invalid one in an earlier
    meeting (onder a) and for the original items of an art. 20 lid 2 meeting (onder b)."""
    return vrijgesteld or 2 * deelnemers > zitting_hebbende_leden - moeten_onthouden


def geldigheid_uitleggen(
    deelnemers: int, situatie: Stemsituatie, uitleg: list[str], *, via: str = ""
) -> bool:
    """Art. 29 with its explanation; `via` names the article that applies it (college: art. 58)."""
    stemgerechtigd = len(situatie.stemgerechtigd)
    onthouders = sorted(situatie.moeten_onthouden)
    if onthouders:
        uitleg.append(
            f"{len(onthouders)} {'lid neemt' if len(onthouders) == 1 else 'leden nemen'} niet deel "
            f"(Gemeentewet {via}art. 28): {', '.join(onthouders)}; stemgerechtigd: {stemgerechtigd}"
        )
    if situatie.geldigheid_vrijgesteld:
        grond = "onder a" if situatie.eerder_ongeldig else "onder b"
        uitleg.append(
            f"{deelnemers} van {stemgerechtigd} stemgerechtigde leden namen deel; er geldt geen "
            f"minimum (Gemeentewet {via}art. 29 lid 2 {grond})"
        )
        return True
    geldig = stemming_geldig(
        deelnemers=deelnemers,
        zitting_hebbende_leden=len(situatie.zitting_hebbende_leden),
        moeten_onthouden=len(situatie.zitting_hebbende_leden) - stemgerechtigd,
    )
    vergelijking = "meer" if geldig else "niet meer"
    uitleg.append(
        f"{deelnemers} van {stemgerechtigd} stemgerechtigde leden namen deel, {vergelijking} dan de helft "
        f"({helft(stemgerechtigd)}): de stemming is {'geldig' if geldig else 'ongeldig'} "
        f"(Gemeentewet {via}art. 29 lid 1)"
    )
    return geldig


def meerderheid(voor: int, tegen: int) -> StemmingResultaat:
    """Art. 30 lid 1: a decision needs the volstrekte meerderheid of the votes cast (voor + tegen)."""
    if 2 * voor > voor + tegen:
        return StemmingResultaat.VOOR
    if 2 * tegen > voor + tegen:
        return StemmingResultaat.TEGEN
    return StemmingResultaat.GELIJK


def meerderheid_uitleggen(telling: Telling, uitleg: list[str], *, via: str = "") -> StemmingResultaat:
    uitleg.append(
        f"{telling.uitgebracht} stemmen uitgebracht; de volstrekte meerderheid is "
        f"{meer_dan_de_helft(telling.uitgebracht)} (Gemeentewet {via}art. 30 lid 1)"
    )
    return meerderheid(telling.voor, telling.tegen)


def cijfers(telling: Telling) -> str:
    delen = [f"{telling.voor} voor", f"{telling.tegen} tegen"]
    if telling.onthouden:
        delen.append(f"{telling.onthouden} onthouden")
    if telling.afwezig:
        delen.append(f"{telling.afwezig} afwezig")
    return ", ".join(delen)


def quorum_bepalen(
    *,
    zitting_hebbende_leden: int,
    aanwezig: int,
    vereist: int,
    regel: str,
    artikel: str,
    zonder_quorum: bool,
) -> Quorum:
    """Shared by art. 20 (raad) and art. 56 (college): the threshold differs, the lid 2-3 exception not."""
    if not 0 <= aanwezig <= zitting_hebbende_leden:
        raise StemregelFout(
            f"Het aantal aanwezigen ({aanwezig}) moet tussen 0 en het aantal zitting hebbende leden "
            f"({zitting_hebbende_leden}) liggen."
        )
    basis = (
        f"Aanwezig volgens de presentielijst: {aanwezig} van {zitting_hebbende_leden} zitting hebbende leden"
    )
    if zonder_quorum:
        uitleg = [
            f"{basis}; in de opnieuw belegde vergadering geldt voor de agendapunten van de niet geopende "
            f"vergadering geen quorum (Gemeentewet {artikel} lid 3)"
        ]
        return Quorum(gehaald=True, vereist=None, aanwezig=aanwezig, uitleg=uitleg)
    gehaald = aanwezig >= vereist
    uitleg = [
        f"{basis}; quorum {vereist} ({regel}) {'gehaald' if gehaald else 'niet gehaald'} "
        f"(Gemeentewet {artikel} lid 1)"
    ]
    return Quorum(gehaald=gehaald, vereist=vereist, aanwezig=aanwezig, uitleg=uitleg)


def uitkomst_maken(
    uitkomst: Uitkomst,
    telling: Telling,
    *,
    geldig: bool,
    uitleg: list[str],
    resultaat: StemmingResultaat | None = None,
    voltallig: bool = False,
) -> Stemmingsuitkomst:
    return Stemmingsuitkomst(
        uitkomst=uitkomst,
        resultaat=resultaat,
        voor=telling.voor,
        tegen=telling.tegen,
        onthouden=telling.onthouden,
        afwezig=telling.afwezig,
        deelnemers=telling.deelnemers,
        geldig=geldig,
        voltallig=voltallig,
        onregelmatigheden=telling.onregelmatigheden,
        uitleg=uitleg,
    )
