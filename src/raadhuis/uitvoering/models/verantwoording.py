"""Figures for the BBV indicators, and the reports generated from the agenda (mid-term review)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from raadhuis.uitvoering import bbv


class Kengetal(models.Model):
    """The entered figures behind one BBV indicator for one year. Append-only: a correction is a
    new row, the latest of a year counts."""

    soort = models.CharField(_("indicator"), max_length=20, choices=bbv.Soort.choices)
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    teller = models.DecimalField(_("teller"), max_digits=16, decimal_places=2)
    noemer = models.DecimalField(_("noemer"), max_digits=16, decimal_places=2)
    eenheid = models.CharField(_("eenheid"), max_length=40)
    peildatum = models.DateField(_("peildatum"))
    bron = models.CharField(_("bron"), max_length=300)
    demo = models.BooleanField(_("demogegevens"), default=False)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("kengetal")
        verbose_name_plural = _("kengetallen")
        ordering = ["jaar", "soort", "vastgelegd_op", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(teller__gte=0) & models.Q(noemer__gt=0),
                name="kengetal_positief",
                violation_error_message=_(
                    "De teller mag niet negatief zijn en de noemer moet groter dan nul zijn."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.jaar}"

    @property
    def definitie(self) -> bbv.Definitie:
        return bbv.DEFINITIES[self.soort]

    @property
    def waarde(self) -> Decimal | None:
        return bbv.berekenen(self.soort, teller=self.teller, noemer=self.noemer)


class MidTermReview(models.Model):
    """A generated mid-term review of an akkoord on a date, and the council paper it became."""

    akkoord = models.ForeignKey("uitvoering.Akkoord", on_delete=models.PROTECT, related_name="reviews")
    peildatum = models.DateField(_("peildatum"))
    stuk = models.ForeignKey(
        "besluitvorming.Stuk", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gemaakt_op = models.DateTimeField(_("gemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("mid-term review")
        verbose_name_plural = _("mid-term reviews")
        ordering = ["-peildatum", "-pk"]

    def __str__(self) -> str:
        return f"{self.akkoord} ({self.peildatum})"
