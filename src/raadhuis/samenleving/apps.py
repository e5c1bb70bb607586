"""In connection with society: petitions and burgerinitiatieven, consultations, and the
municipality's maatschappelijke partners with their convenanten and subsidies."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SamenlevingConfig(AppConfig):
    name = "raadhuis.samenleving"
    label = "samenleving"
    verbose_name = _("Samenleving")

    def ready(self) -> None:
        from raadhuis.samenleving.rechten import registreren_voor_samenleving

        registreren_voor_samenleving()
