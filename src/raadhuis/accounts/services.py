"""Every write to accounts: employees, roles and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.accounts.models import ApiToken, Medewerker, Rol, Roltoekenning

TOKEN_PREFIX = "rh_"  # noqa: S105 (a visible prefix, not a secret)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def medewerker_aanmaken(
    *,
    gebruikersnaam: str,
    wachtwoord: str,
    rollen: Iterable[str],
    voornaam: str = "",
    achternaam: str = "",
    emailadres: str = "",
) -> Medewerker:
    """Creates an employee with roles; the password must pass the password rules."""
    medewerker = Medewerker(
        username=gebruikersnaam, first_name=voornaam, last_name=achternaam, email=emailadres
    )
    medewerker.full_clean(exclude=["password"])
    try:
        validate_password(wachtwoord, medewerker)
    except ValidationError as fout:
        raise ValidationError({"password": fout.messages}) from fout
    medewerker.set_password(wachtwoord)
    # Django's admin is for beheerders only; everyone else works in the Werkplek.
    medewerker.is_staff = Rol.BEHEERDER in set(rollen)
    medewerker.save()
    for rol in rollen:
        rol_toekennen(medewerker=medewerker, rol=rol)
    return medewerker


@transaction.atomic
def rol_toekennen(*, medewerker: Medewerker, rol: str) -> Roltoekenning:
    if rol not in Rol.values:
        raise ValidationError({"rol": _("Onbekende rol: %(rol)s.") % {"rol": rol}})
    toekenning, _nieuw = Roltoekenning.objects.get_or_create(medewerker=medewerker, rol=rol)
    medewerker.__dict__.pop("_rollen_cache", None)
    return toekenning


@transaction.atomic
def api_token_uitgeven(*, medewerker: Medewerker) -> str:
    """Issues a new API token and returns it once; only its digest is kept."""
    if not medewerker.is_active:
        raise ValidationError(_("Een inactieve medewerker krijgt geen API-token."))
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(medewerker=medewerker, digest=token_digest(token), prefix=token[:8])
    return token


@transaction.atomic
def api_token_intrekken(*, token: ApiToken) -> ApiToken:
    token.ingetrokken_op = timezone.now()
    token.save(update_fields=["ingetrokken_op"])
    return token
