"""Core models: the organisation that runs the platform, and the Logboek Dataverwerkingen."""

from __future__ import annotations

from typing import Any, TypeVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from raadhuis.core import iv3, tooi
from raadhuis.core.validators import valideer_tooi_organisatiecode


class Organisatie(models.Model):
    """The municipality (or other body) running this platform; exactly one row (pk 1)."""

    tooi_code = models.CharField(
        _("TOOI-code"),
        max_length=16,
        validators=[valideer_tooi_organisatiecode],
        help_text=_("De code van de organisatie in de TOOI-lijsten, bijvoorbeeld gm1926."),
    )
    naam = models.CharField(_("naam"), max_length=200)
    logo = models.FileField(_("logo"), upload_to="organisatie/", blank=True)
    bezoekadres = models.TextField(_("bezoekadres"), blank=True)
    postadres = models.TextField(_("postadres"), blank=True)
    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    emailadres = models.EmailField(_("e-mailadres"), blank=True)
    website = models.URLField(_("website"), blank=True)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisatie")
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="organisatie_enkelvoudig")]

    def __str__(self) -> str:
        return self.naam

    @property
    def tooi_uri(self) -> str:
        bekend = tooi.organisatie(self.tooi_code)
        return bekend.uri if bekend else ""


class GelijkgesteldeDag(models.Model):
    """A day equated with a public holiday by royal decree (Algemene termijnenwet art. 3 lid 3).

    The statutory holidays of art. 3 lid 1 are computed in core.termijnen; these come from a decree
    in the Staatscourant each year, so a beheerder records them."""

    datum = models.DateField(_("datum"), unique=True)
    besluit = models.CharField(
        _("besluit"),
        max_length=200,
        help_text=_("Het koninklijk besluit, bijvoorbeeld 'Besluit gelijkstelling dagen 2027-2029'."),
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("met een feestdag gelijkgestelde dag")
        verbose_name_plural = _("met een feestdag gelijkgestelde dagen")
        ordering = ["datum"]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} ({self.besluit})"


class Onveranderlijk(RuntimeError):
    """Raised on an attempt to change or delete a log entry or a register version (append-only)."""


_M = TypeVar("_M", bound=models.Model)


class AlleenToevoegenQuerySet(models.QuerySet[_M]):
    """Bulk writes would bypass the hash chain and the per-row guards, so they are refused."""

    def update(self, **kwargs: Any) -> int:
        raise Onveranderlijk(f"{self.model.__name__} kan niet worden gewijzigd.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise Onveranderlijk(f"{self.model.__name__} kan niet worden verwijderd.")

    def bulk_create(self, *args: Any, **kwargs: Any) -> list[_M]:
        raise Onveranderlijk(f"{self.model.__name__} wordt regel voor regel vastgelegd.")

    def bulk_update(self, *args: Any, **kwargs: Any) -> int:
        raise Onveranderlijk(f"{self.model.__name__} kan niet worden gewijzigd.")


class AlleenToevoegenManager(models.Manager[_M]):
    def get_queryset(self) -> AlleenToevoegenQuerySet[_M]:
        return AlleenToevoegenQuerySet(self.model, using=self._db)


class AlleenToevoegen(models.Model):
    """A row is written once and never changed or deleted through the application."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise Onveranderlijk(f"{type(self).__name__} {self.pk} kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise Onveranderlijk(f"{type(self).__name__} {self.pk} kan niet worden verwijderd.")


class Verwerkingsactiviteit(AlleenToevoegen):
    """One version of an entry in the register of processing activities (AVG art. 30 lid 1).

    A relevant change never edits a row: it adds the next version with its own URI, so a log entry
    keeps pointing at the purpose and legal basis that applied when it was written (Logboek
    Dataverwerkingen, `dpl.core.processing_activity_id`)."""

    sleutel = models.SlugField(
        _("sleutel"),
        max_length=80,
        help_text=_("Vaste naam van de verwerking over alle versies heen, bijvoorbeeld zoeken-op-bsn."),
    )
    versie = models.PositiveIntegerField(_("versie"))
    naam = models.CharField(_("naam"), max_length=200)
    doel = models.TextField(_("doel"))
    grondslag = models.TextField(
        _("grondslag"), help_text=_("Bijvoorbeeld: AVG art. 6 lid 1 sub e; Wet BRP art. 1.2.")
    )
    categorieen_betrokkenen = models.TextField(_("categorieën betrokkenen"))
    categorieen_persoonsgegevens = models.TextField(_("categorieën persoonsgegevens"))
    ontvangers = models.TextField(_("ontvangers"), blank=True)
    bewaartermijn = models.CharField(_("bewaartermijn"), max_length=200)
    beveiliging = models.TextField(_("beveiligingsmaatregelen"), blank=True)
    toelichting = models.TextField(_("toelichting op deze versie"), blank=True)
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), default=timezone.now)
    # A description, not a foreign key: the register outlives accounts and is never updated.
    vastgelegd_door = models.CharField(_("vastgelegd door"), max_length=200, blank=True)

    objects = AlleenToevoegenManager["Verwerkingsactiviteit"]()

    class Meta:
        verbose_name = _("verwerkingsactiviteit")
        verbose_name_plural = _("verwerkingsactiviteiten")
        ordering = ["sleutel", "-versie"]
        constraints = [
            models.UniqueConstraint(fields=["sleutel", "versie"], name="verwerkingsactiviteit_versie_uniek"),
            models.CheckConstraint(
                condition=models.Q(versie__gte=1), name="verwerkingsactiviteit_versie_positief"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} (v{self.versie})"

    @property
    def uri(self) -> str:
        """The versioned identifier the log entries carry as processing_activity_id."""
        basis = str(getattr(settings, "RAADHUIS_VERWERKINGSREGISTER_URI", "")).rstrip("/")
        if basis:
            return f"{basis}/{self.sleutel}/{self.versie}"
        return f"urn:raadhuis:verwerkingsactiviteit:{self.sleutel}:{self.versie}"


class Logregel(AlleenToevoegen):
    """One processing of personal data in the Logboek Dataverwerkingen (LDV; AVG art. 5 lid 2 and
    art. 32; BIO 12.4.1). Append-only: the application refuses changes, database triggers refuse
    UPDATE and DELETE, and every row's hash chains to the previous row's."""

    class Status(models.IntegerChoices):
        # LDV status_code, as in OpenTelemetry: UNSET also covers client errors (HTTP 4xx).
        UNSET = 0, _("niet gezet")
        OK = 1, _("gelukt")
        ERROR = 2, _("fout")

    class DoorSoort(models.TextChoices):
        MEDEWERKER = "medewerker", _("medewerker")
        BETROKKENE = "betrokkene", _("de betrokkene zelf")
        SYSTEEM = "systeem", _("systeem")

    volgnummer = models.PositiveBigIntegerField(_("volgnummer"), unique=True)
    trace_id = models.CharField(_("trace-id"), max_length=32)
    span_id = models.CharField(_("span-id"), max_length=16)
    parent_span_id = models.CharField(_("parent-span-id"), max_length=16, blank=True)
    naam = models.CharField(_("handeling"), max_length=200)
    start_tijd = models.DateTimeField(_("begin"))
    eind_tijd = models.DateTimeField(_("einde"))
    status = models.PositiveSmallIntegerField(_("status"), choices=Status.choices, default=Status.OK)
    systeem = models.CharField(_("systeem"), max_length=100)
    applicatie = models.CharField(_("applicatie"), max_length=100)
    applicatieversie = models.CharField(_("versie"), max_length=50)
    verwerkingsactiviteit = models.ForeignKey(
        Verwerkingsactiviteit,
        on_delete=models.PROTECT,
        related_name="logregels",
        verbose_name=_("verwerkingsactiviteit"),
    )
    betrokkene_type = models.CharField(_("soort betrokkene-id"), max_length=32, blank=True)
    # Never the plain identifier: AES-GCM ciphertext to show it, an HMAC to find it (core.bsn).
    betrokkene_versleuteld = models.TextField(_("betrokkene (versleuteld)"), blank=True)
    betrokkene_hash = models.CharField(_("betrokkene (sleutelhash)"), max_length=64, blank=True)
    door_soort = models.CharField(_("soort handelende"), max_length=16, choices=DoorSoort.choices)
    # The employee's primary key as text: no foreign key, so removing an account never has to
    # touch (and cannot be blocked by) the log.
    door_id = models.CharField(_("handelende"), max_length=150, blank=True)
    door_rollen = models.CharField(_("rollen van de handelende"), max_length=300, blank=True)
    vorige_hash = models.CharField(_("hash van de vorige regel"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    objects = AlleenToevoegenManager["Logregel"]()

    class Meta:
        verbose_name = _("regel in het logboek dataverwerkingen")
        verbose_name_plural = _("logboek dataverwerkingen")
        ordering = ["-volgnummer"]
        indexes = [
            models.Index(fields=["betrokkene_type", "betrokkene_hash"], name="logregel_betrokkene"),
            models.Index(fields=["door_soort", "door_id"], name="logregel_door"),
            models.Index(fields=["start_tijd"], name="logregel_start"),
        ]

    def __str__(self) -> str:
        return f"{self.volgnummer}: {self.naam}"


class Ketenkop(models.Model):
    """The last link of the log's hash chain (pk 1): appends lock this row so the chain stays linear,
    and the verifier compares it with the last entry, so cutting off the tail is noticed too."""

    volgnummer = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("kop van de logboekketen")
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="ketenkop_enkelvoudig")]

    def __str__(self) -> str:
        return f"{self.volgnummer}: {self.hash}"


class Zoekdocument(models.Model):
    """One searchable thing (a council paper, a publication, a product page), as the modules hand it
    to core.zoeken. The engine-specific index (SQLite FTS5 table, PostgreSQL tsvector column) is kept
    next to it by core.zoeken; the original text stays here for result snippets."""

    soort = models.CharField(_("soort"), max_length=60)
    sleutel = models.CharField(_("sleutel"), max_length=100)
    titel = models.CharField(_("titel"), max_length=500)
    tekst = models.TextField(_("tekst"), blank=True)
    url = models.CharField(_("adres"), max_length=500)
    datum = models.DateField(_("datum"), null=True, blank=True)
    openbaar = models.BooleanField(_("openbaar"), default=False)
    # Facet values by facet name ({"categorie": ["…"], "jaar": ["2025"]}), for filters and counts.
    kenmerken = models.JSONField(_("kenmerken"), default=dict, blank=True)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("zoekdocument")
        verbose_name_plural = _("zoekdocumenten")
        constraints = [models.UniqueConstraint(fields=["soort", "sleutel"], name="zoekdocument_uniek")]
        indexes = [models.Index(fields=["soort", "openbaar"])]

    def __str__(self) -> str:
        return self.titel


class Zoekwijziging(models.Model):
    """A search document changed or was removed, not yet applied to the search index: the outbox
    between the database (written in the changing transaction) and the Tantivy index (written
    after commit, or by the next search). A row is removed once its change is in the index, so a
    crash in between applies it twice, never not at all."""

    # No foreign key: the row must outlive a deleted document so the index learns of the deletion.
    document_id = models.BigIntegerField(_("zoekdocument"))
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("zoekwijziging")
        verbose_name_plural = _("zoekwijzigingen")

    def __str__(self) -> str:
        return f"{self.document_id}"


class Uitgaandetaak(models.Model):
    """A background task a committed change still has to hand to the task queue: the outbox between
    the database and a queue outside it (RQ on Redis). Written in the changing transaction, so a
    committed change always has its row and a rolled-back one never; removed in the transaction that
    hands the task over (core.taken), so with the database queue the hand-over is exactly once, and
    with Redis a crash between enqueue and removal hands it over twice, never not at all (every task
    is idempotent)."""

    taak = models.CharField(_("taak"), max_length=300)
    argumenten = models.JSONField(_("argumenten"), default=dict)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    pogingen = models.PositiveIntegerField(_("pogingen"), default=0)
    laatste_fout = models.CharField(_("laatste fout"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("uitgaande taak")
        verbose_name_plural = _("uitgaande taken")
        indexes = [models.Index(fields=["aangemaakt_op"], name="uitgaandetaak_ouderdom")]

    def __str__(self) -> str:
        return self.taak


class Idempotentiesleutel(models.Model):
    """A write that was done once under a client's Idempotency-Key (API) or form key (pages), with
    the answer it got, so a retry or a second click gets the same answer instead of a second
    effect (core.idempotentie)."""

    # Whose key: a hash of the API credential or the session user; keys of others never match.
    eigenaar = models.CharField(_("eigenaar"), max_length=64)
    sleutel = models.CharField(_("sleutel"), max_length=200)
    # What was asked: method, path and a hash of the body, so a key reused for something else is
    # refused rather than answered with another request's result.
    verzoek = models.CharField(_("verzoek"), max_length=64)
    status = models.PositiveSmallIntegerField(_("status"), null=True, blank=True)
    inhoudstype = models.CharField(_("inhoudstype"), max_length=100, blank=True)
    antwoord = models.BinaryField(_("antwoord"), blank=True, default=b"")
    locatie = models.CharField(_("locatie"), max_length=500, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("idempotentiesleutel")
        verbose_name_plural = _("idempotentiesleutels")
        constraints = [
            models.UniqueConstraint(fields=["eigenaar", "sleutel"], name="idempotentiesleutel_uniek"),
        ]
        indexes = [models.Index(fields=["aangemaakt_op"], name="idempotentie_ouderdom")]

    def __str__(self) -> str:
        return self.sleutel


class Begrotingsprogramma(models.Model):
    """A programme of the gemeente's programmabegroting (Gemeentewet art. 186; BBV art. 7-8).

    The gemeente chooses its programmes (per council term, usually); each maps to the statutory Iv3
    taakvelden it covers. It lives in core because the council, the uitvoeringsagenda and the
    verbonden partijen all book on it."""

    nummer = models.PositiveSmallIntegerField(_("nummer"))
    naam = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam in webadressen"), max_length=80, unique=True)
    taakvelden = models.JSONField(
        _("taakvelden"), default=list, blank=True, validators=[iv3.valideer_taakvelden]
    )
    vanaf_jaar = models.PositiveSmallIntegerField(_("vanaf begrotingsjaar"))
    tot_en_met_jaar = models.PositiveSmallIntegerField(_("tot en met begrotingsjaar"), null=True, blank=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("begrotingsprogramma")
        verbose_name_plural = _("begrotingsprogramma's")
        ordering = ["nummer", "naam"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tot_en_met_jaar__isnull=True)
                | models.Q(tot_en_met_jaar__gte=models.F("vanaf_jaar")),
                name="begrotingsprogramma_periode_oplopend",
                violation_error_message=_("Het laatste begrotingsjaar ligt vóór het eerste."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.naam}"

    def geldt_in(self, jaar: int) -> bool:
        return self.vanaf_jaar <= jaar and (self.tot_en_met_jaar is None or jaar <= self.tot_en_met_jaar)
