"""Meetings, their agenda, the presentielijst and the stukken (papers) on it."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from raadhuis.besluitvorming.models.organen import Orgaan, Persoon
from raadhuis.core.opslag import prive_opslag


class Gewijzigd(models.Model):
    """When the row last changed, for the ODS `gewijzigdSinds` filter (harvesters such as Open
    Raadsinformatie fetch only what changed). Services often save with `update_fields`; the time is
    added to those, so no write slips past it. Queryset updates set it themselves."""

    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "gewijzigd_op"}
        super().save(*args, **kwargs)


class Vergadering(Gewijzigd):
    """A meeting of a body (ODS Vergadering). Public unless closed (Gemeentewet art. 23)."""

    class Status(models.TextChoices):
        GEPLAND = "gepland", _("gepland")
        GEHOUDEN = "gehouden", _("gehouden")
        GEANNULEERD = "geannuleerd", _("geannuleerd")

    class Aanleiding(models.TextChoices):
        """Why the raad meets (Gemeentewet art. 17)."""

        RAAD = "raad", _("besluit van de raad")
        BURGEMEESTER = "burgemeester", _("de burgemeester acht het nodig")
        VERZOEK_LEDEN = "verzoek_leden", _("schriftelijk verzoek van ten minste een vijfde van de leden")

    orgaan = models.ForeignKey(Orgaan, on_delete=models.PROTECT, related_name="vergaderingen")
    titel = models.CharField(_("titel"), max_length=300)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.GEPLAND)
    aanleiding = models.CharField(
        _("aanleiding"), max_length=20, choices=Aanleiding.choices, default=Aanleiding.RAAD
    )
    begin = models.DateTimeField(_("begin"))
    einde = models.DateTimeField(_("einde"), null=True, blank=True)
    locatie = models.CharField(_("locatie"), max_length=300, blank=True)
    besloten = models.BooleanField(_("besloten vergadering"), default=False)
    # Art. 20 lid 1: a meeting without quorum does not open; lid 2: a new one is called for its items.
    geopend = models.BooleanField(_("geopend"), null=True, blank=True)
    vervolg_van = models.ForeignKey(
        "self",
        verbose_name=_("nieuwe vergadering na"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vervolgen",
        help_text=_("De vergadering die niet kon worden geopend (Gemeentewet art. 20 lid 2)."),
    )
    agenda_gepubliceerd_op = models.DateTimeField(_("agenda gepubliceerd op"), null=True, blank=True)
    besluitenlijst_vastgesteld_op = models.DateTimeField(
        _("besluitenlijst vastgesteld op"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("vergadering")
        verbose_name_plural = _("vergaderingen")
        ordering = ["-begin"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einde__isnull=True) | Q(einde__gte=models.F("begin")),
                name="vergadering_einde_na_begin",
            )
        ]
        indexes = [models.Index(fields=["orgaan", "begin"])]

    def __str__(self) -> str:
        return self.titel


class Agendapunt(Gewijzigd):
    """An item on a meeting's agenda (ODS Agendapunt), in order; a hamerstuk is adopted without a vote
    unless a member asks for one (art. 32 lid 3)."""

    class Onderwerp(models.TextChoices):
        """Subjects that may never be treated behind closed doors (Gemeentewet art. 24)."""

        OVERIG = "overig", _("overig")
        TOELATING = "toelating", _("toelating van nieuwe leden")
        BEGROTING = "begroting", _("begroting")
        JAARREKENING = "jaarrekening", _("jaarrekening")
        BELASTINGEN = "belastingen", _("gemeentelijke belastingen")
        WETHOUDERS = "wethouders", _("benoeming, schorsing of ontslag van wethouders")

    vergadering = models.ForeignKey(Vergadering, on_delete=models.CASCADE, related_name="agendapunten")
    volgnummer = models.PositiveSmallIntegerField(_("volgnummer"))
    kenmerk = models.CharField(_("nummer op de agenda"), max_length=20, blank=True)
    titel = models.CharField(_("titel"), max_length=500)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    onderwerp = models.CharField(
        _("onderwerp"), max_length=16, choices=Onderwerp.choices, default=Onderwerp.OVERIG
    )
    hamerstuk = models.BooleanField(_("hamerstuk"), default=False)
    besloten = models.BooleanField(_("besloten"), default=False)
    behandeld = models.BooleanField(_("behandeld"), default=False)
    portefeuillehouder = models.ForeignKey(
        Persoon,
        verbose_name=_("portefeuillehouder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Art. 20 lid 3: in a meeting called after one that could not open, the failed meeting's own items
    # need no quorum; this marks them.
    uit_niet_geopende_vergadering = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["vergadering", "volgnummer"]
        constraints = [
            models.UniqueConstraint(fields=["vergadering", "volgnummer"], name="agendapunt_volgnummer_uniek"),
            models.CheckConstraint(
                condition=Q(besloten=False) | Q(onderwerp="overig"), name="agendapunt_art24_niet_besloten"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kenmerk or self.volgnummer}. {self.titel}"


class Aanwezigheid(models.Model):
    """The presentielijst: who signed, and from when to when they were present (quorum changes
    during a meeting, so per-vote attendance is recorded on the vote itself)."""

    vergadering = models.ForeignKey(Vergadering, on_delete=models.CASCADE, related_name="aanwezigheden")
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="aanwezigheden")
    aanwezig = models.BooleanField(_("aanwezig"), default=True)
    vanaf = models.TimeField(_("aanwezig vanaf"), null=True, blank=True)
    tot = models.TimeField(_("aanwezig tot"), null=True, blank=True)
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("presentielijst")
        constraints = [
            models.UniqueConstraint(
                fields=["vergadering", "persoon"], name="aanwezigheid_eenmaal_per_persoon"
            )
        ]

    def __str__(self) -> str:
        return f"{self.persoon} — {self.vergadering}"


class Stuk(Gewijzigd):
    """A paper on the agenda (ODS InformatieObject): raadsvoorstel, raadsbesluit, raadsinformatiebrief,
    ingekomen stuk, motie, amendement, toezegging, vraag or antwoord, with its file."""

    class Soort(models.TextChoices):
        VOORSTEL = "voorstel", _("raadsvoorstel")
        BESLUITVORMINGSSTUK = "besluitvormingsstuk", _("raadsbesluit")
        MEDEDELING = "mededeling", _("raadsinformatiebrief")
        INGEKOMEN_STUK = "ingekomen_stuk", _("ingekomen stuk")
        MOTIE = "motie", _("motie")
        AMENDEMENT = "amendement", _("amendement")
        TOEZEGGING = "toezegging", _("toezegging")
        VRAAG = "vraag", _("vraag")
        ANTWOORD = "antwoord", _("antwoord")

    class Openbaarheid(models.TextChoices):
        OPENBAAR = "openbaar", _("openbaar")
        # Gemeentewet art. 25: secrecy imposed by the raad, or by college/burgemeester/commissie on
        # what they submit (lapses unless the raad confirms it in its next meeting).
        GEHEIM = "geheim", _("geheim (art. 25)")

    agendapunt = models.ForeignKey(
        Agendapunt, on_delete=models.SET_NULL, null=True, blank=True, related_name="stukken"
    )
    orgaan = models.ForeignKey(Orgaan, on_delete=models.PROTECT, related_name="stukken")
    soort = models.CharField(_("soort"), max_length=24, choices=Soort.choices)
    titel = models.CharField(_("titel"), max_length=500)
    kenmerk = models.CharField(_("kenmerk"), max_length=100, blank=True)
    datum = models.DateField(_("datum"))
    # Private storage: a paper leaves only through the download view, which checks openbaarheid.
    bestand = models.FileField(_("bestand"), upload_to="stukken/%Y/", storage=prive_opslag, blank=True)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=255, blank=True)
    mediatype = models.CharField(_("mediatype"), max_length=120, blank=True)
    tekst = models.TextField(_("tekst"), blank=True, help_text=_("De tekst van het stuk, voor het zoeken."))
    openbaarheid = models.CharField(
        _("openbaarheid"), max_length=10, choices=Openbaarheid.choices, default=Openbaarheid.OPENBAAR
    )
    geheim_tot_bekrachtiging = models.BooleanField(
        _("geheimhouding moet door de raad worden bekrachtigd"), default=False
    )
    # Art. 25 lid 3: the raad confirms such secrecy in its next meeting attended by more than half of
    # its seated members, or it lapses; lid 4: the raad lifts secrecy. Set by services.geheimhouding.
    geheim_bekrachtigd_in = models.ForeignKey(
        "Vergadering",
        verbose_name=_("geheimhouding bekrachtigd in"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bekrachtigde_geheimhoudingen",
    )
    geheimhouding_beeindigd_op = models.DateField(_("geheimhouding geëindigd op"), null=True, blank=True)
    geheimhouding_toelichting = models.TextField(_("toelichting op de geheimhouding"), blank=True)
    gerelateerd_aan = models.ForeignKey(
        "self",
        verbose_name=_("hoort bij"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gerelateerde_stukken",
        help_text=_("Bij een antwoord: de vraag; bij een amendement: het voorstel."),
    )
    toegevoegd_op = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("stuk")
        verbose_name_plural = _("stukken")
        ordering = ["-datum", "titel"]
        indexes = [models.Index(fields=["orgaan", "datum"]), models.Index(fields=["soort", "datum"])]

    def __str__(self) -> str:
        return self.titel
