"""The "achterstallig" block of the griffie's dashboard: overdue toezeggingen and moties."""

from __future__ import annotations

from django import template

from raadhuis.besluitvorming.selectors.registers import achterstallige_moties, achterstallige_toezeggingen

register = template.Library()

MAXIMUM = 10


@register.inclusion_tag("besluitvorming/stemmen/_achterstallig.html")
def achterstallig_blok() -> dict[str, object]:
    return {
        "toezeggingen": list(achterstallige_toezeggingen()[:MAXIMUM]),
        "moties": list(achterstallige_moties()[:MAXIMUM]),
    }
