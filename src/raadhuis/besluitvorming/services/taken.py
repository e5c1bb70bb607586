"""Background work of besluitvorming: e-mail notifications (idempotent: a repeat sends nothing twice).

In the services package because publishing an agenda enqueues them: besluitvorming.services must not
import a sibling module that imports services back."""

from __future__ import annotations

from django_tasks import task

from raadhuis.besluitvorming.models import Vergadering
from raadhuis.besluitvorming.services.abonnementen import agenda_melden, besluiten_melden


@task()
def agenda_meldingen_taak(vergadering_id: int) -> int:
    vergadering = Vergadering.objects.select_related("orgaan").filter(pk=vergadering_id).first()
    return agenda_melden(vergadering=vergadering) if vergadering else 0


@task()
def besluiten_meldingen_taak(vergadering_id: int) -> int:
    vergadering = Vergadering.objects.select_related("orgaan").filter(pk=vergadering_id).first()
    return besluiten_melden(vergadering=vergadering) if vergadering else 0
