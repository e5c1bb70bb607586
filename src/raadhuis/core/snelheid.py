"""Rate limits for login, public forms, search and the API, answered with 429 and Retry-After.

One mechanism for pages and API (wdo-en-beveiliging.md section 7: rate limits on DigiD callbacks,
form posts, search and API). Counters live in Django's cache: per process in development, in Redis
when RAADHUIS_CACHE_URL is set (production, where several app servers must share the count).
"""

from __future__ import annotations

import hashlib
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Concatenate, ParamSpec

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.throttling import BaseThrottle

P = ParamSpec("P")
View = Callable[Concatenate[HttpRequest, P], HttpResponse]

EENHEDEN = {"s": 1, "m": 60, "u": 3600, "h": 3600, "d": 86_400}


@dataclass(frozen=True)
class Limiet:
    groep: str
    aantal: int
    per_seconden: int

    @classmethod
    def uit_tekst(cls, groep: str, tekst: str) -> Limiet:
        """Reads '20/m' (20 per minute), '600/u' (per hour), '5/10s' (per ten seconds)."""
        try:
            aantal, periode = tekst.strip().split("/")
            getal = periode[:-1] or "1"
            limiet = cls(groep, int(aantal), int(getal) * EENHEDEN[periode[-1]])
        except (ValueError, KeyError, IndexError):
            raise ImproperlyConfigured(
                f"Rate limit {groep}={tekst!r} is not 'number/period' (period s, m, u or d, e.g. 20/m)."
            ) from None
        if limiet.aantal < 1 or limiet.per_seconden < 1:
            raise ImproperlyConfigured(f"Rate limit {groep}={tekst!r} must allow at least one request.")
        return limiet


def limiet(groep: str) -> Limiet:
    ingesteld: dict[str, str] = settings.RAADHUIS_SNELHEIDSLIMIETEN
    if groep not in ingesteld:
        raise ImproperlyConfigured(f"No rate limit configured for {groep!r} (RAADHUIS_SNELHEIDSLIMIETEN).")
    return Limiet.uit_tekst(groep, ingesteld[groep])


def client_adres(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind RAADHUIS_PROXY_AANTAL trusted proxies the
    address the outermost trusted proxy saw (a client can prepend anything to X-Forwarded-For)."""
    proxies = int(settings.RAADHUIS_PROXY_AANTAL)
    doorgestuurd = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    if proxies > 0 and doorgestuurd:
        adressen: list[str] = [adres.strip() for adres in doorgestuurd.split(",") if adres.strip()]
        if adressen:
            return adressen[-min(proxies, len(adressen))]
    return str(request.META.get("REMOTE_ADDR", ""))


def tellen(regel: Limiet, sleutel: str, *, nu: float | None = None) -> int | None:
    """Counts one request; returns None when allowed, else the seconds until the window ends.

    A fixed window per key: simple, one cache round trip, and at worst twice the limit across a
    window boundary, which is acceptable for abuse limits (they are not quotas)."""
    moment = time.time() if nu is None else nu
    venster = int(moment // regel.per_seconden)
    # Hashed: the key may hold an address or user name, which need not sit in Redis in plain text.
    geheim = hashlib.sha256(f"{regel.groep}:{sleutel}".encode()).hexdigest()[:32]
    cache_sleutel = f"raadhuis:snelheid:{geheim}:{venster}"
    cache.add(cache_sleutel, 0, timeout=regel.per_seconden + 1)
    try:
        aantal = cache.incr(cache_sleutel)
    except ValueError:  # expired between add and incr
        cache.add(cache_sleutel, 1, timeout=regel.per_seconden + 1)
        aantal = 1
    if aantal <= regel.aantal:
        return None
    return max(1, math.ceil((venster + 1) * regel.per_seconden - moment))


def te_veel_verzoeken(request: HttpRequest, wacht_seconden: int) -> HttpResponse:
    antwoord = render(
        request, "429.html", {"wacht_minuten": max(1, math.ceil(wacht_seconden / 60))}, status=429
    )
    antwoord["Retry-After"] = str(wacht_seconden)
    return antwoord


def snelheidslimiet(groep: str, *, methoden: tuple[str, ...] = ("POST",)) -> Callable[[View[P]], View[P]]:
    """Limits a view per client address for the given HTTP methods (by default only POST, so
    reading a form stays free while submitting it is limited)."""

    def decorator(view: View[P]) -> View[P]:
        @wraps(view)
        def begrensd(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            if request.method in methoden:
                wacht = tellen(limiet(groep), client_adres(request))
                if wacht is not None:
                    return te_veel_verzoeken(request, wacht)
            return view(request, *args, **kwargs)

        return begrensd

    return decorator


class ApiLimiet(BaseThrottle):
    """The API's limit, per token or session user when authenticated, else per address."""

    def __init__(self, groep: str = "api") -> None:
        self.groep = groep
        # Ninja keeps one throttle for all requests and asks wait() right after allow_request();
        # a thread-local keeps concurrent requests from reading each other's answer.
        self._lokaal = threading.local()

    def allow_request(self, request: HttpRequest) -> bool:
        autorisatie = request.META.get("HTTP_AUTHORIZATION", "")
        gebruiker = getattr(request, "user", None)
        if autorisatie:
            sleutel = "token:" + hashlib.sha256(autorisatie.encode()).hexdigest()
        elif gebruiker is not None and gebruiker.is_authenticated:
            sleutel = f"gebruiker:{gebruiker.pk}"
        else:
            sleutel = "adres:" + client_adres(request)
        wacht = tellen(limiet(self.groep), sleutel)
        self._lokaal.wacht = wacht
        return wacht is None

    def wait(self) -> float | None:
        wacht: int | None = getattr(self._lokaal, "wacht", None)
        return None if wacht is None else float(wacht)
