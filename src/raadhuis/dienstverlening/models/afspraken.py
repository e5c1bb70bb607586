"""Desk appointments and marriage ceremonies.

A location's opening hours are cut into time slots whose capacity is the number of open desks;
a booking takes one place in each slot its duration covers, with a conditional update
(`bezet < capaciteit`), so the last free place goes to exactly one of any number of concurrent
requests. Ceremonies are unique per location and start, and per BABS and start.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from raadhuis.dienstverlening.models.catalogus import Kanaal, Product
from raadhuis.dienstverlening.models.zaken import Zaak


class Locatie(models.Model):
    naam = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("korte naam in de URL"), max_length=80, unique=True)
    adres = models.CharField(_("adres"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=7)
    plaats = models.CharField(_("plaats"), max_length=80)
    toelichting = models.TextField(
        _("toelichting"), blank=True, help_text=_("Bijvoorbeeld de toegankelijkheid.")
    )
    tijdvak_minuten = models.PositiveSmallIntegerField(
        _("tijdvak in minuten"), default=15, help_text=_("De duur van een afspraak is een veelvoud hiervan.")
    )
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tijdvak_minuten__in=[5, 10, 15, 20, 30, 60]), name="locatie_tijdvak"
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Balie(models.Model):
    locatie = models.ForeignKey(Locatie, on_delete=models.CASCADE, related_name="balies")
    naam = models.CharField(_("naam"), max_length=80)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("balie")
        verbose_name_plural = _("balies")
        ordering = ["locatie", "naam"]
        constraints = [models.UniqueConstraint(fields=["locatie", "naam"], name="balie_naam_uniek")]

    def __str__(self) -> str:
        return f"{self.locatie}: {self.naam}"


class Openingstijd(models.Model):
    """A weekly opening period; a day may have more than one (a lunch break between them)."""

    locatie = models.ForeignKey(Locatie, on_delete=models.CASCADE, related_name="openingstijden")
    weekdag = models.PositiveSmallIntegerField(_("weekdag"), help_text=_("0 is maandag, 6 is zondag."))
    van = models.TimeField(_("van"))
    tot = models.TimeField(_("tot"))

    class Meta:
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")
        ordering = ["locatie", "weekdag", "van"]
        constraints = [
            models.CheckConstraint(condition=models.Q(weekdag__lte=6), name="openingstijd_weekdag"),
            models.CheckConstraint(
                condition=models.Q(van__lt=models.F("tot")), name="openingstijd_van_voor_tot"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.locatie} {self.weekdag} {self.van}-{self.tot}"


class Sluitingsdag(models.Model):
    """A day a location is closed besides the public holidays (which the deadline engine knows)."""

    locatie = models.ForeignKey(Locatie, on_delete=models.CASCADE, related_name="sluitingsdagen")
    datum = models.DateField(_("datum"))
    reden = models.CharField(_("reden"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("sluitingsdag")
        verbose_name_plural = _("sluitingsdagen")
        ordering = ["locatie", "datum"]
        constraints = [models.UniqueConstraint(fields=["locatie", "datum"], name="sluitingsdag_uniek")]

    def __str__(self) -> str:
        return f"{self.locatie} {self.datum}"


class Afspraaktype(models.Model):
    naam = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("korte naam in de URL"), max_length=80, unique=True)
    product = models.ForeignKey(
        Product,
        verbose_name=_("product"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="afspraaktypen",
    )
    duur_minuten = models.PositiveSmallIntegerField(_("duur in minuten"))
    locaties = models.ManyToManyField(Locatie, verbose_name=_("locaties"), related_name="afspraaktypen")
    meenemen = models.TextField(_("wat u meeneemt"), blank=True)
    online_boekbaar = models.BooleanField(_("online te boeken"), default=True)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("afspraaktype")
        verbose_name_plural = _("afspraaktypen")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(condition=models.Q(duur_minuten__gte=5), name="afspraaktype_duur")
        ]

    def __str__(self) -> str:
        return self.naam


class Tijdslot(models.Model):
    """One slot of a location's day; `capaciteit` is the number of desks open then."""

    locatie = models.ForeignKey(Locatie, on_delete=models.CASCADE, related_name="tijdsloten")
    start = models.DateTimeField(_("begin"))
    capaciteit = models.PositiveSmallIntegerField(_("capaciteit"))
    bezet = models.PositiveSmallIntegerField(_("bezet"), default=0)

    class Meta:
        verbose_name = _("tijdslot")
        verbose_name_plural = _("tijdsloten")
        ordering = ["locatie", "start"]
        constraints = [
            models.UniqueConstraint(fields=["locatie", "start"], name="tijdslot_uniek"),
            # The database itself refuses an overbooking, whatever the code above it does.
            models.CheckConstraint(
                condition=models.Q(bezet__lte=models.F("capaciteit")), name="tijdslot_niet_overboekt"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.locatie} {self.start:%Y-%m-%d %H:%M} ({self.bezet}/{self.capaciteit})"


class Afspraakstatus(models.TextChoices):
    GEBOEKT = "geboekt", _("geboekt")
    GEANNULEERD = "geannuleerd", _("geannuleerd")
    NIET_VERSCHENEN = "niet_verschenen", _("niet verschenen")
    AFGEROND = "afgerond", _("afgerond")


class Afspraak(models.Model):
    """A booked appointment. `beheercode_hash` lets the person move or cancel it from the link in the
    confirmation without logging in; only the hash is stored."""

    locatie = models.ForeignKey(Locatie, on_delete=models.PROTECT, related_name="afspraken")
    afspraaktype = models.ForeignKey(Afspraaktype, on_delete=models.PROTECT, related_name="afspraken")
    start = models.DateTimeField(_("begin"))
    eind = models.DateTimeField(_("einde"))
    status = models.CharField(
        _("status"), max_length=16, choices=Afspraakstatus.choices, default=Afspraakstatus.GEBOEKT
    )
    naam = models.CharField(_("naam"), max_length=200)
    emailadres = models.EmailField(_("e-mailadres"), blank=True)
    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    kanaal = models.CharField(_("geboekt via"), max_length=16, choices=Kanaal.choices)
    geboekt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    zaak = models.ForeignKey(Zaak, on_delete=models.SET_NULL, null=True, blank=True, related_name="afspraken")
    beheercode_hash = models.CharField(max_length=64, unique=True)
    # The desk's queue: when the visitor reported at the desk and when they were called; the waiting
    # time between them is measured against the 15-minute norm (VNG kwaliteitshandvest).
    aangemeld_op = models.DateTimeField(_("aangemeld op"), null=True, blank=True)
    opgeroepen_op = models.DateTimeField(_("opgeroepen op"), null=True, blank=True)
    taal = models.CharField(_("taal"), max_length=5, default="nl")
    aangemaakt_op = models.DateTimeField(_("geboekt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__lt=models.F("eind")), name="afspraak_start_voor_eind"
            ),
            models.CheckConstraint(
                condition=models.Q(opgeroepen_op__isnull=True)
                | models.Q(aangemeld_op__isnull=False, opgeroepen_op__gte=models.F("aangemeld_op")),
                name="afspraak_opgeroepen_na_aanmelden",
            ),
        ]
        indexes = [
            models.Index(fields=["locatie", "start"], name="afspraak_locatie_start"),
            models.Index(fields=["bsn", "-start"], name="afspraak_bsn"),
            models.Index(fields=["start"], name="afspraak_periode"),
        ]

    def __str__(self) -> str:
        return f"{self.afspraaktype} {self.start:%Y-%m-%d %H:%M}"


class Trouwlocatie(models.Model):
    naam = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("korte naam in de URL"), max_length=80, unique=True)
    adres = models.CharField(_("adres"), max_length=200)
    gratis = models.BooleanField(
        _("gratis variant"),
        default=False,
        help_text=_("Een kosteloze, eenvoudige voltrekking op vaste momenten."),
    )
    tarief = models.DecimalField(_("tarief"), max_digits=8, decimal_places=2, default=0)
    tarief_demo = models.BooleanField(_("voorbeeldbedrag"), default=False)
    max_gasten = models.PositiveSmallIntegerField(_("maximaal aantal gasten"), null=True, blank=True)
    duur_minuten = models.PositiveSmallIntegerField(_("duur in minuten"), default=30)
    toelichting = models.TextField(_("toelichting"), blank=True)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("trouwlocatie")
        verbose_name_plural = _("trouwlocaties")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Ceremoniemoment(models.Model):
    """A weekly moment a ceremony can start at a location (the free variant has only a few)."""

    trouwlocatie = models.ForeignKey(Trouwlocatie, on_delete=models.CASCADE, related_name="momenten")
    weekdag = models.PositiveSmallIntegerField(_("weekdag"), help_text=_("0 is maandag, 6 is zondag."))
    tijd = models.TimeField(_("tijd"))

    class Meta:
        verbose_name = _("ceremoniemoment")
        verbose_name_plural = _("ceremoniemomenten")
        ordering = ["trouwlocatie", "weekdag", "tijd"]
        constraints = [
            models.UniqueConstraint(fields=["trouwlocatie", "weekdag", "tijd"], name="ceremoniemoment_uniek"),
            models.CheckConstraint(condition=models.Q(weekdag__lte=6), name="ceremoniemoment_weekdag"),
        ]

    def __str__(self) -> str:
        return f"{self.trouwlocatie} {self.weekdag} {self.tijd}"


class Babs(models.Model):
    """A buitengewoon ambtenaar van de burgerlijke stand (BW 1 art. 16)."""

    naam = models.CharField(_("naam"), max_length=200)
    emailadres = models.EmailField(_("e-mailadres"), blank=True)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("babs")
        verbose_name_plural = _("babs")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Ceremoniestatus(models.TextChoices):
    GERESERVEERD = "gereserveerd", _("gereserveerd")
    BEVESTIGD = "bevestigd", _("bevestigd")
    GEANNULEERD = "geannuleerd", _("geannuleerd")


class Ceremonie(models.Model):
    """A reserved ceremony, tied to the case of the marriage notice it was reserved with."""

    trouwlocatie = models.ForeignKey(Trouwlocatie, on_delete=models.PROTECT, related_name="ceremonies")
    start = models.DateTimeField(_("begin"))
    babs = models.ForeignKey(
        Babs,
        verbose_name=_("babs"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ceremonies",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Ceremoniestatus.choices, default=Ceremoniestatus.GERESERVEERD
    )
    zaak = models.ForeignKey(
        Zaak, on_delete=models.SET_NULL, null=True, blank=True, related_name="ceremonies"
    )
    partner_1 = models.CharField(_("partner 1"), max_length=200)
    partner_2 = models.CharField(_("partner 2"), max_length=200)
    aangemaakt_op = models.DateTimeField(_("gereserveerd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("ceremonie")
        verbose_name_plural = _("ceremonies")
        ordering = ["start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["trouwlocatie", "start"],
                condition=~models.Q(status="geannuleerd"),
                name="ceremonie_locatie_start_uniek",
            ),
            models.UniqueConstraint(
                fields=["babs", "start"],
                condition=~models.Q(status="geannuleerd"),
                name="ceremonie_babs_start_uniek",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trouwlocatie} {self.start:%Y-%m-%d %H:%M}"
