"""Demo data of uitvoering: the raadsakkoord "Bouwen aan de toekomst" (2022-2026, adopted 15 June
2022 by 8 of the 9 fracties), the uitvoeringsagenda for "Bestuur en Dienstverlening" from the seed,
generated programmes marked "(demo)", BBV figures for 2023 (demo) and the mid-term review as a paper
of the council meeting of 19 December 2024. Idempotent: a second run changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.management.base import OutputWrapper

from raadhuis.accounts.models import Rol
from raadhuis.accounts.selectors import medewerkers_met_rol
from raadhuis.besluitvorming import selectors as besluitvorming
from raadhuis.besluitvorming.selectors.publiek import fracties, orgaan_op_slug
from raadhuis.core import selectors as core_selectors
from raadhuis.core import services as core_services
from raadhuis.core.models import Begrotingsprogramma
from raadhuis.uitvoering import demo_gegevens as g
from raadhuis.uitvoering import selectors, services
from raadhuis.uitvoering.models import Akkoord, Ambitie, Opdracht

PERIODE = (dt.date(2022, 3, 30), dt.date(2026, 3, 31))
VASTGESTELD = dt.date(2022, 6, 15)
# besluitvorming's demo: the Onafhankelijke Raadsfractie did not help write the akkoord and voted against.
NIET_MEEGESCHREVEN = "OR"
MID_TERM_PEILDATUM = dt.date(2024, 11, 30)
MID_TERM_VERGADERING = dt.date(2024, 12, 19)


def _programma(door: AbstractBaseUser, gegevens: dict[str, Any]) -> Begrotingsprogramma:
    for bestaand in core_selectors.begrotingsprogrammas():
        if bestaand.nummer == gegevens["nummer"]:
            return bestaand
    return core_services.programma_vastleggen(door=door, gegevens=gegevens)


def _portefeuillehouders() -> dict[str, Any]:
    """The college's wethouders and burgemeester by portefeuille text (from besluitvorming's demo)."""
    datum = dt.date(2023, 1, 1)
    college = [orgaan for orgaan in besluitvorming.organen_op(datum) if orgaan.soort == "college"]
    if not college:
        return {}
    return {
        lid.portefeuille.lower(): lid.persoon
        for lid in besluitvorming.leden_met_functie(college[0], datum)
        if lid.portefeuille
    }


def _houder(houders: dict[str, Any], woord: str) -> Any:
    return next((persoon for portefeuille, persoon in houders.items() if woord in portefeuille), None)


def _akkoord(door: AbstractBaseUser) -> Akkoord:
    dragers = [fractie for fractie in fracties() if fractie.afkorting != NIET_MEEGESCHREVEN]
    return services.akkoord_vastleggen(
        door=door,
        gegevens={
            "titel": g.AKKOORD_TITEL,
            "periode_van": PERIODE[0],
            "periode_tot": PERIODE[1],
            "vastgesteld_op": VASTGESTELD,
            "omschrijving": g.AKKOORD_OMSCHRIJVING,
        },
        fracties=dragers,
    )


def _motie(titel: str) -> list[Any]:
    return (
        [regel.item for regel in besluitvorming.moties_register() if regel.item.titel == titel][:1]
        if titel
        else []
    )


def _toezegging(tekst: str) -> list[Any]:
    return (
        [regel.item for regel in besluitvorming.toezeggingen_register() if regel.item.tekst == tekst][:1]
        if tekst
        else []
    )


def _doel(
    door: AbstractBaseUser,
    programma: Begrotingsprogramma,
    ambities: list[Ambitie],
    opdrachten: list[Opdracht],
    houders: dict[str, Any],
    doel: g.Doelgegevens,
) -> int:
    programmadoel = services.programmadoel_vastleggen(
        door=door,
        gegevens={
            "ambitie": ambities[doel.ambitie],
            "programma": programma,
            "taakveld": doel.taakveld,
            "nummer": doel.nummer,
            "titel": doel.titel,
            "omschrijving": doel.omschrijving,
        },
    )
    indicatoren = [
        services.indicator_vastleggen(
            door=door,
            gegevens={
                "doel": programmadoel,
                "naam": gegevens.naam,
                "eenheid": gegevens.eenheid,
                "bron": gegevens.bron,
            },
            streefwaarden=gegevens.streef,
        )
        for gegevens in doel.indicatoren
    ]
    aantal, gemeten = 0, set()
    for actiegegevens in doel.acties:
        houder = _houder(houders, actiegegevens.portefeuille)
        actie = services.actie_vastleggen(
            door=door,
            gegevens={
                "doel": programmadoel,
                "titel": actiegegevens.titel,
                "omschrijving": actiegegevens.omschrijving,
                "begin": actiegegevens.begin,
                "einde": actiegegevens.einde,
                "portefeuillehouder": houder,
                "openbaar": actiegegevens.openbaar,
            },
            opdrachten=[
                opdracht for opdracht in opdrachten if opdracht.ambitie_id == programmadoel.ambitie_id
            ][:1],
            moties=_motie(actiegegevens.motie),
            toezeggingen=_toezegging(actiegegevens.toezegging),
        )
        for act in actiegegevens.activiteiten:
            activiteit = services.activiteit_vastleggen(
                door=door,
                gegevens={
                    "actie": actie,
                    "titel": act.titel,
                    "begin": act.begin,
                    "einde": act.einde,
                    "team": act.team,
                    "portefeuillehouder": houder,
                    "openbaar": act.openbaar,
                },
                budget=act.budget,
            )
            aantal += 1
            for datum, moment, jaar, status, tekst, besteed in act.updates:
                # Each year's realisation is reported once, with the first update on that year.
                metingen = {
                    indicator: gegevens.realisatie[jaar]
                    for indicator, gegevens in zip(indicatoren, doel.indicatoren, strict=True)
                    if jaar in gegevens.realisatie and (indicator.pk, jaar) not in gemeten
                }
                gemeten |= {(indicator.pk, jaar) for indicator in metingen}
                services.voortgang_vastleggen(
                    door=door,
                    activiteit=activiteit,
                    moment=moment,
                    jaar=jaar,
                    datum=datum,
                    status=status,
                    toelichting=tekst,
                    besteed=besteed,
                    metingen=metingen,
                )
    return aantal


def _gegenereerd(door: AbstractBaseUser, ambities: list[Ambitie], houders: dict[str, Any]) -> int:
    statussen = ("op_schema", "risico", "afgerond", "vertraagd", "niet_gestart", "op_schema")
    aantal = 0
    for nummer, naam, taakvelden, ambitie, doeltitel, actietitel, activiteiten in g.ANDERE_PROGRAMMAS:
        programma = _programma(
            door,
            {
                "nummer": nummer,
                "naam": naam,
                "taakvelden": taakvelden,
                "vanaf_jaar": 2022,
                "omschrijving": "Gegenereerd demoprogramma (demo).",
            },
        )
        doel = services.programmadoel_vastleggen(
            door=door,
            gegevens={
                "ambitie": ambities[ambitie],
                "programma": programma,
                "taakveld": taakvelden[0],
                "nummer": 1,
                "titel": doeltitel,
                "omschrijving": "Gegenereerd demodoel (demo).",
            },
        )
        actie = services.actie_vastleggen(
            door=door,
            gegevens={
                "doel": doel,
                "titel": actietitel,
                "begin": dt.date(2023, 1, 1),
                "einde": dt.date(2025, 12, 31),
                "portefeuillehouder": next(iter(houders.values()), None),
            },
        )
        for index, titel in enumerate(activiteiten):
            activiteit = services.activiteit_vastleggen(
                door=door,
                gegevens={
                    "actie": actie,
                    "titel": titel,
                    "begin": dt.date(2023, 1 + index * 3, 1),
                    "einde": dt.date(2025, 6, 30),
                    "team": "Team (demo)",
                    "openbaar": index == 0,
                },
                budget={2023: Decimal(50000 + 10000 * nummer), 2024: Decimal(60000), 2025: Decimal(40000)},
            )
            status = statussen[(nummer + index) % len(statussen)]
            services.voortgang_vastleggen(
                door=door,
                activiteit=activiteit,
                moment="jaarverslag",
                jaar=2023,
                datum=dt.date(2024, 4, 15),
                status=status,
                toelichting="Gegenereerde voortgang (demo).",
                besteed=Decimal(40000 + 9000 * index),
            )
            aantal += 1
    return aantal


def _mid_term_review(akkoord: Akkoord, uitvoer: OutputWrapper) -> str:
    griffie = medewerkers_met_rol(Rol.GRIFFIE).first()
    raad = orgaan_op_slug("gemeenteraad")
    if griffie is None or raad is None:
        return "geen mid-term review (besluitvorming ontbreekt)"
    for vergadering in besluitvorming.vergaderingen_van(
        raad, van=MID_TERM_VERGADERING, tot=MID_TERM_VERGADERING
    ):
        for punt in besluitvorming.vergadering_met_agenda(vergadering.pk).agendapunten.all():
            if punt.titel.startswith("Mid-term review"):
                services.mid_term_review_vastleggen(
                    door=griffie, akkoord=akkoord, peildatum=MID_TERM_PEILDATUM, agendapunt=punt
                )
                return "mid-term review als stuk bij de raadsvergadering van 19 december 2024"
    return "geen mid-term review (agendapunt niet gevonden)"


def laden(uitvoer: OutputWrapper) -> None:
    if selectors.akkoord_op_slug("bouwen-aan-de-toekomst") is not None:
        return
    door = medewerkers_met_rol(Rol.CONTROLLER).first()
    if door is None:
        uitvoer.write("Uitvoering overgeslagen: er is geen controller-account om de gegevens vast te leggen.")
        return
    houders = _portefeuillehouders()
    akkoord = _akkoord(door)
    ambities = [
        services.ambitie_vastleggen(
            door=door, gegevens={"akkoord": akkoord, "nummer": nummer, "titel": titel, "omschrijving": tekst}
        )
        for nummer, (titel, tekst) in enumerate(g.AMBITIES, start=1)
    ]
    opdrachten = [
        services.opdracht_vastleggen(door=door, gegevens={"ambitie": ambities[index], "tekst": tekst})
        for index, tekst in g.OPDRACHTEN
    ]
    programma = _programma(door, g.PROGRAMMA_1)
    aantal = sum(_doel(door, programma, ambities, opdrachten, houders, doel) for doel in g.DOELEN)
    aantal += _gegenereerd(door, ambities, houders)
    for soort, teller, noemer, peildatum, bron in g.KENGETALLEN_2023:
        services.kengetal_vastleggen(
            door=door,
            soort=soort,
            jaar=2023,
            teller=teller,
            noemer=noemer,
            peildatum=peildatum,
            bron=bron,
            demo=True,
        )
    review = _mid_term_review(akkoord, uitvoer)
    uitvoer.write(
        f"Uitvoering: akkoord '{akkoord.titel}' ({akkoord.fracties.count()} fracties), "
        f"{len(ambities)} ambities, "
        f"{aantal} activiteiten, {len(g.KENGETALLEN_2023)} BBV-kengetallen 2023 (demo), {review}"
    )
