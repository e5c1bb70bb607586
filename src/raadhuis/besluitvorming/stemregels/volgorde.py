"""The order of voting on one agendapunt, per the local reglement van orde (art. 16; VNG model)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from raadhuis.besluitvorming.stemregels.typen import StemregelFout, Voorstelsoort


@dataclass(frozen=True)
class Stemonderwerp:
    """Something to vote on. `wijzigt`: the amendement a subamendement amends. `strekking`: how far an
    (sub)amendement reaches, as the chair judges it; higher goes first."""

    id: str
    soort: Voorstelsoort
    wijzigt: str | None = None
    strekking: int = 0


def stemvolgorde(onderwerpen: Sequence[Stemonderwerp]) -> list[Stemonderwerp]:
    """Subamendementen before the amendement they amend, amendementen (furthest-reaching first) before
    the proposal, then moties, and moties vreemd aan de orde van de dag last (VNG model reglement van
    orde; the local numbering varies). Equal rank keeps the submitted order."""
    ids = [onderwerp.id for onderwerp in onderwerpen]
    fouten = [f"{id_} komt meer dan één keer voor." for id_ in sorted({i for i in ids if ids.count(i) > 1})]
    amendementen = [o for o in onderwerpen if o.soort is Voorstelsoort.AMENDEMENT]
    bekende = {a.id for a in amendementen}
    subs = [o for o in onderwerpen if o.soort is Voorstelsoort.SUBAMENDEMENT]
    fouten += [
        f"Subamendement {sub.id} wijzigt geen aanhangig amendement."
        for sub in subs
        if sub.wijzigt not in bekende
    ]
    if fouten:
        raise StemregelFout(*fouten)
    volgorde: list[Stemonderwerp] = []
    for amendement in sorted(amendementen, key=lambda a: -a.strekking):
        volgorde += sorted((s for s in subs if s.wijzigt == amendement.id), key=lambda s: -s.strekking)
        volgorde.append(amendement)
    for soort in (Voorstelsoort.VOORSTEL, Voorstelsoort.MOTIE, Voorstelsoort.MOTIE_VREEMD):
        volgorde += [o for o in onderwerpen if o.soort is soort]
    return volgorde
