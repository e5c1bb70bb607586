"""Wgr procedures the raad takes part in: a step of a GR's P&C cycle or an amendment of the regeling,
with the raad's zienswijze and its place on the council agenda."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from raadhuis.samenwerking.models.register import Samenwerkingsverband


class Wgrprocedure(models.Model):
    class Soort(models.TextChoices):
        ONTWERPBEGROTING = "ontwerpbegroting", _("ontwerpbegroting (Wgr art. 35)")
        BEGROTINGSWIJZIGING = "begrotingswijziging", _("begrotingswijziging (Wgr art. 35)")
        KADERBRIEF = "kaderbrief", _("kaderbrief en voorlopige jaarrekening (Wgr art. 34b)")
        JAARREKENING = "jaarrekening", _("jaarrekening (Wgr art. 34)")
        REGELINGWIJZIGING = "regelingwijziging", _("wijziging van de regeling (Wgr art. 1)")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        GEAGENDEERD = "geagendeerd", _("geagendeerd")
        AFGEROND = "afgerond", _("afgerond")

    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="procedures")
    soort = models.CharField(_("soort"), max_length=24, choices=Soort.choices)
    # The begrotingsjaar of a begroting, the boekjaar of a jaarrekening.
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    titel = models.CharField(_("titel"), max_length=300)
    ontvangen_op = models.DateField(_("ontvangen door de raad op"), null=True, blank=True)
    ab_vergadering = models.DateField(_("vergadering algemeen bestuur"), null=True, blank=True)
    concept_zienswijze = models.TextField(_("concept-zienswijze"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    # The item on the council agenda (besluitvorming); only its id, read through besluitvorming.
    agendapunt = models.ForeignKey(
        "besluitvorming.Agendapunt",
        verbose_name=_("agendapunt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    herinnering_verstuurd_op = models.DateTimeField(_("herinnering verstuurd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("Wgr-procedure")
        verbose_name_plural = _("Wgr-procedures")
        ordering = ["ab_vergadering", "ontvangen_op", "pk"]

    def __str__(self) -> str:
        return self.titel
