"""Cases shaped like the VNG ZGW standards (Catalogi 1.3, Zaken 1.5), so the ZGW APIs can be served
from them later: zaaktype with status-, resultaat- and roltypen; zaak with status history, roles,
documents, notes and messages."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from raadhuis.core.opslag import prive_opslag
from raadhuis.core.termijnen import Eenheid, Termijn
from raadhuis.dienstverlening.models.catalogus import Kanaal, Product

EENHEDEN = [(eenheid.value, eenheid.value) for eenheid in Eenheid]


class Vertrouwelijkheid(models.TextChoices):
    """ZGW vertrouwelijkheidaanduiding."""

    OPENBAAR = "openbaar", _("openbaar")
    BEPERKT_OPENBAAR = "beperkt_openbaar", _("beperkt openbaar")
    INTERN = "intern", _("intern")
    ZAAKVERTROUWELIJK = "zaakvertrouwelijk", _("zaakvertrouwelijk")
    VERTROUWELIJK = "vertrouwelijk", _("vertrouwelijk")
    CONFIDENTIEEL = "confidentieel", _("confidentieel")
    GEHEIM = "geheim", _("geheim")
    ZEER_GEHEIM = "zeer_geheim", _("zeer geheim")


class Team(models.Model):
    """A team of employees that picks up the cases of its zaaktypen (the work queue groups by it)."""

    naam = models.CharField(_("naam"), max_length=120, unique=True)
    leden = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("leden"), blank=True, related_name="dienstverleningsteams"
    )

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Zaaktype(models.Model):
    """ZGW ZaakType: `doorlooptijd` is the legal term (doorlooptijdBehandeling), `servicenorm` the
    municipality's own, shorter promise (servicenormBehandeling, optional)."""

    identificatie = models.SlugField(_("identificatie"), max_length=80, unique=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    onderwerp = models.CharField(_("onderwerp"), max_length=200, blank=True)
    doorlooptijd_aantal = models.PositiveSmallIntegerField(_("doorlooptijd"))
    doorlooptijd_eenheid = models.CharField(_("eenheid doorlooptijd"), max_length=12, choices=EENHEDEN)
    servicenorm_aantal = models.PositiveSmallIntegerField(_("servicenorm"), null=True, blank=True)
    servicenorm_eenheid = models.CharField(
        _("eenheid servicenorm"), max_length=12, choices=EENHEDEN, blank=True
    )
    vertrouwelijkheid = models.CharField(
        _("vertrouwelijkheid"),
        max_length=20,
        choices=Vertrouwelijkheid.choices,
        default=Vertrouwelijkheid.ZAAKVERTROUWELIJK,
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="zaaktypen",
    )
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("zaaktype")
        verbose_name_plural = _("zaaktypen")
        ordering = ["omschrijving"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(doorlooptijd_aantal__gte=1), name="zaaktype_doorlooptijd"
            ),
            models.CheckConstraint(
                # ZGW: a servicenorm of P0D is refused (Open Zaak 1.30); both parts or neither.
                condition=(models.Q(servicenorm_aantal__isnull=True) & models.Q(servicenorm_eenheid=""))
                | (models.Q(servicenorm_aantal__gte=1) & ~models.Q(servicenorm_eenheid="")),
                name="zaaktype_servicenorm_volledig",
            ),
        ]

    def __str__(self) -> str:
        return self.omschrijving

    @property
    def doorlooptijd(self) -> Termijn:
        return Termijn(self.doorlooptijd_aantal, Eenheid(self.doorlooptijd_eenheid))

    @property
    def servicenorm(self) -> Termijn | None:
        if self.servicenorm_aantal is None:
            return None
        return Termijn(self.servicenorm_aantal, Eenheid(self.servicenorm_eenheid))


class Statustype(models.Model):
    """ZGW StatusType: ordered by `volgnummer`; the last one is the end status. `doorlooptijd` is
    this status's own norm (Catalogi 1.2+); `optioneel` statuses may be skipped."""

    zaaktype = models.ForeignKey(Zaaktype, on_delete=models.CASCADE, related_name="statustypen")
    volgnummer = models.PositiveSmallIntegerField(_("volgnummer"))
    omschrijving = models.CharField(_("omschrijving"), max_length=80)
    statustekst = models.CharField(
        _("tekst voor de aanvrager"),
        max_length=300,
        blank=True,
        help_text=_("Wat 'Mijn zaken' bij deze status laat zien."),
    )
    doorlooptijd_werkdagen = models.PositiveSmallIntegerField(_("norm in werkdagen"), null=True, blank=True)
    informeren = models.BooleanField(_("aanvrager informeren"), default=False)
    optioneel = models.BooleanField(_("mag worden overgeslagen"), default=False)
    is_eindstatus = models.BooleanField(_("eindstatus"), default=False)

    class Meta:
        verbose_name = _("statustype")
        verbose_name_plural = _("statustypen")
        ordering = ["zaaktype", "volgnummer"]
        constraints = [
            models.UniqueConstraint(fields=["zaaktype", "volgnummer"], name="statustype_volgnummer_uniek"),
            models.UniqueConstraint(
                fields=["zaaktype"], condition=models.Q(is_eindstatus=True), name="statustype_een_eindstatus"
            ),
        ]

    def __str__(self) -> str:
        return self.omschrijving


class Archiefnominatie(models.TextChoices):
    BLIJVEND_BEWAREN = "blijvend_bewaren", _("blijvend bewaren")
    VERNIETIGEN = "vernietigen", _("vernietigen")


class Resultaattype(models.Model):
    """ZGW ResultaatType with its archive rule (Archiefwet; selectielijst)."""

    zaaktype = models.ForeignKey(Zaaktype, on_delete=models.CASCADE, related_name="resultaattypen")
    omschrijving = models.CharField(_("omschrijving"), max_length=80)
    archiefnominatie = models.CharField(
        _("archiefnominatie"), max_length=20, choices=Archiefnominatie.choices
    )
    archiefactietermijn_jaren = models.PositiveSmallIntegerField(
        _("bewaartermijn in jaren"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("resultaattype")
        verbose_name_plural = _("resultaattypen")
        ordering = ["zaaktype", "omschrijving"]
        constraints = [
            models.UniqueConstraint(fields=["zaaktype", "omschrijving"], name="resultaattype_uniek"),
        ]

    def __str__(self) -> str:
        return self.omschrijving


class RolGeneriek(models.TextChoices):
    """ZGW RolType.omschrijvingGeneriek."""

    INITIATOR = "initiator", _("initiator")
    BEHANDELAAR = "behandelaar", _("behandelaar")
    BELANGHEBBENDE = "belanghebbende", _("belanghebbende")
    MEDE_INITIATOR = "mede_initiator", _("mede-initiator")
    KLANTCONTACTER = "klantcontacter", _("klantcontacter")
    BESLISSER = "beslisser", _("beslisser")
    ADVISEUR = "adviseur", _("adviseur")
    ZAAKCOORDINATOR = "zaakcoordinator", _("zaakcoördinator")


class Roltype(models.Model):
    zaaktype = models.ForeignKey(Zaaktype, on_delete=models.CASCADE, related_name="roltypen")
    omschrijving = models.CharField(_("omschrijving"), max_length=80)
    omschrijving_generiek = models.CharField(
        _("generieke omschrijving"), max_length=20, choices=RolGeneriek.choices
    )

    class Meta:
        verbose_name = _("roltype")
        verbose_name_plural = _("roltypen")
        ordering = ["zaaktype", "omschrijving"]
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "omschrijving_generiek"], name="roltype_generiek_uniek"
            ),
        ]

    def __str__(self) -> str:
        return self.omschrijving


class Zaaknummerreeks(models.Model):
    """The last case number given out in a year. Taken under a row lock in the transaction that
    creates the case, so numbers are unique and gapless even under concurrent intake: a rolled-back
    case gives its number back."""

    jaar = models.PositiveSmallIntegerField(primary_key=True)
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("zaaknummerreeks")
        verbose_name_plural = _("zaaknummerreeksen")

    def __str__(self) -> str:
        return f"{self.jaar}: {self.laatste}"


class Zaak(models.Model):
    """ZGW Zaak. `statustype`, `behandelaar`, `initiator_bsn` and `initiator_kvk` repeat what the
    status history and the roles hold, so the work queue and "Mijn zaken" are one index range scan
    each at a million cases (prestaties.md); the services keep them in step."""

    identificatie = models.CharField(_("zaaknummer"), max_length=40, unique=True)
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    volgnummer = models.PositiveIntegerField(_("volgnummer"))
    zaaktype = models.ForeignKey(
        Zaaktype, verbose_name=_("zaaktype"), on_delete=models.PROTECT, related_name="zaken"
    )
    product = models.ForeignKey(
        Product,
        verbose_name=_("product"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="zaken",
    )
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    registratiedatum = models.DateField(_("registratiedatum"))
    startdatum = models.DateField(_("startdatum"))
    einddatum_gepland = models.DateField(_("verwachte einddatum"))
    uiterlijke_einddatum_afdoening = models.DateField(_("uiterlijke einddatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    kanaal = models.CharField(_("kanaal"), max_length=16, choices=Kanaal.choices)
    vertrouwelijkheid = models.CharField(
        _("vertrouwelijkheid"),
        max_length=20,
        choices=Vertrouwelijkheid.choices,
        default=Vertrouwelijkheid.ZAAKVERTROUWELIJK,
    )
    statustype = models.ForeignKey(
        Statustype, verbose_name=_("status"), on_delete=models.PROTECT, related_name="+"
    )
    status_gezet_op = models.DateTimeField(_("status gezet op"))
    resultaattype = models.ForeignKey(
        Resultaattype,
        verbose_name=_("resultaat"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.SET_NULL, null=True, blank=True, related_name="zaken"
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandelaar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dienstverleningszaken",
    )
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geregistreerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("De medewerker die de aanvraag aan de balie, telefonisch of uit een brief invoerde."),
    )
    initiator_bsn = models.CharField(_("BSN initiator"), max_length=9, blank=True)
    initiator_kvk = models.CharField(_("KvK-nummer initiator"), max_length=8, blank=True)
    # The volgnummers of the statuses the case went through, in order ("1-2-4-2-4-5"): the variant
    # for the workflow analysis, kept in step by status_zetten (a status visited twice is rework).
    statuspad = models.CharField(_("statuspad"), max_length=400, blank=True)
    gegevens = models.JSONField(_("gegevens van de aanvraag"), default=dict, blank=True)
    taal = models.CharField(_("taal"), max_length=5, default="nl")
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("zaak")
        verbose_name_plural = _("zaken")
        ordering = ["einddatum_gepland", "id"]
        constraints = [
            models.UniqueConstraint(fields=["jaar", "volgnummer"], name="zaak_volgnummer_uniek"),
        ]
        indexes = [
            # The work queue: open cases, most urgent first, optionally per team or behandelaar.
            models.Index(
                fields=["einddatum_gepland", "id"],
                condition=models.Q(einddatum__isnull=True),
                name="zaak_open_urgentie",
            ),
            models.Index(
                fields=["team", "einddatum_gepland", "id"],
                condition=models.Q(einddatum__isnull=True),
                name="zaak_open_team",
            ),
            models.Index(
                fields=["behandelaar", "einddatum_gepland", "id"],
                condition=models.Q(einddatum__isnull=True),
                name="zaak_open_behandelaar",
            ),
            models.Index(
                fields=["product", "einddatum_gepland", "id"],
                condition=models.Q(einddatum__isnull=True),
                name="zaak_open_product",
            ),
            models.Index(fields=["-einddatum", "-id"], name="zaak_afgesloten"),
            models.Index(fields=["registratiedatum"], name="zaak_registratie"),
            # "Mijn zaken": newest first per resident or business.
            models.Index(fields=["initiator_bsn", "-registratiedatum", "-id"], name="zaak_mijn_bsn"),
            models.Index(fields=["initiator_kvk", "-registratiedatum", "-id"], name="zaak_mijn_kvk"),
        ]

    def __str__(self) -> str:
        return f"{self.identificatie} {self.omschrijving}"

    @property
    def is_afgesloten(self) -> bool:
        return self.einddatum is not None


class Zaakstatus(models.Model):
    """One entry of the status history (ZGW Status, datumStatusGezet)."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="statussen")
    statustype = models.ForeignKey(Statustype, on_delete=models.PROTECT, related_name="+")
    datum_status_gezet = models.DateTimeField(_("datum status gezet"))
    gezet_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    # The event log's directly-follows relation, recorded when the status is set (log KPIs by design):
    # the status before this one and the seconds spent in it. Empty for a case's first status.
    vorige_statustype = models.ForeignKey(
        Statustype, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    seconden_sinds_vorige = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("status")
        verbose_name_plural = _("statussen")
        ordering = ["zaak", "datum_status_gezet", "id"]
        indexes = [
            models.Index(fields=["zaak", "datum_status_gezet"], name="zaakstatus_zaak_datum"),
            # The process map: one zaaktype's transitions in a period.
            models.Index(fields=["statustype", "datum_status_gezet"], name="zaakstatus_type_datum"),
        ]

    def __str__(self) -> str:
        return f"{self.zaak_id}: {self.statustype}"


class Betrokkene(models.TextChoices):
    """ZGW Rol.betrokkeneType."""

    NATUURLIJK_PERSOON = "natuurlijk_persoon", _("natuurlijk persoon")
    VESTIGING = "vestiging", _("vestiging")
    MEDEWERKER = "medewerker", _("medewerker")


class Rol(models.Model):
    """ZGW Rol: who plays which part in a case. A resident is identified by BSN, a business by KvK
    (and branch) with a contact person; an employee by account."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="rollen")
    roltype = models.ForeignKey(Roltype, on_delete=models.PROTECT, related_name="+")
    betrokkene_type = models.CharField(_("soort betrokkene"), max_length=20, choices=Betrokkene.choices)
    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=8, blank=True)
    vestigingsnummer = models.CharField(_("vestigingsnummer"), max_length=12, blank=True)
    naam = models.CharField(_("naam"), max_length=200, blank=True)
    contactpersoon = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    emailadres = models.EmailField(_("e-mailadres"), blank=True)
    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    registratie = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        ordering = ["zaak", "registratie", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(betrokkene_type="natuurlijk_persoon") & ~models.Q(bsn=""))
                | (models.Q(betrokkene_type="vestiging") & ~models.Q(kvk_nummer=""))
                | (models.Q(betrokkene_type="medewerker") & models.Q(medewerker__isnull=False)),
                name="rol_betrokkene_geidentificeerd",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.roltype}: {self.naam}"


def _zaakdocument_pad(instance: Zaakdocument, bestandsnaam: str) -> str:
    # Never the uploaded name in the path: it may hold personal data; the name is kept in a field.
    return f"zaken/{instance.zaak_id}/{uuid.uuid4().hex}"


class Zaakdocument(models.Model):
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="documenten")
    titel = models.CharField(_("titel"), max_length=200)
    bestand = models.FileField(
        _("bestand"), storage=prive_opslag, upload_to=_zaakdocument_pad, max_length=200
    )
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200)
    mediatype = models.CharField(_("soort bestand"), max_length=120)
    grootte = models.PositiveBigIntegerField(_("grootte in bytes"))
    zichtbaar_voor_aanvrager = models.BooleanField(_("zichtbaar in 'Mijn zaken'"), default=False)
    van_aanvrager = models.BooleanField(_("door de aanvrager meegestuurd"), default=False)
    toegevoegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    toegevoegd_op = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("zaakdocument")
        verbose_name_plural = _("zaakdocumenten")
        ordering = ["zaak", "toegevoegd_op", "id"]

    def __str__(self) -> str:
        return self.titel


class Zaaknotitie(models.Model):
    """An internal note; never shown to the resident."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="notities")
    tekst = models.TextField(_("notitie"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geschreven_op = models.DateTimeField(_("geschreven op"), auto_now_add=True)

    class Meta:
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")
        ordering = ["zaak", "geschreven_op", "id"]

    def __str__(self) -> str:
        return self.tekst[:60]


class Berichtsoort(models.TextChoices):
    BERICHT_AAN_AANVRAGER = "aan_aanvrager", _("bericht aan de aanvrager")
    BERICHT_VAN_AANVRAGER = "van_aanvrager", _("bericht van de aanvrager")
    EMAIL = "email", _("e-mail")


class Zaakbericht(models.Model):
    """A message in "Mijn zaken" (either way) or an e-mail the platform sent about the case; both
    appear in the case's timeline. `verzonden_op` stays empty until the mail task has sent it."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="berichten")
    soort = models.CharField(_("soort"), max_length=16, choices=Berichtsoort.choices)
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    tekst = models.TextField(_("tekst"))
    aan = models.EmailField(_("aan"), blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)

    class Meta:
        verbose_name = _("zaakbericht")
        verbose_name_plural = _("zaakberichten")
        ordering = ["zaak", "aangemaakt_op", "id"]

    def __str__(self) -> str:
        return self.onderwerp
