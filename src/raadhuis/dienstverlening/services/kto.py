"""Customer satisfaction surveys (KTO): invitations after a case or contact, and the responses."""

from __future__ import annotations

from raadhuis.dienstverlening.models import Zaak


def uitnodigen_na_zaak(*, zaak: Zaak) -> None:
    """Invites the applicant of a closed case to the survey (being built)."""
