"""Writes to the register of processing activities (AVG art. 30): adding and revising entries."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from raadhuis.core.logboek.rechten import VERWERKINGSREGISTER_BEHEREN
from raadhuis.core.models import Verwerkingsactiviteit
from raadhuis.core.rechten import vereis

# The fields a version describes; changing any of them is a relevant change and makes a version.
INHOUD = (
    "naam",
    "doel",
    "grondslag",
    "categorieen_betrokkenen",
    "categorieen_persoonsgegevens",
    "ontvangers",
    "bewaartermijn",
    "beveiliging",
)

# Path segments of the register pages (core/logboek/urls.py) that a key must not shadow.
GERESERVEERD = frozenset({"nieuw"})


def _beschrijving(door: AbstractBaseUser) -> str:
    volledige_naam = getattr(door, "get_full_name", None)
    naam = volledige_naam() if callable(volledige_naam) else ""
    return f"{naam} ({door.get_username()})" if naam else door.get_username()


def _onbekende_velden(gegevens: dict[str, Any]) -> None:
    onbekend = set(gegevens) - set(INHOUD)
    if onbekend:
        raise ValidationError(
            {veld: _("Dit veld bestaat niet of mag niet worden gewijzigd.") for veld in sorted(onbekend)}
        )


@transaction.atomic
def verwerkingsactiviteit_toevoegen(
    *, sleutel: str, gegevens: dict[str, Any], door: AbstractBaseUser, toelichting: str = ""
) -> Verwerkingsactiviteit:
    """Adds a new entry to the register as version 1 (AVG art. 30 lid 1)."""
    vereis(door, VERWERKINGSREGISTER_BEHEREN)
    _onbekende_velden(gegevens)
    if sleutel in GERESERVEERD:
        raise ValidationError({"sleutel": _("Deze sleutel is gereserveerd; kies een andere.")})
    if Verwerkingsactiviteit.objects.filter(sleutel=sleutel).exists():
        raise ValidationError(
            {"sleutel": _("Er staat al een verwerkingsactiviteit met deze sleutel in het register.")}
        )
    activiteit = Verwerkingsactiviteit(
        sleutel=sleutel, versie=1, toelichting=toelichting, vastgelegd_door=_beschrijving(door), **gegevens
    )
    activiteit.full_clean()
    activiteit.save(force_insert=True)
    return activiteit


@transaction.atomic
def verwerkingsactiviteit_herzien(
    *,
    activiteit: Verwerkingsactiviteit,
    gegevens: dict[str, Any],
    toelichting: str,
    door: AbstractBaseUser,
) -> Verwerkingsactiviteit:
    """Records a relevant change as the next version with its own URI; earlier versions stay as
    they were, so log entries keep pointing at the purpose and legal basis that applied then."""
    vereis(door, VERWERKINGSREGISTER_BEHEREN)
    _onbekende_velden(gegevens)
    laatste = (
        Verwerkingsactiviteit.objects.select_for_update()
        .filter(sleutel=activiteit.sleutel)
        .order_by("-versie")
        .first()
    )
    if laatste is None or laatste.pk != activiteit.pk:
        raise ValidationError(_("Intussen is er een nieuwere versie vastgelegd. Herzie die versie."))
    if all(gegevens.get(veld, getattr(laatste, veld)) == getattr(laatste, veld) for veld in INHOUD):
        raise ValidationError(_("Er is niets gewijzigd; een nieuwe versie is niet nodig."))
    if not toelichting.strip():
        raise ValidationError({"toelichting": _("Vermeld waarom de verwerking wijzigt.")})
    nieuw = Verwerkingsactiviteit(
        sleutel=laatste.sleutel,
        versie=laatste.versie + 1,
        toelichting=toelichting,
        vastgelegd_door=_beschrijving(door),
        **{veld: gegevens.get(veld, getattr(laatste, veld)) for veld in INHOUD},
    )
    nieuw.full_clean()
    try:
        with transaction.atomic():
            nieuw.save(force_insert=True)
    except IntegrityError as fout:
        # SQLite has no row locks: two officers saving at once meet at the unique constraint.
        raise ValidationError(
            _("Intussen is er een nieuwere versie vastgelegd. Herzie die versie.")
        ) from fout
    return nieuw
