"""Active publication: the register, information categories, DiWoo metadata, sitemaps and public search."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicatieConfig(AppConfig):
    name = "raadhuis.publicatie"
    label = "publicatie"
    verbose_name = _("Openbaarheid")

    def ready(self) -> None:
        from raadhuis.publicatie.rechten import registreren_voor_publicatie

        registreren_voor_publicatie()
