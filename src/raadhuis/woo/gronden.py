"""The refusal grounds of the Woo (chapter 5) with their codes, article labels and texts, as the
assessment form offers them, the besluit letter cites them and the inventarislijst lists them
(woo.md, section 2; https://wetten.overheid.nl/BWBR0045754, hoofdstuk 5).

Absolute grounds (art. 5.1 lid 1) are not weighed; relative grounds (art. 5.1 lid 2) are weighed
against the interest of openness, which the motivation must show. Codes are the normalised form
of `raadhuis.woo.lakken.grond_normaliseren` ("5.1.2e").
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from raadhuis.woo.lakken import grond_normaliseren


@dataclass(frozen=True)
class Grond:
    code: str
    artikel: str
    omschrijving: Promise
    absoluut: bool

    @property
    def label(self) -> str:
        return f"{self.code} – {self.omschrijving}"


_LIJST = (
    Grond("5.1.1a", "artikel 5.1, eerste lid, onder a", _("de eenheid van de Kroon"), True),
    Grond("5.1.1b", "artikel 5.1, eerste lid, onder b", _("de veiligheid van de Staat"), True),
    Grond(
        "5.1.1c",
        "artikel 5.1, eerste lid, onder c",
        _("vertrouwelijk aan de overheid meegedeelde bedrijfs- en fabricagegegevens"),
        True,
    ),
    Grond("5.1.1d", "artikel 5.1, eerste lid, onder d", _("bijzondere persoonsgegevens"), True),
    Grond(
        "5.1.1e",
        "artikel 5.1, eerste lid, onder e",
        _("identificatienummers, zoals het burgerservicenummer"),
        True,
    ),
    Grond(
        "5.1.2a",
        "artikel 5.1, tweede lid, onder a",
        _("de betrekkingen met andere staten en internationale organisaties"),
        False,
    ),
    Grond(
        "5.1.2b",
        "artikel 5.1, tweede lid, onder b",
        _(
            "de economische of financiële belangen van de Staat, andere publiekrechtelijke "
            "lichamen of bestuursorganen"
        ),
        False,
    ),
    Grond(
        "5.1.2c",
        "artikel 5.1, tweede lid, onder c",
        _("de opsporing en vervolging van strafbare feiten"),
        False,
    ),
    Grond(
        "5.1.2d",
        "artikel 5.1, tweede lid, onder d",
        _("inspectie, controle en toezicht door bestuursorganen"),
        False,
    ),
    Grond(
        "5.1.2e",
        "artikel 5.1, tweede lid, onder e",
        _("de eerbiediging van de persoonlijke levenssfeer"),
        False,
    ),
    Grond(
        "5.1.2f",
        "artikel 5.1, tweede lid, onder f",
        _("de bescherming van concurrentiegevoelige bedrijfs- en fabricagegegevens"),
        False,
    ),
    Grond("5.1.2g", "artikel 5.1, tweede lid, onder g", _("de bescherming van het milieu"), False),
    Grond(
        "5.1.2h",
        "artikel 5.1, tweede lid, onder h",
        _("de beveiliging van personen en bedrijven en het voorkomen van sabotage"),
        False,
    ),
    Grond(
        "5.1.2i",
        "artikel 5.1, tweede lid, onder i",
        _("het goed functioneren van de Staat, andere publiekrechtelijke lichamen of bestuursorganen"),
        False,
    ),
    Grond("5.1.5", "artikel 5.1, vijfde lid", _("onevenredige benadeling"), False),
    Grond(
        "5.2",
        "artikel 5.2",
        _("persoonlijke beleidsopvattingen in documenten voor intern beraad"),
        False,
    ),
)

GRONDEN: dict[str, Grond] = {grond.code: grond for grond in _LIJST}


def keuzes() -> list[tuple[str, str]]:
    """(code, label) pairs for a form's select, in the order of the law."""
    return [(grond.code, grond.label) for grond in _LIJST]


def grond(code: str) -> Grond:
    """The ground for a code in any common spelling ("5.1.2.e"); KeyError for an unknown or Wob
    code (those are kept on old files but are not chosen for new decisions)."""
    try:
        return GRONDEN[grond_normaliseren(code)]
    except ValueError as fout:
        raise KeyError(code) from fout
