"""Demo data of the parties: the MRDH and the Haaglanden GRs, a waste company, the arbeidsmarktregio."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.uploadedfile import SimpleUploadedFile

from raadhuis.core import pdf
from raadhuis.core.models import Begrotingsprogramma
from raadhuis.samenwerking import services
from raadhuis.samenwerking.demo_gegevens import (
    AFVAL_BELANG,
    DEMO_JAAR,
    FUSIEDATUM,
    GGD_BELANG,
    HAAGLANDEN,
    MRDH_BELANG,
    MRDH_GEFUSEERD,
    MRDH_LEDEN_2015,
    MRDH_OPGAVEN,
    MRDH_VOORTGANG,
    ODH_BELANG,
    REGIO_BELANG,
    VOORNE_AAN_ZEE,
    VRH_BELANG,
    J,
    reeks,
)
from raadhuis.samenwerking.demo_hulp import JAREN, _cijfers, _houder, _mandaat, _verband
from raadhuis.samenwerking.models import Rechtsvorm, Samenwerkingsverband


def _mrdh(
    door: AbstractBaseUser, programmas: dict[int, Begrotingsprogramma], college: dict[str, Any]
) -> Samenwerkingsverband:
    mrdh = _verband(
        door,
        [programmas[1], programmas[3]],
        MRDH_LEDEN_2015,
        dt.date(2015, 1, 1),
        naam="Metropoolregio Rotterdam Den Haag",
        afkorting="MRDH",
        vestigingsplaats="Rotterdam",
        rechtsvorm=Rechtsvorm.OPENBAAR_LICHAAM,
        tooi_code="so0830",
        bestuurlijk_belang=True,
        financieel_belang=True,
        wettelijke_grondslag="Wet gemeenschappelijke regelingen; Wet personenvervoer 2000 (vervoerregio)",
        openbaar_belang=MRDH_BELANG,
        kerntaken="Bereikbaarheid (Vervoersautoriteit)\nEconomisch vestigingsklimaat",
        regeling_url="https://lokaleregelgeving.overheid.nl/",
    )
    for deelnemer in mrdh.deelnemers.filter(tooi_code__in=MRDH_GEFUSEERD):
        services.deelnemer_uittreden(
            door=door,
            deelnemer=deelnemer,
            uitgetreden_op=FUSIEDATUM - dt.timedelta(days=1),
            toelichting="gefuseerd tot Voorne aan Zee",
        )
    services.deelnemer_toevoegen(
        door=door,
        verband=mrdh,
        tooi_code=VOORNE_AAN_ZEE,
        toegetreden_op=FUSIEDATUM,
        toelichting="fusiegemeente",
    )
    regeling = pdf.html_naar_pdf(
        "<h1>Gemeenschappelijke regeling Metropoolregio Rotterdam Den Haag</h1>"
        "<p>Samenvatting voor de demo; de geldende tekst staat op lokaleregelgeving.overheid.nl (demo).</p>",
        titel="Gemeenschappelijke regeling MRDH (demo)",
    )
    services.document_toevoegen(
        door=door,
        verband=mrdh,
        soort="regeling",
        titel="Gemeenschappelijke regeling MRDH (demo-samenvatting)",
        datum=dt.date(2015, 1, 1),
        bestand=SimpleUploadedFile("regeling-mrdh-demo.pdf", regeling, content_type="application/pdf"),
    )
    agenda = services.agenda_vastleggen(
        door=door,
        verband=mrdh,
        titel="Met elkaar, voor elkaar",
        van_jaar=2023,
        tot_en_met_jaar=2026,
        vastgesteld_op=dt.date(2023, 5, 26),
        opgaven=[(naam, list(opdrachten)) for naam, opdrachten in MRDH_OPGAVEN],
    )
    opdrachten = [o for opgave in agenda.opgaven.all() for o in opgave.opdrachten.all()]
    for opdracht, (voortgang, status) in zip(opdrachten, MRDH_VOORTGANG, strict=True):
        services.opdracht_voortgang(door=door, opdracht=opdracht, voortgang=voortgang, status=status)
    _mandaat(
        door,
        mrdh,
        "ab",
        _houder(college, "burgemeester"),
        "Burgemeester (demo)",
        functie="burgemeester",
        stemgewicht="1 stem (demo)",
    )
    _mandaat(
        door,
        mrdh,
        "bestuurscommissie",
        _houder(college, "verkeer", "mobiliteit"),
        "Wethouder verkeer (demo)",
        zetel="Vervoersautoriteit",
        functie="wethouder",
    )
    _mandaat(
        door,
        mrdh,
        "bestuurscommissie",
        _houder(college, "economie"),
        "Wethouder economie (demo)",
        zetel="Economisch Vestigingsklimaat",
        functie="wethouder",
    )
    _cijfers(
        door,
        mrdh,
        reeks(138_000, "3", JAREN),
        aandeel=J("2.4"),
        ev=J(24_000_000),
        vv=J(310_000_000),
        resultaat=J(400_000),
    )
    services.risico_vastleggen(
        door=door,
        verband=mrdh,
        gegevens={
            "omschrijving": "Lagere rijksbijdrage voor het openbaar vervoer (BDU) dan begroot (demo)",
            "kans": 3,
            "impact": 4,
            "beheersmaatregelen": "Meerjarige afspraken met het Rijk; reserve vervoersautoriteit (demo).",
            "bedrag_weerstandsvermogen": J(150_000),
        },
    )
    return mrdh


def _haaglanden(
    door: AbstractBaseUser, programmas: dict[int, Begrotingsprogramma], college: dict[str, Any]
) -> list[Samenwerkingsverband]:
    vrh = _verband(
        door,
        [programmas[2]],
        HAAGLANDEN,
        dt.date(2010, 1, 1),
        naam="Veiligheidsregio Haaglanden",
        afkorting="VRH",
        vestigingsplaats="Den Haag",
        rechtsvorm=Rechtsvorm.OPENBAAR_LICHAAM,
        tooi_code="so0044",
        bestuurlijk_belang=True,
        financieel_belang=True,
        verplicht=True,
        wettelijke_grondslag="Wet veiligheidsregio's art. 9",
        openbaar_belang=VRH_BELANG,
        kerntaken="Brandweerzorg\nCrisisbeheersing en rampenbestrijding\nGHOR",
    )
    _mandaat(door, vrh, "ab", _houder(college, "burgemeester"), "Burgemeester (demo)", functie="burgemeester")
    _cijfers(
        door,
        vrh,
        reeks(3_450_000, "4", JAREN),
        aandeel=J("5.1"),
        ev=J(9_500_000),
        vv=J(95_000_000),
        resultaat=J(150_000),
    )
    services.risico_vastleggen(
        door=door,
        verband=vrh,
        gegevens={
            "omschrijving": "Stijgende loonkosten brandweer door cao (demo)",
            "kans": 4,
            "impact": 3,
            "beheersmaatregelen": "Indexatie in de kaderbrief (demo).",
            "bedrag_weerstandsvermogen": J(120_000),
        },
    )

    ggd = _verband(
        door,
        [programmas[6]],
        HAAGLANDEN,
        dt.date(2014, 1, 1),
        naam="GGD en Veilig Thuis Haaglanden",
        afkorting="GGD",
        vestigingsplaats="Den Haag",
        rechtsvorm=Rechtsvorm.GEMEENSCHAPPELIJK_ORGAAN,
        tooi_code="so0903",
        bestuurlijk_belang=True,
        financieel_belang=True,
        verplicht=True,
        wettelijke_grondslag="Wet publieke gezondheid art. 14",
        openbaar_belang=GGD_BELANG,
        kerntaken="Publieke gezondheid\nJeugdgezondheidszorg\nVeilig Thuis",
    )
    _mandaat(
        door,
        ggd,
        "ab",
        _houder(college, "zorg", "sociaal", "gezondheid"),
        "Wethouder zorg (demo)",
        functie="wethouder",
    )
    _cijfers(
        door,
        ggd,
        reeks(1_620_000, "2.5", JAREN),
        aandeel=J("4.8"),
        ev=J(3_100_000),
        vv=J(42_000_000),
        resultaat=J(50_000),
    )

    odh = _verband(
        door,
        [programmas[8]],
        (*HAAGLANDEN, "pv28"),
        dt.date(2013, 1, 1),
        naam="Omgevingsdienst Haaglanden",
        afkorting="ODH",
        vestigingsplaats="Den Haag",
        rechtsvorm=Rechtsvorm.OPENBAAR_LICHAAM,
        tooi_code="so0700",
        bestuurlijk_belang=True,
        financieel_belang=True,
        verplicht=True,
        wettelijke_grondslag="Omgevingswet art. 18.21",
        openbaar_belang=ODH_BELANG,
        kerntaken="Vergunningverlening milieu\nToezicht en handhaving",
    )
    _mandaat(
        door,
        odh,
        "ab",
        _houder(college, "milieu", "duurzaam", "ruimte"),
        "Wethouder milieu (demo)",
        functie="wethouder",
    )
    # A steep rise in the demo year: the dashboard's signal (demo).
    bijdragen = reeks(880_000, "2", JAREN)
    bijdragen[DEMO_JAAR] = (bijdragen[DEMO_JAAR - 1] * J("1.09")).quantize(J(1))
    _cijfers(door, odh, bijdragen, aandeel=J("6.0"), ev=J(1_200_000), vv=J(14_000_000), resultaat=J(-20_000))
    services.risico_vastleggen(
        door=door,
        verband=odh,
        gegevens={
            "omschrijving": "Extra taken onder de Omgevingswet zonder dekking (demo)",
            "kans": 4,
            "impact": 2,
            "beheersmaatregelen": "Werkprogramma per jaar afspreken (demo).",
            "bedrag_weerstandsvermogen": J(60_000),
        },
    )

    afval = _verband(
        door,
        [programmas[8]],
        ("gm1926", "gm1916", "gm0629", "gm1783"),
        dt.date(2005, 1, 1),
        naam="Afvalbedrijf Haaglanden NV (demo)",
        vestigingsplaats="Rijswijk (demo)",
        rechtsvorm=Rechtsvorm.NV,
        bestuurlijk_belang=True,
        financieel_belang=True,
        openbaar_belang=AFVAL_BELANG,
        kerntaken="Afvalinzameling (demo)\nAfvalverwerking (demo)",
    )
    _mandaat(
        door,
        afval,
        "ava",
        _houder(college, "milieu", "duurzaam", "ruimte"),
        "Wethouder (demo)",
        functie="aandeelhouder namens de gemeente",
    )
    # Negative equity at the end of the demo year after a write-down: the dashboard's other signal (demo).
    _cijfers(
        door,
        afval,
        {j: J(0) for j in JAREN},
        aandeel=J("18.0"),
        garanties=J(2_500_000),
        ev=J(600_000),
        vv=J(21_000_000),
        resultaat=J(-100_000),
        ev_sprong={DEMO_JAAR: J(-1_000_000)},
    )
    services.risico_vastleggen(
        door=door,
        verband=afval,
        gegevens={
            "omschrijving": "Afwaardering verbrandingsinstallatie; aanspraak op de garantie (demo)",
            "kans": 2,
            "impact": 5,
            "beheersmaatregelen": "Herstelplan en extra toezicht als aandeelhouder (demo).",
            "bedrag_weerstandsvermogen": J(450_000),
        },
    )

    _verband(
        door,
        [],
        HAAGLANDEN,
        dt.date(2013, 1, 1),
        naam="Arbeidsmarktregio Haaglanden",
        vestigingsplaats="Den Haag (centrumgemeente)",
        rechtsvorm=Rechtsvorm.CONVENANT,
        verplicht=True,
        wettelijke_grondslag="Wet SUWI art. 10; Besluit SUWI art. 2.4 en 2.5",
        openbaar_belang=REGIO_BELANG,
        kerntaken="Werkgeversdienstverlening\nRegionaal arbeidsmarktbeleid",
    )
    return [vrh, ggd, odh, afval]
