"""From raadsakkoord to results: ambities, programmadoelen, acties, activiteiten, progress and indicators."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UitvoeringConfig(AppConfig):
    name = "raadhuis.uitvoering"
    label = "uitvoering"
    verbose_name = _("Uitvoering")

    def ready(self) -> None:
        from raadhuis.uitvoering.rechten import registreren_voor_uitvoering

        registreren_voor_uitvoering()
