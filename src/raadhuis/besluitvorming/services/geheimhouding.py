"""Secrecy of papers under Gemeentewet art. 25: confirming it, its lapse, and lifting it.

Art. 25 lid 2: the burgemeester, the college or a commissie may impose secrecy on what they submit to
the raad. Lid 3: that secrecy lapses unless the raad confirms it in its next meeting that, according
to the presentielijst, was attended by more than half of the zitting hebbende leden. Lid 4: the raad
lifts secrecy. Secrecy the raad imposed itself (lid 1) needs no confirmation and only lid 4 ends it."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from raadhuis.besluitvorming.models import Aanwezigheid, Orgaan, Stuk, Vergadering
from raadhuis.besluitvorming.rechten import AGENDA_BEHEREN
from raadhuis.besluitvorming.selectors.organen import zittende_leden
from raadhuis.besluitvorming.services.publicatie import vergadering_publiceren_taak
from raadhuis.besluitvorming.services.stukindex import _stuk_indexeren
from raadhuis.core.rechten import vereis
from raadhuis.core.taken import na_commit


def _dag(vergadering: Vergadering) -> dt.date:
    return timezone.localtime(vergadering.begin).date()


def meer_dan_de_helft_bezocht(vergadering: Vergadering) -> bool:
    """Art. 25 lid 3: attended, according to the presentielijst, by more than half of the members
    holding a seat on that day."""
    zittend = {persoon.pk for persoon in zittende_leden(vergadering.orgaan, _dag(vergadering))}
    if not zittend:
        return False
    aanwezig = Aanwezigheid.objects.filter(
        vergadering=vergadering, aanwezig=True, persoon_id__in=zittend
    ).count()
    return aanwezig * 2 > len(zittend)


def te_bekrachtigen() -> QuerySet[Stuk]:
    """Papers under secrecy imposed by others than the raad that still wait for the raad (lid 3)."""
    return Stuk.objects.filter(
        openbaarheid=Stuk.Openbaarheid.GEHEIM,
        geheim_tot_bekrachtiging=True,
        geheim_bekrachtigd_in__isnull=True,
        geheimhouding_beeindigd_op__isnull=True,
    ).select_related("agendapunt__vergadering", "orgaan")


def _raadsvergadering_controleren(vergadering: Vergadering) -> None:
    if vergadering.orgaan.soort != Orgaan.Soort.RAAD:
        raise ValidationError(_("Alleen de raad bekrachtigt geheimhouding (Gemeentewet art. 25 lid 3)."))


@transaction.atomic
def geheimhouding_bekrachtigen(*, stuk: Stuk, vergadering: Vergadering, door: AbstractBaseUser) -> Stuk:
    """Records that the raad confirmed the secrecy in this meeting (art. 25 lid 3). Only in a raad
    meeting attended by more than half of the seated members, and only for secrecy that waits for
    confirmation; once lapsed it cannot be revived."""
    vereis(door, AGENDA_BEHEREN, stuk)
    stuk = Stuk.objects.select_for_update().get(pk=stuk.pk)
    _raadsvergadering_controleren(vergadering)
    if stuk.openbaarheid != Stuk.Openbaarheid.GEHEIM or not stuk.geheim_tot_bekrachtiging:
        raise ValidationError(_("Op dit stuk rust geen geheimhouding die de raad moet bekrachtigen."))
    if stuk.geheim_bekrachtigd_in_id is not None:
        raise ValidationError(_("De raad heeft deze geheimhouding al bekrachtigd."))
    if stuk.geheimhouding_beeindigd_op is not None:
        raise ValidationError(
            _("Deze geheimhouding is al vervallen of opgeheven; bekrachtigen kan niet meer.")
        )
    if _dag(vergadering) < stuk.datum:
        raise ValidationError(
            _("De raad kan alleen bekrachtigen in een vergadering na het opleggen van de geheimhouding.")
        )
    if vergadering.status == Vergadering.Status.GEANNULEERD or not meer_dan_de_helft_bezocht(vergadering):
        raise ValidationError(
            _(
                "Bekrachtigen kan alleen in een raadsvergadering die volgens de presentielijst door meer "
                "dan de helft van de zitting hebbende leden is bezocht (Gemeentewet art. 25 lid 3)."
            )
        )
    stuk.geheim_bekrachtigd_in = vergadering
    stuk.geheimhouding_toelichting = _(
        "Geheimhouding bekrachtigd door de raad in de vergadering van %(datum)s (Gemeentewet art. 25 lid 3)."
    ) % {"datum": date_format(_dag(vergadering), "j F Y")}
    stuk.full_clean(exclude=["bestand"])
    stuk.save(update_fields=["geheim_bekrachtigd_in", "geheimhouding_toelichting"])
    return stuk


def _openbaar_maken(stuk: Stuk, *, op: dt.date, toelichting: str) -> None:
    stuk.openbaarheid = Stuk.Openbaarheid.OPENBAAR
    stuk.geheimhouding_beeindigd_op = op
    stuk.geheimhouding_toelichting = toelichting
    stuk.full_clean(exclude=["bestand"])
    stuk.save(update_fields=["openbaarheid", "geheimhouding_beeindigd_op", "geheimhouding_toelichting"])
    if stuk.agendapunt is not None:
        _stuk_indexeren(stuk, stuk.agendapunt, stuk.agendapunt.vergadering)
        # Secrecy ended (art. 25 lid 3/4): from now on the paper is published with its meeting.
        na_commit(vergadering_publiceren_taak, stuk.agendapunt.vergadering_id)


def geheimhouding_laten_vervallen(*, vergadering: Vergadering) -> list[Stuk]:
    """Called when a raad meeting is recorded as held: secrecy that waited for confirmation and was
    not confirmed in this meeting lapses by law if it was attended by more than half of the seated
    members (art. 25 lid 3). The paper becomes public, with the reason written on it."""
    if vergadering.orgaan.soort != Orgaan.Soort.RAAD or not meer_dan_de_helft_bezocht(vergadering):
        return []
    vervallen = []
    datum = _dag(vergadering)
    # The paper's date is when it was sent with the secrecy imposed; a meeting that day is the next one.
    for stuk in te_bekrachtigen().filter(datum__lte=datum).select_for_update(of=("self",)):
        _openbaar_maken(
            stuk,
            op=datum,
            toelichting=_(
                "Geheimhouding vervallen: niet bekrachtigd in de raadsvergadering van %(datum)s, de eerste "
                "die door meer dan de helft van de leden is bezocht (Gemeentewet art. 25 lid 3)."
            )
            % {"datum": date_format(datum, "j F Y")},
        )
        vervallen.append(stuk)
    return vervallen


@transaction.atomic
def geheimhouding_opheffen(*, stuk: Stuk, besloten_op: dt.date, door: AbstractBaseUser) -> Stuk:
    """Records the raad's decision to lift the secrecy (art. 25 lid 4): the paper becomes public."""
    vereis(door, AGENDA_BEHEREN, stuk)
    # Only the stuk row is locked: PostgreSQL refuses FOR UPDATE on the nullable side of the join.
    stuk = (
        Stuk.objects.select_for_update(of=("self",)).select_related("agendapunt__vergadering").get(pk=stuk.pk)
    )
    if stuk.openbaarheid != Stuk.Openbaarheid.GEHEIM:
        raise ValidationError(_("Op dit stuk rust geen geheimhouding."))
    if besloten_op > timezone.localdate():
        raise ValidationError({"besloten_op": [_("Een besluit van de raad ligt niet in de toekomst.")]})
    _openbaar_maken(
        stuk,
        op=besloten_op,
        toelichting=_("Geheimhouding opgeheven door de raad op %(datum)s (Gemeentewet art. 25 lid 4).")
        % {"datum": date_format(besloten_op, "j F Y")},
    )
    return stuk
