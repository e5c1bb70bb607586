"""Field validators shared by every module."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadhuis.core import tooi


def alleen_cijfers(waarde: str) -> bool:
    """True for a non-empty string of 0-9. `str.isdigit()` also accepts superscripts and the digits
    of other scripts: int() refuses "³" (a crash where bad input should be refused) and reads "٣"
    as 3 (an identifier that was never typed)."""
    return waarde.isascii() and waarde.isdigit()


# Next to the field wherever a KvK number is typed, refused by a service or checked in a claim.
KVK_MELDING = gettext_lazy("Een KvK-nummer bestaat uit 8 cijfers.")


def is_kvk_nummer(waarde: str) -> bool:
    """A KvK number (Handelsregisterwet 2007 art. 12, Handelsregisterbesluit 2008 art. 3) is eight
    digits 0-9, and 00000000 is none. The KvK publishes no check digit any more, so only the form
    is checked. (A regex `^\\d{8}$` is not this check: `\\d` takes any script's digits and `$`
    a trailing newline.)"""
    return len(waarde) == 8 and alleen_cijfers(waarde) and waarde != "00000000"


def valideer_kvk_nummer(waarde: str) -> None:
    """is_kvk_nummer as a field validator."""
    if not is_kvk_nummer(waarde):
        raise ValidationError(KVK_MELDING, code="kvk_opmaak")


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
