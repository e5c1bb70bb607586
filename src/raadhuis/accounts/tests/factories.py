"""Factories for accounts; roles are given as a list and granted through the service."""

from __future__ import annotations

from typing import Any

import factory

from raadhuis.accounts import services
from raadhuis.accounts.models import Medewerker

WACHTWOORD = "een-lang-testwachtwoord-42"


class MedewerkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Medewerker

    username = factory.Sequence(lambda n: f"medewerker{n}")
    first_name = "Mila"
    last_name = factory.Sequence(lambda n: f"Medewerker {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")

    @classmethod
    def _create(cls, model_class: type[Medewerker], *args: Any, **kwargs: Any) -> Medewerker:
        rollen = kwargs.pop("rollen", [])
        return services.medewerker_aanmaken(
            gebruikersnaam=kwargs["username"],
            wachtwoord=kwargs.pop("password", WACHTWOORD),
            rollen=rollen,
            voornaam=kwargs.get("first_name", ""),
            achternaam=kwargs.get("last_name", ""),
            emailadres=kwargs.get("email", ""),
        )
