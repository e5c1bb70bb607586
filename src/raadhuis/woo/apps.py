"""Woo requests: intake, legal deadlines, document assessment, redaction and decision."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WooConfig(AppConfig):
    name = "raadhuis.woo"
    label = "woo"
    verbose_name = _("Woo-verzoeken")

    def ready(self) -> None:
        from raadhuis.woo.rechten import registreren_voor_woo

        registreren_voor_woo()
