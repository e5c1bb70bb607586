"""What every service of uitvoering shares: setting the given fields, refusing unknown ones."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

M = TypeVar("M", bound=models.Model)


def velden_zetten(object: M, gegevens: dict[str, Any], toegestaan: Iterable[str]) -> M:
    """Sets the given fields; an unknown field is refused so a typo cannot pass silently."""
    onbekend = set(gegevens) - set(toegestaan)
    if onbekend:
        raise ValidationError(_("Onbekende velden: %(velden)s.") % {"velden": ", ".join(sorted(onbekend))})
    for veld, waarde in gegevens.items():
        setattr(object, veld, waarde)
    return object
