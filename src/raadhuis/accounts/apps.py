"""Accounts: employees and their roles; residents and businesses arrive via DigiD/eHerkenning."""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "raadhuis.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from raadhuis.accounts.rechten import registreren_voor_accounts
        from raadhuis.accounts.toegang import tweestapsverificatie_poortwachter
        from raadhuis.core.toegang import poortwachter_registreren

        registreren_voor_accounts()
        poortwachter_registreren(tweestapsverificatie_poortwachter)


class BeheerConfig(admin_apps.AdminConfig):
    """Django's admin at /beheer/, on a site that wants a verified second factor (accounts.beheer)."""

    default = False  # named explicitly in INSTALLED_APPS; AccountsConfig stays this module's default

    default_site = "raadhuis.accounts.beheer.BeheerSite"
