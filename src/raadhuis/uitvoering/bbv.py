"""The mandatory BBV beleidsindicatoren for Bestuur en ondersteuning (Regeling beleidsindicatoren
taakvelden gemeenten, hoofdtaakveld 0), computed from the figures a gemeente enters.

Municipalities count denominators differently, so the numerator, denominator, unit, peildatum and
source are stored and the value is computed, never typed in (samenwerking.md section 6)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class Soort(models.TextChoices):
    FORMATIE = "formatie", _("Formatie")
    BEZETTING = "bezetting", _("Bezetting")
    APPARAATSKOSTEN = "apparaatskosten", _("Apparaatskosten")
    EXTERNE_INHUUR = "externe_inhuur", _("Externe inhuur")
    OVERHEAD = "overhead", _("Overhead")


@dataclass(frozen=True)
class Definitie:
    soort: str
    eenheid: str
    teller: str  # what the numerator is
    noemer: str  # what the denominator is
    definitie: str  # the BBV definition, shown next to the value
    factor: Decimal
    noemer_plus_teller: bool = False  # externe inhuur: loonsom + inhuur


DEFINITIES: dict[str, Definitie] = {
    Soort.FORMATIE: Definitie(
        Soort.FORMATIE,
        "fte per 1.000 inwoners",
        "formatie in fte",
        "aantal inwoners",
        "Toegestane formatie in fte voor het begrotingsjaar, peildatum 1 januari, per 1.000 inwoners.",
        Decimal(1000),
    ),
    Soort.BEZETTING: Definitie(
        Soort.BEZETTING,
        "fte per 1.000 inwoners",
        "bezetting in fte",
        "aantal inwoners",
        "Werkelijke bezetting in fte (medewerkers in dienst) per 1.000 inwoners.",
        Decimal(1000),
    ),
    Soort.APPARAATSKOSTEN: Definitie(
        Soort.APPARAATSKOSTEN,
        "€ per inwoner",
        "apparaatskosten in euro",
        "aantal inwoners",
        "Personele en materiële kosten van de organisatie, zonder griffie en bestuur, per inwoner.",
        Decimal(1),
    ),
    Soort.EXTERNE_INHUUR: Definitie(
        Soort.EXTERNE_INHUUR,
        "% van loonsom + inhuur",
        "kosten externe inhuur in euro",
        "totale loonsom in euro",
        "Kosten van inhuur externen (capaciteit betaald aan een commerciële partij zonder "
        "arbeidsovereenkomst "
        "of aanstelling) als percentage van de totale loonsom plus de totale kosten van inhuur externen.",
        Decimal(100),
        noemer_plus_teller=True,
    ),
    Soort.OVERHEAD: Definitie(
        Soort.OVERHEAD,
        "% van totale lasten",
        "overheadkosten in euro (taakveld 0.4)",
        "totale lasten in euro",
        "Kosten van sturing en ondersteuning van de organisatie (taakveld 0.4 Overhead) als percentage van "
        "de totale lasten.",
        Decimal(100),
    ),
}


def berekenen(soort: str, *, teller: Decimal, noemer: Decimal) -> Decimal | None:
    """The indicator's value, to two decimals; None when the denominator leaves nothing to divide by."""
    definitie = DEFINITIES[soort]
    deler = noemer + teller if definitie.noemer_plus_teller else noemer
    if deler <= 0:
        return None
    return (teller * definitie.factor / deler).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
