"""Public services on every channel: product catalogue, cases, appointments, contacts, satisfaction, monitoring."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DienstverleningConfig(AppConfig):
    name = "raadhuis.dienstverlening"
    label = "dienstverlening"
    verbose_name = _("Dienstverlening")
