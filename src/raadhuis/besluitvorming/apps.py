"""Council and college decision-making: bodies, meetings, agendas, stukken, motions, votes, decisions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BesluitvormingConfig(AppConfig):
    name = "raadhuis.besluitvorming"
    label = "besluitvorming"
    verbose_name = _("Besluitvorming")

    def ready(self) -> None:
        from raadhuis.besluitvorming.rechten import (
            registreren_voor_besluitvorming,
            registreren_voor_raadsvragen,
            registreren_voor_stemmingen,
        )

        registreren_voor_besluitvorming()
        registreren_voor_stemmingen()
        registreren_voor_raadsvragen()
