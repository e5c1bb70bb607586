"""Maatschappelijke partners: the organisations the gemeente works with, their contact persons,
the convenanten it signs with them and the subsidies it grants them other than by beschikking.

Contact persons are personal data (AVG art. 4 lid 1): only employees who manage partners see them,
never a public page; every change is logged (core.logboek). They are kept while the partner is
a partner and removed with it (retention: see the register entry "partner-contactpersonen").
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from raadhuis.core.opslag import prive_opslag

# The partner model's field validator (its migration names it here).
from raadhuis.core.validators import valideer_kvk_nummer


class Partnersoort(models.TextChoices):
    MAATSCHAPPELIJK = "maatschappelijk", _("maatschappelijke organisatie")
    WELZIJN = "welzijn", _("welzijnsorganisatie")
    ZORG = "zorg", _("zorg")
    ONDERWIJS = "onderwijs", _("onderwijs")
    WONINGCORPORATIE = "woningcorporatie", _("woningcorporatie")
    ONDERNEMERS = "ondernemers", _("ondernemersvereniging")
    ONDERNEMING = "onderneming", _("onderneming")
    SPORT_CULTUUR = "sport_cultuur", _("sport en cultuur")
    OVERIG = "overig", _("overig")


class Openbaarmaking(models.TextChoices):
    """Whether a convenant or subsidieverplichting is in the publication register (Woo art. 3.3)."""

    CONCEPT = "concept", _("niet gepubliceerd")
    GEPUBLICEERD = "gepubliceerd", _("gepubliceerd")
    INGETROKKEN = "ingetrokken", _("ingetrokken")


class Partner(models.Model):
    """An organisation the gemeente works with. Not a verbonden partij (those are in samenwerking):
    the gemeente has no seat in its board and no financial stake beyond what it pays for."""

    naam = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam in webadressen"), max_length=80, unique=True)
    kvk_nummer = models.CharField(
        _("KvK-nummer"),
        max_length=8,
        blank=True,
        validators=[valideer_kvk_nummer],
        help_text=_("8 cijfers, uit het Handelsregister."),
    )
    soort = models.CharField(_("soort organisatie"), max_length=20, choices=Partnersoort.choices)
    website = models.URLField(_("website"), blank=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    actief = models.BooleanField(
        _("actief"), default=True, help_text=_("Alleen actieve partners staan op de openbare site.")
    )
    # The programme goals of the uitvoeringsagenda the partner contributes to; a string reference,
    # so samenleving does not import uitvoering's models.
    doelen = models.ManyToManyField(
        "uitvoering.Programmadoel",
        verbose_name=_("draagt bij aan programmadoelen"),
        blank=True,
        related_name="+",
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("maatschappelijke partner")
        verbose_name_plural = _("maatschappelijke partners")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["kvk_nummer"],
                condition=~Q(kvk_nummer=""),
                name="partner_kvk_uniek",
                violation_error_message=_("Er is al een partner met dit KvK-nummer."),
            )
        ]

    def __str__(self) -> str:
        return self.naam


class Contactpersoon(models.Model):
    """Who to call at a partner. Personal data: employees only (AVG art. 5 lid 1 onder c: no more
    than name, function and work contact details)."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="contactpersonen")
    naam = models.CharField(_("naam"), max_length=200)
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    email = models.EmailField(_("e-mailadres (werk)"), blank=True)
    telefoon = models.CharField(_("telefoonnummer (werk)"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["naam", "pk"]

    def __str__(self) -> str:
        return self.naam


class Convenant(models.Model):
    """An agreement between the gemeente and one or more partners (Woo art. 3.3 lid 2 onder f:
    convenanten are published actively)."""

    titel = models.CharField(_("titel"), max_length=300)
    partners = models.ManyToManyField(Partner, verbose_name=_("partijen"), related_name="convenanten")
    onderwerp = models.TextField(_("onderwerp"), help_text=_("Waarover de partijen afspraken maken."))
    ondertekend_op = models.DateField(_("ondertekend op"))
    geldig_van = models.DateField(_("looptijd van"))
    geldig_tot = models.DateField(_("looptijd tot en met"), null=True, blank=True)
    # Private storage: the file is public only through the publication register once published.
    document = models.FileField(_("document"), storage=prive_opslag, upload_to="samenleving/convenanten/")
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=255, blank=True)
    mediatype = models.CharField(_("mediatype"), max_length=120, blank=True)
    doelen = models.ManyToManyField(
        "uitvoering.Programmadoel", verbose_name=_("programmadoelen"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("publicatie"), max_length=12, choices=Openbaarmaking.choices, default=Openbaarmaking.CONCEPT
    )
    publicatie_uuid = models.UUIDField(_("publicatie in het register"), null=True, blank=True)

    class Meta:
        verbose_name = _("convenant")
        verbose_name_plural = _("convenanten")
        ordering = ["-ondertekend_op", "titel"]
        constraints = [
            models.CheckConstraint(
                condition=Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=models.F("geldig_van")),
                name="convenant_looptijd_geldig",
                violation_error_message=_("Het einde van de looptijd ligt vóór het begin."),
            )
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def bron_sleutel(self) -> str:
        return f"convenant-{self.pk}"


class Subsidiegrondslag(models.TextChoices):
    """The statutory basis of a subsidy (Awb art. 4:23 lid 1), or the exception of art. 4:23 lid 3
    that allows one without it (verify locally)."""

    VERORDENING = "verordening", _("subsidieverordening (Awb art. 4:23 lid 1)")
    BEGROTING = "begroting", _("de begroting noemt ontvanger en maximumbedrag (Awb art. 4:23 lid 3)")
    INCIDENTEEL = "incidenteel", _("incidentele subsidie, hoogstens vier jaar (Awb art. 4:23 lid 3)")
    OVERGANG = "overgang", _("in afwachting van een verordening, hoogstens een jaar (Awb art. 4:23 lid 3)")


class Subsidievorm(models.TextChoices):
    """How the obligation arises when it is not a beschikking (Woo art. 3.3 lid 2 onder h)."""

    OVEREENKOMST = "overeenkomst", _("subsidieovereenkomst")
    TOEZEGGING = "toezegging", _("schriftelijke toezegging")
    OVERIG = "overig", _("anders")


class Subsidieverplichting(models.Model):
    """An obligation to pay a subsidy (Awb art. 4:21) that the gemeente took on other than by a
    beschikking, e.g. in an agreement with the partner."""

    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="subsidieverplichtingen")
    doel = models.CharField(_("doel van de subsidie"), max_length=300)
    toelichting = models.TextField(_("toelichting"), blank=True)
    bedrag = models.DecimalField(
        _("bedrag (euro)"),
        max_digits=12,
        decimal_places=2,
    )
    van_jaar = models.PositiveSmallIntegerField(_("van jaar"))
    tot_en_met_jaar = models.PositiveSmallIntegerField(_("tot en met jaar"))
    vorm = models.CharField(
        _("vorm"), max_length=20, choices=Subsidievorm.choices, default=Subsidievorm.OVEREENKOMST
    )
    grondslag = models.CharField(_("grondslag"), max_length=20, choices=Subsidiegrondslag.choices)
    grondslag_toelichting = models.CharField(
        _("vindplaats grondslag"),
        max_length=300,
        blank=True,
        help_text=_(
            "De naam van de verordening of de begrotingspost; alleen bij een incidentele subsidie niet nodig."
        ),
    )
    aangegaan_op = models.DateField(_("aangegaan op"))
    doelen = models.ManyToManyField(
        "uitvoering.Programmadoel", verbose_name=_("programmadoelen"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("publicatie"), max_length=12, choices=Openbaarmaking.choices, default=Openbaarmaking.CONCEPT
    )
    publicatie_uuid = models.UUIDField(_("publicatie in het register"), null=True, blank=True)

    class Meta:
        verbose_name = _("subsidieverplichting")
        verbose_name_plural = _("subsidieverplichtingen")
        ordering = ["-van_jaar", "partner__naam", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tot_en_met_jaar__gte=models.F("van_jaar")),
                name="subsidie_jaren_oplopend",
                violation_error_message=_("Het laatste jaar ligt vóór het eerste."),
            ),
            models.CheckConstraint(
                condition=Q(bedrag__gt=0),
                name="subsidie_bedrag_positief",
                violation_error_message=_("Het bedrag moet groter zijn dan nul."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner}: {self.doel}"

    @property
    def bron_sleutel(self) -> str:
        return f"subsidie-{self.pk}"


__all__ = [
    "Contactpersoon",
    "Convenant",
    "Openbaarmaking",
    "Partner",
    "Partnersoort",
    "Subsidiegrondslag",
    "Subsidieverplichting",
    "Subsidievorm",
    "valideer_kvk_nummer",
]
