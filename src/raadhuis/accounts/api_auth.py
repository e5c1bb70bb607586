"""API authentication: a bearer token from `raadhuis token`, or the Werkplek session."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from raadhuis.accounts.models import Medewerker
from raadhuis.accounts.selectors import medewerker_via_api_token
from raadhuis.accounts.toegang import tweede_factor_ontbreekt


class TokenAuth(HttpBearer):
    openapi_description = "API-token, uitgegeven met `raadhuis token GEBRUIKERSNAAM`."

    def authenticate(self, request: HttpRequest, token: str) -> Medewerker | None:
        medewerker = medewerker_via_api_token(token)
        if medewerker is not None:
            request.user = medewerker
        return medewerker


class SessieAuth(SessionAuth):
    """The Werkplek session, CSRF-checked; without a logged-in session the answer is 401, not 403.

    A session still missing its required second factor counts as not logged in (accounts.toegang).
    """

    def __call__(self, request: HttpRequest) -> object | None:
        if not request.user.is_authenticated or tweede_factor_ontbreekt(request.user):
            return None
        return super().__call__(request)
