"""Field validators shared by every module."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from raadhuis.core import tooi


def alleen_cijfers(waarde: str) -> bool:
    """True for a non-empty string of 0-9. `str.isdigit()` also accepts superscripts and the digits
    of other scripts: int() refuses "³" (a crash where bad input should be refused) and reads "٣"
    as 3 (an identifier that was never typed)."""
    return waarde.isascii() and waarde.isdigit()


def valideer_tooi_organisatiecode(waarde: str) -> None:
    """A TOOI organisation code must exist in the official lists (shared/reference/tooi)."""
    if not tooi.TOOI_CODE_PATROON.match(waarde or ""):
        raise ValidationError(
            _("Vul een TOOI-code in zoals gm1926 (letters gevolgd door cijfers)."), code="opmaak"
        )
    if tooi.organisatie(waarde) is None:
        raise ValidationError(
            _("%(code)s staat niet in de TOOI-organisatielijsten.") % {"code": waarde},
            code="onbekend",
        )
