"""Every read of core's own models."""

from __future__ import annotations

from raadhuis.core.models import Organisatie


def huidige_organisatie() -> Organisatie | None:
    """The organisation running the platform, or None before `raadhuis demo`/set-up ran."""
    return Organisatie.objects.filter(pk=1).first()
