"""Core models: the organisation that runs the platform."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from raadhuis.core import tooi
from raadhuis.core.validators import valideer_tooi_organisatiecode


class Organisatie(models.Model):
    """The municipality (or other body) running this platform; exactly one row (pk 1)."""

    tooi_code = models.CharField(
        _("TOOI-code"),
        max_length=16,
        validators=[valideer_tooi_organisatiecode],
        help_text=_("De code van de organisatie in de TOOI-lijsten, bijvoorbeeld gm1926."),
    )
    naam = models.CharField(_("naam"), max_length=200)
    logo = models.FileField(_("logo"), upload_to="organisatie/", blank=True)
    bezoekadres = models.TextField(_("bezoekadres"), blank=True)
    postadres = models.TextField(_("postadres"), blank=True)
    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    emailadres = models.EmailField(_("e-mailadres"), blank=True)
    website = models.URLField(_("website"), blank=True)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisatie")
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="organisatie_enkelvoudig")]

    def __str__(self) -> str:
        return self.naam

    @property
    def tooi_uri(self) -> str:
        bekend = tooi.organisatie(self.tooi_code)
        return bekend.uri if bekend else ""
