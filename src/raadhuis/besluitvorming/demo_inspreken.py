"""Demo data of inspreken: the commissie's speaking rules and its next meeting, three weeks ahead, with
speakers admitted with and without consent to publish their name, and one request still waiting."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import OutputWrapper
from django.utils import timezone

from raadhuis.accounts.models import Rol
from raadhuis.accounts.selectors import medewerkers_met_rol
from raadhuis.besluitvorming import services
from raadhuis.besluitvorming.demo_gegevens import TZ
from raadhuis.besluitvorming.selectors.inspreken import regeling_van
from raadhuis.besluitvorming.selectors.publiek import orgaan_op_slug
from raadhuis.besluitvorming.services import inspreken

COMMISSIE_SLUG = "commissie-bestuur-en-dienstverlening"
PUNTEN = (
    ("Parkeerbeleid centrum Nootdorp 2027", False),
    ("Subsidieregeling buurtinitiatieven", False),
    ("Grondtransactie bedrijventerrein (besloten)", True),
)


def _datum() -> dt.datetime:
    """A Monday evening at least three weeks ahead, so signing up is open when the demo is shown."""
    dag = timezone.localdate() + dt.timedelta(days=21)
    dag += dt.timedelta(days=(7 - dag.weekday()) % 7)
    return dt.datetime.combine(dag, dt.time(19, 30), tzinfo=TZ)


def laden(uitvoer: OutputWrapper) -> None:
    commissie = orgaan_op_slug(COMMISSIE_SLUG)
    door = medewerkers_met_rol(Rol.GRIFFIE).first()
    if commissie is None or door is None or regeling_van(commissie) is not None:
        return
    inspreken.inspreekregeling_vastleggen(
        orgaan=commissie, toegestaan=True, vrij_onderwerp=True, spreektijd=5, door=door
    )
    begin = _datum()
    vergadering = services.vergadering_plannen(
        orgaan=commissie,
        titel=f"Commissie Bestuur en Dienstverlening {begin:%d-%m-%Y}",
        begin=begin,
        einde=begin + dt.timedelta(hours=3),
        locatie="Commissiekamer, Oranjeplein 1, Pijnacker",
        door=door,
    )
    punten = []
    for volgnummer, (titel, besloten) in enumerate(PUNTEN, start=1):
        punten.append(
            services.agendapunt_toevoegen(
                vergadering=vergadering, titel=titel, kenmerk=str(volgnummer), besloten=besloten, door=door
            )
        )
    services.agenda_publiceren(vergadering=vergadering, door=door)
    met_naam = inspreken.spreekverzoek_indienen(
        vergadering=vergadering,
        akkoord=True,
        agendapunt=punten[0],
        naam="Fatma Yilmaz (demo)",
        organisatie="Ondernemersvereniging Nootdorp (demo)",
        emailadres="f.yilmaz@example.org",
        samenvatting=(
            "De ondernemers vragen om blauwe zones in plaats van betaald parkeren rond het Raadhuisplein."
        ),
        naam_publiceren=True,
    )
    zonder_naam = inspreken.spreekverzoek_indienen(
        vergadering=vergadering,
        akkoord=True,
        agendapunt=punten[0],
        naam="Jan de Vries (demo)",
        emailadres="j.devries@example.org",
        samenvatting="Als bewoner van de Dorpsstraat vraag ik om vergunningparkeren voor bewoners.",
    )
    inspreken.spreekverzoek_indienen(
        vergadering=vergadering,
        akkoord=True,
        agendapunt=punten[1],
        naam="Anouk Jansen (demo)",
        organisatie="Speeltuinvereniging Keijzershof (demo)",
        kvk_nummer="40412345",
        emailadres="a.jansen@example.org",
        telefoonnummer="015 123 45 67",
        samenvatting="Onze vereniging vraagt of vrijwilligerswerk in de speeltuin onder de regeling valt.",
        naam_publiceren=True,
    )
    inspreken.spreekverzoek_toelaten(spreekverzoek=met_naam, door=door)
    inspreken.spreekverzoek_toelaten(spreekverzoek=zonder_naam, door=door)
    uitvoer.write(f"Inspreken: {vergadering.titel} met 2 toegelaten insprekers en 1 aanmelding.")
