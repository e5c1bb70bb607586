"""The college's voting rules: quorum (art. 56), arts. 28-30 via art. 58, the chair's casting vote (59)."""

from __future__ import annotations

from collections.abc import Sequence

from raadhuis.besluitvorming.stemregels.kern import (
    cijfers,
    geldigheid_uitleggen,
    meerderheid_uitleggen,
    quorum_bepalen,
    stemmen_tellen,
    uitkomst_maken,
)
from raadhuis.besluitvorming.stemregels.typen import (
    Quorum,
    Stem,
    StemKeuze,
    StemmingResultaat,
    Stemmingsuitkomst,
    StemregelFout,
    Stemsituatie,
    Uitkomst,
)


def quorum_college(
    *,
    zitting_hebbende_leden: int,
    aanwezig: int,
    na_niet_geopende_vergadering: bool = False,
    agendapunt_van_niet_geopende_vergadering: bool = False,
) -> Quorum:
    """Art. 56 lid 1: the college deliberates or decides only when at least half of its zitting hebbende
    leden are present (the raad needs more than half, art. 20). Art. 56 lid 2-3: the new meeting needs
    no quorum for the items it was called for, but does for other items."""
    return quorum_bepalen(
        zitting_hebbende_leden=zitting_hebbende_leden,
        aanwezig=aanwezig,
        vereist=(zitting_hebbende_leden + 1) // 2,
        regel="ten minste de helft",
        artikel="art. 56",
        zonder_quorum=na_niet_geopende_vergadering and agendapunt_van_niet_geopende_vergadering,
    )


def stemming_college(
    *,
    situatie: Stemsituatie,
    stemmen: Sequence[Stem],
    voorzitter: str,
    herstemming: bool = False,
) -> Stemmingsuitkomst:
    """The outcome of a college vote on anything but persons.

    Art. 56: quorum for every decision (not only the opening, unlike art. 20). Art. 58 applies
    art. 28 lid 1-3, 29 and 30, but not art. 32, so members are not obliged to vote voor or tegen.
    Art. 59: a tie means a new vote (`herstemming=False` gives `opnieuw_stemmen`); a tie again on the
    same proposal is decided by the vote of the voorzitter (the member who chaired this meeting).
    Votes on persons in the college follow its own reglement van orde (art. 52), not this function.
    """
    if voorzitter not in situatie.zitting_hebbende_leden:
        raise StemregelFout(f"De voorzitter {voorzitter} heeft geen zitting in het college.")
    telling = stemmen_tellen(situatie, stemmen, orgaan="het college", plicht_voor_of_tegen=False)
    uitleg: list[str] = []
    quorum = quorum_college(
        zitting_hebbende_leden=len(situatie.zitting_hebbende_leden),
        aanwezig=len(situatie.aanwezig),
        na_niet_geopende_vergadering=situatie.na_niet_geopende_vergadering,
        agendapunt_van_niet_geopende_vergadering=situatie.agendapunt_van_niet_geopende_vergadering,
    )
    uitleg += quorum.uitleg
    if not quorum.gehaald:
        uitleg.append("Geen quorum: het college kan niet besluiten (Gemeentewet art. 56 lid 1)")
        return Stemmingsuitkomst(uitkomst=Uitkomst.GEEN_QUORUM, uitleg=uitleg)
    if not geldigheid_uitleggen(telling.deelnemers, situatie, uitleg, via="art. 58 met "):
        uitleg.append(f"Ongeldig: {cijfers(telling)} (Gemeentewet art. 58 met art. 29)")
        return uitkomst_maken(Uitkomst.ONGELDIG, telling, geldig=False, uitleg=uitleg)
    resultaat = meerderheid_uitleggen(telling, uitleg, via="art. 58 met ")
    voltallig = telling.uitgebracht == len(situatie.stemgerechtigd)
    if resultaat is StemmingResultaat.VOOR:
        uitkomst = Uitkomst.AANGENOMEN
        uitleg.append(f"Aangenomen: {cijfers(telling)} (Gemeentewet art. 58 met art. 30)")
    elif resultaat is StemmingResultaat.TEGEN:
        uitkomst = Uitkomst.VERWORPEN
        uitleg.append(f"Verworpen: {cijfers(telling)} (Gemeentewet art. 58 met art. 30)")
    elif not herstemming:
        uitkomst = Uitkomst.OPNIEUW_STEMMEN
        uitleg.append(
            f"De stemmen staken ({cijfers(telling)}): er wordt opnieuw gestemd (Gemeentewet art. 59 lid 1)"
        )
    else:
        keuze = next((stem.keuze for stem in stemmen if stem.lid == voorzitter), None)
        uitkomst = Uitkomst.AANGENOMEN if keuze is StemKeuze.VOOR else Uitkomst.VERWORPEN
        if keuze in (StemKeuze.VOOR, StemKeuze.TEGEN):
            uitleg.append(
                f"{'Aangenomen' if keuze is StemKeuze.VOOR else 'Verworpen'}: de stemmen staken andermaal "
                f"({cijfers(telling)}); de stem van de voorzitter ({voorzitter}, {keuze}) beslist "
                "(Gemeentewet art. 59 lid 2)"
            )
        else:
            # Art. 59 lid 2 presumes the chair voted; without that vote no majority exists (art. 30).
            uitleg.append(
                f"Verworpen: de stemmen staken andermaal ({cijfers(telling)}) en de voorzitter "
                f"({voorzitter}) bracht geen stem uit die kan beslissen (Gemeentewet art. 59 lid 2); "
                "zonder volstrekte meerderheid is het voorstel niet aangenomen (art. 30)"
            )
    return uitkomst_maken(
        uitkomst, telling, resultaat=resultaat, geldig=True, voltallig=voltallig, uitleg=uitleg
    )
