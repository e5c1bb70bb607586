"""Employees (medewerkers), their roles and their API tokens."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    BEHEERDER = "beheerder", _("Beheerder")
    GRIFFIE = "griffie", _("Griffie")
    RAADSLID = "raadslid", _("Raadslid")
    COLLEGELID = "collegelid", _("Collegelid")
    KCC_MEDEWERKER = "kcc-medewerker", _("KCC-medewerker")
    BEHANDELAAR = "behandelaar", _("Behandelaar dienstverlening")
    WOO_COORDINATOR = "woo-coordinator", _("Woo-coördinator")
    CONTROLLER = "controller", _("Controller")
    PRIVACY_OFFICER = "privacy-officer", _("Privacy officer")


# Roles whose holders cannot work without a second factor: they manage the platform, decide on
# Woo requests or see personal data across cases (wdo-en-beveiliging.md section 7: admin only
# with 2FA; OWASP ASVS 4.0.3 V2.8, single-factor OTP as the second factor).
TWEESTAPSVERIFICATIE_VERPLICHT: frozenset[str] = frozenset(
    {Rol.BEHEERDER, Rol.WOO_COORDINATOR, Rol.PRIVACY_OFFICER}
)


class Medewerker(AbstractUser):
    """An employee (or council/college member) who logs in to the Werkplek."""

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")

    def heeft_rol(self, rol: str) -> bool:
        return rol in self.rollen

    @staticmethod
    def naam_uit(voornaam: str, achternaam: str, gebruikersnaam: str) -> str:
        """The name an employee is shown by: the full name, else the username (also for rows read
        as tuples, without an instance)."""
        return f"{voornaam} {achternaam}".strip() or gebruikersnaam

    @property
    def weergavenaam(self) -> str:
        return self.naam_uit(self.first_name, self.last_name, self.get_username())

    @property
    def tweestapsverificatie_verplicht(self) -> bool:
        """Whether one of this person's roles needs a second factor."""
        return bool(self.rollen & TWEESTAPSVERIFICATIE_VERPLICHT)

    @property
    def rollen(self) -> frozenset[str]:
        # Cached on the instance: navigation and permission checks ask many times per request.
        gecached: frozenset[str] | None = getattr(self, "_rollen_cache", None)
        if gecached is None:
            gecached = frozenset(self.roltoekenningen.values_list("rol", flat=True))
            self._rollen_cache = gecached
        return gecached


class Roltoekenning(models.Model):
    medewerker = models.ForeignKey(
        Medewerker,
        on_delete=models.CASCADE,
        related_name="roltoekenningen",
        verbose_name=_("medewerker"),
    )
    rol = models.CharField(_("rol"), max_length=32, choices=Rol.choices)
    toegekend_op = models.DateTimeField(_("toegekend op"), auto_now_add=True)

    class Meta:
        verbose_name = _("roltoekenning")
        verbose_name_plural = _("roltoekenningen")
        constraints = [
            models.UniqueConstraint(fields=["medewerker", "rol"], name="rol_eenmaal_per_medewerker")
        ]

    def __str__(self) -> str:
        return f"{self.medewerker} — {self.get_rol_display()}"


class ApiToken(models.Model):
    """A bearer token for scripts and integrations; only its SHA-256 digest is stored."""

    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(_("begin van het token"), max_length=8)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    laatst_gebruikt_op = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.medewerker})"
