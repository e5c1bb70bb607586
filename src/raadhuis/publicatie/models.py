"""The publication register (Woo art. 3.3; woo.md sections 4–6): what the organisation makes public,
with its DiWoo 0.9.8 metadata stored as data, and the state of the sitemaps the national Woo index
harvests.

A `Publicatie` is one publication (a decision with its annexes, an agenda, a Woo decision with its
inventory and documents); each `Publicatiedocument` is one file in it and one `<url>` in a sitemap.
Metadata values are TOOI / EU URIs from the official value lists (`core/data/tooi`), validated by
the services; XML is only produced when a sitemap is written (`publicatie.diwoo`).

Lifecycle: concept → gepubliceerd → ingetrokken (with a reason from the DiWoo list
redenVerwijderingVervanging) or vervangen (by a newer publication). Only published documents are
served and found.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from raadhuis.core.opslag import prive_opslag

# DiWoo's language list entry for Dutch (EU language authority table).
NEDERLANDS = "http://publications.europa.eu/resource/authority/language/NLD"


class Publicatiestatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")
    VERVANGEN = "vervangen", _("Vervangen")


class Publicatie(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # TOOI code of the publishing organisation ("gm1926"), or of a GR we publish for ("so0830").
    publisher = models.CharField(_("publicerende organisatie"), max_length=20)
    officiele_titel = models.CharField(_("officiële titel"), max_length=1000)
    verkorte_titel = models.CharField(_("verkorte titel"), max_length=500, blank=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    # TOOI URIs (scw_woo_informatiecategorieen), at least one; the first decides the sitemap.
    informatiecategorieen = models.JSONField(_("informatiecategorieën"), default=list)
    # TOOI thema URIs (TOP-lijst), optional.
    themas = models.JSONField(_("thema's"), default=list, blank=True)
    taal = models.CharField(_("taal"), max_length=100, default=NEDERLANDS)
    periode_van = models.DateField(_("periode vanaf"), null=True, blank=True)
    periode_tot = models.DateField(_("periode tot en met"), null=True, blank=True)
    identificatoren = models.JSONField(_("kenmerken"), default=list, blank=True)
    # Where the publication came from: the module and its own key, so a module that publishes the
    # same thing again updates it instead of adding a second one. Empty for a manual upload.
    bron = models.CharField(_("bron"), max_length=60, blank=True)
    bron_sleutel = models.CharField(_("sleutel in de bron"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Publicatiestatus.choices, default=Publicatiestatus.CONCEPT
    )
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    # TOOI URI from redenverwijderingvervanginglijst; set on withdrawal and replacement.
    reden_intrekking = models.CharField(_("reden van intrekking"), max_length=100, blank=True)
    toelichting_intrekking = models.TextField(_("toelichting bij de intrekking"), blank=True)
    vervangen_door = models.ForeignKey(
        "self",
        verbose_name=_("vervangen door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vervangt",
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("publicatie")
        verbose_name_plural = _("publicaties")
        ordering = ["-gepubliceerd_op", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["bron", "bron_sleutel"],
                condition=~models.Q(bron_sleutel=""),
                name="publicatie_bron_uniek",
            ),
        ]
        indexes = [models.Index(fields=["status", "-gepubliceerd_op"], name="publicatie_status")]

    def __str__(self) -> str:
        return self.officiele_titel


class Documenthandeling(models.Model):
    """What was done with the publication and when (DiWoo documenthandeling, 1..n): ontvangst,
    vaststelling or ondertekening (TOOI soorthandeling URI), at a moment, by an organisation."""

    publicatie = models.ForeignKey(
        Publicatie, verbose_name=_("publicatie"), on_delete=models.CASCADE, related_name="handelingen"
    )
    soort = models.CharField(_("soort handeling"), max_length=100)
    tijdstip = models.DateTimeField(_("tijdstip"))
    # TOOI code of the organisation that acted (empty: the publisher).
    actor = models.CharField(_("door"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("documenthandeling")
        verbose_name_plural = _("documenthandelingen")
        ordering = ["publicatie", "tijdstip", "id"]

    def __str__(self) -> str:
        return f"{self.publicatie_id}: {self.soort} {self.tijdstip:%Y-%m-%d}"


def document_pad(instance: Publicatiedocument, bestandsnaam: str) -> str:
    return f"publicaties/{instance.publicatie.uuid}/{uuid.uuid4().hex}"


class Publicatiedocument(models.Model):
    """One file of a publication, harvested as one sitemap `<url>` pointing straight at it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    publicatie = models.ForeignKey(
        Publicatie, verbose_name=_("publicatie"), on_delete=models.CASCADE, related_name="documenten"
    )
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    titel = models.CharField(_("titel"), max_length=1000)
    # TOOI documentsoort URI (e.g. c_4f50ca9c besluit), optional.
    documentsoort = models.CharField(_("documentsoort"), max_length=100, blank=True)
    # Private storage: a file leaves only through the view that checks it is still published.
    bestand = models.FileField(_("bestand"), storage=prive_opslag, upload_to=document_pad)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=255)
    mediatype = models.CharField(_("mediatype"), max_length=150)
    # EU file-type URI from the TOOI format list (only those are harvested).
    bestandsformaat = models.CharField(_("bestandsformaat"), max_length=100)
    grootte = models.PositiveBigIntegerField(_("grootte"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    tekst = models.TextField(_("tekst"), blank=True)
    creatiedatum = models.DateField(_("creatiedatum"), null=True, blank=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("publicatiedocument")
        verbose_name_plural = _("publicatiedocumenten")
        ordering = ["publicatie", "volgorde", "id"]

    def __str__(self) -> str:
        return self.titel


class Publicatiegebeurtenis(models.Model):
    """The audit trail of a publication: every transition with who made it and when, written in
    the transaction that made it (a rolled back change leaves no line). Shown in the Werkplek."""

    class Handeling(models.TextChoices):
        AANMAKEN = "aanmaken", _("Aangemaakt")
        DOCUMENT_TOEVOEGEN = "document-toevoegen", _("Document toegevoegd")
        DOCUMENT_VERWIJDEREN = "document-verwijderen", _("Document verwijderd")
        PUBLICEREN = "publiceren", _("Gepubliceerd")
        INTREKKEN = "intrekken", _("Ingetrokken")
        VERVANGEN = "vervangen", _("Vervangen")
        VANUIT_BRON = "vanuit-bron", _("Bijgewerkt door de bronmodule")

    publicatie = models.ForeignKey(
        Publicatie, verbose_name=_("publicatie"), on_delete=models.CASCADE, related_name="gebeurtenissen"
    )
    handeling = models.CharField(_("handeling"), max_length=30, choices=Handeling.choices)
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True)
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The process when no person acted ("publicatie-woo").
    systeemproces = models.CharField(_("systeemproces"), max_length=100, blank=True)
    status = models.CharField(_("status daarna"), max_length=16, choices=Publicatiestatus.choices)
    # What else matters for this step: the reason of a withdrawal, the document, the new version.
    gegevens = models.JSONField(_("gegevens"), default=dict, blank=True)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        ordering = ["publicatie", "tijdstip", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(medewerker__isnull=False) | ~models.Q(systeemproces=""),
                name="publicatiegebeurtenis_door",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.publicatie_id}: {self.handeling}"


class Publicatierelatie(models.Model):
    """A relation between publications (DiWoo documentrelatie; role URI from documentrelatielijst),
    e.g. a Woo decision and the decision it replaces."""

    van = models.ForeignKey(
        Publicatie, verbose_name=_("van"), on_delete=models.CASCADE, related_name="relaties"
    )
    naar = models.ForeignKey(Publicatie, verbose_name=_("naar"), on_delete=models.CASCADE, related_name="+")
    rol = models.CharField(_("rol"), max_length=100)

    class Meta:
        verbose_name = _("relatie")
        verbose_name_plural = _("relaties")
        constraints = [
            models.UniqueConstraint(fields=["van", "naar", "rol"], name="publicatierelatie_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.van_id} → {self.naar_id}"


class Sitemapblok(models.Model):
    """One sitemap file: the documents of one information category (its infocat number, "014")
    whose id falls in block `nummer` (ids nummer × BLOKGROOTTE up to the next block). A change to
    a document marks its block `verouderd`; the background task rewrites only those files and the
    index, so a million documents never have to be written again for one change."""

    infocat = models.CharField(_("infocat"), max_length=3)
    nummer = models.PositiveIntegerField(_("nummer"))
    verouderd = models.BooleanField(_("verouderd"), default=True)
    aantal = models.PositiveIntegerField(_("aantal"), default=0)
    gegenereerd_op = models.DateTimeField(_("gegenereerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("sitemapblok")
        verbose_name_plural = _("sitemapblokken")
        ordering = ["infocat", "nummer"]
        constraints = [models.UniqueConstraint(fields=["infocat", "nummer"], name="sitemapblok_uniek")]
        indexes = [models.Index(fields=["verouderd"], name="sitemapblok_verouderd")]

    def __str__(self) -> str:
        return f"infocat{self.infocat}-{self.nummer}"
