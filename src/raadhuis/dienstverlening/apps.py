"""Public services on every channel: catalogue, cases, appointments, contacts, satisfaction."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DienstverleningConfig(AppConfig):
    name = "raadhuis.dienstverlening"
    label = "dienstverlening"
    verbose_name = _("Dienstverlening")

    def ready(self) -> None:
        from raadhuis.dienstverlening.rechten import registreren_voor_dienstverlening

        registreren_voor_dienstverlening()
