"""Core: what every module shares and that imports no domain app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "raadhuis.core"
    label = "core"
    verbose_name = _("Kern")
