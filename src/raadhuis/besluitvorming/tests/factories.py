"""Factories for besluitvorming: a raad with seated members in fracties, meetings, agenda items.

They write the models directly to set up a situation; the behaviour under test goes through the
services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import factory
from django.utils import timezone

from raadhuis.besluitvorming.models import (
    Agendapunt,
    Fractie,
    Fractielidmaatschap,
    Lidmaatschap,
    Orgaan,
    Persoon,
    Stuk,
    Vergadering,
    Voorstel,
)

BEGIN_RAADSPERIODE = dt.date(2022, 3, 30)


class OrgaanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Orgaan

    soort = Orgaan.Soort.RAAD
    naam = factory.Sequence(lambda n: f"Gemeenteraad {n}")
    slug = factory.Sequence(lambda n: f"orgaan-{n}")
    zetels = 31
    actief_vanaf = dt.date(2002, 1, 1)

    class Params:
        college = factory.Trait(soort=Orgaan.Soort.COLLEGE, naam="College van B en W", zetels=6)
        commissie = factory.Trait(soort=Orgaan.Soort.COMMISSIE, naam="Commissie Ruimte", zetels=None)


class PersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persoon

    voornaam = factory.Sequence(lambda n: f"Voornaam{n}")
    achternaam = factory.Sequence(lambda n: f"Achternaam{n}")
    slug = factory.Sequence(lambda n: f"persoon-{n}")


class FractieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fractie

    naam = factory.Sequence(lambda n: f"Fractie {n} (demo)")
    afkorting = factory.Sequence(lambda n: f"F{n}")
    slug = factory.Sequence(lambda n: f"fractie-{n}")
    actief_vanaf = BEGIN_RAADSPERIODE


class LidmaatschapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lidmaatschap

    persoon = factory.SubFactory(PersoonFactory)
    orgaan = factory.SubFactory(OrgaanFactory)
    functie = Lidmaatschap.Functie.LID
    begin = BEGIN_RAADSPERIODE


class FractielidmaatschapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fractielidmaatschap

    persoon = factory.SubFactory(PersoonFactory)
    fractie = factory.SubFactory(FractieFactory)
    begin = BEGIN_RAADSPERIODE


class VergaderingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vergadering

    orgaan = factory.SubFactory(OrgaanFactory)
    titel = factory.Sequence(lambda n: f"Raadsvergadering {n}")
    begin = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    locatie = "Raadzaal, Oranjeplein 1, Pijnacker"


class AgendapuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agendapunt

    vergadering = factory.SubFactory(VergaderingFactory)
    volgnummer = factory.Sequence(lambda n: n + 1)
    titel = factory.Sequence(lambda n: f"Agendapunt {n}")


class StukFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stuk

    orgaan = factory.SubFactory(OrgaanFactory)
    soort = Stuk.Soort.VOORSTEL
    titel = factory.Sequence(lambda n: f"Raadsvoorstel {n}")
    datum = dt.date(2024, 1, 15)


class VoorstelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Voorstel

    vergadering = factory.SubFactory(VergaderingFactory)
    agendapunt = factory.SubFactory(AgendapuntFactory, vergadering=factory.SelfAttribute("..vergadering"))
    soort = Voorstel.Soort.MOTIE
    motie_type = Voorstel.MotieType.VOORSTEL
    titel = factory.Sequence(lambda n: f"Motie {n}")
    ingediend_op = factory.LazyFunction(timezone.now)


@dataclass
class Raad:
    """A raad with its seated members per fractie, as most vote tests need it."""

    orgaan: Orgaan
    fracties: list[Fractie]
    leden: list[Persoon]
    fractie_van: dict[int, Fractie] = field(default_factory=dict)


def raad_met_leden(
    zetels_per_fractie: tuple[int, ...] = (9, 7, 5, 4, 3, 2, 1), *, vacatures: int = 0
) -> Raad:
    """A raad whose seats are filled by fracties of the given sizes, minus `vacatures` empty seats."""
    orgaan = OrgaanFactory(zetels=sum(zetels_per_fractie))
    raad = Raad(orgaan=orgaan, fracties=[], leden=[])
    te_vullen = sum(zetels_per_fractie) - vacatures
    for grootte in zetels_per_fractie:
        fractie = FractieFactory()
        raad.fracties.append(fractie)
        for _ in range(grootte):
            if len(raad.leden) == te_vullen:
                break
            lid = LidmaatschapFactory(orgaan=orgaan).persoon
            FractielidmaatschapFactory(persoon=lid, fractie=fractie)
            raad.leden.append(lid)
            raad.fractie_van[lid.pk] = fractie
    return raad
