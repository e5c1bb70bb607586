"""The breadcrumb trails of samenleving's pages: public pages hang under Meedoen."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

Kruimelpad = list[tuple[str, str | None]]


def meedoen_pad(*stappen: tuple[str, str | None]) -> Kruimelpad:
    return [(_("Home"), reverse("core:home")), (_("Meedoen"), reverse("samenleving:meedoen")), *stappen]
