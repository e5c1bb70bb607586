"""Every read of accounts: employees, tokens, second factors and login lockouts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, QuerySet, Sum
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

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


# --- Second factors -------------------------------------------------------------------------------


def heeft_tweede_factor(medewerker: Medewerker) -> bool:
    """Whether logging in needs a code: any confirmed device, recovery codes included, so that an
    account with only recovery codes left never falls back to the password alone."""
    return bool(
        TOTPDevice.objects.filter(user=medewerker, confirmed=True).exists()
        or StaticDevice.objects.filter(user=medewerker, confirmed=True).exists()
    )


def heeft_authenticator_app(medewerker: Medewerker) -> bool:
    return bool(TOTPDevice.objects.filter(user=medewerker, confirmed=True).exists())


def onbevestigd_totp_apparaat(medewerker: Medewerker) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=medewerker, confirmed=False).order_by("pk").first()


def resterende_herstelcodes(medewerker: Medewerker) -> int:
    return int(StaticToken.objects.filter(device__user=medewerker, device__confirmed=True).count())


def tweede_factor_wacht_tot(medewerker: Medewerker) -> datetime | None:
    """Until when django-otp's back-off refuses codes after wrong ones (ASVS 2.8.5), if it does."""
    momenten: list[datetime] = []
    for model in (TOTPDevice, StaticDevice):
        for apparaat in model.objects.filter(user=medewerker, confirmed=True):
            toegestaan, gegevens = apparaat.verify_is_allowed()
            if not toegestaan and gegevens and gegevens.get("locked_until"):
                momenten.append(gegevens["locked_until"])
    return max(momenten) if momenten else None


# --- Login lockouts (django-axes) -----------------------------------------------------------------


@dataclass(frozen=True)
class Inlogblokkade:
    soort: str  # "account" or "adres"
    waarde: str  # the username tried, or the IP address
    pogingen: int
    tot: datetime  # the latest failure plus the cool-off: when the lockout ends by itself


def _afkoelen() -> timedelta:
    return timedelta(minutes=int(settings.RAADHUIS_INLOGBLOKKADE_MINUTEN))


def actuele_inlogblokkades(*, nu: datetime | None = None) -> list[Inlogblokkade]:
    """Accounts and addresses currently locked out, most recent first (one query per kind)."""
    nu = nu or timezone.now()
    recent = AccessAttempt.objects.filter(attempt_time__gte=nu - _afkoelen())
    blokkades: list[Inlogblokkade] = []
    for soort, veld, limiet in (
        ("account", "username", settings.RAADHUIS_INLOGPOGINGEN_PER_ACCOUNT),
        ("adres", "ip_address", settings.RAADHUIS_INLOGPOGINGEN_PER_ADRES),
    ):
        rijen = (
            recent.exclude(**{f"{veld}__isnull": True})
            .values(veld)
            .annotate(pogingen=Sum("failures_since_start"), laatste=Max("attempt_time"))
            .filter(pogingen__gte=int(limiet))
        )
        blokkades += [
            Inlogblokkade(
                soort=soort,
                waarde=str(rij[veld]),
                pogingen=int(rij["pogingen"]),
                tot=rij["laatste"] + _afkoelen(),
            )
            for rij in rijen
        ]
    return sorted(blokkades, key=lambda blokkade: blokkade.tot, reverse=True)


def blokkade_eindigt(
    *, gebruikersnaam: str | None, adres: str | None, nu: datetime | None = None
) -> datetime | None:
    """When the lockout hitting this username or address ends by itself, if one does."""
    momenten = [
        blokkade.tot
        for blokkade in actuele_inlogblokkades(nu=nu)
        if (blokkade.soort == "account" and blokkade.waarde == gebruikersnaam)
        or (blokkade.soort == "adres" and blokkade.waarde == adres)
    ]
    return max(momenten) if momenten else None
