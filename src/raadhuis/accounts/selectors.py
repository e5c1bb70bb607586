"""Every read of accounts."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from raadhuis.accounts.models import ApiToken, Medewerker
from raadhuis.accounts.services import token_digest


def medewerker_via_api_token(token: str) -> Medewerker | None:
    """The active employee owning a valid token; records when the token was last used."""
    gevonden = (
        ApiToken.objects.select_related("medewerker")
        .filter(digest=token_digest(token), ingetrokken_op__isnull=True, medewerker__is_active=True)
        .first()
    )
    if gevonden is None:
        return None
    ApiToken.objects.filter(pk=gevonden.pk).update(laatst_gebruikt_op=timezone.now())
    return gevonden.medewerker


def medewerkers_met_rol(rol: str) -> QuerySet[Medewerker]:
    return Medewerker.objects.filter(roltoekenningen__rol=rol, is_active=True).order_by("username")
