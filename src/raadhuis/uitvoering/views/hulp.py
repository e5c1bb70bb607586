"""What the views of uitvoering share: breadcrumbs, service errors next to fields, the akkoord shown."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.urls import reverse
from django.utils.translation import gettext as _

from raadhuis.uitvoering import selectors
from raadhuis.uitvoering.models import Akkoord


def kruimelpad(*stappen: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [
        (_("Werkplek"), reverse("core:werkplek")),
        (_("Uitvoering"), reverse("uitvoering:werkplek")),
        *stappen,
    ]


def fout_naar_formulier(form: BaseForm, fout: ValidationError) -> None:
    """A service's ValidationError next to the field it names, or above the form."""
    if hasattr(fout, "error_dict"):
        for veld, meldingen in fout.message_dict.items():
            form.add_error(veld if veld in form.fields else None, meldingen)
    else:
        form.add_error(None, fout.messages)


def huidig_akkoord(*, alleen_openbaar: bool = False) -> Akkoord | None:
    """The akkoord of the current term: the latest one."""
    return selectors.akkoorden(alleen_openbaar=alleen_openbaar).first()
