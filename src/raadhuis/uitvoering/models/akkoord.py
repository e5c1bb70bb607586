"""The top of the chain: the raadsakkoord, its ambities, programmadoelen with their indicators, and
the council's assignments to the college."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from raadhuis.core import iv3


class Akkoord(models.Model):
    """A raadsakkoord (or coalitieakkoord) for a council term: what the council wants achieved."""

    titel = models.CharField(_("titel"), max_length=300)
    slug = models.SlugField(_("korte naam in webadressen"), max_length=80, unique=True)
    periode_van = models.DateField(_("periode van"))
    periode_tot = models.DateField(_("periode tot en met"))
    vastgesteld_op = models.DateField(_("vastgesteld op"), null=True, blank=True)
    # The fracties that wrote and carried it; a string reference, so no import of besluitvorming.
    fracties = models.ManyToManyField(
        "besluitvorming.Fractie", verbose_name=_("gedragen door fracties"), blank=True, related_name="+"
    )
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    openbaar = models.BooleanField(_("openbaar"), default=True)

    class Meta:
        verbose_name = _("akkoord")
        verbose_name_plural = _("akkoorden")
        ordering = ["-periode_van"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(periode_tot__gte=models.F("periode_van")),
                name="akkoord_periode_oplopend",
                violation_error_message=_("Het einde van de periode ligt vóór het begin."),
            )
        ]

    def __str__(self) -> str:
        return self.titel


class Ambitie(models.Model):
    akkoord = models.ForeignKey(Akkoord, on_delete=models.CASCADE, related_name="ambities")
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    titel = models.CharField(_("titel"), max_length=300)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    openbaar = models.BooleanField(_("openbaar"), default=True)

    class Meta:
        verbose_name = _("ambitie")
        verbose_name_plural = _("ambities")
        ordering = ["akkoord", "nummer", "pk"]

    def __str__(self) -> str:
        return self.titel


class Opdracht(models.Model):
    """An assignment the council gives the college in the akkoord ("opdracht aan het college")."""

    ambitie = models.ForeignKey(Ambitie, on_delete=models.CASCADE, related_name="opdrachten")
    tekst = models.TextField(_("opdracht"))
    uiterlijk = models.DateField(_("uiterlijk gereed"), null=True, blank=True)
    openbaar = models.BooleanField(_("openbaar"), default=True)

    class Meta:
        verbose_name = _("opdracht aan het college")
        verbose_name_plural = _("opdrachten aan het college")
        ordering = ["ambitie", "pk"]

    def __str__(self) -> str:
        return self.tekst[:80]


class Programmadoel(models.Model):
    """A goal of a begrotingsprogramma (BBV art. 8 lid 3: "wat willen we bereiken"), booked on one
    of the programme's Iv3 taakvelden (BBV art. 8 lid 5)."""

    ambitie = models.ForeignKey(Ambitie, on_delete=models.PROTECT, related_name="doelen")
    programma = models.ForeignKey(
        "core.Begrotingsprogramma", on_delete=models.PROTECT, related_name="+", verbose_name=_("programma")
    )
    taakveld = models.CharField(_("Iv3-taakveld"), max_length=10)
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    titel = models.CharField(_("titel"), max_length=300)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    openbaar = models.BooleanField(_("openbaar"), default=True)

    class Meta:
        verbose_name = _("programmadoel")
        verbose_name_plural = _("programmadoelen")
        ordering = ["programma__nummer", "nummer", "pk"]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.titel}"

    @property
    def taakveld_naam(self) -> str:
        gevonden = iv3.taakveld(self.taakveld)
        return str(gevonden) if gevonden else self.taakveld


class Indicator(models.Model):
    """A beleidsindicator of a programmadoel: what is measured, in which unit, from which source."""

    doel = models.ForeignKey(Programmadoel, on_delete=models.CASCADE, related_name="indicatoren")
    naam = models.CharField(_("naam"), max_length=200)
    eenheid = models.CharField(_("eenheid"), max_length=40)
    bron = models.CharField(_("bron"), max_length=200, blank=True)
    openbaar = models.BooleanField(_("openbaar"), default=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["doel", "naam", "pk"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.eenheid})"


class Streefwaarde(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="streefwaarden")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    waarde = models.DecimalField(_("streefwaarde"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("streefwaarde")
        verbose_name_plural = _("streefwaarden")
        ordering = ["indicator", "jaar"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "jaar"], name="streefwaarde_eenmaal_per_jaar")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.jaar}: {self.waarde}"
