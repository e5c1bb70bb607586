"""The field other apps use to choose an employee (accounts.forms is accounts' own)."""

from __future__ import annotations

from typing import Any

from django import forms

from raadhuis.accounts.models import Medewerker


class Medewerkerkeuze(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A choice of employee, each shown by the name they are shown by everywhere."""

    def label_from_instance(self, obj: Any) -> str:
        return obj.weergavenaam if isinstance(obj, Medewerker) else str(obj)
