"""The raad's voting rules: opening quorum (art. 20), votes on proposals (arts. 28-30, 32), hamerstukken."""

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
    SOORT_NAAM,
    Quorum,
    Stem,
    StemmingResultaat,
    StemmingsType,
    Stemmingsuitkomst,
    StemregelFout,
    Stemsituatie,
    Uitkomst,
    Voorstelsoort,
    meer_dan_de_helft,
    opsomming,
)


def quorum_raad(
    *,
    zitting_hebbende_leden: int,
    aanwezig: int,
    na_niet_geopende_vergadering: bool = False,
    agendapunt_van_niet_geopende_vergadering: bool = False,
) -> Quorum:
    """Art. 20 lid 1: the meeting opens only when more than half of the zitting hebbende leden are present
    per the presentielijst. Art. 20 lid 2-3: the new meeting after one that could not open needs no
    quorum for the items of the failed meeting, but does for other items (checked per item)."""
    return quorum_bepalen(
        zitting_hebbende_leden=zitting_hebbende_leden,
        aanwezig=aanwezig,
        vereist=meer_dan_de_helft(zitting_hebbende_leden),
        regel="meer dan de helft",
        artikel="art. 20",
        zonder_quorum=na_niet_geopende_vergadering and agendapunt_van_niet_geopende_vergadering,
    )


def _quorum_voor_agendapunt(situatie: Stemsituatie, uitleg: list[str]) -> Quorum:
    quorum = quorum_raad(
        zitting_hebbende_leden=len(situatie.zitting_hebbende_leden),
        aanwezig=len(situatie.aanwezig),
        na_niet_geopende_vergadering=situatie.na_niet_geopende_vergadering,
        agendapunt_van_niet_geopende_vergadering=situatie.agendapunt_van_niet_geopende_vergadering,
    )
    uitleg += quorum.uitleg
    # Art. 20 lid 1 governs opening only: once open, members leaving do not stop the meeting (art. 29
    # then guards each vote). Only in the art. 20 lid 2 meeting does lid 3 demand it per other item.
    if not quorum.gehaald and not situatie.na_niet_geopende_vergadering:
        uitleg.append(
            "De vergadering is geopend; het quorum van art. 20 lid 1 geldt alleen voor de opening, "
            "de geldigheid van de stemming volgt uit art. 29"
        )
    return quorum


def _geen_quorum(uitleg: list[str]) -> Stemmingsuitkomst:
    uitleg.append(
        "Geen quorum: over een ander onderwerp dan dat van de niet geopende vergadering kan alleen "
        "worden besloten als meer dan de helft van de zitting hebbende leden aanwezig is "
        "(Gemeentewet art. 20 lid 3)"
    )
    return Stemmingsuitkomst(uitkomst=Uitkomst.GEEN_QUORUM, uitleg=uitleg)


def stemming_raad(
    *,
    situatie: Stemsituatie,
    stemmen: Sequence[Stem],
    stemmingstype: StemmingsType = StemmingsType.HOOFDELIJK,
    soort: Voorstelsoort = Voorstelsoort.VOORSTEL,
    eerder_gestaakt: bool = False,
    import_modus: bool = False,
) -> Stemmingsuitkomst:
    """The outcome of a raad vote on a proposal, amendement or motie (not on persons: art. 31).

    Votes are checked first (bad input raises `StemregelFout`): a hoofdelijke stemming (art. 32 lid 1)
    needs a voor or tegen from every present member not obliged to abstain (art. 32 lid 2); a regular
    vote (show of hands) records who voted. Then: art. 20 lid 3 quorum in an art. 20 lid 2 meeting;
    validity (art. 29); volstrekte meerderheid of votes cast (art. 30); a tie postpones the decision to a
    next meeting (art. 32 lid 4) unless the meeting is voltallig (lid 6) or this is that next meeting
    (`eerder_gestaakt`), and then it is not adopted (lid 5). Art. 32 speaks of "voorstel"; we apply it
    to amendementen and moties too, as the VNG model reglement van orde does.
    """
    if stemmingstype is StemmingsType.SCHRIFTELIJK:
        raise StemregelFout(
            "Een schriftelijke stemming is geheim en kent geen stemmen per lid; gebruik "
            "stemming_over_personen (Gemeentewet art. 31)."
        )
    telling = stemmen_tellen(
        situatie,
        stemmen,
        orgaan="de raad",
        plicht_voor_of_tegen=stemmingstype is StemmingsType.HOOFDELIJK,
        import_modus=import_modus,
    )
    uitleg: list[str] = []
    quorum = _quorum_voor_agendapunt(situatie, uitleg)
    if situatie.na_niet_geopende_vergadering and not quorum.gehaald:
        return _geen_quorum(uitleg)
    uitleg += telling.onregelmatigheden
    if not geldigheid_uitleggen(telling.deelnemers, situatie, uitleg):
        uitleg.append(
            f"Ongeldig: {cijfers(telling)}; in een volgende vergadering kan opnieuw worden gestemd zonder "
            "dit vereiste (Gemeentewet art. 29 lid 2 onder a)"
        )
        return uitkomst_maken(Uitkomst.ONGELDIG, telling, geldig=False, uitleg=uitleg)
    resultaat = meerderheid_uitleggen(telling, uitleg)
    voltallig = telling.uitgebracht == len(situatie.stemgerechtigd)
    naam = SOORT_NAAM[soort]
    quorumtekst = ""
    if quorum.vereist is not None and quorum.gehaald:
        quorumtekst = f"; quorum {quorum.vereist} gehaald (Gemeentewet art. 20)"
    if resultaat is StemmingResultaat.VOOR:
        uitkomst = Uitkomst.AANGENOMEN
        uitleg.append(f"Aangenomen: {cijfers(telling)}{quorumtekst}")
    elif resultaat is StemmingResultaat.TEGEN:
        uitkomst = Uitkomst.VERWORPEN
        uitleg.append(f"Verworpen: {cijfers(telling)}{quorumtekst}")
    elif voltallig:
        uitkomst = Uitkomst.VERWORPEN
        uitleg.append(
            f"De stemmen staken ({cijfers(telling)}) in een voltallige vergadering: alle stemgerechtigde "
            f"leden stemden (Gemeentewet art. 32 lid 6); {naam} is niet aangenomen (art. 32 lid 5)"
        )
    elif eerder_gestaakt:
        uitkomst = Uitkomst.VERWORPEN
        uitleg.append(
            f"De stemmen staken ({cijfers(telling)}) opnieuw, in de vergadering waarnaar de beslissing "
            f"was uitgesteld: {naam} is niet aangenomen (Gemeentewet art. 32 lid 5)"
        )
    else:
        uitkomst = Uitkomst.UITGESTELD
        uitleg.append(
            f"De stemmen staken ({cijfers(telling)}) en de vergadering is niet voltallig: de beslissing "
            "wordt uitgesteld tot een volgende vergadering, waarin de beraadslaging kan worden heropend "
            "(Gemeentewet art. 32 lid 4)"
        )
    return uitkomst_maken(
        uitkomst, telling, resultaat=resultaat, geldig=True, voltallig=voltallig, uitleg=uitleg
    )


def hamerstuk(
    *,
    situatie: Stemsituatie,
    tegen_aangetekend: Sequence[str] = (),
    soort: Voorstelsoort = Voorstelsoort.VOORSTEL,
) -> Stemmingsuitkomst:
    """Art. 32 lid 3: when nobody asks for a vote, the proposal is adopted without one.

    Members may have it recorded that they would have voted against (VNG model reglement van orde);
    only present members not obliged to abstain (art. 28) can do so, each once.
    """
    fouten: list[str] = []
    gezien: set[str] = set()
    for lid in tegen_aangetekend:
        if lid in gezien:
            fouten.append(f"{lid} staat meer dan één keer op de lijst van tegenstemmers.")
        elif lid not in situatie.zitting_hebbende_leden:
            fouten.append(f"{lid} heeft geen zitting in de raad.")
        elif lid not in situatie.aanwezig:
            fouten.append(f"{lid} is volgens de presentielijst niet aanwezig.")
        elif lid in situatie.moeten_onthouden:
            fouten.append(f"{lid} moet zich van deelneming aan de stemming onthouden (Gemeentewet art. 28).")
        gezien.add(lid)
    if fouten:
        raise StemregelFout(*fouten)
    uitleg: list[str] = []
    quorum = _quorum_voor_agendapunt(situatie, uitleg)
    if situatie.na_niet_geopende_vergadering and not quorum.gehaald:
        return _geen_quorum(uitleg)
    aangetekend = tuple(tegen_aangetekend)
    if aangetekend:
        uitleg.append(
            f"Aantekening dat {'zij' if len(aangetekend) > 1 else 'hij of zij'} tegen zou"
            f"{'den' if len(aangetekend) > 1 else ''} hebben gestemd: {opsomming(aangetekend)}"
        )
    uitleg.append(
        f"Aangenomen zonder stemming: niemand vroeg om stemming over {SOORT_NAAM[soort]} "
        "(hamerstuk, Gemeentewet art. 32 lid 3)"
    )
    return Stemmingsuitkomst(
        uitkomst=Uitkomst.AANGENOMEN_ZONDER_STEMMING,
        afwezig=len(situatie.stemgerechtigd - set(situatie.aanwezig)),
        tegen_aangetekend=aangetekend,
        uitleg=uitleg,
    )
