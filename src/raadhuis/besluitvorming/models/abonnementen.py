"""E-mail notifications: residents subscribe to new agendas and decisions of one body or of all."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from raadhuis.besluitvorming.models.organen import Orgaan
from raadhuis.besluitvorming.models.vergaderingen import Vergadering


class Abonnement(models.Model):
    """A subscription by e-mail address, confirmed by a link in a mail (double opt-in) before anything
    is sent: an address is personal data (AVG art. 4), processed on consent (art. 6 lid 1 sub a) that
    is proven by the confirmation and withdrawn with one click (art. 7 lid 3)."""

    emailadres = models.EmailField(_("e-mailadres"))
    # None: every body (raad, commissies, college).
    orgaan = models.ForeignKey(
        Orgaan, on_delete=models.CASCADE, null=True, blank=True, related_name="abonnementen"
    )
    agendas = models.BooleanField(_("nieuwe agenda's"), default=True)
    besluiten = models.BooleanField(_("besluitenlijsten"), default=True)
    # New raadsvragen and their answers (Gemeentewet art. 155); not tied to a body.
    raadsvragen = models.BooleanField(_("raadsvragen"), default=False)
    taal = models.CharField(_("taal"), max_length=8, default="nl")
    # Random per subscription; the links carry an HMAC of it under SECRET_KEY (services.abonnementen),
    # so a copy of the database alone cannot confirm or cancel anyone's subscription.
    nonce = models.CharField(max_length=64)
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"))
    bevestigd_op = models.DateTimeField(_("bevestigd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("abonnement op meldingen")
        verbose_name_plural = _("abonnementen op meldingen")
        constraints = [
            models.UniqueConstraint(
                fields=["emailadres", "orgaan"], name="abonnement_uniek_per_adres_en_orgaan"
            ),
            models.UniqueConstraint(
                fields=["emailadres"],
                condition=models.Q(orgaan__isnull=True),
                name="abonnement_uniek_per_adres_voor_alles",
            ),
            models.CheckConstraint(
                condition=models.Q(agendas=True) | models.Q(besluiten=True) | models.Q(raadsvragen=True),
                name="abonnement_op_iets",
                violation_error_message=_("Kies agenda's, besluitenlijsten, raadsvragen of een combinatie."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.emailadres} ({self.orgaan or _('alle organen')})"


class Melding(models.Model):
    """A notification sent, so a task run twice (at-least-once delivery) sends nothing twice."""

    class Soort(models.TextChoices):
        AGENDA = "agenda", _("nieuwe agenda")
        BESLUITEN = "besluiten", _("besluitenlijst")

    abonnement = models.ForeignKey(Abonnement, on_delete=models.CASCADE, related_name="meldingen")
    vergadering = models.ForeignKey(Vergadering, on_delete=models.CASCADE, related_name="meldingen")
    soort = models.CharField(max_length=12, choices=Soort.choices)
    verstuurd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["abonnement", "vergadering", "soort"], name="melding_eenmaal"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.verstuurd_op:%d-%m-%Y %H:%M})"
