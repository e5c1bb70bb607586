"""Helpers of the demo data: programmes, the college's members, and the services with demo defaults."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils import timezone

from raadhuis.besluitvorming import selectors as besluitvorming
from raadhuis.core import selectors as core_selectors
from raadhuis.core import services as core_services
from raadhuis.core.models import Begrotingsprogramma
from raadhuis.samenwerking import services
from raadhuis.samenwerking.demo_gegevens import (
    DEMO_JAAR,
    J,
)
from raadhuis.samenwerking.models import Samenwerkingsverband

MRDH_SLUG = "metropoolregio-rotterdam-den-haag"
JAREN = range(2022, DEMO_JAAR + 2)


def _programma(door: AbstractBaseUser, nummer: int, naam: str, taakvelden: list[str]) -> Begrotingsprogramma:
    """uitvoering's demo creates the programmes; reuse them by number, create when it did not run."""
    for bestaand in core_selectors.begrotingsprogrammas():
        if bestaand.nummer == nummer:
            return bestaand
    gegevens = {"nummer": nummer, "naam": naam, "taakvelden": taakvelden, "vanaf_jaar": 2022}
    return core_services.programma_vastleggen(door=door, gegevens=gegevens)


def _college() -> dict[str, Any]:
    """The college's members by portefeuille text (besluitvorming's demo), for the representation."""
    datum = dt.date(2023, 1, 1)
    college = [orgaan for orgaan in besluitvorming.organen_op(datum) if orgaan.soort == "college"]
    if not college:
        return {}
    return {
        f"{lid.functie} {lid.portefeuille or ''}".lower(): lid.persoon
        for lid in besluitvorming.leden_met_functie(college[0], datum)
    }


def _houder(college: dict[str, Any], *woorden: str) -> Any:
    return next((p for w in woorden for tekst, p in college.items() if w in tekst), None)


def _mandaat(
    door: AbstractBaseUser, verband: Samenwerkingsverband, orgaan: str, persoon: Any, naam: str, **extra: Any
) -> None:
    services.vertegenwoordiging_vastleggen(
        door=door,
        verband=verband,
        bestuursorgaan=orgaan,
        persoon=persoon,
        naam="" if persoon else naam,
        begin=extra.pop("begin", dt.date(2022, 6, 1)),
        **extra,
    )


def _cijfers(
    door: AbstractBaseUser, verband: Samenwerkingsverband, bijdragen: dict[int, Decimal], **vast: Any
) -> None:
    vandaag = timezone.localdate()
    ev, vv, resultaat = vast.pop("ev"), vast.pop("vv"), vast.pop("resultaat")
    ev_sprong = vast.pop("ev_sprong", {})
    for jaar, bijdrage in bijdragen.items():
        stap = jaar - JAREN.start
        begin_ev = ev + stap * resultaat + sum(v for j, v in ev_sprong.items() if j < jaar)
        eind_ev = begin_ev + resultaat + ev_sprong.get(jaar, J(0))
        gerealiseerd = jaar < vandaag.year
        services.jaarcijfers_vastleggen(
            door=door,
            verband=verband,
            jaar=jaar,
            gegevens={
                "bijdrage_begroot": bijdrage,
                "bijdrage_werkelijk": (bijdrage * J("0.985")).quantize(J(1)) if gerealiseerd else None,
                "eigen_vermogen_begin": begin_ev,
                "eigen_vermogen_eind": eind_ev,
                "vreemd_vermogen_begin": vv,
                "vreemd_vermogen_eind": vv,
                "resultaat_verwacht": resultaat,
                "resultaat_werkelijk": (resultaat * J("1.1")).quantize(J(1)) if gerealiseerd else None,
                "toelichting": "Gegenereerde democijfers.",
                "demo": True,
                **vast,
            },
        )


def _verband(
    door: AbstractBaseUser,
    programmas: list[Begrotingsprogramma],
    leden: tuple[str, ...],
    begin: dt.date,
    **gegevens: Any,
) -> Samenwerkingsverband:
    verband = services.verband_vastleggen(
        door=door, gegevens={"startdatum": begin, **gegevens}, programmas=programmas
    )
    for code in leden:
        services.deelnemer_toevoegen(door=door, verband=verband, tooi_code=code, toegetreden_op=begin)
    return verband
