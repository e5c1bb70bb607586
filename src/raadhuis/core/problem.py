"""RFC 9457 problem details (application/problem+json) with Dutch messages, for the API."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.translation import gettext as _

PROBLEM_JSON = "application/problem+json"

# Pydantic error types, said in Dutch for the person reading the response.
PYDANTIC_MELDINGEN = {
    "missing": "Dit veld is verplicht.",
    "string_type": "Dit moet tekst zijn.",
    "string_too_long": "Deze tekst is te lang.",
    "string_too_short": "Deze tekst is te kort.",
    "int_parsing": "Dit moet een geheel getal zijn.",
    "int_type": "Dit moet een geheel getal zijn.",
    "float_parsing": "Dit moet een getal zijn.",
    "bool_parsing": "Dit moet waar of onwaar zijn.",
    "bool_type": "Dit moet waar of onwaar zijn.",
    "date_parsing": "Dit moet een datum zijn (JJJJ-MM-DD).",
    "date_from_datetime_parsing": "Dit moet een datum zijn (JJJJ-MM-DD).",
    "datetime_parsing": "Dit moet een datum en tijd zijn (ISO 8601).",
    "datetime_from_date_parsing": "Dit moet een datum en tijd zijn (ISO 8601).",
    "value_error": "Deze waarde is ongeldig.",
    "enum": "Kies een van de toegestane waarden.",
    "literal_error": "Kies een van de toegestane waarden.",
    "json_invalid": "De inhoud is geen geldige JSON.",
    "model_attributes_type": "De inhoud moet een JSON-object zijn.",
    "dict_type": "De inhoud moet een JSON-object zijn.",
    "list_type": "Dit moet een lijst zijn.",
    "extra_forbidden": "Dit veld bestaat niet.",
    "uuid_parsing": "Dit moet een UUID zijn.",
    "url_parsing": "Dit moet een webadres zijn.",
    "greater_than_equal": "Deze waarde is te klein.",
    "less_than_equal": "Deze waarde is te groot.",
}


def probleem(
    *,
    status: int,
    titel: str,
    detail: str | None = None,
    ongeldige_velden: Sequence[Mapping[str, str]] = (),
    headers: Mapping[str, str] | None = None,
) -> HttpResponse:
    inhoud: dict[str, Any] = {"type": "about:blank", "title": titel, "status": status}
    if detail:
        inhoud["detail"] = detail
    if ongeldige_velden:
        inhoud["invalid_params"] = list(ongeldige_velden)
    response = HttpResponse(json.dumps(inhoud, ensure_ascii=False), status=status, content_type=PROBLEM_JSON)
    for naam, waarde in (headers or {}).items():
        response[naam] = waarde
    return response


def velden_uit_pydantic(fouten: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Turns Ninja/pydantic errors into invalid_params; the request part (body/query) is dropped."""
    velden = []
    for fout in fouten:
        locatie = [str(deel) for deel in fout.get("loc", ())]
        # Ninja reports (part, parameter, field...) for bodies and (part, field) otherwise.
        if locatie[:1] == ["body"]:
            locatie = locatie[2:]
        elif locatie[:1] and locatie[0] in ("query", "path", "header", "cookie", "form"):
            locatie = locatie[1:]
        naam = ".".join(locatie) or "body"
        reden = PYDANTIC_MELDINGEN.get(str(fout.get("type", "")), _("Deze waarde is ongeldig."))
        velden.append({"name": naam, "reason": reden})
    return velden


def velden_uit_validationerror(fout: ValidationError) -> list[dict[str, str]]:
    if hasattr(fout, "error_dict"):
        return [
            {"name": "body" if veld == "__all__" else veld, "reason": melding}
            for veld, meldingen in fout.message_dict.items()
            for melding in meldingen
        ]
    return [{"name": "body", "reason": melding} for melding in fout.messages]
