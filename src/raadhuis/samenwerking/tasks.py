"""Background work of samenwerking: the daily reminder to the griffie (idempotent, at-least-once safe)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from raadhuis.samenwerking.services.procedures import HERINNERING_DAGEN, herinneringen_versturen


@task()
def herinneringen_taak(dagen: int = HERINNERING_DAGEN) -> int:
    """Enqueue daily (cron: `raadhuis samenwerking_herinneringen --wachtrij`); a repeat sends nothing."""
    return herinneringen_versturen(vandaag=timezone.localdate(), dagen=dagen)
