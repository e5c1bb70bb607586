"""Klantcontacten, shaped like Open Klant's Klantinteracties (0.9): every contact on every channel,
with the party, the subject, the linked case, whether it was resolved at once, and the follow-up
task (InterneTaak: a callback); plus the knowledge base of standard answers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from raadhuis.dienstverlening.models.catalogus import Product
from raadhuis.dienstverlening.models.zaken import Team, Zaak


class Contactkanaal(models.TextChoices):
    """The channels a contact can come in on. The digital ones (`DIGITALE_CONTACTKANALEN`) count as
    digital in the channel mix, as Burgerpeiling dv12 counts website/app, e-mail and social media."""

    BALIE = "balie", _("balie")
    TELEFOON = "telefoon", _("telefoon")
    EMAIL = "email", _("e-mail")
    BRIEF = "brief", _("brief")
    CHAT = "chat", _("chat")
    WEBFORMULIER = "webformulier", _("webformulier")
    SOCIAL_MEDIA = "social_media", _("sociale media")


DIGITALE_CONTACTKANALEN: frozenset[str] = frozenset(
    {Contactkanaal.EMAIL, Contactkanaal.CHAT, Contactkanaal.WEBFORMULIER, Contactkanaal.SOCIAL_MEDIA}
)


class Partijsoort(models.TextChoices):
    """Open Klant Partij with its partij-identificator: a resident by BSN, a business by KvK."""

    INWONER = "inwoner", _("inwoner (BSN)")
    ONDERNEMER = "ondernemer", _("ondernemer (KvK)")
    ANONIEM = "anoniem", _("anoniem")


class Klantcontact(models.Model):
    """One contact (Open Klant Klantcontact). `opgelost_in_eerste_contact` is indicatieContactGelukt
    without further action: it is set false when a callback is created for it."""

    kanaal = models.CharField(_("kanaal"), max_length=16, choices=Contactkanaal.choices)
    partijsoort = models.CharField(
        _("wie"), max_length=12, choices=Partijsoort.choices, default=Partijsoort.ANONIEM
    )
    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=8, blank=True)
    naam = models.CharField(_("naam"), max_length=200, blank=True)
    emailadres = models.EmailField(_("e-mailadres"), blank=True)
    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    product = models.ForeignKey(
        Product,
        verbose_name=_("product"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="klantcontacten",
    )
    inhoud = models.TextField(_("vraag of inhoud"), blank=True)
    antwoord = models.TextField(_("antwoord"), blank=True)
    kennisartikel = models.ForeignKey(
        "Kennisartikel",
        verbose_name=_("standaardantwoord"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="klantcontacten",
    )
    zaak = models.ForeignKey(
        Zaak,
        verbose_name=_("zaak"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="klantcontacten",
    )
    opgelost_in_eerste_contact = models.BooleanField(_("in het eerste contact opgelost"), default=False)
    # Open until an employee has dealt with it: a web-form question waits here for its answer.
    afgehandeld = models.BooleanField(_("afgehandeld"), default=True)
    plaatsgevonden_op = models.DateTimeField(_("plaatsgevonden op"))
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="klantcontacten",
    )
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geregistreerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    taal = models.CharField(_("taal"), max_length=5, default="nl")
    vertrouwelijk = models.BooleanField(_("vertrouwelijk"), default=False)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("klantcontact")
        verbose_name_plural = _("klantcontacten")
        ordering = ["-plaatsgevonden_op", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(partijsoort="inwoner") & ~models.Q(bsn=""))
                | (models.Q(partijsoort="ondernemer") & ~models.Q(kvk_nummer=""))
                | (models.Q(partijsoort="anoniem") & models.Q(bsn="", kvk_nummer="")),
                name="klantcontact_partij_geidentificeerd",
            ),
        ]
        indexes = [
            models.Index(fields=["plaatsgevonden_op"], name="klantcontact_periode"),
            # The 360° view: a party's contacts, newest first.
            models.Index(fields=["bsn", "-plaatsgevonden_op"], name="klantcontact_bsn"),
            models.Index(fields=["kvk_nummer", "-plaatsgevonden_op"], name="klantcontact_kvk"),
            models.Index(
                fields=["plaatsgevonden_op"],
                condition=models.Q(afgehandeld=False),
                name="klantcontact_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kanaal_display()}: {self.onderwerp}"


class Taakstatus(models.TextChoices):
    """Open Klant InterneTaak.status."""

    TE_VERWERKEN = "te_verwerken", _("te verwerken")
    VERWERKT = "verwerkt", _("verwerkt")


class Terugbelverzoek(models.Model):
    """A follow-up task for a colleague or a team (Open Klant InterneTaak: gevraagdeHandeling,
    toegewezenOp, afgehandeldOp) with a deadline. Always has an owner: a person, a team or both."""

    klantcontact = models.ForeignKey(
        Klantcontact,
        verbose_name=_("klantcontact"),
        on_delete=models.CASCADE,
        related_name="terugbelverzoeken",
    )
    gevraagde_handeling = models.TextField(_("gevraagde handeling"))
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="terugbelverzoeken",
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="terugbelverzoeken",
    )
    deadline = models.DateTimeField(_("terugbellen voor"))
    status = models.CharField(
        _("status"), max_length=16, choices=Taakstatus.choices, default=Taakstatus.TE_VERWERKEN
    )
    toegewezen_op = models.DateTimeField(_("toegewezen op"))
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resultaat = models.TextField(_("resultaat"), blank=True)
    contact_gelukt = models.BooleanField(_("contact gelukt"), null=True, blank=True)

    class Meta:
        verbose_name = _("terugbelverzoek")
        verbose_name_plural = _("terugbelverzoeken")
        ordering = ["deadline", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(medewerker__isnull=False) | models.Q(team__isnull=False),
                name="terugbelverzoek_heeft_eigenaar",
            ),
            models.CheckConstraint(
                condition=(models.Q(status="te_verwerken") & models.Q(afgehandeld_op__isnull=True))
                | (models.Q(status="verwerkt") & models.Q(afgehandeld_op__isnull=False)),
                name="terugbelverzoek_afgehandeld_consistent",
            ),
        ]
        indexes = [
            models.Index(
                fields=["medewerker", "deadline"],
                condition=models.Q(status="te_verwerken"),
                name="terugbel_open_medewerker",
            ),
            models.Index(
                fields=["team", "deadline"],
                condition=models.Q(status="te_verwerken"),
                name="terugbel_open_team",
            ),
            models.Index(fields=["toegewezen_op"], name="terugbel_periode"),
        ]

    def __str__(self) -> str:
        return self.gevraagde_handeling[:60]


class Kennisartikel(models.Model):
    """A standard answer in the knowledge base, per product; indexed in the core search (internal)."""

    titel = models.CharField(_("vraag"), max_length=200)
    antwoord = models.TextField(_("antwoord"))
    product = models.ForeignKey(
        Product,
        verbose_name=_("product"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kennisartikelen",
    )
    trefwoorden = models.CharField(_("trefwoorden"), max_length=300, blank=True)
    actief = models.BooleanField(_("actief"), default=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("kennisartikel")
        verbose_name_plural = _("kennisartikelen")
        ordering = ["titel", "id"]

    def __str__(self) -> str:
        return self.titel
