"""The documents in scope of a Woo request, their assessment and the boxes that withhold passages.

A `Document` is one item of the inventory: an upload or an attachment found inside one
(`raadhuis.woo.documentverwerking`). The original stays in private storage; what is assessed and
redacted is its PDF rendition (`pdf`: the original itself for a PDF, a conversion for e-mail,
text, images and Office files). What may be published is only `gelakt`: the redacted, stripped
and verified output of `raadhuis.woo.lakken`, made when the assessment is approved (four eyes).

A `Lakvak` is one rectangle on one page that withholds a passage, with its ground (Woo art. 5.1,
5.2): proposed automatically (personal data, ground 5.1.2e or 5.1.1e), found by a search term,
or drawn by the assessor; each is accepted or rejected by a person.
"""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from raadhuis.core.opslag import prive_opslag
from raadhuis.woo.models.verzoeken import WooVerzoek


class Documentsoort(models.TextChoices):
    # The kinds `raadhuis.woo.documentverwerking` recognises (its `soort`).
    PDF = "pdf", _("PDF")
    EMAIL = "e-mail", _("E-mail")
    KANTOORDOCUMENT = "kantoordocument", _("Kantoordocument")
    AFBEELDING = "afbeelding", _("Afbeelding")
    TEKST = "tekst", _("Tekst")
    BIJLAGE = "bijlage", _("Onleesbare bijlage")


class Oordeel(models.TextChoices):
    """The outcome per document in the decision and the inventarislijst (woo.md, section 3)."""

    OPENBAAR = "openbaar", _("Openbaar")
    DEELS_OPENBAAR = "deels_openbaar", _("Deels openbaar")
    NIET_OPENBAAR = "niet_openbaar", _("Niet openbaar")
    REEDS_OPENBAAR = "reeds_openbaar", _("Reeds openbaar")


class Beoordelingsstatus(models.TextChoices):
    TE_BEOORDELEN = "te_beoordelen", _("Te beoordelen")
    # Assessed; a second person (not the assessor) approves or sends it back (four eyes).
    TER_CONTROLE = "ter_controle", _("Ter controle")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")


def _prive_pad(map: str, instance: Document, bestandsnaam: str) -> str:
    """A random name under the request's folder: the file name the requester or a colleague chose
    may hold personal data and never becomes part of a path."""
    extensie = PurePosixPath(bestandsnaam).suffix.lower()[:10]
    return f"woo/{instance.verzoek.kenmerk}/{map}/{uuid.uuid4().hex}{extensie}"


def origineel_pad(instance: Document, bestandsnaam: str) -> str:
    return _prive_pad("origineel", instance, bestandsnaam)


def pdf_pad(instance: Document, bestandsnaam: str) -> str:
    return _prive_pad("pdf", instance, bestandsnaam)


def gelakt_pad(instance: Document, bestandsnaam: str) -> str:
    return _prive_pad("gelakt", instance, bestandsnaam)


class Document(models.Model):
    verzoek = models.ForeignKey(
        WooVerzoek, verbose_name=_("verzoek"), on_delete=models.CASCADE, related_name="documenten"
    )
    # `Bronstuk.sleutel`: the upload's id plus the path inside it; unique within the request.
    sleutel = models.CharField(_("sleutel"), max_length=200)
    ouder = models.ForeignKey(
        "self",
        verbose_name=_("bijlage van"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="bijlagen",
    )
    # The inventory number ("3", "3.1"), renumbered after every upload until the decision.
    nummer = models.CharField(_("nummer"), max_length=32, blank=True)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    naam = models.CharField(_("bestandsnaam"), max_length=255)
    titel = models.CharField(_("titel"), max_length=500, blank=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Documentsoort.choices)
    mediatype = models.CharField(_("mediatype"), max_length=150)
    datum = models.DateTimeField(_("datum"), null=True, blank=True)
    afzender = models.CharField(_("afzender"), max_length=500, blank=True)
    ontvangers = models.JSONField(_("ontvangers"), default=list, blank=True)
    bericht_id = models.CharField(_("Message-ID"), max_length=500, blank=True)
    verwijzingen = models.JSONField(_("verwijzingen"), default=list, blank=True)
    tekst = models.TextField(_("tekst"), blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    grootte = models.PositiveBigIntegerField(_("grootte"))
    paginas = models.PositiveIntegerField(_("pagina's"), null=True, blank=True)
    ocr_nodig = models.BooleanField(_("OCR nodig"), default=False)
    pdf_conversie_nodig = models.BooleanField(_("PDF-conversie nodig"), default=False)
    waarschuwingen = models.JSONField(_("waarschuwingen"), default=list, blank=True)
    origineel = models.FileField(_("origineel"), storage=prive_opslag, upload_to=origineel_pad)
    # The PDF that is assessed and redacted; empty while there is none (an unreadable item).
    pdf = models.FileField(_("PDF"), storage=prive_opslag, upload_to=pdf_pad, blank=True)
    dubbel_van = models.ForeignKey(
        "self",
        verbose_name=_("dubbel van"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dubbelen",
    )
    verwant_aan = models.ManyToManyField("self", verbose_name=_("verwant aan"), blank=True)
    toegevoegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegevoegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    toegevoegd_op = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)
    # PII suggestions were made for this document (once, after the upload).
    gescand_op = models.DateTimeField(_("gescand op"), null=True, blank=True)

    # --- assessment (Woo art. 5.1, 5.2) ---
    oordeel = models.CharField(_("oordeel"), max_length=20, choices=Oordeel.choices, blank=True)
    # Grounds for withholding the whole document (niet openbaar); passages carry their own.
    gronden = models.JSONField(_("weigeringsgronden"), default=list, blank=True)
    motivering = models.TextField(_("motivering"), blank=True)
    # Where a document that is already public can be found (reeds openbaar).
    vindplaats = models.URLField(_("vindplaats"), max_length=500, blank=True)
    opmerking = models.CharField(_("opmerking in de inventarislijst"), max_length=500, blank=True)
    beoordelingsstatus = models.CharField(
        _("beoordelingsstatus"),
        max_length=16,
        choices=Beoordelingsstatus.choices,
        default=Beoordelingsstatus.TE_BEOORDELEN,
    )
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    gecontroleerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gecontroleerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    gecontroleerd_op = models.DateTimeField(_("gecontroleerd op"), null=True, blank=True)
    # Why the second person sent the assessment back.
    controle_opmerking = models.TextField(_("opmerking controle"), blank=True)

    # --- the publishable output (raadhuis.woo.lakken), made on approval ---
    gelakt = models.FileField(_("gelakte PDF"), storage=prive_opslag, upload_to=gelakt_pad, blank=True)
    gelakt_sha256 = models.CharField(_("SHA-256 gelakt"), max_length=64, blank=True)
    gelakt_op = models.DateTimeField(_("gelakt op"), null=True, blank=True)
    # What the verification found; not empty means publication is blocked.
    lakbevindingen = models.JSONField(_("bevindingen lakcontrole"), default=list, blank=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["verzoek", "volgorde", "id"]
        constraints = [
            models.UniqueConstraint(fields=["verzoek", "sleutel"], name="woodocument_sleutel_uniek"),
        ]
        indexes = [models.Index(fields=["verzoek", "beoordelingsstatus"], name="woodocument_status")]

    def __str__(self) -> str:
        return f"{self.nummer or '?'} {self.titel or self.naam}"

    @property
    def is_dubbel(self) -> bool:
        return self.dubbel_van_id is not None


class Herkomst(models.TextChoices):
    AUTOMATISCH = "automatisch", _("Automatisch gevonden")
    ZOEKTERM = "zoekterm", _("Gevonden met een zoekterm")
    GETEKEND = "getekend", _("Getekend")


class Vakstatus(models.TextChoices):
    VOORGESTELD = "voorgesteld", _("Voorgesteld")
    GEACCEPTEERD = "geaccepteerd", _("Geaccepteerd")
    AFGEWEZEN = "afgewezen", _("Afgewezen")


class Lakvak(models.Model):
    """One box on one page (`pagina` counts from 1; x0, y0, x1, y1 in PDF points with the origin
    top left, as `raadhuis.woo.lakken.Redactie`). Only accepted boxes are applied."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="lakvakken"
    )
    pagina = models.PositiveIntegerField(_("pagina"))
    x0 = models.FloatField()
    y0 = models.FloatField()
    x1 = models.FloatField()
    y1 = models.FloatField()
    # The text under the box (empty for a box drawn over an image or a signature).
    tekst = models.TextField(_("tekst"), blank=True)
    # The kind of personal data (raadhuis.core.persoonsgegevens) or "handmatig".
    soort = models.CharField(_("soort"), max_length=20)
    grond = models.CharField(_("weigeringsgrond"), max_length=10)
    herkomst = models.CharField(_("herkomst"), max_length=12, choices=Herkomst.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=Vakstatus.choices, default=Vakstatus.VOORGESTELD
    )
    motivering = models.TextField(_("motivering"), blank=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("lakvak")
        verbose_name_plural = _("lakvakken")
        ordering = ["document", "pagina", "y0", "x0", "id"]
        indexes = [models.Index(fields=["document", "status"], name="lakvak_status")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(x1__gt=models.F("x0"), y1__gt=models.F("y0")), name="lakvak_positief"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_id} p{self.pagina} {self.grond} {self.tekst[:30]}"

    @property
    def rechthoek(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.y1)


class Derde(models.Model):
    """A third party whose interests a document touches and who is asked for a zienswijze
    (Woo art. 4.4 lid 3 with Awb 4:8). `bezwaar_verwacht` moves disclosure to two weeks after the
    decision is made known (Woo art. 4.4 lid 5)."""

    verzoek = models.ForeignKey(
        WooVerzoek, verbose_name=_("verzoek"), on_delete=models.CASCADE, related_name="derden"
    )
    naam = models.CharField(_("naam"), max_length=200)
    emailadres = models.EmailField(_("e-mailadres"), blank=True)
    postadres = models.TextField(_("postadres"), blank=True)
    documenten = models.ManyToManyField(
        Document, verbose_name=_("documenten"), blank=True, related_name="derden"
    )
    zienswijze_gevraagd_op = models.DateField(_("zienswijze gevraagd op"), null=True, blank=True)
    zienswijze_ontvangen_op = models.DateField(_("zienswijze ontvangen op"), null=True, blank=True)
    zienswijze = models.TextField(_("zienswijze"), blank=True)
    bezwaar_verwacht = models.BooleanField(_("bezwaar verwacht"), default=False)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("derde-belanghebbende")
        verbose_name_plural = _("derde-belanghebbenden")
        ordering = ["naam", "id"]

    def __str__(self) -> str:
        return self.naam


class ZichtbareNaam(models.Model):
    """A public official whose name stays visible when acting in their function (woo.md,
    section 8): never proposed as a redaction. Council and college members come from
    besluitvorming on top of this list."""

    naam = models.CharField(_("naam"), max_length=200, unique=True)
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    toegevoegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegevoegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    toegevoegd_op = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("zichtbare naam")
        verbose_name_plural = _("zichtbare namen")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam
