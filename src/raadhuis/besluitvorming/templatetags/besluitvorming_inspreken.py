"""Inspreken on the public meeting page: the accepted speakers of an agenda item (the view passes
insprekers_publiek as `inspreken`, so it is part of the agenda fragment's cache key)."""

from __future__ import annotations

from django import template

from raadhuis.besluitvorming.models import Spreekverzoek
from raadhuis.besluitvorming.selectors.inspreken import Insprekers

register = template.Library()


@register.filter
def bij_agendapunt(gegevens: Insprekers, agendapunt_id: int) -> list[Spreekverzoek]:
    return gegevens.per_agendapunt.get(agendapunt_id, [])
