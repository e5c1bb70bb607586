"""Loads the demo data of every module, once; later runs change nothing."""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Laad de demogegevens (organisatie, een account per rol, en de gegevens van elke module)."

    def handle(self, *args: Any, **options: Any) -> None:
        # Each app may offer `<app>/demo.py` with `laden(uitvoer)`; core cannot import domain apps,
        # so they are found through the app registry, in INSTALLED_APPS order.
        with transaction.atomic():
            for app in apps.get_app_configs():
                if not app.name.startswith("raadhuis.") or find_spec(f"{app.name}.demo") is None:
                    continue
                import_module(f"{app.name}.demo").laden(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demogegevens staan klaar."))
