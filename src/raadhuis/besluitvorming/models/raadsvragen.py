"""Raadsvragen: written questions by council members to the college (Gemeentewet art. 155), their
answer term from the Reglement van Orde, the draft and final answer, and the e-mail notices about them."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from raadhuis.besluitvorming.models.abonnementen import Abonnement
from raadhuis.besluitvorming.models.organen import Fractie, Persoon
from raadhuis.besluitvorming.models.registers import Toezegging
from raadhuis.besluitvorming.models.vergaderingen import Agendapunt, Gewijzigd

EENHEDEN = [
    ("dagen", _("dagen")),
    ("weken", _("weken")),
    ("werkdagen", _("werkdagen")),
]


class Raadsvragenregeling(models.Model):
    """The answer term the griffie keeps in the database, from the local Reglement van Orde (the VNG
    model gives 30 days; the article number varies, verify locally). One row; a question keeps the
    term that applied when it was submitted."""

    antwoordtermijn = models.PositiveSmallIntegerField(_("antwoordtermijn"), default=30)
    eenheid = models.CharField(_("eenheid"), max_length=12, choices=EENHEDEN, default="dagen")
    grondslag = models.CharField(_("grondslag"), max_length=200, default="Reglement van Orde voor de raad")
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("regeling raadsvragen")
        verbose_name_plural = _("regelingen raadsvragen")
        constraints = [
            models.CheckConstraint(
                condition=Q(antwoordtermijn__gte=1) & Q(antwoordtermijn__lte=365),
                name="raadsvragenregeling_termijn_redelijk",
                violation_error_message=_("De antwoordtermijn ligt tussen 1 en 365."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.antwoordtermijn} {self.get_eenheid_display()}"


class Raadsvraag(Gewijzigd):
    """A set of written questions by one or more raadsleden to the college (Gemeentewet art. 155 lid 1:
    members may put oral and written questions to the college and the burgemeester; the answer term is
    the Reglement van Orde's)."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        INGEDIEND = "ingediend", _("ingediend")
        IN_BEHANDELING = "in_behandeling", _("in behandeling")
        BEANTWOORD = "beantwoord", _("beantwoord")
        INGETROKKEN = "ingetrokken", _("ingetrokken")

    # Still waiting for the college's answer: the answer term runs.
    OPEN = (Status.INGEDIEND, Status.IN_BEHANDELING)

    kenmerk = models.CharField(_("kenmerk"), max_length=20, blank=True)
    jaar = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True)
    volgnummer = models.PositiveIntegerField(_("volgnummer"), null=True, blank=True)
    onderwerp = models.CharField(_("onderwerp"), max_length=300)
    inleiding = models.TextField(_("inleiding"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.CONCEPT)
    ingediend_op = models.DateField(_("ingediend op"), null=True, blank=True)
    portefeuillehouder = models.ForeignKey(
        Persoon,
        verbose_name=_("portefeuillehouder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="te_beantwoorden_raadsvragen",
    )
    # The term of the regeling on the day of submission, so a later change does not move old deadlines.
    termijn_aantal = models.PositiveSmallIntegerField(_("antwoordtermijn"), null=True, blank=True)
    termijn_eenheid = models.CharField(_("eenheid"), max_length=12, choices=EENHEDEN, blank=True)
    uitstel_aantal = models.PositiveSmallIntegerField(_("uitstel"), null=True, blank=True)
    uitstel_eenheid = models.CharField(_("eenheid uitstel"), max_length=12, choices=EENHEDEN, blank=True)
    uitstel_reden = models.TextField(_("reden van uitstel"), blank=True)
    # Computed with core.termijnen.bereken_termijn on submission and on uitstel (services.raadsvragen).
    uiterste_datum = models.DateField(_("uiterste antwoorddatum"), null=True, blank=True)
    # Only the college and the griffie see the draft (rechten.RAADSVRAAG_CONCEPTANTWOORD_INZIEN).
    concept_antwoord = models.TextField(_("conceptantwoord"), blank=True)
    antwoord = models.TextField(_("antwoord van het college"), blank=True)
    beantwoord_op = models.DateField(_("antwoord verzonden op"), null=True, blank=True)
    ingetrokken_op = models.DateField(_("ingetrokken op"), null=True, blank=True)
    agendapunten = models.ManyToManyField(
        Agendapunt, verbose_name=_("agendapunten"), blank=True, related_name="raadsvragen"
    )
    toezeggingen = models.ManyToManyField(
        Toezegging, verbose_name=_("toezeggingen"), blank=True, related_name="raadsvragen"
    )

    class Meta:
        verbose_name = _("raadsvraag")
        verbose_name_plural = _("raadsvragen")
        ordering = ["-ingediend_op", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kenmerk"], condition=~Q(kenmerk=""), name="raadsvraag_kenmerk_uniek"
            ),
            models.UniqueConstraint(
                fields=["jaar", "volgnummer"],
                condition=Q(volgnummer__isnull=False),
                name="raadsvraag_volgnummer_uniek_per_jaar",
            ),
            models.CheckConstraint(
                condition=Q(status="concept") | Q(ingediend_op__isnull=False, uiterste_datum__isnull=False),
                name="raadsvraag_ingediend_met_termijn",
            ),
            models.CheckConstraint(
                condition=~Q(status="beantwoord") | Q(beantwoord_op__isnull=False),
                name="raadsvraag_beantwoord_met_datum",
            ),
        ]
        indexes = [models.Index(fields=["status", "uiterste_datum"])]

    def __str__(self) -> str:
        return f"{self.kenmerk} {self.onderwerp}" if self.kenmerk else self.onderwerp

    @property
    def is_openbaar(self) -> bool:
        """A concept is the members' own draft and never public."""
        return self.status != self.Status.CONCEPT

    def te_laat_op(self, op: dt.date) -> bool:
        """Overdue: still unanswered after the last day of the term. Computed, never stored."""
        return self.status in self.OPEN and self.uiterste_datum is not None and self.uiterste_datum < op

    def dagen_te_laat_op(self, op: dt.date) -> int:
        if not self.te_laat_op(op) or self.uiterste_datum is None:
            return 0
        return (op - self.uiterste_datum).days


class Deelvraag(models.Model):
    """One numbered question of a submission."""

    raadsvraag = models.ForeignKey(Raadsvraag, on_delete=models.CASCADE, related_name="vragen")
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    tekst = models.TextField(_("vraag"))

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["raadsvraag", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["raadsvraag", "nummer"], name="deelvraag_nummer_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.tekst[:60]}"


class Vraagsteller(models.Model):
    """A raadslid who puts the question, with their fractie on the day of submission (kept, so a later
    change of fractie does not rewrite history)."""

    raadsvraag = models.ForeignKey(Raadsvraag, on_delete=models.CASCADE, related_name="indieners")
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="raadsvragen")
    fractie = models.ForeignKey(Fractie, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    eerste = models.BooleanField(_("eerste indiener"), default=False)

    class Meta:
        verbose_name = _("indiener")
        verbose_name_plural = _("indieners")
        ordering = ["raadsvraag", "-eerste", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["raadsvraag", "persoon"], name="vraagsteller_eenmaal"),
        ]

    def __str__(self) -> str:
        return str(self.persoon)


class Raadsvraagmelding(models.Model):
    """A notice about a question sent to a subscriber, so a repeated task sends nothing twice."""

    class Soort(models.TextChoices):
        INGEDIEND = "ingediend", _("nieuwe raadsvraag")
        BEANTWOORD = "beantwoord", _("antwoord op raadsvraag")

    abonnement = models.ForeignKey(Abonnement, on_delete=models.CASCADE, related_name="raadsvraagmeldingen")
    raadsvraag = models.ForeignKey(Raadsvraag, on_delete=models.CASCADE, related_name="meldingen")
    soort = models.CharField(max_length=12, choices=Soort.choices)
    verstuurd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["abonnement", "raadsvraag", "soort"], name="raadsvraagmelding_eenmaal"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.verstuurd_op:%d-%m-%Y %H:%M})"
