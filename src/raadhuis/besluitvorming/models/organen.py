"""Bodies (raad, college, commissies), fracties, people and their memberships over time."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Orgaan(models.Model):
    """A body that meets and decides: the raad, the college, a commissie, the presidium."""

    class Soort(models.TextChoices):
        RAAD = "raad", _("gemeenteraad")
        COLLEGE = "college", _("college van burgemeester en wethouders")
        COMMISSIE = "commissie", _("raadscommissie")
        PRESIDIUM = "presidium", _("presidium")

    soort = models.CharField(_("soort"), max_length=16, choices=Soort.choices)
    naam = models.CharField(_("naam"), max_length=200)
    afkorting = models.CharField(_("afkorting"), max_length=20, blank=True)
    slug = models.SlugField(_("korte naam in webadressen"), max_length=80, unique=True)
    # The number of seats (Gemeentewet art. 8 for the raad, from the number of inhabitants; the
    # college: burgemeester plus wethouders). Vacancies are seats without a seated member.
    zetels = models.PositiveSmallIntegerField(_("aantal zetels"), null=True, blank=True)
    actief_vanaf = models.DateField(_("actief vanaf"))
    actief_tot = models.DateField(_("actief tot en met"), null=True, blank=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("orgaan")
        verbose_name_plural = _("organen")
        ordering = ["soort", "naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(actief_tot__isnull=True) | Q(actief_tot__gte=models.F("actief_vanaf")),
                name="orgaan_periode_geldig",
            )
        ]

    def __str__(self) -> str:
        return self.naam


class Persoon(models.Model):
    """A natural person in the council's public record (ODS NatuurlijkPersoon): council and college
    members, burgerleden, the griffier. Public office holders, so their names are published."""

    class Geslacht(models.TextChoices):
        MAN = "man", _("man")
        VROUW = "vrouw", _("vrouw")
        ANDERS = "anders", _("anders")
        ONBEKEND = "onbekend", _("onbekend")

    voornaam = models.CharField(_("voornaam"), max_length=100, blank=True)
    voorletters = models.CharField(_("voorletters"), max_length=20, blank=True)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=100)
    geslacht = models.CharField(
        _("geslacht"), max_length=10, choices=Geslacht.choices, default=Geslacht.ONBEKEND
    )
    woonplaats = models.CharField(_("woonplaats"), max_length=100, blank=True)
    slug = models.SlugField(_("korte naam in webadressen"), max_length=120, unique=True)
    foto = models.FileField(_("foto"), upload_to="personen/", blank=True)
    nevenfuncties = models.TextField(_("nevenfuncties"), blank=True)
    # The employee account this person logs in with (a raadslid, collegelid or griffier), so that
    # "a raadslid submits only their own moties" (Gemeentewet art. 147a) can be checked.
    medewerker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerkeraccount"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="persoon",
    )

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["achternaam", "voornaam"]

    def __str__(self) -> str:
        return self.naam

    @property
    def naam(self) -> str:
        delen = [self.voornaam or self.voorletters, self.tussenvoegsel, self.achternaam]
        return " ".join(deel for deel in delen if deel)


class Lidmaatschap(models.Model):
    """A person's function in a body over a period. For the raad, `lid` holds a seat (raadslid);
    the burgemeester chairs the raad without being a member (Gemeentewet art. 9) and does not vote."""

    class Functie(models.TextChoices):
        LID = "lid", _("lid")
        VOORZITTER = "voorzitter", _("voorzitter")
        VICE_VOORZITTER = "vice_voorzitter", _("plaatsvervangend voorzitter")
        BURGERLID = "burgerlid", _("burgerlid")
        WETHOUDER = "wethouder", _("wethouder")
        BURGEMEESTER = "burgemeester", _("burgemeester")
        GRIFFIER = "griffier", _("griffier")
        SECRETARIS = "secretaris", _("secretaris")

    # Functions that hold a seat and a vote in the body.
    STEMGERECHTIGD = frozenset({Functie.LID, Functie.WETHOUDER, Functie.BURGERLID})

    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="lidmaatschappen")
    orgaan = models.ForeignKey(Orgaan, on_delete=models.PROTECT, related_name="lidmaatschappen")
    functie = models.CharField(_("functie"), max_length=20, choices=Functie.choices)
    begin = models.DateField(_("begin"))
    einde = models.DateField(_("einde"), null=True, blank=True)
    portefeuille = models.CharField(_("portefeuille"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        ordering = ["orgaan", "begin"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einde__isnull=True) | Q(einde__gte=models.F("begin")),
                name="lidmaatschap_periode_geldig",
            )
        ]
        indexes = [models.Index(fields=["orgaan", "begin", "einde"])]

    def __str__(self) -> str:
        return f"{self.persoon} — {self.get_functie_display()} {self.orgaan}"


class Fractie(models.Model):
    """A group in the raad. Fracties do not vote (Gemeentewet art. 27: members vote zonder last);
    their results are derived from their members' votes."""

    naam = models.CharField(_("naam"), max_length=200)
    afkorting = models.CharField(_("afkorting"), max_length=30)
    slug = models.SlugField(_("korte naam in webadressen"), max_length=80, unique=True)
    actief_vanaf = models.DateField(_("actief vanaf"))
    actief_tot = models.DateField(_("actief tot en met"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("fractie")
        verbose_name_plural = _("fracties")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.afkorting or self.naam


class Fractielidmaatschap(models.Model):
    """Membership of a fractie over a period; a member who changes fractie gets a new row."""

    class Functie(models.TextChoices):
        LID = "lid", _("lid")
        FRACTIEVOORZITTER = "fractievoorzitter", _("fractievoorzitter")
        BURGERLID = "burgerlid", _("burgerlid")

    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="fractielidmaatschappen")
    fractie = models.ForeignKey(Fractie, on_delete=models.PROTECT, related_name="lidmaatschappen")
    functie = models.CharField(_("functie"), max_length=20, choices=Functie.choices, default=Functie.LID)
    begin = models.DateField(_("begin"))
    einde = models.DateField(_("einde"), null=True, blank=True)

    class Meta:
        verbose_name = _("fractielidmaatschap")
        verbose_name_plural = _("fractielidmaatschappen")
        ordering = ["fractie", "begin"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einde__isnull=True) | Q(einde__gte=models.F("begin")),
                name="fractielidmaatschap_periode_geldig",
            )
        ]

    def __str__(self) -> str:
        return f"{self.persoon} — {self.fractie}"
