"""The Logboek Dataverwerkingen: the API every module uses to record processings of personal data.

Services call ``vastleggen`` inside their transaction; selectors that read personal data use
``verwerking`` (a context manager) or ``leest_persoonsgegevens`` (a decorator). See docs/logboek.md.
"""

from raadhuis.core.logboek.api import (
    BETROKKENE_TYPES,
    Betrokkene,
    Door,
    OnbekendeVerwerkingsactiviteit,
    Systeemproces,
    Verwerking,
    actuele_versie,
    betrokkene_hash,
    leest_persoonsgegevens,
    opstellen,
    toevoegen,
    vastleggen,
    verwerking,
)
from raadhuis.core.logboek.trace import Span, huidige_span, span

__all__ = [
    "BETROKKENE_TYPES",
    "Betrokkene",
    "Door",
    "OnbekendeVerwerkingsactiviteit",
    "Span",
    "Systeemproces",
    "Verwerking",
    "actuele_versie",
    "betrokkene_hash",
    "huidige_span",
    "leest_persoonsgegevens",
    "opstellen",
    "span",
    "toevoegen",
    "vastleggen",
    "verwerking",
]
