"""Progress: append-only updates per P&C moment, and the BBV figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from raadhuis.core.rechten import vereis
from raadhuis.uitvoering import bbv
from raadhuis.uitvoering.models import (
    GESLOTEN,
    Activiteit,
    Indicator,
    Indicatormeting,
    Kengetal,
    Voortgangsupdate,
)
from raadhuis.uitvoering.rechten import KENGETALLEN_VASTLEGGEN, VOORTGANG_VASTLEGGEN


@transaction.atomic
def voortgang_vastleggen(
    *,
    door: AbstractBaseUser,
    activiteit: Activiteit,
    moment: str,
    jaar: int,
    datum: dt.date,
    status: str,
    toelichting: str,
    besteed: Decimal | None = None,
    metingen: dict[Indicator, Decimal] | None = None,
    openbaar: bool = True,
) -> Voortgangsupdate:
    """Adds a progress update; earlier updates are never changed, so the history of what was reported
    at each P&C moment stays visible. A closed activity (afgerond or vervallen) takes no update."""
    vereis(door, VOORTGANG_VASTLEGGEN, activiteit)
    activiteit = Activiteit.objects.select_for_update().select_related("actie__doel").get(pk=activiteit.pk)
    if activiteit.status in GESLOTEN:
        raise ValidationError(
            {
                "status": _(
                    "Deze activiteit is %(status)s; een afgesloten activiteit krijgt geen nieuwe status."
                )
                % {"status": activiteit.get_status_display()}
            }
        )
    laatste = activiteit.updates.order_by("-datum", "-pk").first()
    if laatste is not None and datum < laatste.datum:
        raise ValidationError(
            {
                "datum": _(
                    "De datum ligt vóór de laatste update (%(datum)s); "
                    "voortgang wordt in volgorde vastgelegd."
                )
                % {"datum": laatste.datum.strftime("%d-%m-%Y")}
            }
        )
    update = Voortgangsupdate(
        activiteit=activiteit,
        moment=moment,
        jaar=jaar,
        datum=datum,
        status=status,
        toelichting=toelichting.strip(),
        besteed=besteed,
        openbaar=openbaar,
        door_id=door.pk,
    )
    update.full_clean()
    update.save()
    for indicator, waarde in (metingen or {}).items():
        if indicator.doel_id != activiteit.actie.doel_id:
            raise ValidationError(
                {
                    "metingen": _("De indicator '%(naam)s' hoort niet bij het doel van deze activiteit.")
                    % {"naam": indicator.naam}
                }
            )
        meting = Indicatormeting(update=update, indicator=indicator, jaar=jaar, waarde=waarde)
        meting.full_clean()
        meting.save()
    activiteit.status = status
    activiteit.save(update_fields=["status"])
    return update


@transaction.atomic
def kengetal_vastleggen(
    *,
    door: AbstractBaseUser,
    soort: str,
    jaar: int,
    teller: Decimal,
    noemer: Decimal,
    peildatum: dt.date,
    bron: str,
    demo: bool = False,
) -> Kengetal:
    """Records the figures behind a BBV indicator (Regeling beleidsindicatoren); the unit follows
    from the definition. A correction adds a row; the latest of a year counts."""
    vereis(door, KENGETALLEN_VASTLEGGEN)
    if soort not in bbv.DEFINITIES:
        raise ValidationError({"soort": _("Onbekende BBV-indicator.")})
    if teller < 0:
        raise ValidationError({"teller": _("De teller mag niet negatief zijn.")})
    if noemer <= 0:
        raise ValidationError({"noemer": _("De noemer moet groter dan nul zijn.")})
    kengetal = Kengetal(
        soort=soort,
        jaar=jaar,
        teller=teller,
        noemer=noemer,
        eenheid=bbv.DEFINITIES[soort].eenheid,
        peildatum=peildatum,
        bron=bron.strip(),
        demo=demo,
        door_id=door.pk,
    )
    kengetal.full_clean()
    kengetal.save()
    return kengetal
