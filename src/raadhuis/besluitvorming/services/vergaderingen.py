"""Writes about meetings: planning, the agenda, the presentielijst, opening, stukken, besluitenlijst."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.besluitvorming import stemregels
from raadhuis.besluitvorming.models import Aanwezigheid, Agendapunt, Orgaan, Persoon, Vergadering
from raadhuis.besluitvorming.rechten import AGENDA_BEHEREN
from raadhuis.besluitvorming.selectors.organen import leden_met_functie, zittende_leden
from raadhuis.besluitvorming.services.geheimhouding import geheimhouding_laten_vervallen
from raadhuis.besluitvorming.services.publicatie import vergadering_publiceren_taak
from raadhuis.besluitvorming.services.taken import agenda_meldingen_taak, besluiten_meldingen_taak
from raadhuis.core.rechten import vereis
from raadhuis.core.taken import na_commit

logger = logging.getLogger(__name__)

# Art. 20 lid 2: the new meeting is at least 24 hours after the summons is delivered.
VERVOLG_TERMIJN = dt.timedelta(hours=24)
# Room above every real volgnummer for the first phase of a renumbering (the unique constraint
# on (vergadering, volgnummer) is checked per row on PostgreSQL, so a plain swap would collide).
_TIJDELIJK = 10_000

NIET_BESLOTEN_ONDERWERPEN = frozenset(
    {
        Agendapunt.Onderwerp.TOELATING,
        Agendapunt.Onderwerp.BEGROTING,
        Agendapunt.Onderwerp.JAARREKENING,
        Agendapunt.Onderwerp.BELASTINGEN,
        Agendapunt.Onderwerp.WETHOUDERS,
    }
)


# --- meetings ------------------------------------------------------------------------------------


def _moet_gepland_zijn(vergadering: Vergadering, wat: str) -> None:
    if vergadering.status != Vergadering.Status.GEPLAND:
        raise ValidationError(
            _("%(wat)s kan alleen bij een geplande vergadering; deze is %(status)s.")
            % {"wat": wat, "status": vergadering.get_status_display()}
        )


def _vergadering_vergrendelen(vergadering: Vergadering) -> Vergadering:
    return Vergadering.objects.select_for_update().select_related("orgaan").get(pk=vergadering.pk)


@transaction.atomic
def vergadering_plannen(
    *,
    orgaan: Orgaan,
    titel: str,
    begin: dt.datetime,
    door: AbstractBaseUser,
    einde: dt.datetime | None = None,
    locatie: str = "",
    besloten: bool = False,
    aanleiding: str = Vergadering.Aanleiding.RAAD,
) -> Vergadering:
    """Plans a meeting of a body (Gemeentewet art. 17 names why the raad meets)."""
    vereis(door, AGENDA_BEHEREN)
    vergadering = Vergadering(
        orgaan=orgaan,
        titel=titel,
        begin=begin,
        einde=einde,
        locatie=locatie,
        besloten=besloten,
        aanleiding=aanleiding,
    )
    _vergadering_controleren(vergadering)
    vergadering.full_clean()
    vergadering.save()
    return vergadering


def _vergadering_controleren(vergadering: Vergadering) -> None:
    if vergadering.einde is not None and vergadering.einde < vergadering.begin:
        raise ValidationError({"einde": _("Het einde ligt vóór het begin.")})
    orgaan = vergadering.orgaan
    dag = timezone.localtime(vergadering.begin).date()
    if dag < orgaan.actief_vanaf or (orgaan.actief_tot is not None and dag > orgaan.actief_tot):
        raise ValidationError(
            {"begin": _("%(orgaan)s bestaat niet op deze datum.") % {"orgaan": orgaan.naam}}
        )


@transaction.atomic
def vergadering_bijwerken(
    *,
    vergadering: Vergadering,
    titel: str,
    begin: dt.datetime,
    door: AbstractBaseUser,
    einde: dt.datetime | None = None,
    locatie: str = "",
    besloten: bool = False,
    aanleiding: str = Vergadering.Aanleiding.RAAD,
) -> Vergadering:
    vereis(door, AGENDA_BEHEREN)
    vergadering = _vergadering_vergrendelen(vergadering)
    _moet_gepland_zijn(vergadering, _("Wijzigen"))
    vergadering.titel = titel
    vergadering.begin = begin
    vergadering.einde = einde
    vergadering.locatie = locatie
    vergadering.besloten = besloten
    vergadering.aanleiding = aanleiding
    _vergadering_controleren(vergadering)
    vergadering.full_clean()
    vergadering.save()
    return vergadering


@transaction.atomic
def vergadering_annuleren(*, vergadering: Vergadering, door: AbstractBaseUser) -> Vergadering:
    """gepland → geannuleerd."""
    vereis(door, AGENDA_BEHEREN)
    vergadering = _vergadering_vergrendelen(vergadering)
    _moet_gepland_zijn(vergadering, _("Annuleren"))
    vergadering.status = Vergadering.Status.GEANNULEERD
    vergadering.full_clean()
    vergadering.save(update_fields=["status"])
    return vergadering


@transaction.atomic
def vergadering_gehouden(*, vergadering: Vergadering, door: AbstractBaseUser) -> Vergadering:
    """gepland → gehouden; only a meeting that was opened (art. 20 lid 1) has been held. Secrecy that
    waited for this raad meeting's confirmation and did not get it lapses (art. 25 lid 3)."""
    vereis(door, AGENDA_BEHEREN)
    vergadering = _vergadering_vergrendelen(vergadering)
    _moet_gepland_zijn(vergadering, _("Afsluiten"))
    if vergadering.geopend is not True:
        raise ValidationError(
            _("Een vergadering die niet is geopend, is niet gehouden (Gemeentewet art. 20).")
        )
    vergadering.status = Vergadering.Status.GEHOUDEN
    if vergadering.einde is None:
        vergadering.einde = max(timezone.now(), vergadering.begin)
    vergadering.full_clean()
    vergadering.save(update_fields=["status", "einde"])
    # Art. 25 lid 3: secrecy this meeting did not confirm lapses now.
    geheimhouding_laten_vervallen(vergadering=vergadering)
    return vergadering


@transaction.atomic
def agenda_publiceren(*, vergadering: Vergadering, door: AbstractBaseUser) -> Vergadering:
    """Publishes the agenda of a planned meeting: from now on the public site shows the meeting, its
    public items and papers (Gemeentewet art. 19: time, place and agenda are made public)."""
    vereis(door, AGENDA_BEHEREN)
    vergadering = _vergadering_vergrendelen(vergadering)
    _moet_gepland_zijn(vergadering, _("De agenda publiceren"))
    if vergadering.agenda_gepubliceerd_op is not None:
        raise ValidationError(_("De agenda is al gepubliceerd."))
    if not vergadering.agendapunten.exists():
        raise ValidationError(_("Een agenda zonder agendapunten kan niet worden gepubliceerd."))
    vergadering.agenda_gepubliceerd_op = timezone.now()
    vergadering.full_clean()
    vergadering.save(update_fields=["agenda_gepubliceerd_op"])
    na_commit(agenda_meldingen_taak, vergadering.pk)
    # Woo art. 3.3 lid 2 onder c/d: the agenda and its public papers go to the publication register.
    na_commit(vergadering_publiceren_taak, vergadering.pk)
    return vergadering


@transaction.atomic
def besluitenlijst_vaststellen(*, vergadering: Vergadering, door: AbstractBaseUser) -> Vergadering:
    """Adopts the besluitenlijst of a held meeting (Gemeentewet art. 23 lid 5; art. 60 lid 3)."""
    vereis(door, AGENDA_BEHEREN)
    vergadering = _vergadering_vergrendelen(vergadering)
    if vergadering.status != Vergadering.Status.GEHOUDEN:
        raise ValidationError(
            _("Alleen van een gehouden vergadering kan de besluitenlijst worden vastgesteld.")
        )
    if vergadering.besluitenlijst_vastgesteld_op is not None:
        raise ValidationError(_("De besluitenlijst is al vastgesteld."))
    vergadering.besluitenlijst_vastgesteld_op = timezone.now()
    vergadering.full_clean()
    vergadering.save(update_fields=["besluitenlijst_vastgesteld_op"])
    na_commit(besluiten_meldingen_taak, vergadering.pk)
    # Woo art. 3.3 lid 2 onder c/d: the adopted besluitenlijst goes to the publication register.
    na_commit(vergadering_publiceren_taak, vergadering.pk)
    return vergadering


# --- presentielijst and opening (art. 20) ---------------------------------------------------------


def _vergaderdag(vergadering: Vergadering) -> dt.date:
    return timezone.localtime(vergadering.begin).date()


@transaction.atomic
def presentielijst_vastleggen(
    *, vergadering: Vergadering, aanwezigen: Collection[Persoon], door: AbstractBaseUser
) -> list[Aanwezigheid]:
    """Records who signed the presentielijst: everyone with a function in the body on the meeting's
    day gets a row, present if in `aanwezigen`, absent otherwise. Others cannot sign."""
    vereis(door, AGENDA_BEHEREN)
    vergadering = _vergadering_vergrendelen(vergadering)
    _moet_gepland_zijn(vergadering, _("De presentielijst bijhouden"))
    if vergadering.geopend is True:
        raise ValidationError(_("De vergadering is al geopend; de presentielijst van de opening ligt vast."))
    mogelijk = {
        lm.persoon_id: lm.persoon for lm in leden_met_functie(vergadering.orgaan, _vergaderdag(vergadering))
    }
    aanwezig = {persoon.pk for persoon in aanwezigen}
    onbekend = aanwezig - mogelijk.keys()
    if onbekend:
        namen = ", ".join(sorted(str(p) for p in Persoon.objects.filter(pk__in=onbekend)))
        raise ValidationError(
            {
                "aanwezigen": _("%(namen)s heeft op die dag geen functie in %(orgaan)s.")
                % {"namen": namen, "orgaan": vergadering.orgaan.naam}
            }
        )
    bestaand = {a.persoon_id: a for a in Aanwezigheid.objects.filter(vergadering=vergadering)}
    rijen = []
    for persoon_id in mogelijk:
        rij = bestaand.pop(persoon_id, None) or Aanwezigheid(vergadering=vergadering, persoon_id=persoon_id)
        rij.aanwezig = persoon_id in aanwezig
        rij.full_clean(validate_unique=False)
        rij.save()
        rijen.append(rij)
    # Rows of people who no longer have a function on that day (e.g. the date moved) go.
    Aanwezigheid.objects.filter(pk__in=[rij.pk for rij in bestaand.values()]).delete()
    return rijen


@dataclass(frozen=True)
class Opening:
    """The outcome of trying to open a meeting, explained; `vervolg_vanaf` is the earliest start of the
    new meeting when it could not open (art. 20 lid 2)."""

    vergadering: Vergadering
    quorum: stemregels.Quorum
    zitting_hebbende_leden: int
    aanwezig: int
    vervolg_vanaf: dt.datetime | None

    @property
    def geopend(self) -> bool:
        return self.quorum.gehaald


@transaction.atomic
def vergadering_openen(*, vergadering: Vergadering, door: AbstractBaseUser) -> Opening:
    """Opens the meeting if the presentielijst shows the quorum: for the raad more than half of the
    zitting hebbende leden (Gemeentewet art. 20 lid 1), for the college at least half (art. 56). The
    meeting called after one that could not open needs none for those items (art. 20 lid 2-3)."""
    vereis(door, AGENDA_BEHEREN)
    vergadering = _vergadering_vergrendelen(vergadering)
    _moet_gepland_zijn(vergadering, _("Openen"))
    if vergadering.geopend is True:
        raise ValidationError(_("De vergadering is al geopend."))
    if not Aanwezigheid.objects.filter(vergadering=vergadering).exists():
        raise ValidationError(_("Leg eerst de presentielijst vast."))
    zittend = {persoon.pk for persoon in zittende_leden(vergadering.orgaan, _vergaderdag(vergadering))}
    aanwezig = Aanwezigheid.objects.filter(
        vergadering=vergadering, aanwezig=True, persoon_id__in=zittend
    ).count()
    regel = (
        stemregels.quorum_college
        if vergadering.orgaan.soort == Orgaan.Soort.COLLEGE
        else stemregels.quorum_raad
    )
    na_niet_geopende = vergadering.vervolg_van_id is not None
    quorum = regel(
        zitting_hebbende_leden=len(zittend),
        aanwezig=aanwezig,
        na_niet_geopende_vergadering=na_niet_geopende,
        # The opening of an art. 20 lid 2 meeting only needs a quorum if it has other items too.
        agendapunt_van_niet_geopende_vergadering=na_niet_geopende
        and not vergadering.agendapunten.filter(uit_niet_geopende_vergadering=False).exists(),
    )
    vergadering.geopend = quorum.gehaald
    vergadering.full_clean()
    vergadering.save(update_fields=["geopend"])
    vervolg_vanaf = None if quorum.gehaald else max(timezone.now(), vergadering.begin) + VERVOLG_TERMIJN
    return Opening(
        vergadering=vergadering,
        quorum=quorum,
        zitting_hebbende_leden=len(zittend),
        aanwezig=aanwezig,
        vervolg_vanaf=vervolg_vanaf,
    )


@transaction.atomic
def vervolgvergadering_plannen(
    *,
    vergadering: Vergadering,
    begin: dt.datetime,
    door: AbstractBaseUser,
    titel: str = "",
    locatie: str = "",
) -> Vergadering:
    """Calls the new meeting after one that could not open (Gemeentewet art. 20 lid 2): at least 24
    hours later, with the failed meeting's items (no quorum needed for those, lid 3) and their stukken.
    The failed meeting is cancelled."""
    vereis(door, AGENDA_BEHEREN)
    oud = _vergadering_vergrendelen(vergadering)
    if oud.geopend is not False or oud.status != Vergadering.Status.GEPLAND:
        raise ValidationError(
            _("Alleen na een vergadering die niet kon worden geopend, volgt een nieuwe vergadering.")
        )
    vroegst = max(timezone.now(), oud.begin) + VERVOLG_TERMIJN
    if begin < vroegst:
        raise ValidationError(
            {
                "begin": _(
                    "De nieuwe vergadering begint op zijn vroegst %(vroegst)s (Gemeentewet art. 20 lid 2)."
                )
                % {"vroegst": timezone.localtime(vroegst).strftime("%d-%m-%Y %H:%M")}
            }
        )
    nieuw = Vergadering(
        orgaan=oud.orgaan,
        titel=titel or _("%(titel)s (nieuwe vergadering)") % {"titel": oud.titel},
        begin=begin,
        locatie=locatie or oud.locatie,
        besloten=oud.besloten,
        aanleiding=oud.aanleiding,
        vervolg_van=oud,
    )
    nieuw.full_clean()
    nieuw.save()
    for punt in oud.agendapunten.order_by("volgnummer").prefetch_related("stukken", "voorstellen"):
        kopie = Agendapunt(
            vergadering=nieuw,
            volgnummer=punt.volgnummer,
            kenmerk=punt.kenmerk,
            titel=punt.titel,
            omschrijving=punt.omschrijving,
            onderwerp=punt.onderwerp,
            hamerstuk=punt.hamerstuk,
            besloten=punt.besloten,
            portefeuillehouder_id=punt.portefeuillehouder_id,
            uit_niet_geopende_vergadering=True,
        )
        kopie.full_clean()
        kopie.save()
        punt.stukken.update(agendapunt=kopie, gewijzigd_op=timezone.now())
        punt.voorstellen.update(agendapunt=kopie, vergadering=nieuw)
    oud.status = Vergadering.Status.GEANNULEERD
    oud.save(update_fields=["status"])
    return nieuw


# --- the agenda -----------------------------------------------------------------------------------


def art24_melding(onderwerp: str) -> str:
    return _(
        "Een agendapunt over %(onderwerp)s wordt altijd in openbaarheid behandeld (Gemeentewet art. 24)."
    ) % {"onderwerp": Agendapunt.Onderwerp(onderwerp).label}


def _art24_controleren(*, onderwerp: str, besloten: bool) -> None:
    """Gemeentewet art. 24: no closed doors on toelating, begroting, jaarrekening, belastingen or
    the benoeming, schorsing and ontslag of wethouders (the database refuses it too)."""
    if besloten and onderwerp in NIET_BESLOTEN_ONDERWERPEN:
        raise ValidationError({"besloten": art24_melding(onderwerp)})


@transaction.atomic
def agendapunt_toevoegen(
    *,
    vergadering: Vergadering,
    titel: str,
    door: AbstractBaseUser,
    omschrijving: str = "",
    onderwerp: str = Agendapunt.Onderwerp.OVERIG,
    hamerstuk: bool = False,
    besloten: bool = False,
    kenmerk: str = "",
    portefeuillehouder: Persoon | None = None,
) -> Agendapunt:
    """Adds an item at the end of a planned meeting's agenda."""
    vereis(door, AGENDA_BEHEREN)
    vergadering = _vergadering_vergrendelen(vergadering)
    _moet_gepland_zijn(vergadering, _("De agenda wijzigen"))
    _art24_controleren(onderwerp=onderwerp, besloten=besloten)
    hoogste = vergadering.agendapunten.aggregate(hoogste=Max("volgnummer"))["hoogste"] or 0
    punt = Agendapunt(
        vergadering=vergadering,
        volgnummer=hoogste + 1,
        titel=titel,
        omschrijving=omschrijving,
        onderwerp=onderwerp,
        hamerstuk=hamerstuk,
        besloten=besloten,
        kenmerk=kenmerk,
        portefeuillehouder=portefeuillehouder,
    )
    punt.full_clean()
    punt.save()
    return punt


def _punt_vergrendelen(agendapunt: Agendapunt) -> tuple[Agendapunt, Vergadering]:
    vergadering = _vergadering_vergrendelen(agendapunt.vergadering)
    return Agendapunt.objects.get(pk=agendapunt.pk), vergadering


@transaction.atomic
def agendapunt_bijwerken(
    *,
    agendapunt: Agendapunt,
    titel: str,
    door: AbstractBaseUser,
    omschrijving: str = "",
    onderwerp: str = Agendapunt.Onderwerp.OVERIG,
    hamerstuk: bool = False,
    besloten: bool = False,
    kenmerk: str = "",
    portefeuillehouder: Persoon | None = None,
) -> Agendapunt:
    vereis(door, AGENDA_BEHEREN)
    punt, vergadering = _punt_vergrendelen(agendapunt)
    _moet_gepland_zijn(vergadering, _("De agenda wijzigen"))
    _art24_controleren(onderwerp=onderwerp, besloten=besloten)
    punt.titel = titel
    punt.omschrijving = omschrijving
    punt.onderwerp = onderwerp
    punt.hamerstuk = hamerstuk
    punt.besloten = besloten
    punt.kenmerk = kenmerk
    punt.portefeuillehouder = portefeuillehouder
    punt.full_clean()
    punt.save()
    if vergadering.agenda_gepubliceerd_op is not None:
        # The published agenda changed (an item made besloten withdraws its papers from the register).
        na_commit(vergadering_publiceren_taak, vergadering.pk)
    return punt


@transaction.atomic
def agendapunt_behandeld(*, agendapunt: Agendapunt, behandeld: bool, door: AbstractBaseUser) -> Agendapunt:
    """Marks an item treated (ODS indicatorBehandeld); only in an opened meeting."""
    vereis(door, AGENDA_BEHEREN)
    punt, vergadering = _punt_vergrendelen(agendapunt)
    if vergadering.geopend is not True:
        raise ValidationError(_("Alleen in een geopende vergadering wordt een agendapunt behandeld."))
    punt.behandeld = behandeld
    punt.full_clean()
    punt.save(update_fields=["behandeld"])
    return punt


def _hernummeren(vergadering: Vergadering, volgorde: Sequence[int]) -> None:
    """Gives the items (by pk, in this order) volgnummers 1..n in two phases: first all out of the way,
    then into place, so the unique (vergadering, volgnummer) never sees two rows on one number."""
    Agendapunt.objects.filter(vergadering=vergadering).update(volgnummer=F("volgnummer") + _TIJDELIJK)
    for nummer, pk in enumerate(volgorde, start=1):
        Agendapunt.objects.filter(pk=pk, vergadering=vergadering).update(
            volgnummer=nummer, gewijzigd_op=timezone.now()
        )


def _huidige_volgorde(vergadering: Vergadering) -> list[int]:
    return list(vergadering.agendapunten.order_by("volgnummer").values_list("pk", flat=True))


@transaction.atomic
def agenda_ordenen(*, vergadering: Vergadering, volgorde: Sequence[int], door: AbstractBaseUser) -> None:
    """Puts the agenda in the given order (agendapunt ids, all of them, once each)."""
    vereis(door, AGENDA_BEHEREN)
    vergadering = _vergadering_vergrendelen(vergadering)
    _moet_gepland_zijn(vergadering, _("De agenda wijzigen"))
    huidig = _huidige_volgorde(vergadering)
    if sorted(huidig) != sorted(volgorde) or len(set(volgorde)) != len(volgorde):
        raise ValidationError(
            _("De nieuwe volgorde moet elk agendapunt van deze vergadering precies één keer bevatten.")
        )
    _hernummeren(vergadering, volgorde)


@transaction.atomic
def agendapunt_verplaatsen(
    *, agendapunt: Agendapunt, richting: Literal["omhoog", "omlaag"], door: AbstractBaseUser
) -> Agendapunt:
    """Moves an item one place up or down; at the top or bottom nothing changes."""
    vereis(door, AGENDA_BEHEREN)
    punt, vergadering = _punt_vergrendelen(agendapunt)
    _moet_gepland_zijn(vergadering, _("De agenda wijzigen"))
    volgorde = _huidige_volgorde(vergadering)
    plaats = volgorde.index(punt.pk)
    ander = plaats - 1 if richting == "omhoog" else plaats + 1
    if 0 <= ander < len(volgorde):
        volgorde[plaats], volgorde[ander] = volgorde[ander], volgorde[plaats]
        _hernummeren(vergadering, volgorde)
    punt.refresh_from_db()
    return punt


@transaction.atomic
def agendapunt_naar_vergadering(
    *, agendapunt: Agendapunt, vergadering: Vergadering, door: AbstractBaseUser
) -> Agendapunt:
    """Moves an item, with its stukken and proposals, to the end of another planned meeting of the
    same body; the agenda it leaves closes up."""
    vereis(door, AGENDA_BEHEREN)
    punt, bron = _punt_vergrendelen(agendapunt)
    doel = _vergadering_vergrendelen(vergadering)
    _moet_gepland_zijn(bron, _("De agenda wijzigen"))
    if doel.pk == bron.pk:
        raise ValidationError({"vergadering": _("Het agendapunt staat al op deze vergadering.")})
    if doel.status != Vergadering.Status.GEPLAND:
        raise ValidationError(
            {"vergadering": _("Een agendapunt kan alleen naar een geplande vergadering worden verplaatst.")}
        )
    if doel.orgaan_id != bron.orgaan_id:
        raise ValidationError(
            {"vergadering": _("Een agendapunt kan alleen naar een vergadering van hetzelfde orgaan.")}
        )
    if punt.stemmingen.exists() or punt.besluiten.exists():
        raise ValidationError(
            _("Over dit agendapunt is al gestemd of besloten; het kan niet meer worden verplaatst.")
        )
    hoogste = doel.agendapunten.aggregate(hoogste=Max("volgnummer"))["hoogste"] or 0
    punt.vergadering = doel
    punt.volgnummer = hoogste + 1
    punt.uit_niet_geopende_vergadering = False
    punt.full_clean()
    punt.save()
    punt.voorstellen.update(vergadering=doel)
    punt.toezeggingen.update(agendapunt=None)
    _hernummeren(bron, _huidige_volgorde(bron))
    return punt


@transaction.atomic
def agendapunt_verwijderen(*, agendapunt: Agendapunt, door: AbstractBaseUser) -> None:
    """Removes an item from a planned meeting's agenda; its stukken stay (without an item)."""
    vereis(door, AGENDA_BEHEREN)
    punt, vergadering = _punt_vergrendelen(agendapunt)
    _moet_gepland_zijn(vergadering, _("De agenda wijzigen"))
    if punt.voorstellen.exists() or punt.stemmingen.exists() or punt.besluiten.exists():
        raise ValidationError(
            _(
                "Bij dit agendapunt horen voorstellen, stemmingen of besluiten; "
                "verplaats het in plaats van het te verwijderen."
            )
        )
    punt.delete()
    _hernummeren(vergadering, _huidige_volgorde(vergadering))
