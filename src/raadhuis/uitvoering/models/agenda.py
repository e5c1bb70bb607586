"""The uitvoeringsagenda: acties carrying out the goals, and the activiteiten with owner, planning,
multi-year budget and status."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from raadhuis.uitvoering.models.akkoord import Opdracht, Programmadoel
from raadhuis.uitvoering.models.keuzes import PcMoment, Status

MOTIES = ("motie", "motie_vreemd_aan_de_orde_van_de_dag")
# Who can own an action: a wethouder or the burgemeester (the portefeuillehouder, Gemeentewet art. 168).
COLLEGELEDEN = models.Q(lidmaatschappen__functie__in=("wethouder", "burgemeester"))


class Actie(models.Model):
    doel = models.ForeignKey(Programmadoel, on_delete=models.PROTECT, related_name="acties")
    titel = models.CharField(_("titel"), max_length=300)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    portefeuillehouder = models.ForeignKey(
        "besluitvorming.Persoon",
        verbose_name=_("portefeuillehouder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to=COLLEGELEDEN,
    )
    team = models.CharField(_("team"), max_length=200, blank=True)
    begin = models.DateField(_("begin"))
    einde = models.DateField(_("einde"))
    opdrachten = models.ManyToManyField(
        Opdracht, verbose_name=_("opdrachten aan het college"), blank=True, related_name="acties"
    )
    moties = models.ManyToManyField(
        "besluitvorming.Voorstel",
        verbose_name=_("moties"),
        blank=True,
        related_name="+",
        limit_choices_to={"soort__in": MOTIES},
    )
    toezeggingen = models.ManyToManyField(
        "besluitvorming.Toezegging", verbose_name=_("toezeggingen"), blank=True, related_name="+"
    )
    openbaar = models.BooleanField(_("openbaar"), default=True)

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["doel", "begin", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(einde__gte=models.F("begin")),
                name="actie_periode_oplopend",
                violation_error_message=_("Het einde van de actie ligt vóór het begin."),
            )
        ]

    def __str__(self) -> str:
        return self.titel


class Activiteit(models.Model):
    actie = models.ForeignKey(Actie, on_delete=models.PROTECT, related_name="activiteiten")
    titel = models.CharField(_("titel"), max_length=300)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    portefeuillehouder = models.ForeignKey(
        "besluitvorming.Persoon",
        verbose_name=_("portefeuillehouder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to=COLLEGELEDEN,
    )
    team = models.CharField(_("team"), max_length=200, blank=True)
    begin = models.DateField(_("begin"))
    einde = models.DateField(_("einde"))
    # The latest update's status, kept here for lists; the updates themselves are the history.
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NIET_GESTART)
    openbaar = models.BooleanField(_("openbaar"), default=True)

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["actie", "begin", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(einde__gte=models.F("begin")),
                name="activiteit_periode_oplopend",
                violation_error_message=_("Het einde van de activiteit ligt vóór het begin."),
            )
        ]

    def __str__(self) -> str:
        return self.titel


class Budget(models.Model):
    """The budget of an activity in one year of the meerjarenraming (Gemeentewet art. 190, BBV art. 7)."""

    activiteit = models.ForeignKey(Activiteit, on_delete=models.CASCADE, related_name="budgetten")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    bedrag = models.DecimalField(_("bedrag (euro)"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgetten")
        ordering = ["activiteit", "jaar"]
        constraints = [
            models.UniqueConstraint(fields=["activiteit", "jaar"], name="budget_eenmaal_per_jaar"),
            models.CheckConstraint(
                condition=models.Q(bedrag__gte=0),
                name="budget_niet_negatief",
                violation_error_message=_("Een budget kan niet negatief zijn."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activiteit} {self.jaar}: {self.bedrag}"


class Voortgangsupdate(models.Model):
    """One progress report on an activity at a P&C moment. Append-only: a later update adds a row,
    so what was reported at the voorjaarsnota stays visible next to what the jaarverslag says."""

    activiteit = models.ForeignKey(Activiteit, on_delete=models.PROTECT, related_name="updates")
    moment = models.CharField(_("P&C-moment"), max_length=24, choices=PcMoment.choices)
    jaar = models.PositiveSmallIntegerField(_("begrotingsjaar"))
    datum = models.DateField(_("datum"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    toelichting = models.TextField(_("toelichting"))
    # Spent in `jaar` up to `datum`; the latest update of a year gives that year's realisation.
    besteed = models.DecimalField(_("besteed (euro)"), max_digits=14, decimal_places=2, null=True, blank=True)
    openbaar = models.BooleanField(_("openbaar"), default=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("voortgangsupdate")
        verbose_name_plural = _("voortgangsupdates")
        ordering = ["activiteit", "datum", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(besteed__isnull=True) | models.Q(besteed__gte=0),
                name="update_besteed_niet_negatief",
                violation_error_message=_("Het bestede bedrag kan niet negatief zijn."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.activiteit} — {self.get_moment_display()} {self.jaar} ({self.datum})"


class Indicatormeting(models.Model):
    """The actual value of an indicator for a year as reported in a progress update."""

    update = models.ForeignKey(Voortgangsupdate, on_delete=models.PROTECT, related_name="metingen")
    indicator = models.ForeignKey("uitvoering.Indicator", on_delete=models.PROTECT, related_name="metingen")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    waarde = models.DecimalField(_("realisatie"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("indicatormeting")
        verbose_name_plural = _("indicatormetingen")
        ordering = ["indicator", "jaar", "update__datum", "pk"]

    def __str__(self) -> str:
        return f"{self.indicator} {self.jaar}: {self.waarde}"
