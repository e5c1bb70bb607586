"""Every write to core's own models."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from raadhuis.core import tooi, uploads
from raadhuis.core.models import Organisatie
from raadhuis.core.rechten import mag_organisatie_beheren

LOGO_MAX_BYTES = 1_000_000
BEWERKBARE_VELDEN = (
    "naam",
    "bezoekadres",
    "postadres",
    "telefoonnummer",
    "emailadres",
    "website",
)


@transaction.atomic
def organisatie_inrichten(*, tooi_code: str, gegevens: dict[str, Any] | None = None) -> Organisatie:
    """Creates the organisation from its TOOI code once; an existing one is returned unchanged."""
    bestaand = Organisatie.objects.filter(pk=1).first()
    if bestaand is not None:
        return bestaand
    bekend = tooi.organisatie(tooi_code)
    organisatie = Organisatie(pk=1, tooi_code=tooi_code.strip().lower(), naam=bekend.naam if bekend else "")
    for veld, waarde in (gegevens or {}).items():
        if veld not in BEWERKBARE_VELDEN:
            raise ValidationError({veld: _("Dit veld bestaat niet of mag niet worden gewijzigd.")})
        setattr(organisatie, veld, waarde)
    organisatie.full_clean()
    organisatie.save(force_insert=True)
    return organisatie


@transaction.atomic
def organisatie_bijwerken(
    *,
    organisatie: Organisatie,
    door: AbstractBaseUser,
    gegevens: dict[str, Any],
    logo: UploadedFile[bytes] | None = None,
    tooi_code: str | None = None,
) -> Organisatie:
    """Changes the organisation's details; only a beheerder may, and bad input changes nothing."""
    if not mag_organisatie_beheren(door):
        raise PermissionDenied(_("Alleen een beheerder mag de organisatiegegevens wijzigen."))
    onbekend = set(gegevens) - set(BEWERKBARE_VELDEN)
    if onbekend:
        raise ValidationError(
            {veld: _("Dit veld bestaat niet of mag niet worden gewijzigd.") for veld in sorted(onbekend)}
        )
    organisatie = Organisatie.objects.select_for_update().get(pk=organisatie.pk)
    for veld, waarde in gegevens.items():
        setattr(organisatie, veld, waarde)
    if tooi_code is not None:
        organisatie.tooi_code = tooi_code.strip().lower()
    if logo is not None:
        try:
            uploads.valideer_upload(logo, toegestaan=uploads.AFBEELDINGEN, max_bytes=LOGO_MAX_BYTES)
        except ValidationError as fout:
            raise ValidationError({"logo": fout.messages}) from fout
    organisatie.full_clean(exclude=["logo"])
    if logo is not None:
        organisatie.logo.save(logo.name or "logo", logo, save=False)
    organisatie.save()
    return organisatie
