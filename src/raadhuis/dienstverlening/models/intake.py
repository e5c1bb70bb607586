"""An intake in progress: the answers of a multi-step form, kept so the applicant can stop and
resume later; submitting it turns it into a case."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from raadhuis.dienstverlening.models.catalogus import Kanaal, Product
from raadhuis.dienstverlening.models.zaken import Zaak


class Aanvraag(models.Model):
    """Owned by the logged-in resident (BSN) or business (KvK), or by the employee doing an
    assisted intake. The random id is the only handle in a URL; the owner is checked on every step."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="aanvragen")
    kanaal = models.CharField(_("kanaal"), max_length=16, choices=Kanaal.choices)
    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=8, blank=True)
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Bij een aanvraag aan de balie, aan de telefoon of uit een brief."),
    )
    stap = models.CharField(_("stap"), max_length=40, blank=True)
    gegevens = models.JSONField(_("antwoorden"), default=dict, blank=True)
    taal = models.CharField(_("taal"), max_length=5, default="nl")
    aangemaakt_op = models.DateTimeField(_("begonnen op"), auto_now_add=True)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    zaak = models.OneToOneField(
        Zaak,
        verbose_name=_("zaak"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aanvraag",
    )

    class Meta:
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        ordering = ["-bijgewerkt_op"]
        indexes = [
            models.Index(fields=["bsn", "-bijgewerkt_op"], name="aanvraag_bsn"),
            models.Index(fields=["kvk_nummer", "-bijgewerkt_op"], name="aanvraag_kvk"),
        ]

    def __str__(self) -> str:
        return f"{self.product} ({self.get_kanaal_display()})"

    @property
    def is_ingediend(self) -> bool:
        return self.zaak_id is not None
