"""Writes about bodies and people: bodies, persons, memberships with their functions, fracties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from raadhuis.besluitvorming.models import Fractie, Fractielidmaatschap, Lidmaatschap, Orgaan, Persoon
from raadhuis.besluitvorming.rechten import ORGANEN_BEHEREN
from raadhuis.besluitvorming.selectors.organen import zetelfuncties
from raadhuis.core.rechten import vereis

# Gemeentewet art. 8 lid 1: (at most this many inhabitants, seats); above the last: 45.
_ZETELS_ART_8: tuple[tuple[int, int], ...] = (
    (3_000, 9),
    (6_000, 11),
    (10_000, 13),
    (15_000, 15),
    (20_000, 17),
    (25_000, 19),
    (30_000, 21),
    (35_000, 23),
    (40_000, 25),
    (45_000, 27),
    (50_000, 29),
    (60_000, 31),
    (70_000, 33),
    (80_000, 35),
    (100_000, 37),
    (200_000, 39),
)
_ZETELS_BOVEN_200_000 = 45
RAADSGROOTTES = frozenset({zetels for _grens, zetels in _ZETELS_ART_8} | {_ZETELS_BOVEN_200_000})


def zetels_voor_inwonertal(inwoners: int) -> int:
    """The number of raad seats for a number of inhabitants (Gemeentewet art. 8 lid 1)."""
    if inwoners < 0:
        raise ValueError("Een inwonertal kan niet negatief zijn.")
    for grens, zetels in _ZETELS_ART_8:
        if inwoners <= grens:
            return zetels
    return _ZETELS_BOVEN_200_000


def _einde_tekst(datum: dt.date | None) -> str:
    return datum.strftime("%d-%m-%Y") if datum else _("onbepaalde tijd")


def _overlapt(
    begin: dt.date, einde: dt.date | None, ander_begin: dt.date, ander_einde: dt.date | None
) -> bool:
    """Whether two periods share a day; einde is the last day (inclusive), None is open-ended."""
    return (einde is None or ander_begin <= einde) and (ander_einde is None or begin <= ander_einde)


def _meeste_tegelijk(
    perioden: Iterable[tuple[dt.date, dt.date | None]], begin: dt.date, einde: dt.date | None
) -> int:
    """The highest number of the given periods running on one day within [begin, einde]."""
    binnen = [(b, e) for b, e in perioden if _overlapt(begin, einde, b, e)]
    # The count can only rise on a day a period starts, so those days and `begin` are enough.
    momenten = {begin} | {b for b, _e in binnen if b > begin}
    return max(
        (sum(1 for b, e in binnen if b <= dag and (e is None or e >= dag)) for dag in momenten), default=0
    )


def _zetels_controleren(
    orgaan: Orgaan, *, extra: tuple[dt.date, dt.date | None] | None, zonder: int | None
) -> None:
    """Never more seated members than seats, on any date."""
    if orgaan.zetels is None:
        return
    zittend = Lidmaatschap.objects.filter(orgaan=orgaan, functie__in=zetelfuncties(orgaan))
    if zonder is not None:
        zittend = zittend.exclude(pk=zonder)
    perioden = [(lm.begin, lm.einde) for lm in zittend]
    if extra is not None:
        meeste = _meeste_tegelijk(perioden, extra[0], extra[1]) + 1
        veld = "begin"
    else:
        meeste = _meeste_tegelijk(perioden, dt.date.min, None)
        veld = "zetels"
    if meeste > orgaan.zetels:
        raise ValidationError(
            {
                veld: _(
                    "%(orgaan)s heeft %(zetels)s zetels; in deze periode zouden "
                    "%(aantal)s leden zitting hebben."
                )
                % {"orgaan": orgaan.naam, "zetels": orgaan.zetels, "aantal": meeste}
            }
        )


def _raadsgrootte_controleren(orgaan: Orgaan, inwonertal: int | None) -> None:
    """Gemeentewet art. 8 lid 1: the raad's size follows from the number of inhabitants."""
    if orgaan.soort != Orgaan.Soort.RAAD:
        return
    if inwonertal is not None:
        verwacht = zetels_voor_inwonertal(inwonertal)
        if orgaan.zetels is None:
            orgaan.zetels = verwacht
        elif orgaan.zetels != verwacht:
            raise ValidationError(
                {
                    "zetels": _(
                        "Bij %(inwoners)s inwoners heeft de raad %(verwacht)s zetels "
                        "(Gemeentewet art. 8 lid 1)."
                    )
                    % {"inwoners": inwonertal, "verwacht": verwacht}
                }
            )
    if orgaan.zetels is None:
        raise ValidationError({"zetels": _("Geef het aantal zetels of het inwonertal van de gemeente.")})
    if orgaan.zetels not in RAADSGROOTTES:
        raise ValidationError(
            {
                "zetels": _(
                    "Een gemeenteraad heeft 9 tot en met 39 of 45 zetels, een oneven aantal uit de tabel van "
                    "Gemeentewet art. 8 lid 1."
                )
            }
        )


def _unieke_slug(model: type[Orgaan] | type[Persoon] | type[Fractie], basis: str) -> str:
    basis = (slugify(basis) or "item")[:70]
    slug, volgnummer = basis, 1
    while model.objects.filter(slug=slug).exists():
        volgnummer += 1
        slug = f"{basis}-{volgnummer}"
    return slug


@transaction.atomic
def orgaan_aanmaken(
    *,
    soort: str,
    naam: str,
    actief_vanaf: dt.date,
    door: AbstractBaseUser,
    zetels: int | None = None,
    inwonertal: int | None = None,
    afkorting: str = "",
    actief_tot: dt.date | None = None,
    omschrijving: str = "",
    slug: str = "",
) -> Orgaan:
    """Creates a body; a raad gets its size from the number of inhabitants (art. 8 lid 1)."""
    vereis(door, ORGANEN_BEHEREN)
    orgaan = Orgaan(
        soort=soort,
        naam=naam,
        afkorting=afkorting,
        slug=slug or _unieke_slug(Orgaan, afkorting or naam),
        zetels=zetels,
        actief_vanaf=actief_vanaf,
        actief_tot=actief_tot,
        omschrijving=omschrijving,
    )
    _raadsgrootte_controleren(orgaan, inwonertal)
    orgaan.full_clean()
    orgaan.save()
    return orgaan


@transaction.atomic
def orgaan_bijwerken(
    *,
    orgaan: Orgaan,
    door: AbstractBaseUser,
    naam: str | None = None,
    afkorting: str | None = None,
    zetels: int | None = None,
    inwonertal: int | None = None,
    actief_tot: dt.date | None = None,
    omschrijving: str | None = None,
) -> Orgaan:
    """Changes a body; fewer seats than members already seated on some date is refused."""
    vereis(door, ORGANEN_BEHEREN)
    orgaan = Orgaan.objects.select_for_update().get(pk=orgaan.pk)
    if naam is not None:
        orgaan.naam = naam
    if afkorting is not None:
        orgaan.afkorting = afkorting
    if omschrijving is not None:
        orgaan.omschrijving = omschrijving
    if actief_tot is not None:
        orgaan.actief_tot = actief_tot
    if inwonertal is not None and zetels is None and orgaan.soort == Orgaan.Soort.RAAD:
        orgaan.zetels = zetels_voor_inwonertal(inwonertal)
    elif zetels is not None:
        orgaan.zetels = zetels
    _raadsgrootte_controleren(orgaan, inwonertal)
    orgaan.full_clean()
    _zetels_controleren(orgaan, extra=None, zonder=None)
    if orgaan.actief_tot is not None:
        later = Lidmaatschap.objects.filter(orgaan=orgaan).exclude(einde__lte=orgaan.actief_tot)
        if later.exists():
            raise ValidationError(
                {"actief_tot": _("Er lopen nog lidmaatschappen na deze datum; beëindig die eerst.")}
            )
    orgaan.save()
    return orgaan


@transaction.atomic
def persoon_aanmaken(
    *,
    achternaam: str,
    door: AbstractBaseUser,
    voornaam: str = "",
    voorletters: str = "",
    tussenvoegsel: str = "",
    geslacht: str = Persoon.Geslacht.ONBEKEND,
    woonplaats: str = "",
    nevenfuncties: str = "",
    slug: str = "",
) -> Persoon:
    """Adds a person to the council's public record (a public office holder)."""
    vereis(door, ORGANEN_BEHEREN)
    persoon = Persoon(
        voornaam=voornaam,
        voorletters=voorletters,
        tussenvoegsel=tussenvoegsel,
        achternaam=achternaam,
        geslacht=geslacht,
        woonplaats=woonplaats,
        nevenfuncties=nevenfuncties,
    )
    persoon.slug = slug or _unieke_slug(Persoon, persoon.naam)
    persoon.full_clean()
    persoon.save()
    return persoon


@transaction.atomic
def persoon_bijwerken(
    *,
    persoon: Persoon,
    door: AbstractBaseUser,
    achternaam: str | None = None,
    voornaam: str | None = None,
    voorletters: str | None = None,
    tussenvoegsel: str | None = None,
    geslacht: str | None = None,
    woonplaats: str | None = None,
    nevenfuncties: str | None = None,
) -> Persoon:
    """Changes a person's public details; the slug (their public address) stays, so links keep working.
    Nevenfuncties are public for raadsleden and wethouders (Gemeentewet art. 12 lid 2, art. 41b lid 2)."""
    vereis(door, ORGANEN_BEHEREN)
    persoon = Persoon.objects.select_for_update().get(pk=persoon.pk)
    velden = {
        "achternaam": achternaam,
        "voornaam": voornaam,
        "voorletters": voorletters,
        "tussenvoegsel": tussenvoegsel,
        "geslacht": geslacht,
        "woonplaats": woonplaats,
        "nevenfuncties": nevenfuncties,
    }
    for veld, waarde in velden.items():
        if waarde is not None:
            setattr(persoon, veld, waarde)
    persoon.full_clean()
    persoon.save()
    return persoon


@transaction.atomic
def persoon_koppelen(
    *, persoon: Persoon, medewerker: AbstractBaseUser | None, door: AbstractBaseUser
) -> Persoon:
    """Links the employee account a person logs in with (or unlinks it with None), so that a raadslid
    submits only their own moties and amendementen (rechten.VOORSTEL_INDIENEN). One account, one person."""
    vereis(door, ORGANEN_BEHEREN)
    persoon = Persoon.objects.select_for_update().get(pk=persoon.pk)
    if medewerker is not None:
        ander = Persoon.objects.filter(medewerker_id=medewerker.pk).exclude(pk=persoon.pk).first()
        if ander is not None:
            raise ValidationError(
                {
                    "medewerker": _("Dit account is al gekoppeld aan %(persoon)s; ontkoppel het daar eerst.")
                    % {"persoon": ander.naam}
                }
            )
    persoon.medewerker_id = medewerker.pk if medewerker is not None else None
    persoon.full_clean()
    persoon.save(update_fields=["medewerker"])
    return persoon


def _lidmaatschap_controleren(lidmaatschap: Lidmaatschap) -> None:
    orgaan = lidmaatschap.orgaan
    begin, einde = lidmaatschap.begin, lidmaatschap.einde
    if einde is not None and einde < begin:
        raise ValidationError({"einde": _("Het einde ligt vóór het begin.")})
    if begin < orgaan.actief_vanaf:
        raise ValidationError(
            {
                "begin": _("%(orgaan)s bestaat pas vanaf %(datum)s.")
                % {"orgaan": orgaan.naam, "datum": orgaan.actief_vanaf.strftime("%d-%m-%Y")}
            }
        )
    if orgaan.actief_tot is not None and (einde is None or einde > orgaan.actief_tot):
        raise ValidationError(
            {
                "einde": _("%(orgaan)s bestaat tot en met %(datum)s; het lidmaatschap moet dan eindigen.")
                % {"orgaan": orgaan.naam, "datum": orgaan.actief_tot.strftime("%d-%m-%Y")}
            }
        )
    andere = Lidmaatschap.objects.filter(
        persoon=lidmaatschap.persoon, orgaan=orgaan, functie=lidmaatschap.functie
    ).exclude(pk=lidmaatschap.pk)
    for ander in andere:
        if _overlapt(begin, einde, ander.begin, ander.einde):
            raise ValidationError(
                {
                    "begin": _(
                        "%(persoon)s is al %(functie)s van %(orgaan)s van %(begin)s tot %(einde)s; "
                        "lidmaatschappen in dezelfde functie mogen niet overlappen."
                    )
                    % {
                        "persoon": lidmaatschap.persoon.naam,
                        "functie": ander.get_functie_display(),
                        "orgaan": orgaan.naam,
                        "begin": ander.begin.strftime("%d-%m-%Y"),
                        "einde": _einde_tekst(ander.einde),
                    }
                }
            )
    if lidmaatschap.functie in zetelfuncties(orgaan):
        _zetels_controleren(orgaan, extra=(begin, einde), zonder=lidmaatschap.pk)


@transaction.atomic
def lidmaatschap_starten(
    *,
    persoon: Persoon,
    orgaan: Orgaan,
    functie: str,
    begin: dt.date,
    door: AbstractBaseUser,
    einde: dt.date | None = None,
    portefeuille: str = "",
) -> Lidmaatschap:
    """Gives a person a function in a body from `begin` up to and including `einde`. Only as many
    seated members as the body has seats, on every date."""
    vereis(door, ORGANEN_BEHEREN)
    # Serialises concurrent appointments to one body, so two cannot both take the last seat.
    orgaan = Orgaan.objects.select_for_update().get(pk=orgaan.pk)
    lidmaatschap = Lidmaatschap(
        persoon=persoon, orgaan=orgaan, functie=functie, begin=begin, einde=einde, portefeuille=portefeuille
    )
    lidmaatschap.full_clean()
    _lidmaatschap_controleren(lidmaatschap)
    lidmaatschap.save()
    return lidmaatschap


@transaction.atomic
def lidmaatschap_beeindigen(
    *, lidmaatschap: Lidmaatschap, einde: dt.date, door: AbstractBaseUser
) -> Lidmaatschap:
    """Ends a function on `einde` (the last day); the seat is vacant from the day after."""
    vereis(door, ORGANEN_BEHEREN)
    Orgaan.objects.select_for_update().get(pk=lidmaatschap.orgaan_id)
    lidmaatschap = Lidmaatschap.objects.select_related("orgaan", "persoon").get(pk=lidmaatschap.pk)
    lidmaatschap.einde = einde
    lidmaatschap.full_clean()
    _lidmaatschap_controleren(lidmaatschap)
    lidmaatschap.save(update_fields=["einde"])
    return lidmaatschap


@transaction.atomic
def fractie_aanmaken(
    *,
    naam: str,
    afkorting: str,
    actief_vanaf: dt.date,
    door: AbstractBaseUser,
    actief_tot: dt.date | None = None,
    website: str = "",
    slug: str = "",
) -> Fractie:
    vereis(door, ORGANEN_BEHEREN)
    fractie = Fractie(
        naam=naam,
        afkorting=afkorting,
        slug=slug or _unieke_slug(Fractie, afkorting or naam),
        actief_vanaf=actief_vanaf,
        actief_tot=actief_tot,
        website=website,
    )
    fractie.full_clean()
    fractie.save()
    return fractie


def _fractielidmaatschap_controleren(lidmaatschap: Fractielidmaatschap) -> None:
    fractie = lidmaatschap.fractie
    begin, einde = lidmaatschap.begin, lidmaatschap.einde
    if einde is not None and einde < begin:
        raise ValidationError({"einde": _("Het einde ligt vóór het begin.")})
    if begin < fractie.actief_vanaf or (
        fractie.actief_tot is not None and (einde is None or einde > fractie.actief_tot)
    ):
        raise ValidationError(
            {
                "begin": _("De fractie %(fractie)s bestaat van %(begin)s tot %(einde)s.")
                % {
                    "fractie": fractie.naam,
                    "begin": fractie.actief_vanaf.strftime("%d-%m-%Y"),
                    "einde": _einde_tekst(fractie.actief_tot),
                }
            }
        )
    andere = (
        Fractielidmaatschap.objects.filter(persoon=lidmaatschap.persoon)
        .exclude(pk=lidmaatschap.pk)
        .select_related("fractie")
    )
    for ander in andere:
        if _overlapt(begin, einde, ander.begin, ander.einde):
            raise ValidationError(
                {
                    "begin": _(
                        "%(persoon)s is van %(begin)s tot %(einde)s lid van %(fractie)s; iemand is lid van "
                        "één fractie tegelijk. Gebruik een fractiewissel."
                    )
                    % {
                        "persoon": lidmaatschap.persoon.naam,
                        "fractie": ander.fractie.naam,
                        "begin": ander.begin.strftime("%d-%m-%Y"),
                        "einde": _einde_tekst(ander.einde),
                    }
                }
            )


@transaction.atomic
def fractielidmaatschap_starten(
    *,
    persoon: Persoon,
    fractie: Fractie,
    begin: dt.date,
    door: AbstractBaseUser,
    functie: str = Fractielidmaatschap.Functie.LID,
    einde: dt.date | None = None,
) -> Fractielidmaatschap:
    """A person joins a fractie; one fractie at a time."""
    vereis(door, ORGANEN_BEHEREN)
    Persoon.objects.select_for_update().get(pk=persoon.pk)
    lidmaatschap = Fractielidmaatschap(
        persoon=persoon, fractie=fractie, functie=functie, begin=begin, einde=einde
    )
    lidmaatschap.full_clean()
    _fractielidmaatschap_controleren(lidmaatschap)
    lidmaatschap.save()
    return lidmaatschap


@transaction.atomic
def fractielidmaatschap_beeindigen(
    *, fractielidmaatschap: Fractielidmaatschap, einde: dt.date, door: AbstractBaseUser
) -> Fractielidmaatschap:
    vereis(door, ORGANEN_BEHEREN)
    lidmaatschap = Fractielidmaatschap.objects.select_related("fractie", "persoon").get(
        pk=fractielidmaatschap.pk
    )
    lidmaatschap.einde = einde
    lidmaatschap.full_clean()
    _fractielidmaatschap_controleren(lidmaatschap)
    lidmaatschap.save(update_fields=["einde"])
    return lidmaatschap


@transaction.atomic
def fractie_wisselen(
    *,
    persoon: Persoon,
    fractie: Fractie,
    per: dt.date,
    door: AbstractBaseUser,
    functie: str = Fractielidmaatschap.Functie.LID,
) -> Fractielidmaatschap:
    """A member changes fractie: the current membership ends the day before `per`, the new one starts
    on `per`. The seat stays with the member (Gemeentewet art. 27: zonder last)."""
    vereis(door, ORGANEN_BEHEREN)
    Persoon.objects.select_for_update().get(pk=persoon.pk)
    huidig = (
        Fractielidmaatschap.objects.filter(persoon=persoon, begin__lte=per)
        .exclude(einde__lt=per)
        .select_related("fractie")
        .first()
    )
    if huidig is not None:
        if huidig.fractie_id == fractie.pk:
            raise ValidationError(
                {"fractie": _("%(persoon)s is al lid van deze fractie.") % {"persoon": persoon.naam}}
            )
        if huidig.begin >= per:
            raise ValidationError(
                {"per": _("De wissel moet ingaan na het begin van het huidige fractielidmaatschap.")}
            )
        huidig.einde = per - dt.timedelta(days=1)
        huidig.full_clean()
        huidig.save(update_fields=["einde"])
    nieuw = Fractielidmaatschap(persoon=persoon, fractie=fractie, functie=functie, begin=per)
    nieuw.full_clean()
    _fractielidmaatschap_controleren(nieuw)
    nieuw.save()
    return nieuw
