"""Models of dienstverlening: the product catalogue (PDC), each product tied to its UPL name."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from raadhuis.core.digitale_dienst import Doelgroep
from raadhuis.core.identiteit import Betrouwbaarheidsniveau
from raadhuis.dienstverlening.upl import upl_product, valideer_upl_naam


class Niveau(models.IntegerChoices):
    """eIDAS levels of assurance (core.identiteit.Betrouwbaarheidsniveau), as stored."""

    LAAG = Betrouwbaarheidsniveau.LAAG.value, _("laag")
    SUBSTANTIEEL = Betrouwbaarheidsniveau.SUBSTANTIEEL.value, _("substantieel")
    HOOG = Betrouwbaarheidsniveau.HOOG.value, _("hoog")


class DoelgroepKeuze(models.TextChoices):
    INWONER = Doelgroep.INWONER.value, _("inwoners (DigiD)")
    ONDERNEMER = Doelgroep.ONDERNEMER.value, _("ondernemers (eHerkenning)")
    BEIDE = Doelgroep.BEIDE.value, _("inwoners en ondernemers")


class Product(models.Model):
    """A product or service of the municipality, with the level of assurance its digital channel
    needs (Wdo: each digital service is classified at an eIDAS level)."""

    naam = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam in de URL"), max_length=80, unique=True)
    upl_naam = models.CharField(
        _("UPL-naam"),
        max_length=200,
        validators=[valideer_upl_naam],
        help_text=_("De naam in de Uniforme Productnamenlijst, bijvoorbeeld 'verhuismelding'."),
    )
    doelgroep = models.CharField(_("doelgroep"), max_length=16, choices=DoelgroepKeuze.choices)
    minimum_betrouwbaarheidsniveau = models.PositiveSmallIntegerField(
        _("minimaal betrouwbaarheidsniveau"),
        choices=Niveau.choices,
        help_text=_(
            "Het eIDAS-niveau waarop iemand moet zijn ingelogd om deze dienst digitaal te gebruiken."
        ),
    )
    niveau_toelichting = models.TextField(
        _("waarom dit niveau"),
        blank=True,
        help_text=_("Uitleg voor wie op een te laag niveau is ingelogd; leeg: een algemene uitleg."),
    )
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("producten")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum_betrouwbaarheidsniveau__in=Niveau.values),
                name="product_niveau_bekend",
            ),
            models.CheckConstraint(
                condition=models.Q(doelgroep__in=DoelgroepKeuze.values), name="product_doelgroep_bekend"
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def minimum_niveau(self) -> Betrouwbaarheidsniveau:
        return Betrouwbaarheidsniveau(self.minimum_betrouwbaarheidsniveau)

    @property
    def doelgroep_enum(self) -> Doelgroep:
        return Doelgroep(self.doelgroep)

    @property
    def upl_uri(self) -> str:
        gevonden = upl_product(self.upl_naam)
        return gevonden.uri if gevonden else ""
