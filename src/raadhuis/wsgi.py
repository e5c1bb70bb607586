"""WSGI entry point for app servers (gunicorn, granian)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadhuis.settings")

application = get_wsgi_application()

from raadhuis.productie.geheugen import na_het_laden  # noqa: E402 - needs the settings loaded above

na_het_laden()
