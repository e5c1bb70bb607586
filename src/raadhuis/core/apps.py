"""Core: what every module shares and that imports no domain app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "raadhuis.core"
    label = "core"
    verbose_name = _("Kern")

    def ready(self) -> None:
        # The deployment checks register themselves on import (a decorator, not a signal).
        from raadhuis.core import checks  # noqa: F401
        from raadhuis.core.logboek.rechten import logboek_rechten_registreren
        from raadhuis.core.rechten import core_rechten_registreren

        core_rechten_registreren()
        logboek_rechten_registreren()
