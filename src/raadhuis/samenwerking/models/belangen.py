"""The gemeente's interests in a party: who represents it (bestuurlijk belang, BBV art. 1 lid 1 d),
what it pays and risks (financieel belang, art. 1 lid 1 c; art. 15 lid 3 c-e), and the risks that
count in the weerstandsvermogen (art. 11)."""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from raadhuis.samenwerking.models.register import Samenwerkingsverband


def _bedrag(naam: Any) -> Any:
    """An amount in euros, optional (not every figure is known for every year)."""
    return models.DecimalField(naam, max_digits=14, decimal_places=2, null=True, blank=True)


class Vertegenwoordiging(models.Model):
    """A seat of the gemeente in a body of the party, held by one person over a period."""

    class Bestuursorgaan(models.TextChoices):
        AB = "ab", _("algemeen bestuur")
        DB = "db", _("dagelijks bestuur")
        BESTUURSCOMMISSIE = "bestuurscommissie", _("bestuurscommissie")
        AVA = "ava", _("algemene vergadering van aandeelhouders")
        RVC = "rvc", _("raad van commissarissen")
        OVERIG = "overig", _("overig")

    verband = models.ForeignKey(
        Samenwerkingsverband, on_delete=models.CASCADE, related_name="vertegenwoordigingen"
    )
    bestuursorgaan = models.CharField(_("bestuursorgaan"), max_length=20, choices=Bestuursorgaan.choices)
    zetel = models.CharField(
        _("zetel"), max_length=100, default="1", help_text=_("Welke zetel van de gemeente.")
    )
    # A person from the council's public record, or just a name (an official, an external member).
    persoon = models.ForeignKey(
        "besluitvorming.Persoon",
        verbose_name=_("persoon"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    naam = models.CharField(_("naam"), max_length=200, blank=True)
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    stemgewicht = models.CharField(_("stemgewicht"), max_length=60, blank=True)
    begin = models.DateField(_("begin"))
    einde = models.DateField(_("einde"), null=True, blank=True)

    class Meta:
        verbose_name = _("vertegenwoordiging")
        verbose_name_plural = _("vertegenwoordigingen")
        ordering = ["bestuursorgaan", "zetel", "-begin"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einde__isnull=True) | Q(einde__gte=models.F("begin")),
                name="vertegenwoordiging_periode_geldig",
                violation_error_message=_("Het einde ligt vóór het begin."),
            ),
            models.CheckConstraint(
                condition=Q(persoon__isnull=False) | ~Q(naam=""),
                name="vertegenwoordiging_heeft_iemand",
                violation_error_message=_("Kies een persoon of vul een naam in."),
            ),
        ]

    def __str__(self) -> str:
        return self.wie

    @property
    def wie(self) -> str:
        return str(self.persoon) if self.persoon_id else self.naam


class Jaarcijfers(models.Model):
    """The financieel belang in one year: the gemeente's contribution and share, and the party's
    figures BBV art. 15 lid 3 c-e asks for (vermogen at the start and end of the year, result)."""

    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="jaarcijfers")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    bijdrage_begroot = _bedrag(_("bijdrage begroot (€)"))
    bijdrage_werkelijk = _bedrag(_("bijdrage werkelijk (€)"))
    aandeel = models.DecimalField(
        _("aandeel (%)"),
        max_digits=6,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    garanties = _bedrag(_("garanties en borgstellingen (€)"))
    eigen_vermogen_begin = _bedrag(_("eigen vermogen 1 januari (€)"))
    eigen_vermogen_eind = _bedrag(_("eigen vermogen 31 december (€)"))
    vreemd_vermogen_begin = _bedrag(_("vreemd vermogen 1 januari (€)"))
    vreemd_vermogen_eind = _bedrag(_("vreemd vermogen 31 december (€)"))
    resultaat_verwacht = _bedrag(_("verwacht resultaat (€)"))
    resultaat_werkelijk = _bedrag(_("werkelijk resultaat (€)"))
    toelichting = models.TextField(_("toelichting"), blank=True)
    demo = models.BooleanField(_("gegenereerde democijfers"), default=False)

    class Meta:
        verbose_name = _("jaarcijfers")
        verbose_name_plural = _("jaarcijfers")
        ordering = ["verband__naam", "jaar"]
        constraints = [
            models.UniqueConstraint(fields=["verband", "jaar"], name="jaarcijfers_eenmaal_per_jaar")
        ]

    def __str__(self) -> str:
        return f"{self.verband} {self.jaar}"


class Risico(models.Model):
    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="risicos")
    omschrijving = models.TextField(_("omschrijving"))
    kans = models.PositiveSmallIntegerField(
        _("kans (1-5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    impact = models.PositiveSmallIntegerField(
        _("impact (1-5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    beheersmaatregelen = models.TextField(_("beheersmaatregelen"), blank=True)
    bedrag_weerstandsvermogen = _bedrag(_("bedrag in weerstandsvermogen (€)"))
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("risico")
        verbose_name_plural = _("risico's")
        ordering = ["-kans", "-impact"]

    def __str__(self) -> str:
        return self.omschrijving[:60]


class Paragraaftekst(models.Model):
    """BBV art. 15 lid 1: the visie on and the beleidsvoornemens about verbonden partijen, per year
    and document (begroting, or jaarverslag which repeats the paragraaf with realised figures)."""

    class Document(models.TextChoices):
        BEGROTING = "begroting", _("begroting")
        JAARVERSLAG = "jaarverslag", _("jaarverslag")

    jaar = models.PositiveSmallIntegerField(_("jaar"))
    document = models.CharField(_("document"), max_length=12, choices=Document.choices)
    visie = models.TextField(_("visie op verbonden partijen"), blank=True)
    beleidsvoornemens = models.TextField(_("beleidsvoornemens"), blank=True)

    class Meta:
        verbose_name = _("paragraaftekst")
        verbose_name_plural = _("paragraafteksten")
        constraints = [
            models.UniqueConstraint(fields=["jaar", "document"], name="paragraaftekst_eenmaal_per_jaar")
        ]

    def __str__(self) -> str:
        return f"{self.get_document_display()} {self.jaar}"
