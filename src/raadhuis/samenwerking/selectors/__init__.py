"""Every read of samenwerking, with its prefetching; the modules below hold them, re-exported here.

`bijdragen_aan_programma` is what the programme chapter (uitvoering) reads (BBV art. 8 lid 3 b)."""

from raadhuis.samenwerking.selectors.financien import (
    Programmabijdrage,
    Signaal,
    actieve_risicos,
    bijdragen_aan_programma,
    bijdragen_per_partij,
    risicokaart,
    signalen,
    totalen_per_programma,
)
from raadhuis.samenwerking.selectors.paragraaf import Paragraaf, Paragraafregel, paragraaf
from raadhuis.samenwerking.selectors.procedures import dashboard, komende_termijnen, termijnen_van
from raadhuis.samenwerking.selectors.register import (
    deelnemers_op,
    verbanden,
    verbonden_partijen_in,
    vertegenwoordigers_op,
)

__all__ = [
    "Paragraaf",
    "Paragraafregel",
    "Programmabijdrage",
    "Signaal",
    "actieve_risicos",
    "bijdragen_aan_programma",
    "bijdragen_per_partij",
    "dashboard",
    "deelnemers_op",
    "komende_termijnen",
    "paragraaf",
    "risicokaart",
    "signalen",
    "termijnen_van",
    "totalen_per_programma",
    "verbanden",
    "verbonden_partijen_in",
    "vertegenwoordigers_op",
]
