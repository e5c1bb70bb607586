"""A local OpenID Connect identity provider that stands in for DigiD and eHerkenning in development."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TestIdpConfig(AppConfig):
    name = "raadhuis.testidp"
    label = "testidp"
    verbose_name = _("Test-inlogdienst")

    def ready(self) -> None:
        # Registers the deployment check (a decorator on import; not a signal).
        from raadhuis.testidp import checks  # noqa: F401
