"""A status as text with a shape and a colour, so it reads without colour (WCAG 2.1 SC 1.4.1)."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils import formats

from raadhuis.uitvoering.models import Activiteit, Status, Voortgangsupdate

register = template.Library()

# (shape, colour): every status differs in shape as well as colour; colours have 3:1 contrast on white.
VORMEN: dict[str, tuple[str, str]] = {
    Status.NIET_GESTART: ("cirkel-open", "#5c5c5c"),
    Status.OP_SCHEMA: ("vinkje", "#2c6e31"),
    Status.RISICO: ("driehoek", "#8a5a00"),
    Status.VERTRAAGD: ("ruit", "#b01d1d"),
    Status.AFGEROND: ("cirkel", "#1d5b8f"),
    Status.VERVALLEN: ("kruis", "#5c5c5c"),
}


@register.inclusion_tag("uitvoering/_status.html")
def status(waarde: str) -> dict[str, str]:
    vorm, kleur = VORMEN.get(waarde, ("cirkel-open", "#5c5c5c"))
    label = str(Status(waarde).label) if waarde in Status.values else waarde
    return {"vorm": vorm, "kleur": kleur, "label": label}


@register.filter
def euro(bedrag: Decimal | int | None) -> str:
    """An amount in euros the Dutch way (€ 1.234.567), or a dash when unknown."""
    if bedrag is None:
        return "—"
    return "€ " + formats.number_format(
        Decimal(bedrag).quantize(Decimal(1)), decimal_pos=0, use_l10n=True, force_grouping=True
    )


@register.filter
def getal(waarde: Decimal | None) -> str:
    if waarde is None:
        return "—"
    return formats.number_format(
        waarde, decimal_pos=2 if waarde != waarde.to_integral() else 0, use_l10n=True, force_grouping=True
    )


@register.filter
def laatste_update(activiteit: Activiteit) -> Voortgangsupdate | None:
    """The latest of the activity's prefetched updates (the public tree prefetches only public ones)."""
    updates = list(activiteit.updates.all())
    return updates[-1] if updates else None
