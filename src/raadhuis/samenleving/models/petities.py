"""Petitions and burgerinitiatieven offered to the raad, and their signatures (kept as keyed hashes)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Petitie(models.Model):
    """A request to the raad with its supporters (Grondwet art. 5, the right of petition; a
    burgerinitiatief follows the local Verordening burgerinitiatief (verify locally)).

    The griffie checks a submitted petition before it opens for signing; only the number of
    confirmed signatures is ever published, never who signed."""

    class Soort(models.TextChoices):
        PETITIE = "petitie", _("petitie")
        BURGERINITIATIEF = "burgerinitiatief", _("burgerinitiatief")

    class Status(models.TextChoices):
        AANGEVRAAGD = "aangevraagd", _("wacht op beoordeling door de griffie")
        GEWEIGERD = "geweigerd", _("geweigerd")
        OPEN = "open", _("open voor ondertekening")
        GESLOTEN = "gesloten", _("ondertekening gesloten")
        AANGEBODEN = "aangeboden", _("aangeboden aan de raad")
        AFGEHANDELD = "afgehandeld", _("afgehandeld")

    class Ontvankelijkheid(models.TextChoices):
        ONBESLIST = "onbeslist", _("nog niet beoordeeld")
        ONTVANKELIJK = "ontvankelijk", _("ontvankelijk")
        NIET_ONTVANKELIJK = "niet_ontvankelijk", _("niet ontvankelijk")

    class Weigeringsgrond(models.TextChoices):
        """The grounds a typical Verordening burgerinitiatief lists (verify locally)."""

        GEEN_RAADSBEVOEGDHEID = (
            "geen_raadsbevoegdheid",
            _("het onderwerp valt niet onder de bevoegdheid van de raad"),
        )
        RECENT_BESLOTEN = (
            "recent_besloten",
            _("de raad besloot hierover minder dan twee jaar geleden, zonder nieuwe feiten"),
        )
        BEZWAAR_OF_BEROEP = "bezwaar_of_beroep", _("tegen het onderwerp staat bezwaar of beroep open")
        BELASTINGEN = "belastingen", _("het gaat over gemeentelijke belastingen of heffingen")
        STRIJD_MET_RECHT = "strijd_met_recht", _("het voorstel is in strijd met de wet")
        TE_WEINIG_STEUN = "te_weinig_steun", _("er zijn te weinig ondersteuners die inwoner zijn")

    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.PETITIE)
    titel = models.CharField(_("titel"), max_length=200)
    tekst = models.TextField(_("verzoek aan de raad"), max_length=10_000)
    initiatiefnemer_naam = models.CharField(_("naam initiatiefnemer"), max_length=200)
    # Kept until the petition is handled, then wiped (AVG art. 5 lid 1 sub e).
    initiatiefnemer_email = models.EmailField(_("e-mailadres initiatiefnemer"), blank=True)
    organisatie = models.CharField(_("organisatie"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.AANGEVRAAGD)
    ingediend_op = models.DateTimeField(_("ingediend op"))
    weigerreden = models.TextField(_("reden van weigering"), blank=True)
    ondertekenen_van = models.DateField(_("ondertekenen vanaf"), null=True, blank=True)
    ondertekenen_tot = models.DateField(_("ondertekenen tot en met"))
    gesloten_op = models.DateField(_("gesloten op"), null=True, blank=True)
    # The meeting of besluitvorming where the raad received it, by id (apps share no models).
    vergadering_id = models.PositiveIntegerField(_("vergadering"), null=True, blank=True)
    aangeboden_op = models.DateField(_("aangeboden op"), null=True, blank=True)
    antwoord = models.TextField(_("antwoord van de raad"), blank=True)
    afgehandeld_op = models.DateField(_("afgehandeld op"), null=True, blank=True)
    # Burgerinitiatief only: the verordening's threshold and term, fixed per initiative when it opens.
    drempel = models.PositiveIntegerField(_("vereist aantal ondersteuners"), null=True, blank=True)
    agenderen_binnen_maanden = models.PositiveSmallIntegerField(
        _("agenderen binnen (maanden)"), null=True, blank=True
    )
    ontvankelijkheid = models.CharField(
        _("ontvankelijkheid"),
        max_length=20,
        choices=Ontvankelijkheid.choices,
        default=Ontvankelijkheid.ONBESLIST,
    )
    weigeringsgrond = models.CharField(
        _("grond van niet-ontvankelijkheid"), max_length=30, choices=Weigeringsgrond.choices, blank=True
    )
    ontvankelijkheid_toelichting = models.TextField(_("toelichting"), blank=True)
    ontvankelijkheid_op = models.DateField(_("ontvankelijkheid beslist op"), null=True, blank=True)
    agenderen_uiterlijk = models.DateField(_("uiterlijk op de raadsagenda"), null=True, blank=True)

    class Meta:
        verbose_name = _("petitie")
        verbose_name_plural = _("petities")
        ordering = ["-ingediend_op", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ondertekenen_van__isnull=True)
                | models.Q(ondertekenen_van__lte=models.F("ondertekenen_tot")),
                name="petitie_periode_op_volgorde",
                violation_error_message=_("De einddatum ligt voor de begindatum."),
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def is_burgerinitiatief(self) -> bool:
        return self.soort == self.Soort.BURGERINITIATIEF


class Ondertekening(models.Model):
    """One supporter of a petition. Who signed is kept only as a keyed hash (HMAC under SECRET_KEY,
    per petition) of the BSN or the normalised e-mail address, enough to refuse a second signature
    and no more (AVG art. 5 lid 1 sub c, data minimisation)."""

    class Kanaal(models.TextChoices):
        DIGID = "digid", _("DigiD")
        EMAIL = "email", _("e-mail")

    petitie = models.ForeignKey(Petitie, on_delete=models.CASCADE, related_name="ondertekeningen")
    kanaal = models.CharField(_("kanaal"), max_length=8, choices=Kanaal.choices)
    sleutelhash = models.CharField(max_length=64)
    # Random per signature; the confirmation link carries an HMAC of it.
    nonce = models.CharField(max_length=64, blank=True)
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"))
    bevestigd_op = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    # Burgerinitiatief: the supporter is an inhabitant of the municipality (see services.petities).
    inwoner = models.BooleanField(_("inwoner"), default=False)
    # Only with consent to hear the outcome (AVG art. 6 lid 1 sub a); wiped once handled.
    op_de_hoogte = models.BooleanField(_("houd mij op de hoogte"), default=False)
    emailadres = models.EmailField(_("e-mailadres"), blank=True)

    class Meta:
        verbose_name = _("ondertekening")
        verbose_name_plural = _("ondertekeningen")
        constraints = [
            models.UniqueConstraint(
                fields=["petitie", "sleutelhash"], name="ondertekening_eenmaal_per_persoon"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.petitie} ({self.get_kanaal_display()})"
