"""Woo requests (Wet open overheid): the request with its kenmerk, the suspensions and the verdaging
of its decision term, and the ingebrekestellingen received.

The end dates stored here (`eerste_termijn_einde`, `beslistermijn_einde`) repeat what
`raadhuis.woo.termijnen.beslistermijn` yields from the receipt date, the suspensions and the
verdaging, so the dashboard can sort on them; every service in `raadhuis.woo.services` recomputes
and stores them. A WooVerzoek is kept in this app rather than as a dienstverlening Zaak because
anyone may ask (Woo art. 4.1 lid 1): the requester may stay anonymous, which the Zaak's initiator
rule does not allow (docs/woo.md).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from raadhuis.woo.termijnen import MAXIMALE_VERDAGING_DAGEN


class Kanaal(models.TextChoices):
    WEBFORMULIER = "webformulier", _("Webformulier")
    EMAIL = "email", _("E-mail")
    BRIEF = "brief", _("Brief")
    BALIE = "balie", _("Balie")


class Verzoekstatus(models.TextChoices):
    ONTVANGEN = "ontvangen", _("Ontvangen")
    VERDUIDELIJKING_GEVRAAGD = "verduidelijking_gevraagd", _("Verduidelijking gevraagd")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    ZIENSWIJZE_GEVRAAGD = "zienswijze_gevraagd", _("Zienswijze gevraagd")
    BESLOTEN = "besloten", _("Besloten")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


# The statuses in which the decision term no longer runs.
AFGESLOTEN_STATUSSEN: frozenset[str] = frozenset({Verzoekstatus.BESLOTEN, Verzoekstatus.INGETROKKEN})


class Opschortingssoort(models.TextChoices):
    # Woo art. 4.1 lid 5 with Awb art. 4:15 lid 1: the request was too general and sent back.
    VERDUIDELIJKING = "verduidelijking", _("Verduidelijking gevraagd (Woo art. 4.1 lid 5)")
    # Woo art. 4.4 lid 3: a third party was given the opportunity to give its view.
    ZIENSWIJZE = "zienswijze", _("Zienswijze van een derde (Woo art. 4.4 lid 3)")


class Kenmerkreeks(models.Model):
    """The last kenmerk number given out in a year. Taken under a row lock in the transaction that
    registers the request, so kenmerken are unique and gapless per year."""

    jaar = models.PositiveSmallIntegerField(primary_key=True)
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("kenmerkreeks")
        verbose_name_plural = _("kenmerkreeksen")

    def __str__(self) -> str:
        return f"{self.jaar}: {self.laatste}"


class WooVerzoek(models.Model):
    """A request for public information (Woo art. 4.1). Contact details are optional: an e-mail or
    postal address is only needed to send the decision. `bsn` is set only when the requester logged
    in with DigiD to follow the request online."""

    kenmerk = models.CharField(_("kenmerk"), max_length=20, unique=True)
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    volgnummer = models.PositiveIntegerField(_("volgnummer"))
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    omschrijving = models.TextField(_("gevraagde informatie"), blank=True)
    periode_van = models.DateField(_("periode vanaf"), null=True, blank=True)
    periode_tot = models.DateField(_("periode tot en met"), null=True, blank=True)
    ontvangen_op = models.DateField(_("ontvangen op"))
    kanaal = models.CharField(_("kanaal"), max_length=16, choices=Kanaal.choices)
    verzoeker_naam = models.CharField(_("naam verzoeker"), max_length=200, blank=True)
    organisatie = models.CharField(_("organisatie"), max_length=200, blank=True)
    emailadres = models.EmailField(_("e-mailadres"), blank=True)
    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    postadres = models.TextField(_("postadres"), blank=True)
    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    # Set when a business asked after logging in with eHerkenning (or an employee entered it).
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=8, blank=True)
    status = models.CharField(
        _("status"), max_length=32, choices=Verzoekstatus.choices, default=Verzoekstatus.ONTVANGEN
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandelaar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="woo_verzoeken",
    )
    eerste_termijn_einde = models.DateField(_("einde eerste termijn"))
    # None while an open suspension stops the clock (the end is then unknown).
    beslistermijn_einde = models.DateField(_("einde beslistermijn"), null=True, blank=True)
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geregistreerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    besloten_op = models.DateField(_("besloten op"), null=True, blank=True)
    ingetrokken_op = models.DateField(_("ingetrokken op"), null=True, blank=True)
    intrekking_toelichting = models.TextField(_("toelichting intrekking"), blank=True)

    class Meta:
        verbose_name = _("Woo-verzoek")
        verbose_name_plural = _("Woo-verzoeken")
        ordering = ["-ontvangen_op", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["jaar", "volgnummer"], name="wooverzoek_volgnummer_uniek"),
        ]
        indexes = [
            models.Index(fields=["status", "beslistermijn_einde"], name="wooverzoek_status_einde"),
            models.Index(fields=["bsn", "-ontvangen_op"], name="wooverzoek_bsn"),
        ]

    def __str__(self) -> str:
        return f"{self.kenmerk} {self.onderwerp}"

    @property
    def is_afgesloten(self) -> bool:
        return self.status in AFGESLOTEN_STATUSSEN


class Opschorting(models.Model):
    """A period in which the decision term stands still (Woo art. 4.4 lid 3; art. 4.1 lid 5 with Awb
    4:15). `van` is the first suspended day, `tot` the day the clock runs again (None: still open)."""

    verzoek = models.ForeignKey(
        WooVerzoek, verbose_name=_("verzoek"), on_delete=models.CASCADE, related_name="opschortingen"
    )
    soort = models.CharField(_("soort"), max_length=16, choices=Opschortingssoort.choices)
    van = models.DateField(_("vanaf"))
    tot = models.DateField(_("tot"), null=True, blank=True)
    reden = models.TextField(_("reden"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("opschorting")
        verbose_name_plural = _("opschortingen")
        ordering = ["van", "id"]

    def __str__(self) -> str:
        return f"{self.verzoek_id}: {self.van} – {self.tot or '…'}"


class Verdaging(models.Model):
    """The one verdaging of the decision term (Woo art. 4.4 lid 2): at most two weeks, with reasons,
    decided before the first term ends."""

    verzoek = models.OneToOneField(
        WooVerzoek, verbose_name=_("verzoek"), on_delete=models.CASCADE, related_name="verdaging"
    )
    besloten_op = models.DateField(_("besloten op"))
    dagen = models.PositiveSmallIntegerField(_("dagen"), default=MAXIMALE_VERDAGING_DAGEN)
    reden = models.TextField(_("reden"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("verdaging")
        verbose_name_plural = _("verdagingen")

    def __str__(self) -> str:
        return f"{self.verzoek_id}: {self.dagen} dagen"


class Ingebrekestelling(models.Model):
    """A notice of default received after the term lapsed (Awb art. 6:12 lid 2)."""

    verzoek = models.ForeignKey(
        WooVerzoek,
        verbose_name=_("verzoek"),
        on_delete=models.CASCADE,
        related_name="ingebrekestellingen",
    )
    ontvangen_op = models.DateField(_("ontvangen op"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("ingebrekestelling")
        verbose_name_plural = _("ingebrekestellingen")
        ordering = ["ontvangen_op", "id"]

    def __str__(self) -> str:
        return f"{self.verzoek_id}: {self.ontvangen_op}"


class Herinneringssoort(models.TextChoices):
    # Working days before the end of the decision term, and the day after it lapsed.
    VIJF_DAGEN = "vijf_dagen", _("Nog vijf werkdagen")
    EEN_DAG = "een_dag", _("Laatste werkdag")
    VERLOPEN = "verlopen", _("Termijn verlopen")


class Herinnering(models.Model):
    """A reminder sent to the behandelaar and the Woo-coördinatoren. Unique per kind and term end,
    so a daily run sends each once, and a term moved by a suspension or verdaging gets new ones."""

    verzoek = models.ForeignKey(
        WooVerzoek, verbose_name=_("verzoek"), on_delete=models.CASCADE, related_name="herinneringen"
    )
    soort = models.CharField(_("soort"), max_length=16, choices=Herinneringssoort.choices)
    beslistermijn_einde = models.DateField(_("einde beslistermijn"))
    ontvangers = models.JSONField(_("ontvangers"), default=list)
    verstuurd_op = models.DateTimeField(_("verstuurd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        ordering = ["-verstuurd_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["verzoek", "soort", "beslistermijn_einde"], name="herinnering_eenmaal"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.verzoek_id}: {self.soort} ({self.beslistermijn_einde})"
