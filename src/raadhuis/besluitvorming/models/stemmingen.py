"""What gets voted on (proposals, amendments, motions), the votes, and the decisions."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from raadhuis.besluitvorming.models.organen import Fractie, Persoon
from raadhuis.besluitvorming.models.vergaderingen import Agendapunt, Gewijzigd, Stuk, Vergadering


class Voorstel(models.Model):
    """A raadsvoorstel, (sub)amendement or motie put to the raad. Amendments change a proposal
    (Gemeentewet art. 147b); a subamendement changes an amendment; a motie vreemd aan de orde van de
    dag has no agenda item of its own."""

    class Soort(models.TextChoices):
        # The values are those of besluitvorming.stemregels.Voorstelsoort, which orders the votes.
        VOORSTEL = "voorstel", _("raadsvoorstel")
        AMENDEMENT = "amendement", _("amendement")
        SUBAMENDEMENT = "subamendement", _("subamendement")
        MOTIE = "motie", _("motie")
        MOTIE_VREEMD = "motie_vreemd_aan_de_orde_van_de_dag", _("motie vreemd aan de orde van de dag")

    class MotieType(models.TextChoices):
        """ODS MotieType."""

        VOORSTEL = "voorstel", _("voorstel")
        AFKEURING = "afkeuring", _("afkeuring")
        TREURNIS = "treurnis", _("treurnis")
        WANTROUWEN = "wantrouwen", _("wantrouwen")
        VREEMD = "vreemd", _("vreemd aan de orde van de dag")
        OVERIG = "overig", _("overig")

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", _("ingediend")
        INGETROKKEN = "ingetrokken", _("ingetrokken")
        AANGEHOUDEN = "aangehouden", _("aangehouden")
        AANGENOMEN = "aangenomen", _("aangenomen")
        VERWORPEN = "verworpen", _("verworpen")
        UITGESTELD = "uitgesteld", _("uitgesteld (staking van stemmen)")

    class Afhandeling(models.TextChoices):
        """How far the college is with an adopted motie (the moties register)."""

        OPEN = "open", _("in behandeling")
        AFGEDAAN = "afgedaan", _("afgedaan")
        NIET_UITGEVOERD = "niet_uitgevoerd", _("wordt niet uitgevoerd")

    vergadering = models.ForeignKey(Vergadering, on_delete=models.PROTECT, related_name="voorstellen")
    agendapunt = models.ForeignKey(
        Agendapunt, on_delete=models.PROTECT, null=True, blank=True, related_name="voorstellen"
    )
    soort = models.CharField(_("soort"), max_length=40, choices=Soort.choices)
    motie_type = models.CharField(_("soort motie"), max_length=12, choices=MotieType.choices, blank=True)
    wijzigt = models.ForeignKey(
        "self",
        verbose_name=_("wijzigt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="wijzigingen",
        help_text=_("Bij een amendement het voorstel, bij een subamendement het amendement."),
    )
    titel = models.CharField(_("titel"), max_length=500)
    tekst = models.TextField(_("tekst"), blank=True)
    gewijzigde_tekst = models.TextField(_("tekst na wijziging"), blank=True)
    # For the voting order: the furthest-reaching amendment is voted first (model RvO).
    strekking = models.SmallIntegerField(_("verstrekkendheid"), default=0)
    stuk = models.ForeignKey(
        Stuk, on_delete=models.SET_NULL, null=True, blank=True, related_name="voorstellen"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.INGEDIEND)
    ingediend_op = models.DateTimeField(_("ingediend op"))
    # The moties register: who in the college carries out an adopted motie, by when, and how.
    portefeuillehouder = models.ForeignKey(
        Persoon,
        verbose_name=_("portefeuillehouder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    uiterste_datum = models.DateField(_("uiterste datum afhandeling"), null=True, blank=True)
    afhandeling = models.CharField(_("afhandeling"), max_length=16, choices=Afhandeling.choices, blank=True)
    antwoord_college = models.TextField(_("antwoord van het college"), blank=True)
    afgedaan_op = models.DateField(_("afgedaan op"), null=True, blank=True)

    class Meta:
        verbose_name = _("voorstel")
        verbose_name_plural = _("voorstellen")
        ordering = ["vergadering", "ingediend_op"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(soort__in=["amendement", "subamendement"]) | Q(wijzigt__isnull=False),
                name="voorstel_amendement_wijzigt_iets",
            )
        ]

    def __str__(self) -> str:
        return self.titel


class Indiener(models.Model):
    """Who submitted a proposal (ODS Indiener): the first indiener and mede-indieners."""

    voorstel = models.ForeignKey(Voorstel, on_delete=models.CASCADE, related_name="indieners")
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="indieningen")
    fractie = models.ForeignKey(Fractie, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    eerste = models.BooleanField(_("eerste indiener"), default=False)

    class Meta:
        verbose_name = _("indiener")
        verbose_name_plural = _("indieners")
        constraints = [models.UniqueConstraint(fields=["voorstel", "persoon"], name="indiener_eenmaal")]

    def __str__(self) -> str:
        return f"{self.persoon} — {self.voorstel}"


class Stemming(Gewijzigd):
    """A vote (ODS Stemming) with its legal outcome computed by besluitvorming.stemregels and stored
    with the explanation, so the record shows why it was adopted or not."""

    class Type(models.TextChoices):
        HOOFDELIJK = "hoofdelijk", _("hoofdelijk")
        REGULIER = "regulier", _("regulier (handopsteken)")
        SCHRIFTELIJK = "schriftelijk", _("schriftelijk (over personen)")

    class Uitkomst(models.TextChoices):
        AANGENOMEN = "aangenomen", _("aangenomen")
        VERWORPEN = "verworpen", _("verworpen")
        UITGESTELD = "uitgesteld", _("uitgesteld")
        ONGELDIG = "ongeldig", _("ongeldig")
        GEEN_QUORUM = "geen_quorum", _("geen quorum")
        AANGENOMEN_ZONDER_STEMMING = "aangenomen_zonder_stemming", _("aangenomen zonder stemming")
        OPNIEUW_STEMMEN = "opnieuw_stemmen", _("opnieuw stemmen")
        GEKOZEN = "gekozen", _("gekozen")
        VOLGENDE_RONDE = "volgende_ronde", _("volgende ronde")

    class Resultaat(models.TextChoices):
        """ODS StemmingResultaat."""

        VOOR = "voor", _("voor")
        TEGEN = "tegen", _("tegen")
        GELIJK = "gelijk", _("gelijk")

    vergadering = models.ForeignKey(Vergadering, on_delete=models.PROTECT, related_name="stemmingen")
    agendapunt = models.ForeignKey(
        Agendapunt, on_delete=models.PROTECT, null=True, blank=True, related_name="stemmingen"
    )
    voorstel = models.ForeignKey(
        Voorstel, on_delete=models.PROTECT, null=True, blank=True, related_name="stemmingen"
    )
    type = models.CharField(_("soort stemming"), max_length=12, choices=Type.choices)
    over_personen = models.BooleanField(_("stemming over personen"), default=False)
    moment = models.DateTimeField(_("moment"))
    aanwezig = models.ManyToManyField(Persoon, verbose_name=_("aanwezig"), related_name="+", blank=True)
    # Gemeentewet art. 28: members who may not vote on this matter.
    moeten_onthouden = models.ManyToManyField(
        Persoon, verbose_name=_("moeten zich onthouden (art. 28)"), related_name="+", blank=True
    )
    eerder_gestaakt = models.BooleanField(_("stemmen staakten in een eerdere vergadering"), default=False)
    uitkomst = models.CharField(_("uitkomst"), max_length=28, choices=Uitkomst.choices)
    resultaat = models.CharField(_("resultaat"), max_length=8, choices=Resultaat.choices, blank=True)
    aantal_voor = models.PositiveSmallIntegerField(_("voor"), default=0)
    aantal_tegen = models.PositiveSmallIntegerField(_("tegen"), default=0)
    aantal_afwezig = models.PositiveSmallIntegerField(_("afwezig"), default=0)
    geldig = models.BooleanField(_("geldig"), default=True)
    voltallig = models.BooleanField(_("voltallig"), default=False)
    uitleg = models.JSONField(_("uitleg"), default=list)
    tegen_aangetekend = models.ManyToManyField(
        Persoon, verbose_name=_("aantekening tegen (hamerstuk)"), related_name="+", blank=True
    )

    class Meta:
        verbose_name = _("stemming")
        verbose_name_plural = _("stemmingen")
        ordering = ["vergadering", "moment"]

    def __str__(self) -> str:
        onderwerp = self.voorstel or self.agendapunt
        return f"{onderwerp}: {self.get_uitkomst_display()}"

    @property
    def onderwerp_titel(self) -> str:
        """What was voted on, for headings: the proposal, else the agenda item (a motie vreemd aan de
        orde van de dag has no item; a vote on persons may have no proposal)."""
        if self.voorstel is not None:
            return self.voorstel.titel
        return self.agendapunt.titel if self.agendapunt is not None else ""

    @property
    def samenvatting(self) -> str:
        return str(self.uitleg[-1]) if self.uitleg else ""


class Stem(models.Model):
    """One member's vote in a roll-call or show-of-hands vote (ODS Stem). The fractie is the one the
    member belonged to at the time, kept so later fractie changes do not rewrite history."""

    class Keuze(models.TextChoices):
        VOOR = "voor", _("voor")
        TEGEN = "tegen", _("tegen")
        AFWEZIG = "afwezig", _("afwezig")
        ONTHOUDEN = "onthouden", _("onthouden")

    stemming = models.ForeignKey(Stemming, on_delete=models.CASCADE, related_name="stemmen")
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="stemmen")
    fractie = models.ForeignKey(
        Fractie, on_delete=models.PROTECT, null=True, blank=True, related_name="stemmen"
    )
    keuze = models.CharField(_("keuze"), max_length=10, choices=Keuze.choices)

    class Meta:
        verbose_name = _("stem")
        verbose_name_plural = _("stemmen")
        constraints = [models.UniqueConstraint(fields=["stemming", "persoon"], name="stem_eenmaal_per_lid")]

    def __str__(self) -> str:
        return f"{self.persoon}: {self.keuze}"


class Fractiestemresultaat(models.Model):
    """A fractie's result on a vote (ODS StemresultaatPerFractie), derived from its members' votes
    when the vote is recorded (Gemeentewet art. 27: fracties do not vote)."""

    class Resultaat(models.TextChoices):
        AANGENOMEN = "aangenomen", _("voor")
        VERWORPEN = "verworpen", _("tegen")
        VERDEELD = "verdeeld", _("verdeeld")

    stemming = models.ForeignKey(Stemming, on_delete=models.CASCADE, related_name="fractieresultaten")
    fractie = models.ForeignKey(Fractie, on_delete=models.PROTECT, related_name="stemresultaten")
    resultaat = models.CharField(_("resultaat"), max_length=10, choices=Resultaat.choices)
    voor = models.PositiveSmallIntegerField(_("voor"), default=0)
    tegen = models.PositiveSmallIntegerField(_("tegen"), default=0)

    class Meta:
        verbose_name = _("stemresultaat per fractie")
        verbose_name_plural = _("stemresultaten per fractie")
        constraints = [
            models.UniqueConstraint(fields=["stemming", "fractie"], name="fractiestemresultaat_eenmaal")
        ]

    def __str__(self) -> str:
        return f"{self.fractie}: {self.resultaat}"


class Stemverklaring(models.Model):
    """An explanation of vote, given before the vote (model RvO)."""

    stemming = models.ForeignKey(Stemming, on_delete=models.CASCADE, related_name="stemverklaringen")
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="stemverklaringen")
    fractie = models.ForeignKey(Fractie, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    tekst = models.TextField(_("tekst"))

    class Meta:
        verbose_name = _("stemverklaring")
        verbose_name_plural = _("stemverklaringen")

    def __str__(self) -> str:
        return f"{self.persoon}: {self.tekst[:40]}"


class Besluit(models.Model):
    """The decision on an agenda item (ODS Besluit), from a vote or a hamerstuk."""

    class Resultaat(models.TextChoices):
        AANGENOMEN = "aangenomen", _("aangenomen")
        AANGENOMEN_ZONDER_STEMMING = "aangenomen_zonder_stemming", _("aangenomen zonder stemming (hamerstuk)")
        GEAMENDEERD_AANGENOMEN = "geamendeerd_aangenomen", _("geamendeerd aangenomen")
        VERWORPEN = "verworpen", _("verworpen")
        UITGESTELD = "uitgesteld", _("uitgesteld")
        AANGEHOUDEN = "aangehouden", _("aangehouden")
        INGETROKKEN = "ingetrokken", _("ingetrokken")
        VOOR_KENNISGEVING = "voor_kennisgeving", _("voor kennisgeving aangenomen")

    agendapunt = models.ForeignKey(Agendapunt, on_delete=models.PROTECT, related_name="besluiten")
    voorstel = models.ForeignKey(
        Voorstel, on_delete=models.PROTECT, null=True, blank=True, related_name="besluiten"
    )
    stemming = models.OneToOneField(
        Stemming, on_delete=models.PROTECT, null=True, blank=True, related_name="besluit"
    )
    resultaat = models.CharField(_("resultaat"), max_length=28, choices=Resultaat.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)
    genomen_op = models.DateField(_("genomen op"))

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["-genomen_op"]

    def __str__(self) -> str:
        return f"{self.agendapunt}: {self.get_resultaat_display()}"
