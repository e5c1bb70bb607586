"""The JSON API at /api/v1/: one router per app, errors as application/problem+json."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

from raadhuis.accounts.api_auth import SessieAuth, TokenAuth
from raadhuis.besluitvorming.api import router as besluitvorming_router
from raadhuis.core.api import router as core_router
from raadhuis.core.problem import probleem, velden_uit_pydantic, velden_uit_validationerror
from raadhuis.core.snelheid import ApiLimiet
from raadhuis.core.storing import is_databasestoring, storingsantwoord
from raadhuis.dienstverlening.api import router as dienstverlening_router
from raadhuis.publicatie.api import router as publicatie_router
from raadhuis.woo.api import router as woo_router

# Every error of every operation is RFC 9457 problem+json (the exception handlers below); the
# document says so, so a client (and the API fuzzer, tests/fuzz) can rely on it.
PROBLEEM: dict[str, Any] = {
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "invalid_params": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "reason": {"type": "string"}},
            },
        },
    },
}
FOUTEN = {
    "400": "Ongeldig verzoek (bijvoorbeeld een onbekend filter)",
    "404": "Niet gevonden",
    "422": "Ongeldige invoer, met de velden in invalid_params",
    "429": "Te veel verzoeken; Retry-After zegt wanneer weer",
    "503": "Tijdelijk niet beschikbaar",
}
FOUTEN_BEVEILIGD = {"401": "Niet ingelogd", "403": "Geen toegang"}
PROBLEEM_JSON = "application/problem+json"


class RaadhuisAPI(NinjaAPI):
    """NinjaAPI whose OpenAPI document lists the problem+json errors of every operation."""

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Probleem"] = PROBLEEM
        verwijzing = {"$ref": "#/components/schemas/Probleem"}
        for operaties in schema.get("paths", {}).values():
            for operatie in operaties.values():
                antwoorden = operatie.setdefault("responses", {})
                # Ninja keys its own responses by int, the document is JSON: one kind of key.
                for code in [c for c in antwoorden if not isinstance(c, str)]:
                    antwoorden[str(code)] = antwoorden.pop(code)
                fouten = {**FOUTEN, **(FOUTEN_BEVEILIGD if operatie.get("security") else {})}
                for code, beschrijving in fouten.items():
                    antwoorden.setdefault(code, {"description": beschrijving})
                for code, antwoord in antwoorden.items():
                    if str(code)[:1] in ("4", "5"):
                        # An error's own schema (a 410 naming the replacement) stays, under the
                        # media type the handlers answer with.
                        eigen = (antwoord.get("content") or {}).get("application/json", {}).get("schema")
                        antwoord["content"] = {PROBLEEM_JSON: {"schema": eigen or verwijzing}}
        return schema


api = RaadhuisAPI(
    title="Raadhuis API",
    version="1",
    description="Open API van Raadhuis. Fouten volgen RFC 9457 (application/problem+json).",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
    auth=[TokenAuth(), SessieAuth()],
    throttle=[ApiLimiet()],
)
api.add_router("/", core_router)
# The public council information (VNG ODS Open Raadsinformatie), open to anonymous readers.
api.add_router("/", besluitvorming_router)
api.add_router("/", dienstverlening_router)
# Woo requests for employees (token or session, WOO_VERZOEK_BEHANDELEN).
api.add_router("/", woo_router)
# The publication register with its DiWoo metadata (Woo, issue 10 point 5), open to anonymous readers.
api.add_router("/", publicatie_router)


@api.exception_handler(NinjaValidationError)
def ongeldige_invoer(request: HttpRequest, fout: NinjaValidationError) -> HttpResponse:
    return probleem(
        status=422,
        titel=_("De invoer is ongeldig."),
        ongeldige_velden=velden_uit_pydantic(fout.errors),
    )


@api.exception_handler(ValidationError)
def ongeldig_volgens_regels(request: HttpRequest, fout: ValidationError) -> HttpResponse:
    return probleem(
        status=422,
        titel=_("De invoer is ongeldig."),
        ongeldige_velden=velden_uit_validationerror(fout),
    )


@api.exception_handler(AuthenticationError)
def niet_ingelogd(request: HttpRequest, fout: AuthenticationError) -> HttpResponse:
    return probleem(
        status=401,
        titel=_("U bent niet ingelogd."),
        detail=_("Stuur een geldig API-token mee (Authorization: Bearer …) of log in."),
        headers={"WWW-Authenticate": 'Bearer realm="raadhuis"'},
    )


@api.exception_handler(PermissionDenied)
def geen_toegang(request: HttpRequest, fout: PermissionDenied) -> HttpResponse:
    return probleem(status=403, titel=_("Geen toegang."), detail=str(fout) or None)


@api.exception_handler(Http404)
def niet_gevonden(request: HttpRequest, fout: Http404) -> HttpResponse:
    return probleem(status=404, titel=_("Niet gevonden."))


@api.exception_handler(Throttled)
def te_veel_verzoeken(request: HttpRequest, fout: Throttled) -> HttpResponse:
    wacht = max(1, int(fout.wait or 1))
    return probleem(
        status=429,
        titel=_("Te veel verzoeken."),
        detail=_("Probeer het over %(seconden)s seconden opnieuw.") % {"seconden": wacht},
        headers={"Retry-After": str(wacht)},
    )


@api.exception_handler(HttpError)
def http_fout(request: HttpRequest, fout: HttpError) -> HttpResponse:
    return probleem(status=fout.status_code, titel=str(fout))


@api.exception_handler(Exception)
def onverwachte_fout(request: HttpRequest, fout: Exception) -> HttpResponse:
    import logging

    if is_databasestoring(fout):
        return storingsantwoord(request)
    logging.getLogger("raadhuis.api").exception("Unexpected error in %s", request.path)
    return probleem(status=500, titel=_("Er ging iets mis aan onze kant."))


def onbekend_pad(request: HttpRequest, pad: str) -> HttpResponse:
    """Unknown paths under /api/v1/ answer in problem+json too, not with an HTML page."""
    return probleem(status=404, titel=_("Niet gevonden."), detail=_("Dit API-pad bestaat niet."))
