"""The register: every cooperation the gemeente takes part in, its participants and its agenda.

BBV art. 1 lid 1 onder b: a verbonden partij is an organisation in which the gemeente has both a
bestuurlijk and a financieel belang; a cooperation with only one of them (a covenant, an
arbeidsmarktregio without legal entity) is kept in the register but not in the paragraaf."""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from raadhuis.core.opslag import prive_opslag


class Rechtsvorm(models.TextChoices):
    OPENBAAR_LICHAAM = "openbaar_lichaam", _("gemeenschappelijke regeling: openbaar lichaam")
    BEDRIJFSVOERINGSORGANISATIE = "bvo", _("gemeenschappelijke regeling: bedrijfsvoeringsorganisatie")
    GEMEENSCHAPPELIJK_ORGAAN = (
        "gemeenschappelijk_orgaan",
        _("gemeenschappelijke regeling: gemeenschappelijk orgaan"),
    )
    CENTRUMGEMEENTE = "centrumgemeente", _("gemeenschappelijke regeling: centrumgemeenteconstructie")
    NV = "nv", _("naamloze vennootschap")
    BV = "bv", _("besloten vennootschap")
    COOPERATIE = "cooperatie", _("coöperatie")
    STICHTING = "stichting", _("stichting")
    VERENIGING = "vereniging", _("vereniging")
    CONVENANT = "convenant", _("convenant of samenwerkingsafspraak (geen rechtspersoon)")
    OVERIG = "overig", _("overige")


class Categorie(models.TextChoices):
    """The groups of the list in the paragraaf (BBV art. 15 lid 2), in the order the article names them."""

    GEMEENSCHAPPELIJKE_REGELINGEN = "1_gr", _("Gemeenschappelijke regelingen")
    VENNOOTSCHAPPEN = "2_vennootschap", _("Vennootschappen en coöperaties")
    STICHTINGEN = "3_stichting", _("Stichtingen en verenigingen")
    OVERIG = "4_overig", _("Overige verbonden partijen")


CATEGORIE_VAN_RECHTSVORM: dict[str, str] = {
    Rechtsvorm.OPENBAAR_LICHAAM: Categorie.GEMEENSCHAPPELIJKE_REGELINGEN,
    Rechtsvorm.BEDRIJFSVOERINGSORGANISATIE: Categorie.GEMEENSCHAPPELIJKE_REGELINGEN,
    Rechtsvorm.GEMEENSCHAPPELIJK_ORGAAN: Categorie.GEMEENSCHAPPELIJKE_REGELINGEN,
    Rechtsvorm.CENTRUMGEMEENTE: Categorie.GEMEENSCHAPPELIJKE_REGELINGEN,
    Rechtsvorm.NV: Categorie.VENNOOTSCHAPPEN,
    Rechtsvorm.BV: Categorie.VENNOOTSCHAPPEN,
    Rechtsvorm.COOPERATIE: Categorie.VENNOOTSCHAPPEN,
    Rechtsvorm.STICHTING: Categorie.STICHTINGEN,
    Rechtsvorm.VERENIGING: Categorie.STICHTINGEN,
    Rechtsvorm.CONVENANT: Categorie.OVERIG,
    Rechtsvorm.OVERIG: Categorie.OVERIG,
}

GEMEENSCHAPPELIJKE_REGELINGEN = frozenset(
    r for r, c in CATEGORIE_VAN_RECHTSVORM.items() if c == Categorie.GEMEENSCHAPPELIJKE_REGELINGEN
)


class Samenwerkingsverband(models.Model):
    """A cooperation the gemeente takes part in; `is_verbonden_partij` when both interests exist."""

    naam = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam in webadressen"), max_length=80, unique=True)
    afkorting = models.CharField(_("afkorting"), max_length=20, blank=True)
    vestigingsplaats = models.CharField(_("vestigingsplaats"), max_length=100, blank=True)
    rechtsvorm = models.CharField(_("rechtsvorm"), max_length=32, choices=Rechtsvorm.choices)
    # The TOOI code of a samenwerkingsorganisatie (so...), when it has one.
    tooi_code = models.CharField(_("TOOI-code"), max_length=12, blank=True)
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=8, blank=True)
    regeling_url = models.URLField(_("regeling (CVDR of statuten)"), blank=True)
    # BBV art. 1 lid 1 onder c and d: both are needed for a verbonden partij.
    bestuurlijk_belang = models.BooleanField(
        _("bestuurlijk belang"), default=False, help_text=_("Zeggenschap via een bestuurszetel of stemrecht.")
    )
    financieel_belang = models.BooleanField(
        _("financieel belang"),
        default=False,
        help_text=_(
            "Geld dat verloren gaat bij faillissement, of aansprakelijkheid als de partij niet betaalt."
        ),
    )
    verplicht = models.BooleanField(_("wettelijk verplichte samenwerking"), default=False)
    wettelijke_grondslag = models.CharField(_("wettelijke grondslag"), max_length=300, blank=True)
    openbaar_belang = models.TextField(_("openbaar belang"), blank=True)
    kerntaken = models.TextField(_("kerntaken"), blank=True, help_text=_("Eén taak per regel."))
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    programmas = models.ManyToManyField(
        "core.Begrotingsprogramma",
        verbose_name=_("begrotingsprogramma's"),
        related_name="samenwerkingsverbanden",
        blank=True,
    )

    class Meta:
        verbose_name = _("samenwerkingsverband")
        verbose_name_plural = _("samenwerkingsverbanden")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("startdatum")),
                name="samenwerking_periode_geldig",
                violation_error_message=_("De einddatum ligt vóór de startdatum."),
            )
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def is_verbonden_partij(self) -> bool:
        return self.bestuurlijk_belang and self.financieel_belang

    @property
    def categorie(self) -> str:
        return CATEGORIE_VAN_RECHTSVORM.get(self.rechtsvorm, Categorie.OVERIG)

    @property
    def is_gemeenschappelijke_regeling(self) -> bool:
        return self.rechtsvorm in GEMEENSCHAPPELIJKE_REGELINGEN

    def get_categorie_display(self) -> str:
        return str(Categorie(self.categorie).label)

    @property
    def kerntakenlijst(self) -> list[str]:
        return [regel.strip() for regel in self.kerntaken.splitlines() if regel.strip()]


class Deelnemer(models.Model):
    """A participant (gemeente or other body, by TOOI code) over a period; leaving and joining are
    two rows, so the membership on any date can be read back."""

    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="deelnemers")
    tooi_code = models.CharField(_("TOOI-code"), max_length=12)
    naam = models.CharField(_("naam"), max_length=200)
    toegetreden_op = models.DateField(_("toegetreden op"))
    uitgetreden_op = models.DateField(_("uitgetreden op"), null=True, blank=True)
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["naam", "toegetreden_op"]
        constraints = [
            models.CheckConstraint(
                condition=Q(uitgetreden_op__isnull=True) | Q(uitgetreden_op__gte=models.F("toegetreden_op")),
                name="deelnemer_periode_geldig",
                violation_error_message=_("De uittreding ligt vóór de toetreding."),
            )
        ]

    def __str__(self) -> str:
        return self.naam


class Strategischeagenda(models.Model):
    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="agendas")
    titel = models.CharField(_("titel"), max_length=200)
    vastgesteld_op = models.DateField(_("vastgesteld op"), null=True, blank=True)
    van_jaar = models.PositiveSmallIntegerField(_("van jaar"))
    tot_en_met_jaar = models.PositiveSmallIntegerField(_("tot en met jaar"))

    class Meta:
        verbose_name = _("strategische agenda")
        verbose_name_plural = _("strategische agenda's")
        ordering = ["-van_jaar"]

    def __str__(self) -> str:
        return self.titel


class Opgave(models.Model):
    agenda = models.ForeignKey(Strategischeagenda, on_delete=models.CASCADE, related_name="opgaven")
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    naam = models.CharField(_("naam"), max_length=200)

    class Meta:
        verbose_name = _("opgave")
        verbose_name_plural = _("opgaven")
        ordering = ["nummer"]
        constraints = [models.UniqueConstraint(fields=["agenda", "nummer"], name="opgave_nummer_uniek")]

    def __str__(self) -> str:
        return self.naam


class Opdracht(models.Model):
    class Status(models.TextChoices):
        NIET_GESTART = "niet_gestart", _("niet gestart")
        OP_KOERS = "op_koers", _("op koers")
        AANDACHT = "aandacht", _("vraagt aandacht")
        GEREED = "gereed", _("gereed")

    opgave = models.ForeignKey(Opgave, on_delete=models.CASCADE, related_name="opdrachten")
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    naam = models.CharField(_("naam"), max_length=200)
    voortgang = models.PositiveSmallIntegerField(
        _("voortgang (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NIET_GESTART)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("opdracht")
        verbose_name_plural = _("opdrachten")
        ordering = ["nummer"]

    def __str__(self) -> str:
        return self.naam


class Document(models.Model):
    class Soort(models.TextChoices):
        REGELING = "regeling", _("regeling of statuten")
        BEGROTING = "begroting", _("begroting")
        JAARSTUKKEN = "jaarstukken", _("jaarstukken")
        KADERBRIEF = "kaderbrief", _("kaderbrief")
        OVERIG = "overig", _("overig")

    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="documenten")
    soort = models.CharField(_("soort"), max_length=16, choices=Soort.choices)
    titel = models.CharField(_("titel"), max_length=300)
    jaar = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True)
    datum = models.DateField(_("datum"))
    # Private storage: a document leaves only through the download view, which checks the role.
    bestand = models.FileField(_("bestand"), storage=prive_opslag, upload_to="samenwerking/")
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=255, blank=True)
    mediatype = models.CharField(_("mediatype"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["-datum", "titel"]

    def __str__(self) -> str:
        return self.titel
