"""Inspreken on the public meeting page: whether one may sign up, and the accepted speakers."""

from __future__ import annotations

from django import template

from raadhuis.besluitvorming.models import Spreekverzoek, Vergadering
from raadhuis.besluitvorming.selectors.inspreken import Insprekers, insprekers_publiek

register = template.Library()


@register.simple_tag
def insprekers(vergadering: Vergadering) -> Insprekers:
    return insprekers_publiek(vergadering)


@register.filter
def bij_agendapunt(gegevens: Insprekers, agendapunt_id: int) -> list[Spreekverzoek]:
    return gegevens.per_agendapunt.get(agendapunt_id, [])
