"""The decision on a Woo request (woo.md, section 3): the besluit letter, the inventarislijst and the
redacted documents, and the motivation per ground used."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from raadhuis.core.opslag import prive_opslag
from raadhuis.woo.models.verzoeken import WooVerzoek


class Besluituitkomst(models.TextChoices):
    GEHEEL_OPENBAAR = "geheel_openbaar", _("Geheel openbaar gemaakt")
    DEELS_OPENBAAR = "deels_openbaar", _("Deels openbaar gemaakt")
    GEHEEL_GEWEIGERD = "geheel_geweigerd", _("Geheel geweigerd")
    REEDS_OPENBAAR = "reeds_openbaar", _("Informatie was al openbaar")
    GEEN_DOCUMENTEN = "geen_documenten", _("Geen documenten gevonden")


def besluit_pad(instance: WooBesluit, bestandsnaam: str) -> str:
    return f"woo/{instance.verzoek.kenmerk}/besluit/{uuid.uuid4().hex}-{bestandsnaam}"


class WooBesluit(models.Model):
    """The decision (Woo art. 4.4). `openbaarmaking_op` is the day the information goes out: the
    decision date, or two weeks after it was made known when a third party is expected to object
    (art. 4.4 lid 5). The files are generated once, when the decision is taken."""

    verzoek = models.OneToOneField(
        WooVerzoek, verbose_name=_("verzoek"), on_delete=models.CASCADE, related_name="besluit"
    )
    besluitdatum = models.DateField(_("besluitdatum"))
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Besluituitkomst.choices)
    # The behandelaar's own words for the letter: the request's course and the search done.
    toelichting = models.TextField(_("toelichting"), blank=True)
    ondertekenaar = models.CharField(_("ondertekenaar"), max_length=200)
    openbaarmaking_op = models.DateField(_("openbaarmaking op"))
    besluitbrief = models.FileField(_("besluitbrief"), storage=prive_opslag, upload_to=besluit_pad)
    inventarislijst_pdf = models.FileField(
        _("inventarislijst (PDF)"), storage=prive_opslag, upload_to=besluit_pad
    )
    inventarislijst_csv = models.FileField(
        _("inventarislijst (CSV)"), storage=prive_opslag, upload_to=besluit_pad
    )
    bundel = models.FileField(_("bundel"), storage=prive_opslag, upload_to=besluit_pad)
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besloten door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    # Set by the publication module when it has taken the decision over (category 2i).
    overgedragen_op = models.DateTimeField(_("overgedragen aan publicatie op"), null=True, blank=True)

    class Meta:
        verbose_name = _("Woo-besluit")
        verbose_name_plural = _("Woo-besluiten")
        ordering = ["-besluitdatum", "-id"]

    def __str__(self) -> str:
        return f"{self.verzoek_id}: {self.besluitdatum}"


class Grondmotivering(models.Model):
    """Why a ground applies in this request: the text the besluit letter gives for it (Awb 3:46,
    7:12; for a relative ground of Woo art. 5.1.2 the weighing against openness)."""

    verzoek = models.ForeignKey(
        WooVerzoek, verbose_name=_("verzoek"), on_delete=models.CASCADE, related_name="grondmotiveringen"
    )
    grond = models.CharField(_("weigeringsgrond"), max_length=10)
    motivering = models.TextField(_("motivering"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("motivering per grond")
        verbose_name_plural = _("motiveringen per grond")
        ordering = ["verzoek", "grond"]
        constraints = [
            models.UniqueConstraint(fields=["verzoek", "grond"], name="grondmotivering_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.verzoek_id}: {self.grond}"
