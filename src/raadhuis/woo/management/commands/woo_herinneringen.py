"""Reminds the behandelaar and the Woo-coördinatoren by e-mail of decision terms that end within five
working days, end today or have lapsed (`raadhuis.woo.services.herinneringen`).

Schedule it once a day, early on working days, e.g. with cron:
    15 7 * * 1-5  raadhuis woo_herinneringen
or with a systemd timer (OnCalendar=Mon..Fri 07:15), or enqueue it for the worker with
`--wachtrij`. Running it twice a day sends nothing twice."""

from __future__ import annotations

import datetime as dt

from raadhuis.woo.management.dagelijks import DagelijkseOpdracht
from raadhuis.woo.services.herinneringen import herinneringen_taak, herinneringen_versturen


class Command(DagelijkseOpdracht):
    help = (
        "E-mail de behandelaar en de Woo-coördinatoren over Woo-verzoeken waarvan de beslistermijn "
        "binnen vijf werkdagen eindigt, vandaag eindigt of verstreken is. Draai dit dagelijks, "
        "bijvoorbeeld met cron ('15 7 * * 1-5 raadhuis woo_herinneringen') of een systemd-timer "
        "(OnCalendar=Mon..Fri 07:15), of zet het met --wachtrij als achtergrondtaak in de wachtrij. "
        "Elke herinnering gaat één keer per einddatum van de termijn uit; twee keer draaien stuurt "
        "niets dubbel."
    )

    taak = herinneringen_taak
    in_wachtrij = "Herinneringstaak in de wachtrij gezet."
    gedaan = "%(aantal)d herinnering(en) verstuurd."

    def uitvoeren(self, op: dt.date) -> int:
        return herinneringen_versturen(op=op)
