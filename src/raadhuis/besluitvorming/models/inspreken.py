"""Inspreken (burgerinbreng): residents and organisations who ask to speak at a meeting of a body.

The right to speak is not in the Gemeentewet; it comes from the local Reglement van Orde of the
commissies (verify locally), which decides which bodies allow it, until when one may sign up, whether
one may speak on a subject that is not on the agenda, and for how long."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from raadhuis.besluitvorming.models.organen import Orgaan
from raadhuis.besluitvorming.models.vergaderingen import Agendapunt, Vergadering
from raadhuis.core.validators import valideer_kvk_nummer


class Inspreekregeling(models.Model):
    """The speaking rules of one body, as its Reglement van Orde sets them (verify locally). A body
    without a regeling, or with `toegestaan` off, takes no requests."""

    class Sluiting(models.TextChoices):
        UREN_VOORAF = "uren_vooraf", _("een aantal uren voor het begin van de vergadering")
        WERKDAG_VOORAF = "werkdag_vooraf", _("om 12.00 uur op de werkdag voor de vergadering")

    orgaan = models.OneToOneField(Orgaan, on_delete=models.CASCADE, related_name="inspreekregeling")
    toegestaan = models.BooleanField(_("inspreken toegestaan"), default=True)
    sluiting = models.CharField(
        _("aanmelden sluit"), max_length=16, choices=Sluiting.choices, default=Sluiting.WERKDAG_VOORAF
    )
    uren_vooraf = models.PositiveSmallIntegerField(
        _("uren vooraf"),
        default=24,
        validators=[MaxValueValidator(24 * 14)],
        help_text=_("Alleen bij sluiten een aantal uren voor het begin."),
    )
    vrij_onderwerp = models.BooleanField(
        _("inspreken over onderwerpen die niet op de agenda staan"), default=False
    )
    spreektijd = models.PositiveSmallIntegerField(
        _("spreektijd in minuten"), default=5, validators=[MinValueValidator(1), MaxValueValidator(30)]
    )

    class Meta:
        verbose_name = _("inspreekregeling")
        verbose_name_plural = _("inspreekregelingen")

    def __str__(self) -> str:
        return f"{self.orgaan}"


class Spreekverzoek(models.Model):
    """A request to speak at a meeting, on an agenda item or (where the regeling allows) on a subject
    of one's own. Contact details are kept only until some weeks after the meeting (AVG art. 5 lid 1
    sub c and e; services.inspreken.spreekverzoeken_opschonen)."""

    class Status(models.TextChoices):
        AANGEVRAAGD = "aangevraagd", _("aangevraagd")
        TOEGELATEN = "toegelaten", _("toegelaten")
        AFGEWEZEN = "afgewezen", _("afgewezen")
        INGETROKKEN = "ingetrokken", _("ingetrokken")

    vergadering = models.ForeignKey(Vergadering, on_delete=models.CASCADE, related_name="spreekverzoeken")
    # SET_NULL: an item taken off the agenda leaves the request for the griffie to answer.
    agendapunt = models.ForeignKey(
        Agendapunt,
        verbose_name=_("agendapunt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="spreekverzoeken",
    )
    onderwerp = models.CharField(_("onderwerp"), max_length=200, blank=True)
    naam = models.CharField(_("naam"), max_length=200, blank=True)
    organisatie = models.CharField(_("organisatie"), max_length=200, blank=True)
    kvk_nummer = models.CharField(
        _("KvK-nummer"),
        max_length=8,
        blank=True,
        validators=[valideer_kvk_nummer],
    )
    emailadres = models.EmailField(_("e-mailadres"), blank=True)
    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    samenvatting = models.TextField(_("samenvatting"), max_length=1000, blank=True)
    naam_publiceren = models.BooleanField(_("naam op de openbare agenda"), default=False)
    taal = models.CharField(_("taal"), max_length=8, default="nl")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.AANGEVRAAGD)
    reden = models.TextField(_("reden van afwijzing"), blank=True)
    beslist_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beslist door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    beslist_op = models.DateTimeField(_("beslist op"), null=True, blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), null=True, blank=True)
    spreektijd = models.PositiveSmallIntegerField(
        _("spreektijd in minuten"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    ingediend_op = models.DateTimeField(_("ingediend op"))
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    # Random per request; the withdrawal link carries an HMAC of it (as for Abonnement).
    nonce = models.CharField(max_length=64)
    # Each mail once: a repeat of a decision (a double click, a retried task) sends nothing again.
    ontvangst_gemeld_op = models.DateTimeField(null=True, blank=True)
    besluit_gemeld_op = models.DateTimeField(null=True, blank=True)
    gegevens_gewist_op = models.DateTimeField(_("contactgegevens gewist op"), null=True, blank=True)

    class Meta:
        verbose_name = _("spreekverzoek")
        verbose_name_plural = _("spreekverzoeken")
        ordering = ["vergadering", "volgorde", "ingediend_op"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="afgewezen") | ~Q(reden=""), name="spreekverzoek_afwijzing_met_reden"
            ),
        ]
        indexes = [models.Index(fields=["vergadering", "status"])]

    def __str__(self) -> str:
        return f"{self.naam or _('inspreker')} — {self.vergadering}"

    @property
    def openbare_naam(self) -> str:
        """What the public agenda shows: the name (and organisation) only with consent."""
        if not self.naam_publiceren or not self.naam:
            return str(_("een inspreker"))
        if self.organisatie:
            return str(
                _("%(naam)s, namens %(organisatie)s") % {"naam": self.naam, "organisatie": self.organisatie}
            )
        return self.naam
