"""Django's admin site for beheerders only, with a verified second factor (wdo-en-beveiliging.md
section 7: admin reachable only internally or with 2FA; OWASP ASVS 4.0.3 4.3.1)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp.admin import OTPAdminSite

from raadhuis.core.rechten import BEHEER_GEBRUIKEN, mag
from raadhuis.core.toegang import poortwachters_vragen


class BeheerSite(OTPAdminSite):  # type: ignore[misc]
    """OTPAdminSite treats an unverified session as not staff; logging in happens in the Werkplek,
    where the password, the code and the lockouts are handled, never on the admin's own form."""

    def __init__(self, name: str = "admin") -> None:
        super().__init__(name)

    def has_permission(self, request: HttpRequest) -> bool:
        return bool(super().has_permission(request)) and mag(request.user, BEHEER_GEBRUIKEN)

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        volgende = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(volgende, allowed_hosts={request.get_host()}):
            volgende = ""
        volgende = volgende or reverse("admin:index")
        if not request.user.is_authenticated:
            return redirect_to_login(volgende)
        if self.has_permission(request):
            return HttpResponseRedirect(volgende)
        antwoord = poortwachters_vragen(request)
        if antwoord is not None:
            return antwoord
        raise PermissionDenied
