"""Customer satisfaction (KTO) after a case or a contact: the invitation and the one response it
allows. Questions carry the Burgerpeiling codes (VNG Waar staat je gemeente, modelvragenlijst 2022,
block Gemeentelijke dienstverlening) so results compare with the national benchmark."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from raadhuis.dienstverlening.models.catalogus import Product
from raadhuis.dienstverlening.models.klantcontacten import Klantcontact
from raadhuis.dienstverlening.models.zaken import Team, Zaak


class Aanleiding(models.TextChoices):
    ZAAK_AFGESLOTEN = "zaak_afgesloten", _("zaak afgesloten")
    CONTACT_BEEINDIGD = "contact_beeindigd", _("contact beëindigd")


class Uitnodigingskanaal(models.TextChoices):
    EMAIL = "email", _("e-mail")
    QR = "qr", _("QR-code of link aan de balie")


class Burgerpeilingkanaal(models.TextChoices):
    """Burgerpeiling dv12: the channel the respondent used."""

    WEBSITE = "website", _("website of app")
    EMAIL = "email", _("e-mail")
    SOCIAL = "social", _("sociale media of berichtenapp")
    POST = "post", _("post")
    BALIE = "balie", _("balie")
    TELEFOON = "telefoon", _("telefoon")


class Uitnodiging(models.Model):
    """An invitation to the survey. The link carries a random code; only its SHA-256 is stored. The
    dimensions the reports need (channel, product, team) are copied here, so that an anonymous
    response can drop the link to the case or contact and still be counted where it belongs."""

    code_hash = models.CharField(max_length=64, unique=True)
    aanleiding = models.CharField(_("aanleiding"), max_length=20, choices=Aanleiding.choices)
    verstuurd_via = models.CharField(_("verstuurd via"), max_length=8, choices=Uitnodigingskanaal.choices)
    zaak = models.ForeignKey(
        Zaak, on_delete=models.SET_NULL, null=True, blank=True, related_name="kto_uitnodigingen"
    )
    klantcontact = models.ForeignKey(
        Klantcontact, on_delete=models.SET_NULL, null=True, blank=True, related_name="kto_uitnodigingen"
    )
    kanaal = models.CharField(_("kanaal"), max_length=16, choices=Burgerpeilingkanaal.choices)
    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"))
    geldig_tot = models.DateTimeField(_("geldig tot"))
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    class Meta:
        verbose_name = _("KTO-uitnodiging")
        verbose_name_plural = _("KTO-uitnodigingen")
        ordering = ["-aangemaakt_op", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(aangemaakt_op__lt=models.F("geldig_tot")), name="uitnodiging_geldigheid"
            ),
        ]
        indexes = [models.Index(fields=["aangemaakt_op"], name="uitnodiging_periode")]

    def __str__(self) -> str:
        return f"{self.get_aanleiding_display()} {self.aangemaakt_op:%Y-%m-%d}"


class Screening(models.TextChoices):
    """Open comments are screened for personal data before anyone sees them in a report."""

    GEEN_OPMERKING = "geen", _("geen opmerking")
    TE_SCREENEN = "te_screenen", _("te screenen")
    GESCREEND = "gescreend", _("gescreend")


class Reactie(models.Model):
    """One response per invitation (the one-to-one key enforces it). Scores: dv01/dv06 are report
    marks 1–10, dv05/dv07 five-point agreement (1 helemaal oneens – 5 helemaal eens). The raw comment
    is kept only until it is screened; reports show `opmerking_gescreend`."""

    uitnodiging = models.OneToOneField(Uitnodiging, on_delete=models.CASCADE, related_name="reactie")
    kanaal = models.CharField(_("kanaal"), max_length=16, choices=Burgerpeilingkanaal.choices)
    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    beantwoord_op = models.DateTimeField(_("beantwoord op"))
    dv01_rapportcijfer = models.PositiveSmallIntegerField(_("rapportcijfer dienstverlening (dv01)"))
    dv06_rapportcijfer_digitaal = models.PositiveSmallIntegerField(
        _("rapportcijfer digitale dienstverlening (dv06)"), null=True, blank=True
    )
    dv05_gemak = models.PositiveSmallIntegerField(
        _("het was gemakkelijk te regelen (dv05)"), null=True, blank=True
    )
    dv07_doorlooptijd = models.PositiveSmallIntegerField(
        _("de tijd die het kostte was redelijk (dv07)"), null=True, blank=True
    )
    dv07_op_de_hoogte = models.PositiveSmallIntegerField(
        _("ik werd goed op de hoogte gehouden (dv07)"), null=True, blank=True
    )
    opmerking = models.TextField(_("opmerking zoals gegeven"), blank=True)
    opmerking_gescreend = models.TextField(_("opmerking zonder persoonsgegevens"), blank=True)
    screening = models.CharField(
        _("screening"), max_length=12, choices=Screening.choices, default=Screening.GEEN_OPMERKING
    )
    contact_toegestaan = models.BooleanField(_("mag contact opnemen"), default=False)

    class Meta:
        verbose_name = _("KTO-reactie")
        verbose_name_plural = _("KTO-reacties")
        ordering = ["-beantwoord_op", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(dv01_rapportcijfer__gte=1, dv01_rapportcijfer__lte=10),
                name="reactie_dv01_1_tot_10",
            ),
            models.CheckConstraint(
                condition=models.Q(dv06_rapportcijfer_digitaal__isnull=True)
                | models.Q(dv06_rapportcijfer_digitaal__gte=1, dv06_rapportcijfer_digitaal__lte=10),
                name="reactie_dv06_1_tot_10",
            ),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{veld}__isnull": True})
                    | models.Q(**{f"{veld}__gte": 1, f"{veld}__lte": 5}),
                    name=f"reactie_{veld}_1_tot_5",
                )
                for veld in ("dv05_gemak", "dv07_doorlooptijd", "dv07_op_de_hoogte")
            ),
        ]
        indexes = [models.Index(fields=["beantwoord_op"], name="reactie_periode")]

    def __str__(self) -> str:
        return f"{self.dv01_rapportcijfer} ({self.beantwoord_op:%Y-%m-%d})"
