"""Writes to the register: parties, participants over time, strategic agenda, documents, programmes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from raadhuis.core import tooi, uploads
from raadhuis.core.models import Begrotingsprogramma
from raadhuis.core.rechten import vereis
from raadhuis.samenwerking.models import (
    Deelnemer,
    Document,
    Opdracht,
    Opgave,
    Samenwerkingsverband,
    Strategischeagenda,
)
from raadhuis.samenwerking.rechten import REGISTER_BEHEREN

VERBANDVELDEN = (
    "naam",
    "afkorting",
    "vestigingsplaats",
    "rechtsvorm",
    "tooi_code",
    "kvk_nummer",
    "regeling_url",
    "bestuurlijk_belang",
    "financieel_belang",
    "verplicht",
    "wettelijke_grondslag",
    "openbaar_belang",
    "kerntaken",
    "startdatum",
    "einddatum",
)
DOCUMENT_MAX_BYTES = 50_000_000


def tooi_controleren(code: str, *, veld: str = "tooi_code") -> tooi.TooiOrganisatie:
    """A participant or party is named by its TOOI code; a code the TOOI lists do not know is refused."""
    gevonden = tooi.organisatie(code or "")
    if gevonden is None:
        raise ValidationError(
            {
                veld: _(
                    "De code %(code)s staat niet in de TOOI-organisatielijsten; kies een gemeente (gm…) "
                    "of een andere overheidsorganisatie met een geldige TOOI-code."
                )
                % {"code": code or "—"}
            }
        )
    return gevonden


def _unieke_slug(naam: str, pk: int | None) -> str:
    andere = Samenwerkingsverband.objects.exclude(pk=pk) if pk else Samenwerkingsverband.objects.all()
    basis = slugify(naam)[:70] or "verband"
    slug, volgnummer = basis, 2
    while andere.filter(slug=slug).exists():
        slug, volgnummer = f"{basis}-{volgnummer}", volgnummer + 1
    return slug


@transaction.atomic
def verband_vastleggen(
    *,
    door: AbstractBaseUser,
    gegevens: dict[str, Any],
    verband: Samenwerkingsverband | None = None,
    programmas: list[Begrotingsprogramma] | None = None,
) -> Samenwerkingsverband:
    """Creates or changes a cooperation. Whether it is a verbonden partij follows from the two
    interests (BBV art. 1 lid 1 onder b). Mandatory cooperation names its legal basis."""
    vereis(door, REGISTER_BEHEREN, verband)
    onbekend = set(gegevens) - set(VERBANDVELDEN)
    if onbekend:
        raise ValidationError(_("Onbekende velden: %(velden)s.") % {"velden": ", ".join(sorted(onbekend))})
    verband = verband or Samenwerkingsverband()
    for veld, waarde in gegevens.items():
        setattr(verband, veld, waarde)
    if verband.tooi_code:
        verband.tooi_code = verband.tooi_code.strip().lower()
        tooi_controleren(verband.tooi_code)
    if verband.verplicht and not verband.wettelijke_grondslag.strip():
        raise ValidationError(
            {"wettelijke_grondslag": _("Noem de wettelijke grondslag van deze verplichte samenwerking.")}
        )
    if not verband.slug:
        verband.slug = _unieke_slug(verband.naam, verband.pk)
    verband.full_clean()
    verband.save()
    if programmas is not None:
        verband.programmas.set(programmas)
    return verband


@transaction.atomic
def programmas_koppelen(
    *, door: AbstractBaseUser, verband: Samenwerkingsverband, programmas: list[Begrotingsprogramma]
) -> None:
    """BBV art. 8 lid 3 onder b: each programme states the contribution of verbonden partijen."""
    vereis(door, REGISTER_BEHEREN, verband)
    verband.programmas.set(programmas)


def _overlapt(van: dt.date, tot: dt.date | None, ander_van: dt.date, ander_tot: dt.date | None) -> bool:
    return van <= (ander_tot or dt.date.max) and ander_van <= (tot or dt.date.max)


@transaction.atomic
def deelnemer_toevoegen(
    *,
    door: AbstractBaseUser,
    verband: Samenwerkingsverband,
    tooi_code: str,
    toegetreden_op: dt.date,
    uitgetreden_op: dt.date | None = None,
    toelichting: str = "",
) -> Deelnemer:
    """A participant joins (by TOOI code) on a date. One participant cannot be a member twice at once."""
    vereis(door, REGISTER_BEHEREN, verband)
    organisatie = tooi_controleren(tooi_code.strip().lower())
    if toegetreden_op < verband.startdatum:
        raise ValidationError(
            {
                "toegetreden_op": _("Deelname kan niet beginnen vóór de start van %(verband)s.")
                % {"verband": verband}
            }
        )
    for ander in Deelnemer.objects.filter(verband=verband, tooi_code=organisatie.code):
        if _overlapt(toegetreden_op, uitgetreden_op, ander.toegetreden_op, ander.uitgetreden_op):
            raise ValidationError(
                {"toegetreden_op": _("%(naam)s is in die periode al deelnemer.") % {"naam": organisatie.naam}}
            )
    deelnemer = Deelnemer(
        verband=verband,
        tooi_code=organisatie.code,
        naam=organisatie.naam,
        toegetreden_op=toegetreden_op,
        uitgetreden_op=uitgetreden_op,
        toelichting=toelichting,
    )
    deelnemer.full_clean()
    deelnemer.save()
    return deelnemer


@transaction.atomic
def deelnemer_uittreden(
    *, door: AbstractBaseUser, deelnemer: Deelnemer, uitgetreden_op: dt.date, toelichting: str = ""
) -> Deelnemer:
    """A participant leaves (uittreding, or a merger of gemeenten) on a date."""
    vereis(door, REGISTER_BEHEREN, deelnemer.verband)
    deelnemer = Deelnemer.objects.select_for_update().get(pk=deelnemer.pk)
    if deelnemer.uitgetreden_op is not None:
        raise ValidationError({"uitgetreden_op": _("Deze deelnemer is al uitgetreden.")})
    deelnemer.uitgetreden_op = uitgetreden_op
    if toelichting:
        deelnemer.toelichting = toelichting
    deelnemer.full_clean()
    deelnemer.save()
    return deelnemer


@transaction.atomic
def agenda_vastleggen(
    *,
    door: AbstractBaseUser,
    verband: Samenwerkingsverband,
    titel: str,
    van_jaar: int,
    tot_en_met_jaar: int,
    vastgesteld_op: dt.date | None,
    opgaven: list[tuple[str, list[str]]],
) -> Strategischeagenda:
    """A strategic agenda with its opgaven, each with its opdrachten (in order)."""
    vereis(door, REGISTER_BEHEREN, verband)
    if tot_en_met_jaar < van_jaar:
        raise ValidationError({"tot_en_met_jaar": _("Het laatste jaar ligt vóór het eerste.")})
    agenda = Strategischeagenda(
        verband=verband,
        titel=titel,
        van_jaar=van_jaar,
        tot_en_met_jaar=tot_en_met_jaar,
        vastgesteld_op=vastgesteld_op,
    )
    agenda.full_clean()
    agenda.save()
    volgnummer = 0
    for nummer, (naam, opdrachten) in enumerate(opgaven, start=1):
        opgave = Opgave.objects.create(agenda=agenda, nummer=nummer, naam=naam)
        for opdrachtnaam in opdrachten:
            volgnummer += 1
            Opdracht.objects.create(opgave=opgave, nummer=volgnummer, naam=opdrachtnaam)
    return agenda


@transaction.atomic
def opdracht_voortgang(
    *, door: AbstractBaseUser, opdracht: Opdracht, voortgang: int, status: str, toelichting: str = ""
) -> Opdracht:
    vereis(door, REGISTER_BEHEREN, opdracht.opgave.agenda.verband)
    opdracht.voortgang, opdracht.status, opdracht.toelichting = voortgang, status, toelichting
    opdracht.full_clean()
    opdracht.save()
    return opdracht


@transaction.atomic
def document_toevoegen(
    *,
    door: AbstractBaseUser,
    verband: Samenwerkingsverband,
    soort: str,
    titel: str,
    datum: dt.date,
    bestand: UploadedFile[bytes],
    jaar: int | None = None,
) -> Document:
    """A regeling, begroting, jaarstukken or kaderbrief; checked by content, kept in private storage."""
    vereis(door, REGISTER_BEHEREN, verband)
    try:
        bestandssoort = uploads.valideer_upload(
            bestand, toegestaan=uploads.DOCUMENTEN, max_bytes=DOCUMENT_MAX_BYTES
        )
    except ValidationError as fout:
        raise ValidationError({"bestand": fout.messages}) from fout
    document = Document(
        verband=verband,
        soort=soort,
        titel=titel,
        datum=datum,
        jaar=jaar,
        bestandsnaam=(bestand.name or "")[:255],
        mediatype=bestandssoort.mediatype,
    )
    document.full_clean(exclude=["bestand"])
    document.bestand.save(document.bestandsnaam or "document", bestand, save=False)
    try:
        document.save()
    except Exception:
        document.bestand.delete(save=False)
        raise
    return document
