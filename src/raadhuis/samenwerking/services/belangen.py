"""Writes to the interests: representation over time, financieel belang per year, risks, and the
visie and beleidsvoornemens of the paragraaf (BBV art. 15 lid 1)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from raadhuis.core.rechten import vereis
from raadhuis.samenwerking.models import (
    Jaarcijfers,
    Paragraaftekst,
    Risico,
    Samenwerkingsverband,
    Vertegenwoordiging,
)
from raadhuis.samenwerking.rechten import REGISTER_BEHEREN

JAARCIJFERVELDEN = (
    "bijdrage_begroot",
    "bijdrage_werkelijk",
    "aandeel",
    "garanties",
    "eigen_vermogen_begin",
    "eigen_vermogen_eind",
    "vreemd_vermogen_begin",
    "vreemd_vermogen_eind",
    "resultaat_verwacht",
    "resultaat_werkelijk",
    "toelichting",
    "demo",
)
RISICOVELDEN = ("omschrijving", "kans", "impact", "beheersmaatregelen", "bedrag_weerstandsvermogen", "actief")


def _onbekende_velden(gegevens: dict[str, Any], toegestaan: tuple[str, ...]) -> None:
    onbekend = set(gegevens) - set(toegestaan)
    if onbekend:
        raise ValidationError(_("Onbekende velden: %(velden)s.") % {"velden": ", ".join(sorted(onbekend))})


@transaction.atomic
def vertegenwoordiging_vastleggen(
    *,
    door: AbstractBaseUser,
    verband: Samenwerkingsverband,
    bestuursorgaan: str,
    begin: dt.date,
    zetel: str = "1",
    persoon: Any = None,
    naam: str = "",
    functie: str = "",
    stemgewicht: str = "",
    einde: dt.date | None = None,
) -> Vertegenwoordiging:
    """Who holds a seat of the gemeente in the AB, DB or another body of the party (the bestuurlijk
    belang, BBV art. 1 lid 1 onder d). One seat has one holder at a time: overlapping mandates for
    the same seat are refused."""
    vereis(door, REGISTER_BEHEREN, verband)
    mandaat = Vertegenwoordiging(
        verband=verband,
        bestuursorgaan=bestuursorgaan,
        zetel=zetel.strip() or "1",
        persoon=persoon,
        naam=naam.strip(),
        functie=functie,
        stemgewicht=stemgewicht,
        begin=begin,
        einde=einde,
    )
    mandaat.full_clean()
    zelfde_zetel = Vertegenwoordiging.objects.select_for_update().filter(
        verband=verband, bestuursorgaan=bestuursorgaan, zetel=mandaat.zetel
    )
    for ander in zelfde_zetel:
        if begin <= (ander.einde or dt.date.max) and ander.begin <= (einde or dt.date.max):
            raise ValidationError(
                {
                    "begin": _(
                        "Zetel %(zetel)s in het %(orgaan)s is in deze periode al bezet door %(wie)s "
                        "(%(van)s tot %(tot)s). Beëindig eerst dat mandaat."
                    )
                    % {
                        "zetel": mandaat.zetel,
                        "orgaan": mandaat.get_bestuursorgaan_display(),
                        "wie": ander.wie,
                        "van": ander.begin.strftime("%d-%m-%Y"),
                        "tot": ander.einde.strftime("%d-%m-%Y") if ander.einde else _("heden"),
                    }
                }
            )
    mandaat.save()
    return mandaat


@transaction.atomic
def vertegenwoordiging_beeindigen(
    *, door: AbstractBaseUser, mandaat: Vertegenwoordiging, einde: dt.date
) -> Vertegenwoordiging:
    vereis(door, REGISTER_BEHEREN, mandaat.verband)
    mandaat = Vertegenwoordiging.objects.select_for_update().get(pk=mandaat.pk)
    mandaat.einde = einde
    mandaat.full_clean()
    mandaat.save()
    return mandaat


@transaction.atomic
def jaarcijfers_vastleggen(
    *, door: AbstractBaseUser, verband: Samenwerkingsverband, jaar: int, gegevens: dict[str, Any]
) -> Jaarcijfers:
    """The financieel belang of one year (BBV art. 15 lid 3 onder c-e). A year before the party
    existed, or after it ended, is refused: there was nothing to contribute to."""
    vereis(door, REGISTER_BEHEREN, verband)
    _onbekende_velden(gegevens, JAARCIJFERVELDEN)
    if jaar < verband.startdatum.year:
        raise ValidationError(
            {
                "jaar": _(
                    "%(verband)s bestaat pas sinds %(start)s; voor %(jaar)s kan geen bijdrage of financieel "
                    "belang worden vastgelegd."
                )
                % {"verband": verband, "start": verband.startdatum.strftime("%d-%m-%Y"), "jaar": jaar}
            }
        )
    if verband.einddatum is not None and jaar > verband.einddatum.year:
        raise ValidationError(
            {"jaar": _("%(verband)s bestaat niet meer in %(jaar)s.") % {"verband": verband, "jaar": jaar}}
        )
    cijfers = Jaarcijfers.objects.select_for_update().filter(verband=verband, jaar=jaar).first()
    cijfers = cijfers or Jaarcijfers(verband=verband, jaar=jaar)
    for veld, waarde in gegevens.items():
        setattr(cijfers, veld, waarde)
    cijfers.full_clean()
    cijfers.save()
    return cijfers


@transaction.atomic
def risico_vastleggen(
    *,
    door: AbstractBaseUser,
    verband: Samenwerkingsverband,
    gegevens: dict[str, Any],
    risico: Risico | None = None,
) -> Risico:
    """A risk of the party, with likelihood and impact (1-5) and the amount counted in the
    weerstandsvermogen (BBV art. 11)."""
    vereis(door, REGISTER_BEHEREN, verband)
    _onbekende_velden(gegevens, RISICOVELDEN)
    risico = risico or Risico(verband=verband)
    for veld, waarde in gegevens.items():
        setattr(risico, veld, waarde)
    risico.full_clean()
    risico.save()
    return risico


@transaction.atomic
def paragraaftekst_vastleggen(
    *, door: AbstractBaseUser, jaar: int, document: str, visie: str, beleidsvoornemens: str
) -> Paragraaftekst:
    """BBV art. 15 lid 1 onder a and b, per year and document."""
    vereis(door, REGISTER_BEHEREN)
    tekst = Paragraaftekst.objects.select_for_update().filter(jaar=jaar, document=document).first()
    tekst = tekst or Paragraaftekst(jaar=jaar, document=document)
    tekst.visie, tekst.beleidsvoornemens = visie, beleidsvoornemens
    tekst.full_clean()
    tekst.save()
    return tekst
