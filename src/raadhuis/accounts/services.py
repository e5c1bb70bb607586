"""Every write to accounts: employees, roles, API tokens, second factors and login lockouts."""

from __future__ import annotations

import hashlib
import re
import secrets
from base64 import b32encode
from collections.abc import Iterable

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from raadhuis.accounts.models import ApiToken, Medewerker, Rol, Roltoekenning
from raadhuis.accounts.rechten import MEDEWERKER_ONTGRENDELEN, TWEESTAPSVERIFICATIE_BEHEREN
from raadhuis.core import logboek
from raadhuis.core.logboek.activiteiten import MEDEWERKERACCOUNTS_BEHEREN
from raadhuis.core.rechten import vereis


def _vastleggen(naam: str, *, medewerker: Medewerker, door: AbstractBaseUser) -> None:
    """Changes to an employee's account are processings of their personal data (AVG art. 30)."""
    logboek.vastleggen(
        naam=naam,
        activiteit=MEDEWERKERACCOUNTS_BEHEREN,
        betrokkene=("personeelsnummer", str(medewerker.pk)),
        door=door,
    )


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
    door: logboek.Door | None = None,
) -> Medewerker:
    """Creates an employee with roles; the password must pass the password rules. Without `door`
    the creator is a system process (`raadhuis demo`, a set-up command)."""
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
    logboek.vastleggen(
        naam="medewerker.aanmaken",
        activiteit=MEDEWERKERACCOUNTS_BEHEREN,
        betrokkene=("personeelsnummer", str(medewerker.pk)),
        door=door if door is not None else logboek.Systeemproces("accounts"),
    )
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


# --- Two-factor authentication (django-otp: TOTP app plus single-use recovery codes) ---------

AANTAL_HERSTELCODES = 10
HERSTELCODE_TEKENS = 12
HERSTELCODE_SLEUTEL = "raadhuis.accounts.herstelcode"
TOTP_CODE = re.compile(r"\d{6}")


def code_normaliseren(code: str) -> str:
    """People type codes with spaces or dashes (as shown grouped on screen); those do not count."""
    return re.sub(r"[\s-]", "", code).lower()


def foute_code() -> str:
    return _(
        "Deze code klopt niet. Typ de zescijferige code die uw authenticator-app nu toont, "
        "of een ongebruikte herstelcode."
    )


def tweede_factor_controleren(*, medewerker: Medewerker, code: str) -> Device | None:
    """The device that accepts this code: a 6-digit TOTP code (RFC 6238; OWASP ASVS 4.0.3 2.8.1,
    used once per time step, 2.8.4) or a recovery code, which is then used up (ASVS 2.6.1).

    Deliberately not one atomic block with a caller's change: a wrong code must still raise the
    device's failure counter (django-otp's exponential back-off, ASVS 2.8.5) when the caller's
    change is rolled back.
    """
    code = code_normaliseren(code)
    with transaction.atomic():
        if TOTP_CODE.fullmatch(code):
            for app in TOTPDevice.objects.filter(user=medewerker, confirmed=True).select_for_update():
                if app.verify_token(code):
                    return app
        else:
            for lijst in StaticDevice.objects.filter(user=medewerker, confirmed=True).select_for_update():
                if _herstelcode_gebruiken(lijst, code):
                    return lijst
    return None


def _herstelcode_hash(code: str, *, geheim: str | bytes) -> str:
    """Recovery codes are kept as a keyed hash (HMAC-SHA256 with a key derived from SECRET_KEY),
    never as the code itself (OWASP ASVS 4.0.3 2.6.2): a copy of the database alone reveals none.
    Truncated to django-otp's 16-character token field (80 bits)."""
    digest = salted_hmac(HERSTELCODE_SLEUTEL, code, secret=geheim, algorithm="sha256").digest()
    return b32encode(digest).decode().lower()[:16]


def _herstelcode_gebruiken(lijst: StaticDevice, code: str) -> bool:
    """django-otp's StaticDevice.verify_token, but matching the hash (under the current key or one
    in SECRET_KEY_FALLBACKS, so a key rotation does not void the codes), with its back-off."""
    toegestaan, _gegevens = lijst.verify_is_allowed()
    if not toegestaan:
        return False
    geheimen = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    gevonden = lijst.token_set.filter(
        token__in=[_herstelcode_hash(code, geheim=geheim) for geheim in geheimen]
    ).first()
    if gevonden is None:
        lijst.throttle_increment()
        return False
    gevonden.delete()  # single use (ASVS 2.6.1)
    lijst.throttle_reset(commit=False)
    lijst.set_last_used_timestamp(commit=False)
    lijst.save()
    return True


def nieuwe_herstelcode() -> str:
    """12 base32 characters (60 random bits), shown in groups of four: abcd-efgh-ijkl."""
    code = b32encode(secrets.token_bytes(10)).decode().lower()[:HERSTELCODE_TEKENS]
    return "-".join(code[i : i + 4] for i in range(0, HERSTELCODE_TEKENS, 4))


@transaction.atomic
def totp_apparaat_voorbereiden(*, medewerker: Medewerker, door: AbstractBaseUser) -> TOTPDevice:
    """The not yet confirmed authenticator of this employee, made once and shown until confirmed."""
    vereis(door, TWEESTAPSVERIFICATIE_BEHEREN, medewerker)
    bestaand = TOTPDevice.objects.filter(user=medewerker, confirmed=False).order_by("pk").first()
    if bestaand is not None:
        return bestaand
    apparaat = TOTPDevice(user=medewerker, name=_("Authenticator-app"), confirmed=False)
    apparaat.full_clean()
    apparaat.save()
    return apparaat


def totp_apparaat_bevestigen(*, apparaat: TOTPDevice, code: str, door: AbstractBaseUser) -> list[str]:
    """Turns two-factor authentication on once the first code from the app is right; returns the
    new recovery codes, to be shown once (ASVS 2.6.1-2.6.3 lookup secrets, 2.8.1 TOTP)."""
    medewerker = apparaat.user
    vereis(door, TWEESTAPSVERIFICATIE_BEHEREN, medewerker)
    if apparaat.confirmed:
        raise ValidationError(_("Deze authenticator-app is al ingesteld."))
    code = code_normaliseren(code)
    with transaction.atomic():
        vergrendeld = TOTPDevice.objects.select_for_update().get(pk=apparaat.pk)
        gelukt = bool(TOTP_CODE.fullmatch(code)) and vergrendeld.verify_token(code)
    if not gelukt:
        raise ValidationError({"code": foute_code()})
    with transaction.atomic():
        vergrendeld = TOTPDevice.objects.select_for_update().get(pk=apparaat.pk)
        vergrendeld.confirmed = True
        vergrendeld.full_clean()
        vergrendeld.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=medewerker).exclude(pk=apparaat.pk).delete()
        codes = _herstelcodes_maken(medewerker)
        _vastleggen("tweestapsverificatie.aanzetten", medewerker=medewerker, door=door)
    apparaat.refresh_from_db()
    return codes


def totp_apparaat_vervangen(*, medewerker: Medewerker, code: str, door: AbstractBaseUser) -> TOTPDevice:
    """Starts enrolling a new authenticator (a new phone, or a lost one after a recovery-code
    login) after a current code; the old app keeps working until the new one is confirmed."""
    vereis(door, TWEESTAPSVERIFICATIE_BEHEREN, medewerker)
    if tweede_factor_controleren(medewerker=medewerker, code=code) is None:
        raise ValidationError({"code": foute_code()})
    with transaction.atomic():
        TOTPDevice.objects.filter(user=medewerker, confirmed=False).delete()
        return totp_apparaat_voorbereiden(medewerker=medewerker, door=door)


def herstelcodes_vernieuwen(*, medewerker: Medewerker, code: str, door: AbstractBaseUser) -> list[str]:
    """New recovery codes after a current code (re-authentication, ASVS 2.2.x / 3.7.1); the old
    ones stop working."""
    vereis(door, TWEESTAPSVERIFICATIE_BEHEREN, medewerker)
    if tweede_factor_controleren(medewerker=medewerker, code=code) is None:
        raise ValidationError({"code": foute_code()})
    with transaction.atomic():
        codes = _herstelcodes_maken(medewerker)
        _vastleggen("herstelcodes.vernieuwen", medewerker=medewerker, door=door)
    return codes


def tweestapsverificatie_uitzetten(*, medewerker: Medewerker, code: str, door: AbstractBaseUser) -> None:
    """Removes every second factor, after a current code; not for roles that require it."""
    vereis(door, TWEESTAPSVERIFICATIE_BEHEREN, medewerker)
    if medewerker.tweestapsverificatie_verplicht:
        raise ValidationError(_("Voor uw rol is tweestapsverificatie verplicht; u kunt die niet uitzetten."))
    if tweede_factor_controleren(medewerker=medewerker, code=code) is None:
        raise ValidationError({"code": foute_code()})
    with transaction.atomic():
        TOTPDevice.objects.filter(user=medewerker).delete()
        StaticDevice.objects.filter(user=medewerker).delete()
        _vastleggen("tweestapsverificatie.uitzetten", medewerker=medewerker, door=door)


def _herstelcodes_maken(medewerker: Medewerker) -> list[str]:
    StaticDevice.objects.filter(user=medewerker).delete()
    apparaat = StaticDevice(user=medewerker, name=_("Herstelcodes"), confirmed=True)
    apparaat.full_clean()
    apparaat.save()
    codes = [nieuwe_herstelcode() for _ in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create(
        [
            StaticToken(
                device=apparaat, token=_herstelcode_hash(code_normaliseren(code), geheim=settings.SECRET_KEY)
            )
            for code in codes
        ]
    )
    return codes


# --- Login lockouts (django-axes) ---------------------------------------------------------------


@transaction.atomic
def inlogblokkade_opheffen(*, soort: str, waarde: str, door: AbstractBaseUser) -> int:
    """Lifts a lockout of an account (soort "account") or an address (soort "adres") before its
    cool-off ends (ASVS 2.2.1: lockout with a way back). An unlocked account's code back-off is
    reset as well. Returns the number of attempt records removed."""
    vereis(door, MEDEWERKER_ONTGRENDELEN)
    if soort == "account":
        verwijderd = int(AxesProxyHandler.reset_attempts(username=waarde))
        medewerker = Medewerker.objects.filter(username=waarde).first()
        if medewerker is not None:
            for model in (TOTPDevice, StaticDevice):
                for apparaat in model.objects.filter(user=medewerker):
                    apparaat.throttle_reset()
    elif soort == "adres":
        verwijderd = int(AxesProxyHandler.reset_attempts(ip_address=waarde))
    else:
        raise ValidationError({"soort": _("Onbekende soort blokkade.")})
    # An address lockout names no person; an account lockout concerns the employee behind it.
    betrokkene = Medewerker.objects.filter(username=waarde).first() if soort == "account" else None
    logboek.vastleggen(
        naam="inlogblokkade.opheffen",
        activiteit=MEDEWERKERACCOUNTS_BEHEREN,
        betrokkene=("personeelsnummer", str(betrokkene.pk)) if betrokkene is not None else None,
        door=door,
    )
    return verwijderd
