"""Publishes the Woo decisions whose disclosure date is reached (Woo art. 3.3 lid 2 onder i; art. 4.4
lid 5: two weeks after the decision when a third party is expected to object) in the publication
register (`raadhuis.woo.services.publicatie`).

A decision is normally published right after it is taken; this command picks up the postponed
ones and any that failed. Schedule it once a day, e.g. with cron:
    30 6 * * *  raadhuis woo_publiceren
or enqueue it for the worker with `--wachtrij`. Running it twice publishes nothing twice."""

from __future__ import annotations

import datetime as dt

from raadhuis.woo.management.dagelijks import DagelijkseOpdracht
from raadhuis.woo.services.publicatie import besluiten_publiceren, besluiten_publiceren_taak


class Command(DagelijkseOpdracht):
    help = (
        "Publiceer de Woo-besluiten waarvan de datum van openbaarmaking is bereikt in het "
        "publicatieregister (informatiecategorie Woo-verzoeken en -besluiten). Draai dit dagelijks, "
        "bijvoorbeeld met cron ('30 6 * * * raadhuis woo_publiceren'), of zet het met --wachtrij als "
        "achtergrondtaak in de wachtrij. Twee keer draaien publiceert niets dubbel."
    )

    taak = besluiten_publiceren_taak
    in_wachtrij = "Publicatietaak in de wachtrij gezet."
    gedaan = "%(aantal)d besluit(en) gepubliceerd."

    def uitvoeren(self, op: dt.date) -> int:
        return besluiten_publiceren(op=op)
