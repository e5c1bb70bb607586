"""Permission rules of the logboek pages and the register of processing activities."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from raadhuis.core.rechten import LOGBOEK_INZIEN, PRIVACY_OFFICER, een_van_rollen, registreren

# Viewing the log is core.rechten.LOGBOEK_INZIEN; keeping the register is the privacy officer's
# task alone (AVG art. 30 lid 1 puts it on the controller; the officer keeps it on its behalf).
VERWERKINGSREGISTER_BEHEREN = "verwerkingsregister.beheren"

__all__ = ["LOGBOEK_INZIEN", "VERWERKINGSREGISTER_BEHEREN", "logboek_rechten_registreren"]

_alleen_privacy_officer = een_van_rollen([PRIVACY_OFFICER])


def logboek_rechten_registreren() -> None:
    """Called from CoreConfig.ready()."""
    registreren(
        VERWERKINGSREGISTER_BEHEREN,
        _alleen_privacy_officer,
        weigering=gettext_lazy("Alleen een privacy officer mag het verwerkingsregister bijhouden."),
    )
