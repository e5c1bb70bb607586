"""The toezeggingen register: what the college promised the raad, by when, and how it was kept."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from raadhuis.besluitvorming.models.organen import Persoon
from raadhuis.besluitvorming.models.vergaderingen import Agendapunt, Vergadering


class Toezegging(models.Model):
    """A commitment by the college or a wethouder to the raad (Gemeentewet art. 169: the college is
    accountable and gives the raad the information it needs)."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        AFGEDAAN = "afgedaan", _("afgedaan")
        VERVALLEN = "vervallen", _("vervallen")

    vergadering = models.ForeignKey(Vergadering, on_delete=models.PROTECT, related_name="toezeggingen")
    agendapunt = models.ForeignKey(
        Agendapunt, on_delete=models.SET_NULL, null=True, blank=True, related_name="toezeggingen"
    )
    portefeuillehouder = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="toezeggingen")
    tekst = models.TextField(_("toezegging"))
    uiterste_datum = models.DateField(_("uiterste datum"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    antwoord = models.TextField(_("afdoening"), blank=True)
    afgedaan_op = models.DateField(_("afgedaan op"), null=True, blank=True)

    class Meta:
        verbose_name = _("toezegging")
        verbose_name_plural = _("toezeggingen")
        ordering = ["uiterste_datum"]

    def __str__(self) -> str:
        return self.tekst[:80]
