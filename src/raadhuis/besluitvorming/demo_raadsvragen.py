"""Demo raadsvragen of the demo raad's members: answered, answered after uitstel, open, overdue, a
concept of the demo raadslid. Dates count back from today, so "open" and "te laat" stay true."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.management.base import OutputWrapper
from django.utils import timezone

from raadhuis.accounts.models import Rol
from raadhuis.accounts.selectors import medewerkers_met_rol
from raadhuis.besluitvorming.models import Agendapunt, Persoon, Raadsvraag, Toezegging
from raadhuis.besluitvorming.selectors.beheer import persoon_van_medewerker
from raadhuis.besluitvorming.selectors.raadsvragen import portefeuillehouders_op, raadsleden_op
from raadhuis.besluitvorming.services import raadsvragen as diensten


@dataclass(frozen=True)
class Demovraag:
    dagen_geleden: int
    indieners: tuple[int, ...]  # indexes into the seated members
    onderwerp: str
    inleiding: str
    vragen: tuple[str, ...]
    portefeuillehouder: int | None = None  # index into the college
    antwoord: str = ""
    beantwoord_na: int = 0  # days after submission
    concept_antwoord: str = ""
    uitstel: str = ""  # reason; 14 days


VRAGEN: tuple[Demovraag, ...] = (
    Demovraag(
        dagen_geleden=150,
        indieners=(0, 7),
        onderwerp="Verkeersveiligheid schoolroute Keijzershof",
        inleiding="Ouders melden gevaarlijke situaties bij de oversteek Klapwijkseweg in de ochtendspits.",
        vragen=(
            "Is het college bekend met de meldingen van ouders over de oversteek bij de Klapwijkseweg?",
            "Hoeveel verkeersongevallen zijn daar de afgelopen drie jaar geregistreerd?",
            "Is het college bereid een verkeersbrigadier of een snelheidsremmende maatregel te overwegen?",
        ),
        portefeuillehouder=4,
        antwoord=(
            "1. Ja, de meldingen zijn bekend; de wijkagent heeft de situatie in april bekeken.\n"
            "2. Er zijn drie ongevallen met alleen materiële schade geregistreerd.\n"
            "3. Het college plaatst dit najaar een verhoogd plateau en zoekt met de school naar brigadiers."
        ),
        beantwoord_na=24,
    ),
    Demovraag(
        dagen_geleden=95,
        indieners=(3,),
        onderwerp="Wachttijden paspoort en rijbewijs",
        inleiding="Inwoners kunnen pas na vijf weken terecht voor een afspraak aan de balie.",
        vragen=(
            "Wat is de huidige gemiddelde wachttijd voor een afspraak voor reisdocumenten?",
            "Welke maatregelen neemt het college om de wachttijd voor de zomer terug te brengen?",
        ),
        portefeuillehouder=2,
        antwoord=(
            "De gemiddelde wachttijd is 23 werkdagen. Het college opent extra avondopenstellingen op "
            "dinsdag en donderdag en zet tijdelijk twee extra medewerkers in."
        ),
        beantwoord_na=28,
    ),
    Demovraag(
        dagen_geleden=62,
        indieners=(10, 12),
        onderwerp="Onderhoud speeltuinen Delfgauw",
        inleiding="In de speeltuin aan het Emerald zijn toestellen al maanden afgezet met linten.",
        vragen=(
            "Wanneer zijn de afgezette speeltoestellen in Delfgauw voor het laatst geïnspecteerd?",
            "Wanneer worden zij hersteld of vervangen?",
        ),
        portefeuillehouder=4,
    ),
    Demovraag(
        dagen_geleden=12,
        indieners=(5,),
        onderwerp="Energiearmoede en de energietoeslag",
        inleiding="",
        vragen=(
            "Hoeveel huishoudens hebben dit jaar de energietoeslag aangevraagd?",
            "Hoe bereikt het college huishoudens die de toeslag niet aanvragen?",
        ),
        portefeuillehouder=3,
        concept_antwoord="Conceptantwoord: cijfers volgen van de afdeling Werk en Inkomen.",
        uitstel="De cijfers van de regionale sociale dienst komen pas na de termijn beschikbaar.",
    ),
    Demovraag(
        dagen_geleden=2,
        indieners=(15,),
        onderwerp="Laadpalen in de wijk Ackerswoude",
        inleiding="Bewoners vragen al een jaar om een openbare laadpaal in hun straat.",
        vragen=(
            "Hoeveel aanvragen voor een openbare laadpaal liggen er in Ackerswoude?",
            "Wat is de gemiddelde doorlooptijd van zo'n aanvraag?",
        ),
    ),
)


def _antwoorden(
    vraag: Raadsvraag, gegevens: Demovraag, griffie: AbstractBaseUser, college: AbstractBaseUser | None
) -> None:
    if gegevens.uitstel:
        diensten.raadsvraag_uitstellen(
            raadsvraag=vraag, aantal=14, eenheid="dagen", reden=gegevens.uitstel, door=griffie
        )
    if college is None:
        return
    if gegevens.concept_antwoord:
        diensten.raadsvraag_conceptantwoord_opslaan(
            raadsvraag=vraag, tekst=gegevens.concept_antwoord, door=college
        )
    if gegevens.antwoord and vraag.ingediend_op is not None:
        diensten.raadsvraag_beantwoorden(
            raadsvraag=vraag,
            antwoord=gegevens.antwoord,
            beantwoord_op=vraag.ingediend_op + dt.timedelta(days=gegevens.beantwoord_na),
            door=college,
        )


def _koppelingen() -> tuple[list[Agendapunt], list[Toezegging]]:
    punt = (
        Agendapunt.objects.filter(besloten=False, vergadering__besloten=False)
        .order_by("-vergadering__begin", "volgnummer")
        .first()
    )
    toezegging = Toezegging.objects.order_by("pk").first()
    return ([punt] if punt else []), ([toezegging] if toezegging else [])


def laden(uitvoer: OutputWrapper) -> None:
    if Raadsvraag.objects.exists():
        return
    griffie = medewerkers_met_rol(Rol.GRIFFIE).first()
    college = medewerkers_met_rol(Rol.COLLEGELID).first()
    vandaag = timezone.localdate()
    leden = raadsleden_op(vandaag)
    collegeleden = portefeuillehouders_op(vandaag)
    if griffie is None or len(leden) < 16 or not collegeleden:
        return
    agendapunten, toezeggingen = _koppelingen()
    for nummer, gegevens in enumerate(VRAGEN):
        ingediend = vandaag - dt.timedelta(days=gegevens.dagen_geleden)
        vraag = diensten.raadsvraag_opstellen(
            onderwerp=gegevens.onderwerp,
            inleiding=gegevens.inleiding,
            vragen=list(gegevens.vragen),
            indieners=[leden[i] for i in gegevens.indieners],
            indienen=True,
            ingediend_op=ingediend,
            door=griffie,
        )
        if gegevens.portefeuillehouder is not None:
            diensten.raadsvraag_toewijzen(
                raadsvraag=vraag,
                portefeuillehouder=collegeleden[gegevens.portefeuillehouder % len(collegeleden)],
                agendapunten=agendapunten if nummer == 0 else None,
                toezeggingen=toezeggingen if nummer == 0 else None,
                door=griffie,
            )
        _antwoorden(vraag, gegevens, griffie, college)
    # A concept of the demo raadslid's own, seen only by them and the griffie.
    raadslid = medewerkers_met_rol(Rol.RAADSLID).first()
    eigen: Persoon | None = persoon_van_medewerker(raadslid) if raadslid is not None else None
    if raadslid is not None and eigen is not None and any(lid.pk == eigen.pk for lid in leden):
        diensten.raadsvraag_opstellen(
            onderwerp="Zwerfafval rond het station Pijnacker Centrum",
            vragen=["Hoe vaak wordt het stationsgebied geveegd?", "Komen er extra afvalbakken?"],
            indieners=[eigen],
            door=raadslid,
        )
    uitvoer.write(f"Raadsvragen: {len(VRAGEN)} ingediend, waarvan een te laat, en een concept")
