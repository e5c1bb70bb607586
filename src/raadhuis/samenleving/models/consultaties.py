"""Consultations (inspraak): a draft put out for reactions for a period, the reactions with their
moderation, and the nota van beantwoording published with the final decision.

Gemeentewet art. 150: the raad lays down in an inspraakverordening how residents and stakeholders
are heard on intended policy (verify locally: the Inspraakverordening of the municipality)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from raadhuis.core.opslag import prive_opslag


class Consultatie(models.Model):
    class Initiatiefnemer(models.TextChoices):
        COLLEGE = "college", _("College van burgemeester en wethouders")
        RAAD = "raad", _("Gemeenteraad")

    class Status(models.TextChoices):
        GEPLAND = "gepland", _("Gepland")
        OPEN = "open", _("Open voor reacties")
        GESLOTEN = "gesloten", _("Gesloten")
        AFGEROND = "afgerond", _("Afgerond")

    titel = models.CharField(_("titel"), max_length=200)
    samenvatting = models.TextField(_("samenvatting"))
    initiatiefnemer = models.CharField(_("wie consulteert"), max_length=16, choices=Initiatiefnemer.choices)
    begindatum = models.DateField(_("begindatum"))
    # The last day on which a reaction is accepted (inclusive).
    einddatum = models.DateField(_("einddatum"))
    contact = models.CharField(_("contact"), max_length=200)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    # The nota van beantwoording: its introduction, and the final decision it is published with.
    nota_inleiding = models.TextField(_("inleiding nota van beantwoording"), blank=True)
    besluit_omschrijving = models.TextField(_("het definitieve besluit"), blank=True)
    # A besluitvorming Besluit by its key ("besluit-<pk>"), kept as a string: samenleving never
    # reaches into besluitvorming's tables.
    besluit_sleutel = models.CharField(_("kenmerk besluit"), max_length=64, blank=True)
    besluit_url = models.URLField(_("link naar het besluit"), blank=True)
    nota_gepubliceerd_op = models.DateTimeField(_("nota gepubliceerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("consultatie")
        verbose_name_plural = _("consultaties")
        ordering = ["-begindatum", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(einddatum__gte=models.F("begindatum")),
                name="consultatie_einde_na_begin",
                violation_error_message=_("De einddatum ligt vóór de begindatum."),
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    def status_op(self, vandaag: dt.date) -> str:
        """Derived from the dates, never stored, so it cannot go stale."""
        if self.nota_gepubliceerd_op is not None:
            return self.Status.AFGEROND
        if vandaag < self.begindatum:
            return self.Status.GEPLAND
        if vandaag <= self.einddatum:
            return self.Status.OPEN
        return self.Status.GESLOTEN

    @property
    def status(self) -> str:
        return self.status_op(timezone.localdate())

    def get_status_display(self) -> str:
        return str(self.Status(self.status).label)


class Consultatiedocument(models.Model):
    """A draft (policy, verordening) or annex; stored privately and served by a view."""

    consultatie = models.ForeignKey(Consultatie, on_delete=models.CASCADE, related_name="documenten")
    titel = models.CharField(_("titel"), max_length=200)
    bestand = models.FileField(_("bestand"), upload_to="consultaties/%Y/", storage=prive_opslag)
    bestandsnaam = models.CharField(max_length=255, blank=True)
    mediatype = models.CharField(max_length=120, blank=True)
    toegevoegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consultatiedocument")
        verbose_name_plural = _("consultatiedocumenten")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.titel


class Reactie(models.Model):
    """A reaction. Name and e-mail are personal data (AVG art. 4): used to confirm receipt and to
    name the reactor publicly only when they chose so; the address is wiped when the nota van
    beantwoording is published (AVG art. 5 lid 1 sub c and e)."""

    class Moderatie(models.TextChoices):
        TE_BEOORDELEN = "te_beoordelen", _("Te beoordelen")
        GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
        VERBORGEN = "verborgen", _("Verborgen")

    consultatie = models.ForeignKey(Consultatie, on_delete=models.CASCADE, related_name="reacties")
    naam = models.CharField(_("naam"), max_length=120)
    emailadres = models.EmailField(_("e-mailadres"), blank=True)
    organisatie = models.CharField(_("organisatie"), max_length=160, blank=True)
    tekst = models.TextField(_("reactie"))
    openbaar = models.BooleanField(_("reactie openbaar"), default=False)
    naam_tonen = models.BooleanField(_("naam tonen"), default=False)
    ingediend_op = models.DateTimeField(_("ingediend op"), auto_now_add=True)
    moderatie = models.CharField(
        _("moderatie"), max_length=16, choices=Moderatie.choices, default=Moderatie.TE_BEOORDELEN
    )
    moderatie_reden = models.CharField(_("reden"), max_length=300, blank=True)
    beoordeeld_op = models.DateTimeField(null=True, blank=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The answer in the nota van beantwoording, grouped by theme.
    thema = models.CharField(_("thema"), max_length=120, blank=True)
    antwoord = models.TextField(_("antwoord"), blank=True)
    ontwerp_gewijzigd = models.BooleanField(_("ontwerp aangepast"), default=False)

    class Meta:
        verbose_name = _("reactie op een consultatie")
        verbose_name_plural = _("reacties op consultaties")
        ordering = ["ingediend_op", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(openbaar=True) | models.Q(naam_tonen=False),
                name="reactie_naam_alleen_bij_openbaar",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.consultatie}: {self.ingediend_op:%d-%m-%Y}"

    @property
    def publiek_zichtbaar(self) -> bool:
        return self.openbaar and self.moderatie == self.Moderatie.GOEDGEKEURD

    @property
    def afzender_publiek(self) -> str:
        """How the reactor is named in public: only with their consent."""
        if not self.naam_tonen:
            return str(_("Anonieme inzender"))
        return f"{self.naam} ({self.organisatie})" if self.organisatie else self.naam
