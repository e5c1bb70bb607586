"""Every write to core's own models."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Field
from django.utils.text import slugify
from django.utils.translation import gettext as _

from raadhuis.core import termijnen, tooi, uploads
from raadhuis.core.cache import vergeten
from raadhuis.core.models import Begrotingsprogramma, GelijkgesteldeDag, Organisatie
from raadhuis.core.rechten import ORGANISATIE_BEHEREN, PROGRAMMAS_BEHEREN, TERMIJNEN_BEHEREN, vereis
from raadhuis.core.selectors import ORGANISATIE_CACHESLEUTEL

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
    _organisatie_vergeten()
    return organisatie


def _organisatie_vergeten() -> None:
    """The pages' cached organisation (core.selectors.organisatie_voor_paginas)."""
    vergeten(ORGANISATIE_CACHESLEUTEL)


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
    vereis(door, ORGANISATIE_BEHEREN)
    onbekend = set(gegevens) - set(BEWERKBARE_VELDEN)
    if onbekend:
        raise ValidationError(
            {veld: _("Dit veld bestaat niet of mag niet worden gewijzigd.") for veld in sorted(onbekend)}
        )
    organisatie = Organisatie.objects.select_for_update().get(pk=organisatie.pk)
    for veld, waarde in gegevens.items():
        model_veld = Organisatie._meta.get_field(veld)
        if waarde is None and isinstance(model_veld, Field) and not model_veld.null and model_veld.blank:
            # null from an API client means "clear it"; the column holds an empty text instead.
            waarde = ""
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
    _organisatie_vergeten()
    return organisatie


@transaction.atomic
def gelijkgestelde_dag_vastleggen(*, datum: date, besluit: str, door: AbstractBaseUser) -> GelijkgesteldeDag:
    """Records a day a royal decree equates with a public holiday (Algemene termijnenwet art. 3
    lid 3); from then on every deadline computed through core.selectors.termijn_berekenen skips it."""
    vereis(door, TERMIJNEN_BEHEREN)
    if GelijkgesteldeDag.objects.filter(datum=datum).exists():
        raise ValidationError({"datum": _("Deze dag is al vastgelegd als gelijkgestelde dag.")})
    if not termijnen.is_werkdag(datum):
        raise ValidationError(
            {
                "datum": _(
                    "Deze dag is al een zaterdag, zondag of algemeen erkende feestdag; gelijkstellen "
                    "verandert niets."
                )
            }
        )
    dag = GelijkgesteldeDag(datum=datum, besluit=besluit.strip())
    dag.full_clean()
    dag.save()
    return dag


@transaction.atomic
def gelijkgestelde_dag_verwijderen(*, dag: GelijkgesteldeDag, door: AbstractBaseUser) -> None:
    """Removes a wrongly recorded day. Deadlines computed earlier keep their stored end date."""
    vereis(door, TERMIJNEN_BEHEREN)
    dag.delete()


PROGRAMMAVELDEN = ("nummer", "naam", "taakvelden", "vanaf_jaar", "tot_en_met_jaar", "omschrijving")


def _programma_controleren(programma: Begrotingsprogramma) -> None:
    """A programme number is used once in any begrotingsjaar (BBV art. 7: the begroting is divided
    into programmes, each identified once)."""
    programma.full_clean(exclude=["slug"])
    andere = Begrotingsprogramma.objects.filter(nummer=programma.nummer).exclude(pk=programma.pk)
    for ander in andere:
        eind = programma.tot_en_met_jaar or 9999
        ander_eind = ander.tot_en_met_jaar or 9999
        if programma.vanaf_jaar <= ander_eind and ander.vanaf_jaar <= eind:
            raise ValidationError(
                {
                    "nummer": _("Programma %(nummer)s bestaat al in deze jaren (%(naam)s).")
                    % {"nummer": programma.nummer, "naam": ander.naam}
                }
            )


def _unieke_programmaslug(naam: str) -> str:
    basis = slugify(naam)[:70] or "programma"
    slug, volgnummer = basis, 2
    while Begrotingsprogramma.objects.filter(slug=slug).exists():
        slug, volgnummer = f"{basis}-{volgnummer}", volgnummer + 1
    return slug


@transaction.atomic
def programma_vastleggen(
    *,
    door: AbstractBaseUser,
    gegevens: dict[str, Any],
    programma: Begrotingsprogramma | None = None,
) -> Begrotingsprogramma:
    """Creates a begrotingsprogramma, or changes the given one, with its Iv3 taakvelden (BBV art. 8
    lid 5). Unknown fields are refused, so a typo cannot pass silently."""
    vereis(door, PROGRAMMAS_BEHEREN, programma)
    onbekend = set(gegevens) - set(PROGRAMMAVELDEN)
    if onbekend:
        raise ValidationError(_("Onbekende velden: %(velden)s.") % {"velden": ", ".join(sorted(onbekend))})
    programma = programma or Begrotingsprogramma()
    for veld, waarde in gegevens.items():
        setattr(programma, veld, waarde)
    if isinstance(programma.taakvelden, list):
        programma.taakvelden = sorted(set(programma.taakvelden), key=_taakveldvolgorde)
    _programma_controleren(programma)
    if not programma.slug:
        programma.slug = _unieke_programmaslug(programma.naam)
    programma.full_clean()
    programma.save()
    return programma


def _taakveldvolgorde(code: str) -> tuple[int, ...]:
    return tuple(int(deel) if deel.isdigit() else 0 for deel in code.split("."))
