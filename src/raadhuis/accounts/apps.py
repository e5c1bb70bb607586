"""Accounts: employees and their roles; residents and businesses arrive via DigiD/eHerkenning."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "raadhuis.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
