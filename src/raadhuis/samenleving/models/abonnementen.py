"""E-mail notifications of samenleving: new consultations, notas van beantwoording, new petitions."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Abonnement(models.Model):
    """A subscription by e-mail address, confirmed by a link in a mail (double opt-in) before anything
    is sent (AVG art. 6 lid 1 sub a, consent; art. 7 lid 3, withdrawn with one click)."""

    emailadres = models.EmailField(_("e-mailadres"), unique=True)
    consultaties = models.BooleanField(_("consultaties"), default=True)
    petities = models.BooleanField(_("petities"), default=True)
    taal = models.CharField(_("taal"), max_length=8, default="nl")
    nonce = models.CharField(max_length=64)
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"))
    bevestigd_op = models.DateTimeField(_("bevestigd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("abonnement op meldingen over meedoen")
        verbose_name_plural = _("abonnementen op meldingen over meedoen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consultaties=True) | models.Q(petities=True),
                name="samenleving_abonnement_op_iets",
                violation_error_message=_("Kies consultaties, petities of allebei."),
            ),
        ]

    def __str__(self) -> str:
        return self.emailadres


class Melding(models.Model):
    """A notification sent for one event (its key), so each event reaches a subscriber once."""

    abonnement = models.ForeignKey(Abonnement, on_delete=models.CASCADE, related_name="meldingen")
    sleutel = models.CharField(max_length=120)
    verstuurd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["abonnement", "sleutel"], name="samenleving_melding_eenmaal"),
        ]

    def __str__(self) -> str:
        return self.sleutel
