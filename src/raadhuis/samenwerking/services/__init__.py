"""Every write to samenwerking; the modules below hold the services, this package re-exports them."""

from raadhuis.samenwerking.services.belangen import (
    jaarcijfers_vastleggen,
    paragraaftekst_vastleggen,
    risico_vastleggen,
    vertegenwoordiging_beeindigen,
    vertegenwoordiging_vastleggen,
)
from raadhuis.samenwerking.services.procedures import (
    concept_zienswijze_bijwerken,
    herinneringen_versturen,
    procedure_afronden,
    procedure_vastleggen,
    zienswijze_agenderen,
)
from raadhuis.samenwerking.services.register import (
    agenda_vastleggen,
    deelnemer_toevoegen,
    deelnemer_uittreden,
    document_toevoegen,
    opdracht_voortgang,
    programmas_koppelen,
    verband_vastleggen,
)

__all__ = [
    "agenda_vastleggen",
    "concept_zienswijze_bijwerken",
    "deelnemer_toevoegen",
    "deelnemer_uittreden",
    "document_toevoegen",
    "herinneringen_versturen",
    "jaarcijfers_vastleggen",
    "opdracht_voortgang",
    "paragraaftekst_vastleggen",
    "procedure_afronden",
    "procedure_vastleggen",
    "programmas_koppelen",
    "risico_vastleggen",
    "verband_vastleggen",
    "vertegenwoordiging_beeindigen",
    "vertegenwoordiging_vastleggen",
    "zienswijze_agenderen",
]
