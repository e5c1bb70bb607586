"""The product catalogue (PDC): products tied to their UPL name, with leges per year and channels."""

from __future__ import annotations

from django.core.exceptions import ValidationError
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


class Kanaal(models.TextChoices):
    """The channels of the seed ("digitaal waar het kan, persoonlijk waar nodig"): a case records the
    one it came in on (ZGW Zaak.communicatiekanaal)."""

    DIGITAAL = "digitaal", _("digitaal")
    BALIE = "balie", _("aan de balie")
    TELEFOON = "telefoon", _("telefonisch")
    SCHRIFTELIJK = "schriftelijk", _("schriftelijk")


def valideer_kanalen(waarde: object) -> None:
    if not isinstance(waarde, list) or any(kanaal not in Kanaal.values for kanaal in waarde):
        raise ValidationError(_("Kies alleen bekende kanalen."), code="kanaal")


class Formulier(models.TextChoices):
    """The intake form a product starts: each asks what that product needs and checks its rules."""

    VERHUIZING = "verhuizing", _("verhuizing")
    OVERLIJDEN = "overlijden", _("aangifte overlijden")
    HUWELIJK = "huwelijk", _("melding voorgenomen huwelijk of partnerschap")
    REISDOCUMENT = "reisdocument", _("paspoort of identiteitskaart")
    RIJBEWIJS = "rijbewijs", _("rijbewijs")
    UITTREKSEL = "uittreksel", _("uittreksel BRP")
    VRAAG = "vraag", _("vraag")


class Product(models.Model):
    """A product or service of the municipality, with the level of assurance its digital channel
    needs (Wdo: each digital service is classified at an eIDAS level)."""

    naam = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam in de URL"), max_length=80, unique=True)
    upl_naam = models.CharField(
        _("UPL-naam"),
        max_length=200,
        validators=[valideer_upl_naam],
        blank=True,
        help_text=_(
            "De naam in de Uniforme Productnamenlijst, bijvoorbeeld 'verhuismelding'; leeg voor een dienst "
            "die daar niet in staat, zoals een vraag stellen."
        ),
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
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    voorwaarden = models.TextField(_("voorwaarden"), blank=True)
    wettelijke_grondslag = models.CharField(
        _("wettelijke grondslag"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld 'Wet BRP art. 2.39'."),
    )
    kanalen = models.JSONField(
        _("kanalen"),
        default=list,
        blank=True,
        validators=[valideer_kanalen],
        help_text=_("De kanalen waarop iemand dit product kan aanvragen."),
    )
    baliebezoek_nodig = models.BooleanField(
        _("baliebezoek nodig"),
        default=False,
        help_text=_("Bijvoorbeeld voor vingerafdrukken en handtekening bij een reisdocument."),
    )
    formulier = models.CharField(_("aanvraagformulier"), max_length=20, choices=Formulier.choices, blank=True)
    zaaktype = models.ForeignKey(
        "dienstverlening.Zaaktype",
        verbose_name=_("zaaktype"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="producten",
        help_text=_("Het soort zaak dat een aanvraag van dit product start."),
    )

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


class Tarief(models.Model):
    """Leges for one year (legesverordening); `demo` marks amounts that are examples, not the
    municipality's own tariffs."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="tarieven")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    bedrag = models.DecimalField(_("bedrag"), max_digits=8, decimal_places=2)
    demo = models.BooleanField(_("voorbeeldbedrag"), default=False)

    class Meta:
        verbose_name = _("tarief")
        verbose_name_plural = _("tarieven")
        ordering = ["product", "-jaar", "omschrijving"]
        constraints = [
            models.UniqueConstraint(fields=["product", "jaar", "omschrijving"], name="tarief_uniek"),
            models.CheckConstraint(condition=models.Q(bedrag__gte=0), name="tarief_niet_negatief"),
        ]

    def __str__(self) -> str:
        return f"{self.product} {self.jaar}: {self.omschrijving}"
