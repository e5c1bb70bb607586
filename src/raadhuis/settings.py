"""Settings for Raadhuis, read from the environment only (every variable is in .env.example)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = PROJECT_DIR / os.environ.get("RAADHUIS_VAR_DIR", "var")  # an absolute path wins

# check --deploy rejects this key (it starts with "django-insecure-"), so production must set one.
DEVELOPMENT_SECRET_KEY = "django-insecure-raadhuis-development-only-never-use-in-production"  # noqa: S105


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on", "ja"}:
        return True
    if value in {"0", "false", "no", "off", "nee"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def database_from_url(url: str) -> dict[str, Any]:
    """Parses DATABASE_URL; only the engines Raadhuis is tested on are accepted."""
    import dj_database_url

    scheme = urlsplit(url).scheme
    if scheme == "sqlite":
        config: dict[str, Any] = dict(dj_database_url.parse(url))
        name = str(config["NAME"])
        if name not in ("", ":memory:"):
            bestand = Path(name) if Path(name).is_absolute() else PROJECT_DIR / name
            config["NAME"] = str(bestand)
            # Django keeps an SQLite test database in memory, private to the test process; the
            # tests start `raadhuis worker` as a separate process, which must find it in a file.
            # One file per test run (by pid), so two runs at once do not delete each other's.
            test_bestand = Path(tempfile.gettempdir()) / f"test_{bestand.stem}_{os.getpid()}.sqlite3"
            config["TEST"] = {"NAME": str(test_bestand)}
        config["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
        return config
    if scheme in {"postgres", "postgresql", "pgsql"}:
        config = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
        config["OPTIONS"] = {"connect_timeout": 5}
        return config
    raise ImproperlyConfigured(
        f"DATABASE_URL uses the unknown scheme {scheme or '(none)'!r}; "
        "use sqlite:///path/to/file.sqlite3 or postgres://user@host:port/name."
    )


DEBUG = env_bool("RAADHUIS_DEBUG", False)
SECRET_KEY = env_str("RAADHUIS_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = env_list("RAADHUIS_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("RAADHUIS_CSRF_TRUSTED_ORIGINS", "")

# Where `raadhuis demo` keeps the demo accounts' generated passwords (readable by the owner only).
RAADHUIS_DEMO_ACCOUNTS = VAR_DIR / "demo-accounts.json"

# The municipality (or other organisation) that runs this platform, as a TOOI code.
RAADHUIS_ORGANISATIE = env_str("RAADHUIS_ORGANISATIE", "gm1926")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "raadhuis.core",
    "raadhuis.accounts",
    "raadhuis.besluitvorming",
    "raadhuis.uitvoering",
    "raadhuis.samenwerking",
    "raadhuis.dienstverlening",
    "raadhuis.woo",
    "raadhuis.publicatie",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "raadhuis.urls"
WSGI_APPLICATION = "raadhuis.wsgi.application"
ASGI_APPLICATION = "raadhuis.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "raadhuis.core.context_processors.raadhuis",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'raadhuis.sqlite3'}"))
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.Medewerker"
LOGIN_URL = "accounts:inloggen"
LOGIN_REDIRECT_URL = "core:werkplek"
LOGOUT_REDIRECT_URL = "core:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PROJECT_DIR / "frontend" / "dist"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("RAADHUIS_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("RAADHUIS_STATIC_MANIFEST", True)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Background work: Django's tasks API, durable in the database by default, RQ on Redis for scale.
REDIS_URL = env_str("REDIS_URL", "redis://127.0.0.1:6379/0")
RAADHUIS_TAKEN_BACKEND = env_str("RAADHUIS_TAKEN_BACKEND", "database")
RAADHUIS_TAAK_LEASE_SECONDS = env_int("RAADHUIS_TAAK_LEASE_SECONDS", 900)
TASK_QUEUES = ["default"]
if RAADHUIS_TAKEN_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}
elif RAADHUIS_TAKEN_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": TASK_QUEUES}}
    RQ_QUEUES = {name: {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600} for name in TASK_QUEUES}
elif RAADHUIS_TAKEN_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ImproperlyConfigured(
        f"RAADHUIS_TAKEN_BACKEND must be database, rq or immediate, not {RAADHUIS_TAKEN_BACKEND!r}."
    )

# Security (Wdo: HTTPS + HSTS are statutory). RAADHUIS_HTTPS=false only for a local demo on http.
HTTPS = env_bool("RAADHUIS_HTTPS", True)
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = env_int("RAADHUIS_HSTS_SECONDS", 31_536_000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
if env_bool("RAADHUIS_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("RAADHUIS_LOG_LEVEL", "INFO")},
    "loggers": {"django.server": {"level": "WARNING"}},
}

RAADHUIS_PUBLIEK_MENU = "raadhuis.menu.PUBLIEK_MENU"
RAADHUIS_WERKPLEK_MENU = "raadhuis.menu.WERKPLEK_MENU"
