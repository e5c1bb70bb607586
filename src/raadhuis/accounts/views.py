"""Employee login (password, then a code when enrolled), logout, two-factor enrolment, the lockout
page and the beheerder's list of lockouts."""

from __future__ import annotations

import math
import time
from base64 import b32encode
from datetime import datetime, timedelta
from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from raadhuis.accounts import selectors, services
from raadhuis.accounts.forms import (
    BevestigenForm,
    CodeForm,
    HerstelcodesForm,
    InlogForm,
    OntgrendelenForm,
    UitzettenForm,
    VervangenForm,
)
from raadhuis.accounts.inlogpogingen import client_adres, inloggen_toegestaan, inlogpoging_mislukt
from raadhuis.accounts.models import Medewerker
from raadhuis.accounts.rechten import INLOGBLOKKADES_INZIEN, MEDEWERKER_ONTGRENDELEN
from raadhuis.accounts.toegang import inloggen_voltooien, is_geverifieerd, tweestapsverificatie_poortwachter
from raadhuis.core.sessies import sessie_beeindigen
from raadhuis.core.snelheid import snelheidslimiet
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek

# Between the password and the code; the person must finish the second step within this time.
TWEEDE_STAP = "raadhuis_tweede_stap"
TWEEDE_STAP_SECONDEN = 300


def _volgende(request: HttpRequest) -> str:
    """The page to go to after login: ?next= if it is on this site, else the Werkplek."""
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return resolve_url("core:werkplek")


def _met_volgende(url: str, volgende: str) -> str:
    return f"{url}?{urlencode({'next': volgende})}"


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@snelheidslimiet("inloggen")
def inloggen(request: HttpRequest) -> HttpResponse:
    """Step one: username and password (django-axes counts failures, accounts.inlogpogingen).
    Whoever has an authenticator app goes on to step two; nobody is logged in before it."""
    volgende = _volgende(request)
    if request.user.is_authenticated:
        return HttpResponseRedirect(volgende)
    form = InlogForm(request, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        medewerker = form.get_user()
        if isinstance(medewerker, Medewerker) and selectors.heeft_tweede_factor(medewerker):
            # A new id for the half-way session too (ASVS 3.2.1), and the clock for step two.
            request.session.cycle_key()
            request.session[TWEEDE_STAP] = {"medewerker": medewerker.pk, "sinds": time.time()}
            return HttpResponseRedirect(_met_volgende(reverse("accounts:tweede_stap"), volgende))
        if isinstance(medewerker, Medewerker):
            inloggen_voltooien(request, medewerker)
        return HttpResponseRedirect(volgende)
    return render(
        request,
        "accounts/inloggen.html",
        {"form": form, "next": volgende, "kruimelpad": [(_("Inloggen"), None)]},
    )


def _wachtende_medewerker(request: HttpRequest) -> Medewerker | None:
    wacht = request.session.get(TWEEDE_STAP)
    if not isinstance(wacht, dict) or time.time() - float(wacht.get("sinds", 0)) > TWEEDE_STAP_SECONDEN:
        return None
    pk = wacht.get("medewerker")
    if not isinstance(pk, int):
        return None
    return Medewerker.objects.filter(pk=pk, is_active=True).first()


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
@snelheidslimiet("inloggen")
def tweede_stap(request: HttpRequest) -> HttpResponse:
    """Step two: the code from the app or a recovery code (OWASP ASVS 4.0.3 2.8.1, 2.6.1). Wrong
    codes count as failed logins for the account and the address (ASVS 2.2.1)."""
    volgende = _volgende(request)
    medewerker = _wachtende_medewerker(request)
    if medewerker is None:
        request.session.pop(TWEEDE_STAP, None)
        messages.warning(request, _("Het inloggen duurde te lang of is niet begonnen. Log opnieuw in."))
        return HttpResponseRedirect(_met_volgende(reverse("accounts:inloggen"), volgende))
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not inloggen_toegestaan(request, gebruikersnaam=medewerker.username):
            request.session.pop(TWEEDE_STAP, None)
            return geblokkeerd(request, None, {"username": medewerker.username})
        wacht_tot = selectors.tweede_factor_wacht_tot(medewerker)
        apparaat = (
            None
            if wacht_tot
            else services.tweede_factor_controleren(medewerker=medewerker, code=form.cleaned_data["code"])
        )
        if apparaat is not None:
            request.session.pop(TWEEDE_STAP, None)
            inloggen_voltooien(request, medewerker, apparaat=apparaat)
            return HttpResponseRedirect(volgende)
        if wacht_tot:
            form.add_error("code", _wacht_melding(wacht_tot))
        elif inlogpoging_mislukt(request, gebruikersnaam=medewerker.username):
            request.session.pop(TWEEDE_STAP, None)  # the axes middleware shows the lockout page
        else:
            form.add_error("code", services.foute_code())
    return render(
        request,
        "accounts/tweede_stap.html",
        {"form": form, "next": volgende, "kruimelpad": [(_("Inloggen"), None)]},
        status=400 if form.errors else 200,
    )


def _wacht_melding(tot: datetime) -> str:
    seconden = max(1, math.ceil((tot - timezone.now()).total_seconds()))
    return _(
        "U heeft te vaak een verkeerde code ingevoerd. Wacht %(seconden)s seconden en probeer het opnieuw."
    ) % {"seconden": seconden}


@require_POST
def uitloggen(request: HttpRequest) -> HttpResponse:
    """Only POST: a link cannot log someone out (CSRF). The session is deleted on the server
    (core.sessies, ASVS 3.3.1)."""
    sessie_beeindigen(request)
    return redirect("core:home")


def geblokkeerd(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """django-axes' lockout answer (AXES_LOCKOUT_CALLABLE): 429 with Retry-After and a page that
    says until when and whom to ask. The same for every username, existing or not."""
    gebruikersnaam = credentials.get("username") if isinstance(credentials, dict) else None
    gebruikersnaam = gebruikersnaam or request.POST.get("username") or None
    tot = selectors.blokkade_eindigt(gebruikersnaam=gebruikersnaam, adres=client_adres(request))
    nu = timezone.now()
    if tot is None or tot <= nu:
        tot = nu + timedelta(minutes=1)
    seconden = math.ceil((tot - nu).total_seconds())
    antwoord = render(
        request,
        "accounts/geblokkeerd.html",
        {
            "tot": timezone.localtime(tot),
            "minuten": max(1, math.ceil(seconden / 60)),
            "kruimelpad": [(_("Inloggen"), None)],
        },
        status=429,
    )
    antwoord["Retry-After"] = str(seconden)
    return antwoord


def _qr_svg(apparaat: TOTPDevice) -> str:
    """The otpauth URI as an inline SVG (segno): no data: URI, no script, no style attribute, so it
    passes a strict Content-Security-Policy."""
    svg: str = segno.make(apparaat.config_url, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", border=4, svgclass="raadhuis-qr", title=_("QR-code")
    )
    return svg.replace("<svg ", f'<svg role="img" aria-label="{_("QR-code voor uw authenticator-app")}" ', 1)


def _sleutel_in_groepen(apparaat: TOTPDevice) -> str:
    sleutel = b32encode(apparaat.bin_key).decode().rstrip("=")
    return " ".join(sleutel[i : i + 4] for i in range(0, len(sleutel), 4))


def _herstelcodes_tonen(request: HttpRequest, codes: list[str]) -> HttpResponse:
    antwoord = render(
        request,
        "accounts/herstelcodes.html",
        {
            "codes": codes,
            "volgende": _volgende(request),
            "kruimelpad": [
                (_("Werkplek"), reverse("core:werkplek")),
                (_("Tweestapsverificatie"), reverse("accounts:tweestapsverificatie")),
                (_("Herstelcodes"), None),
            ],
        },
    )
    antwoord["Cache-Control"] = "no-store"
    return antwoord


def _code_fout(
    request: HttpRequest, medewerker: Medewerker, form: Any, fout: ValidationError
) -> HttpResponse | None:
    """A wrong code while logged in counts too; at the lockout the session ends as well."""
    codefout = hasattr(fout, "error_dict") and "code" in fout.error_dict
    if codefout and inlogpoging_mislukt(request, gebruikersnaam=medewerker.username):
        sessie_beeindigen(request)
        return geblokkeerd(request, None, {"username": medewerker.username})
    form.add_error("code" if codefout else None, fout.messages)
    return None


@sensitive_post_parameters("code", "herstel-code", "uit-code", "vervang-code")
@never_cache
@login_required
def tweestapsverificatie(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app (QR code and the key as text), then get 10 recovery codes, shown
    once; later: new recovery codes, or switch off where the role allows (ASVS 2.8, 2.6)."""
    gebruiker = ingelogde_gebruiker(request)
    if not isinstance(gebruiker, Medewerker):
        return redirect("core:home")
    medewerker = gebruiker
    if selectors.heeft_tweede_factor(medewerker) and not is_geverifieerd(medewerker):
        antwoord = tweestapsverificatie_poortwachter(request)
        if antwoord is not None:
            return antwoord
    if request.method == "POST" and not inloggen_toegestaan(request, gebruikersnaam=medewerker.username):
        # Locked out meanwhile (e.g. guesses from another session): no code counts, this session ends.
        sessie_beeindigen(request)
        return geblokkeerd(request, None, {"username": medewerker.username})
    kruimelpad = [(_("Werkplek"), reverse("core:werkplek")), (_("Tweestapsverificatie"), None)]
    context: dict[str, Any] = {"kruimelpad": kruimelpad, "next": _volgende(request), "medewerker": medewerker}
    vervangen = selectors.onbevestigd_totp_apparaat(medewerker) is not None
    if not selectors.heeft_authenticator_app(medewerker) or vervangen:
        apparaat = services.totp_apparaat_voorbereiden(medewerker=medewerker, door=medewerker)
        context["vervangen"] = selectors.heeft_authenticator_app(medewerker)
        form = BevestigenForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                codes = services.totp_apparaat_bevestigen(
                    apparaat=apparaat, code=form.cleaned_data["code"], door=medewerker
                )
            except ValidationError as fout:
                geblokkeerd_antwoord = _code_fout(request, medewerker, form, fout)
                if geblokkeerd_antwoord is not None:
                    return geblokkeerd_antwoord
            else:
                apparaat.refresh_from_db()
                otp_login(request, apparaat)
                messages.success(request, _("Tweestapsverificatie staat aan."))
                return _herstelcodes_tonen(request, codes)
        context |= {"form": form, "qr": _qr_svg(apparaat), "sleutel": _sleutel_in_groepen(apparaat)}
        return render(
            request, "accounts/tweestapsverificatie.html", context, status=400 if form.errors else 200
        )

    actie = request.POST.get("actie") if request.method == "POST" else None
    herstel_form = HerstelcodesForm(request.POST if actie == "herstelcodes" else None, prefix="herstel")
    uit_form = UitzettenForm(request.POST if actie == "uitzetten" else None, prefix="uit")
    vervang_form = VervangenForm(request.POST if actie == "vervangen" else None, prefix="vervang")
    if actie == "herstelcodes" and herstel_form.is_valid():
        try:
            codes = services.herstelcodes_vernieuwen(
                medewerker=medewerker, code=herstel_form.cleaned_data["code"], door=medewerker
            )
        except ValidationError as fout:
            geblokkeerd_antwoord = _code_fout(request, medewerker, herstel_form, fout)
            if geblokkeerd_antwoord is not None:
                return geblokkeerd_antwoord
        else:
            messages.success(request, _("U heeft nieuwe herstelcodes. De oude werken niet meer."))
            return _herstelcodes_tonen(request, codes)
    if actie == "vervangen" and vervang_form.is_valid():
        try:
            services.totp_apparaat_vervangen(
                medewerker=medewerker, code=vervang_form.cleaned_data["code"], door=medewerker
            )
        except ValidationError as fout:
            geblokkeerd_antwoord = _code_fout(request, medewerker, vervang_form, fout)
            if geblokkeerd_antwoord is not None:
                return geblokkeerd_antwoord
        else:
            return redirect("accounts:tweestapsverificatie")
    if actie == "uitzetten" and uit_form.is_valid() and not medewerker.tweestapsverificatie_verplicht:
        try:
            services.tweestapsverificatie_uitzetten(
                medewerker=medewerker, code=uit_form.cleaned_data["code"], door=medewerker
            )
        except ValidationError as fout:
            geblokkeerd_antwoord = _code_fout(request, medewerker, uit_form, fout)
            if geblokkeerd_antwoord is not None:
                return geblokkeerd_antwoord
        else:
            messages.success(request, _("Tweestapsverificatie staat uit."))
            return redirect("accounts:tweestapsverificatie")
    context |= {
        "herstel_form": herstel_form,
        "uit_form": uit_form,
        "vervang_form": vervang_form,
        "resterend": selectors.resterende_herstelcodes(medewerker),
        "verplicht": medewerker.tweestapsverificatie_verplicht,
    }
    fouten = herstel_form.errors or uit_form.errors or vervang_form.errors
    return render(request, "accounts/tweestapsverificatie_aan.html", context, status=400 if fouten else 200)


@werkplek(actie=INLOGBLOKKADES_INZIEN)
def inlogblokkades(request: HttpRequest) -> HttpResponse:
    """The accounts and addresses locked out now, each with an Ontgrendelen button."""
    return render(
        request,
        "accounts/inlogblokkades.html",
        {
            "blokkades": selectors.actuele_inlogblokkades(),
            "kruimelpad": [(_("Werkplek"), reverse("core:werkplek")), (_("Inlogblokkades"), None)],
        },
    )


@require_POST
@werkplek(actie=MEDEWERKER_ONTGRENDELEN)
def ontgrendelen(request: HttpRequest) -> HttpResponse:
    form = OntgrendelenForm(request.POST)
    if form.is_valid():
        services.inlogblokkade_opheffen(
            soort=form.cleaned_data["soort"],
            waarde=form.cleaned_data["waarde"],
            door=ingelogde_gebruiker(request),
        )
        messages.success(
            request, _("De blokkade van %(waarde)s is opgeheven.") % {"waarde": form.cleaned_data["waarde"]}
        )
    else:
        messages.error(request, _("Deze blokkade kon niet worden opgeheven."))
    return redirect("accounts:inlogblokkades")
