"""Template context every page needs: the organisation and the menus."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from raadhuis.core import navigatie
from raadhuis.core.selectors import organisatie_voor_paginas


def raadhuis(request: HttpRequest) -> dict[str, Any]:
    return {
        "organisatie": organisatie_voor_paginas(),
        "publiek_menu": navigatie.publiek_menu(),
        "werkplek_menu": navigatie.werkplek_menu(request.user),
    }
