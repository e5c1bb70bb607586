"""Verbonden partijen and other cooperation: participants, representation, finances, risks, zienswijzen."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SamenwerkingConfig(AppConfig):
    name = "raadhuis.samenwerking"
    label = "samenwerking"
    verbose_name = _("Samenwerking")

    def ready(self) -> None:
        from raadhuis.samenwerking.rechten import registreren_voor_samenwerking

        registreren_voor_samenwerking()
