"""Template tags of the shared form component."""

from __future__ import annotations

import uuid

from django import template

register = template.Library()


@register.simple_tag
def formuliersleutel() -> str:
    """A fresh key per rendered form: sending the same form twice (a double click, a reload of the
    answer) is then done once (core.idempotentie)."""
    return uuid.uuid4().hex
