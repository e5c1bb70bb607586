"""Settings for Raadhuis, read from the environment only (every variable is in .env.example)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from datetime import timedelta
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
    """The variable's value; an empty one (`NAME=` as in .env.example) means the default."""
    return os.environ.get(name, "").strip() or default


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


# Parameters bound by the server, so psycopg prepares a statement once a connection has run it five
# times and PostgreSQL plans it once per connection (kept 60 s), not on every request: planning the
# work queue's five-table page query cost about 2 ms, more than running it (docs/benchmarks.md).
# Off (RAADHUIS_DATABASE_PREPARED=false) behind a pooler that cannot keep prepared statements,
# such as PgBouncer in transaction mode before 1.21.
VOORBEREIDE_STATEMENTS: dict[str, Any] = (
    {"server_side_binding": True, "prepare_threshold": 5}
    if env_bool("RAADHUIS_DATABASE_PREPARED", True)
    else {}
)


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
        config["OPTIONS"] = {"connect_timeout": 5, **VOORBEREIDE_STATEMENTS}
        return config
    raise ImproperlyConfigured(
        f"DATABASE_URL uses the unknown scheme {scheme or '(none)'!r}; "
        "use sqlite:///path/to/file.sqlite3 or postgres://user@host:port/name."
    )


DEBUG = env_bool("RAADHUIS_DEBUG", False)
# Asking core.rechten about an action nobody registered raises instead of refusing quietly
# (on in DEBUG and in the tests, so a misspelt action is caught before production).
RAADHUIS_RECHTEN_STRIKT = env_bool("RAADHUIS_RECHTEN_STRIKT", DEBUG)
SECRET_KEY = env_str("RAADHUIS_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
# Earlier secret keys, comma-separated, still accepted after a rotation (sessions, recovery codes).
SECRET_KEY_FALLBACKS = env_list("RAADHUIS_SECRET_KEY_FALLBACKS", "")
ALLOWED_HOSTS = env_list("RAADHUIS_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("RAADHUIS_CSRF_TRUSTED_ORIGINS", "")

# Where `raadhuis demo` keeps the demo accounts' generated passwords (readable by the owner only).
RAADHUIS_DEMO_ACCOUNTS = VAR_DIR / "demo-accounts.json"

# Keys for personal data at rest (BSN encryption and keyed hashes), base64 of 32 bytes, current
# first. Empty: derived from SECRET_KEY (development only; check --deploy warns).
RAADHUIS_PERSOONSGEGEVENS_SLEUTELS = env_list("RAADHUIS_PERSOONSGEGEVENS_SLEUTELS", "")

# /.well-known/security.txt (RFC 9116): where to report a vulnerability (mailto: or https: URIs,
# comma-separated) and the coordinated vulnerability disclosure policy.
RAADHUIS_SECURITY_CONTACT = env_list("RAADHUIS_SECURITY_CONTACT", "")
RAADHUIS_SECURITY_BELEID = env_str("RAADHUIS_SECURITY_BELEID", "")

# The municipality (or other organisation) that runs this platform, as a TOOI code.
RAADHUIS_ORGANISATIE = env_str("RAADHUIS_ORGANISATIE", "gm1926")

# Base URI of the published register of processing activities; a log entry's
# processing_activity_id is <base>/<key>/<version>. Empty: urn:raadhuis:verwerkingsactiviteit:…
RAADHUIS_VERWERKINGSREGISTER_URI = env_str("RAADHUIS_VERWERKINGSREGISTER_URI", "")

INSTALLED_APPS = [
    # Django's admin, as an admin site that requires a verified second factor (accounts.beheer).
    "raadhuis.accounts.apps.BeheerConfig",
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
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "raadhuis.core",
    "raadhuis.accounts",
    "raadhuis.besluitvorming",
    "raadhuis.uitvoering",
    "raadhuis.samenwerking",
    "raadhuis.dienstverlening",
    "raadhuis.woo",
    "raadhuis.publicatie",
    "raadhuis.samenleving",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Early, so every log entry written while handling the request joins the request's trace.
    "raadhuis.core.logboek.middleware.TraceContextMiddleware",
    # Inside the trace: measures the request (metrics), writes its access line, answers X-Request-ID.
    "raadhuis.productie.middleware.ToegangsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "raadhuis.core.sessies.SessieVerloopMiddleware",
    # After authentication and session expiry (a logged-in employee reads the primary); outside the
    # idempotency middleware, so a repeated write marks the client too (core.replica).
    "raadhuis.core.replica.middleware.ReplicaMiddleware",
    # After authentication (keys belong to a caller): a retried write gets the first answer.
    "raadhuis.core.idempotentie.IdempotentieMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Before any view reads the request into a query (PostgreSQL text cannot hold NUL); inside
    # the header middlewares, so its 400 page gets the CSP and frame headers too.
    "raadhuis.core.nulteken.NulTekenMiddleware",
    # Last, as django-axes requires: turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
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


def replica_from_url(url: str, *, primair: dict[str, Any]) -> dict[str, Any]:
    """The read replica's connection (RAADHUIS_DATABASE_REPLICA_URL): a PostgreSQL hot standby of
    the primary, so both must be PostgreSQL. Read-only at the session level too, so a replica URL
    that points at a writable server by mistake still cannot take a write."""
    config = database_from_url(url)
    if config["ENGINE"] != "django.db.backends.postgresql" or primair["ENGINE"] != config["ENGINE"]:
        raise ImproperlyConfigured(
            "RAADHUIS_DATABASE_REPLICA_URL must be a postgres:// URL, and DATABASE_URL PostgreSQL too "
            "(a read replica is a PostgreSQL standby of the primary)."
        )
    # A replica that does not answer costs this long once per retry interval (core.replica), then
    # reads go to the primary.
    config["OPTIONS"] = {
        "connect_timeout": 2,
        "options": "-c default_transaction_read_only=on",
        **VOORBEREIDE_STATEMENTS,
    }
    # Test runs read the primary's test database through the alias (the replica tests point it at
    # a database of their own: raadhuis.conftest).
    config["TEST"] = {"MIRROR": "default"}
    return config


# Read replica (core.replica): public pages and search read from it; empty means no replica.
RAADHUIS_DATABASE_REPLICA_URL = env_str("RAADHUIS_DATABASE_REPLICA_URL", "")
if RAADHUIS_DATABASE_REPLICA_URL:
    DATABASES["replica"] = replica_from_url(RAADHUIS_DATABASE_REPLICA_URL, primair=DATABASES["default"])
# Without a replica the router has no opinion, so every query goes where it always went.
DATABASE_ROUTERS = ["raadhuis.core.replica.router.ReplicaRouter"]
# After a change, the client reads from the primary this long (read-your-own-writes); set it above
# the replica's usual lag.
RAADHUIS_REPLICA_VERTRAGING_SECONDEN = env_int("RAADHUIS_REPLICA_VERTRAGING_SECONDEN", 10)
if RAADHUIS_REPLICA_VERTRAGING_SECONDEN < 0:
    raise ImproperlyConfigured("RAADHUIS_REPLICA_VERTRAGING_SECONDEN must be 0 or more.")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.Medewerker"
LOGIN_URL = "accounts:inloggen"
# Axes first: it refuses a locked-out account or address before a password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
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
# Uploads that need a permission check (council papers, Woo documents): never served directly.
RAADHUIS_PRIVE_ROOT = Path(env_str("RAADHUIS_PRIVE_ROOT", str(VAR_DIR / "prive")))


def uploadopslag(soort: str) -> dict[str, dict[str, Any]]:
    """STORAGES "default" (public uploads: logo, photos) and "prive" (papers behind a permission
    check) for RAADHUIS_OPSLAG: "bestanden" (the file system: RAADHUIS_MEDIA_ROOT and
    RAADHUIS_PRIVE_ROOT, a shared volume when several machines run the platform) or "s3" (an
    S3-compatible store: one bucket with the prefixes media/ and prive/, or a second bucket for the
    private files). S3 credentials come from boto3's own chain (AWS_ACCESS_KEY_ID and
    AWS_SECRET_ACCESS_KEY in the environment, a profile, an instance role), never from this file."""
    if soort == "bestanden":
        return {
            "default": {"BACKEND": "raadhuis.core.opslag.Bestandsopslag"},
            "prive": {
                "BACKEND": "raadhuis.core.opslag.Bestandsopslag",
                "OPTIONS": {"location": RAADHUIS_PRIVE_ROOT, "base_url": None},
            },
        }
    if soort != "s3":
        raise ImproperlyConfigured(f"RAADHUIS_OPSLAG must be bestanden or s3, not {soort!r}.")
    bucket = env_str("RAADHUIS_S3_BUCKET", "")
    if not bucket:
        raise ImproperlyConfigured(
            "RAADHUIS_OPSLAG=s3 needs RAADHUIS_S3_BUCKET: the name of the (private) bucket that holds "
            "the uploaded files."
        )
    endpoint = env_str("RAADHUIS_S3_ENDPOINT_URL", "")
    if endpoint and urlsplit(endpoint).scheme not in {"http", "https"}:
        raise ImproperlyConfigured(
            f"RAADHUIS_S3_ENDPOINT_URL must start with https:// (or http://), not {endpoint!r}."
        )
    adressering = env_str("RAADHUIS_S3_ADRESSERING", "path")
    if adressering not in {"path", "virtual"}:
        raise ImproperlyConfigured(f"RAADHUIS_S3_ADRESSERING must be path or virtual, not {adressering!r}.")
    gedeeld = {
        "endpoint_url": endpoint or None,
        "region_name": env_str("RAADHUIS_S3_REGIO", "") or None,
        "addressing_style": adressering,
        "signature_version": "s3v4",
    }
    return {
        "default": {
            "BACKEND": "raadhuis.core.opslag_s3.S3Opslag",
            "OPTIONS": {**gedeeld, "bucket_name": bucket, "location": "media", "base_url": MEDIA_URL},
        },
        "prive": {
            "BACKEND": "raadhuis.core.opslag_s3.S3Opslag",
            "OPTIONS": {
                **gedeeld,
                "bucket_name": env_str("RAADHUIS_S3_PRIVE_BUCKET", bucket),
                "location": "prive",
                "base_url": None,
            },
        },
    }


RAADHUIS_OPSLAG = env_str("RAADHUIS_OPSLAG", "bestanden")
STORAGES = {
    **uploadopslag(RAADHUIS_OPSLAG),
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("RAADHUIS_STATIC_MANIFEST", True)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}


def cache_from_url(url: str) -> dict[str, Any]:
    """Django's default cache: Redis for a redis:// or rediss:// URL, else memory of this process.

    With several app server processes the cache must be shared: the rate limits (core.snelheid)
    and anything else kept in it would otherwise count per process, so N processes would allow
    N times the limit. `check --deploy` warns about a per-process cache (raadhuis.W002)."""
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    scheme = urlsplit(url).scheme
    if scheme not in {"redis", "rediss", "unix"}:
        raise ImproperlyConfigured(
            f"RAADHUIS_CACHE_URL uses the unknown scheme {scheme or '(none)'!r}; use redis://host:port/db."
        )
    # A key prefix per installation, so two installations may share one Redis server.
    return {
        "BACKEND": "raadhuis.core.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": env_str("RAADHUIS_CACHE_PREFIX", "raadhuis"),
    }


# Cache: per process by default; Redis (RAADHUIS_CACHE_URL=redis://...) in production, so that rate
# limits and login throttling count across all app servers.
RAADHUIS_CACHE_URL = env_str("RAADHUIS_CACHE_URL", "")
CACHES = {"default": cache_from_url(RAADHUIS_CACHE_URL)}
# Sessions are rows in the database by default, so every app server process sees every session.
# "cached_db" also keeps them in the (then shared, Redis) cache, saving a query per request; it
# needs RAADHUIS_CACHE_URL, because a per-process cache would serve a session another process
# already ended (logout, expiry: core.sessies).
RAADHUIS_SESSIES = env_str("RAADHUIS_SESSIES", "database")
if RAADHUIS_SESSIES == "cached_db" and RAADHUIS_CACHE_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
elif RAADHUIS_SESSIES == "cached_db":
    raise ImproperlyConfigured(
        "RAADHUIS_SESSIES=cached_db needs RAADHUIS_CACHE_URL (a cache shared by all processes)."
    )
elif RAADHUIS_SESSIES != "database":
    raise ImproperlyConfigured(f"RAADHUIS_SESSIES must be database or cached_db, not {RAADHUIS_SESSIES!r}.")
else:
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Rate limits per group as "number/period" (s, m, u, d); override one with RAADHUIS_LIMIET_<GROEP>,
# e.g. RAADHUIS_LIMIET_API=1200/m. Answered with 429 and Retry-After (core.snelheid).
RAADHUIS_SNELHEIDSLIMIETEN = {
    groep: env_str(f"RAADHUIS_LIMIET_{groep.upper()}", standaard)
    for groep, standaard in {
        "inloggen": "20/m",  # login forms and DigiD/eHerkenning callbacks, per address
        "formulieren": "30/m",  # public form posts, per address
        "zoeken": "60/m",  # public search, per address
        "api": "600/m",  # the API, per token, user or address
    }.items()
}
# Trusted reverse proxies in front of the app (0: use REMOTE_ADDR; 1: the address nginx saw).
RAADHUIS_PROXY_AANTAL = env_int("RAADHUIS_PROXY_AANTAL", 1 if env_bool("RAADHUIS_BEHIND_PROXY", False) else 0)

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

# Outgoing e-mail (notifications to subscribers, reminders to the griffie). With no SMTP host the
# mails are written to files under var/mail (development); production sets RAADHUIS_SMTP_HOST.
RAADHUIS_SMTP_HOST = env_str("RAADHUIS_SMTP_HOST", "")
if RAADHUIS_SMTP_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = RAADHUIS_SMTP_HOST
    EMAIL_PORT = env_int("RAADHUIS_SMTP_POORT", 587)
    EMAIL_HOST_USER = env_str("RAADHUIS_SMTP_GEBRUIKER", "")
    EMAIL_HOST_PASSWORD = env_str("RAADHUIS_SMTP_WACHTWOORD", "")
    EMAIL_USE_TLS = env_bool("RAADHUIS_SMTP_STARTTLS", True)
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(VAR_DIR / "mail")
DEFAULT_FROM_EMAIL = env_str("RAADHUIS_AFZENDER", "Raadhuis <noreply@localhost>")
# How many generated cases `raadhuis demo` writes (a year of requests for the work queue).
RAADHUIS_DEMO_ZAKEN = env_int("RAADHUIS_DEMO_ZAKEN", 3000)
# How many contacts the demo generates over the past year; 0 means twice the number of cases.
RAADHUIS_DEMO_CONTACTEN = env_int("RAADHUIS_DEMO_CONTACTEN", 0)
# Generated publications across every Woo information category (on top of what the modules
# publish); the tests use a handful.
RAADHUIS_DEMO_PUBLICATIES = env_int("RAADHUIS_DEMO_PUBLICATIES", 2000)
# Where the sitemap files for the national Woo index are written (served as files).
RAADHUIS_SITEMAP_ROOT = Path(env_str("RAADHUIS_SITEMAP_ROOT", str(VAR_DIR / "sitemaps")))
# The search index directory (Tantivy, derived from the database; rebuilt when missing).
# "geheugen" keeps it in memory, for tests.
RAADHUIS_ZOEKINDEX = env_str("RAADHUIS_ZOEKINDEX", str(VAR_DIR / "zoekindex"))
# The public address of the site, for links in e-mails (which have no request to take it from).
RAADHUIS_BASIS_URL = env_str("RAADHUIS_BASIS_URL", "http://127.0.0.1:8000").rstrip("/")

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
# Sessions end after this long without activity, and this long after login in any case
# (OWASP ASVS 4.0.3 3.3.2, level 2: 30 minutes and 12 hours; core.sessies).
RAADHUIS_SESSIE_INACTIEF_MINUTEN = env_int("RAADHUIS_SESSIE_INACTIEF_MINUTEN", 30)
RAADHUIS_SESSIE_MAXIMAAL_UREN = env_int("RAADHUIS_SESSIE_MAXIMAAL_UREN", 12)
SESSION_COOKIE_AGE = RAADHUIS_SESSIE_MAXIMAAL_UREN * 3600

# Failed logins (password or code), counted separately per account and per address within the
# cool-off; far below the 100 per account per hour of OWASP ASVS 4.0.3 2.2.1 (accounts.inlogpogingen).
RAADHUIS_INLOGPOGINGEN_PER_ACCOUNT = env_int("RAADHUIS_INLOGPOGINGEN_PER_ACCOUNT", 10)
RAADHUIS_INLOGPOGINGEN_PER_ADRES = env_int("RAADHUIS_INLOGPOGINGEN_PER_ADRES", 30)
RAADHUIS_INLOGBLOKKADE_MINUTEN = env_int("RAADHUIS_INLOGBLOKKADE_MINUTEN", 60)
AXES_HANDLER = "raadhuis.accounts.inlogpogingen.InlogpogingenHandler"  # axes' database handler
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = RAADHUIS_INLOGPOGINGEN_PER_ACCOUNT
AXES_COOLOFF_TIME = timedelta(minutes=RAADHUIS_INLOGBLOKKADE_MINUTEN)
AXES_LOCKOUT_CALLABLE = "raadhuis.accounts.views.geblokkeerd"
AXES_CLIENT_IP_CALLABLE = "raadhuis.accounts.inlogpogingen.client_adres"
# Attempts during a lockout do not extend it, so the time on the lockout page stays true.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Axes' start-up banner goes to stderr, which the CLI keeps to one line per error.
AXES_VERBOSE = False
# Two-factor authentication (django-otp): the issuer shown in the authenticator app.
OTP_TOTP_ISSUER = env_str("RAADHUIS_TOTP_UITGEVER", "Raadhuis")
# The admin never shows another person's TOTP key or QR code: a beheerder could copy their second factor.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
# A strict Content-Security-Policy: only our own files, no inline script or style, no eval
# (wdo-en-beveiliging.md section 7, headers). htmx is configured not to need either (base.html).
# Origins of an external login broker are added to form-action where the OIDC settings are read.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
        **({"upgrade-insecure-requests": True} if HTTPS else {}),
    },
}
if env_bool("RAADHUIS_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The local test identity provider (raadhuis.testidp, real OIDC under /test-idp/): on in development
# and tests, never in production (check --deploy errors when it is on together with HTTPS).
RAADHUIS_TEST_IDP = env_bool("RAADHUIS_TEST_IDP", DEBUG or not HTTPS)
if RAADHUIS_TEST_IDP:
    INSTALLED_APPS.append("raadhuis.testidp")


def oidc_broker(middel: str, *, claims: dict[str, str], acr: dict[str, str]) -> dict[str, Any]:
    """One DigiD or eHerkenning client at an OIDC broker, from RAADHUIS_<MIDDEL>_OIDC_* variables
    (an empty variable counts as unset, so .env.example can be copied as is).

    A relative discovery URL is resolved against the request (the test IdP in this same server)."""
    prefix = f"RAADHUIS_{middel.upper()}_OIDC_"

    def waarde(naam: str, standaard: str = "") -> str:
        return env_str(prefix + naam, "") or standaard

    test_idp = RAADHUIS_TEST_IDP and not waarde("DISCOVERY_URL") and not waarde("ISSUER")
    client_id = waarde("CLIENT_ID", f"raadhuis-{middel}" if test_idp else "")
    # The test IdP's secret is derived, so no secret sits in the repository.
    test_geheim = hashlib.sha256(f"test-idp:{client_id}:{SECRET_KEY}".encode()).hexdigest()
    return {
        "client_id": client_id,
        "client_secret": waarde("CLIENT_SECRET", test_geheim if test_idp else ""),
        "discovery_url": waarde(
            "DISCOVERY_URL", "/test-idp/.well-known/openid-configuration" if test_idp else ""
        ),
        "issuer": waarde("ISSUER"),
        "authorization_endpoint": waarde("AUTHORIZATION_ENDPOINT"),
        "token_endpoint": waarde("TOKEN_ENDPOINT"),
        "jwks_uri": waarde("JWKS_ENDPOINT"),
        "scopes": waarde("SCOPES", "openid"),
        "token_auth": waarde("TOKEN_AUTH", "client_secret_basic"),
        "acr_values": {
            niveau: waarde(f"ACR_{niveau.upper()}", standaard) for niveau, standaard in acr.items()
        },
        "claims": {naam: waarde(f"CLAIM_{naam.upper()}", standaard) for naam, standaard in claims.items()},
        "timeout": env_int(prefix + "TIMEOUT", 10),
        "test_idp": test_idp,
    }


# DigiD and eHerkenning through an OIDC broker (accounts.oidc); the acr values ask for a level of
# assurance, the claims name where the broker puts BSN, KvK number and level.
RAADHUIS_OIDC_BROKERS = {
    "digid": oidc_broker(
        "digid",
        claims={"bsn": "bsn", "acr": "acr"},
        acr={
            "laag": "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
            "substantieel": "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard",
            "hoog": "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI",
        },
    ),
    "eherkenning": oidc_broker(
        "eherkenning",
        claims={
            "kvk": "kvk",
            "vestigingsnummer": "vestigingsnummer",
            "handelende_persoon": "acting_subject",
            "acr": "acr",
        },
        acr={
            "laag": "urn:etoegang:core:assurance-class:loa2plus",
            "substantieel": "urn:etoegang:core:assurance-class:loa3",
            "hoog": "urn:etoegang:core:assurance-class:loa4",
        },
    ),
}
# The browser is sent to an external broker's authorize endpoint; allow it as a form target too
# (Chromium applies form-action to redirects that follow a form post).
_form_action = CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"]
for _broker in RAADHUIS_OIDC_BROKERS.values():
    for _url in (_broker["discovery_url"], _broker["issuer"], _broker["authorization_endpoint"]):
        _origin = f"{urlsplit(_url).scheme}://{urlsplit(_url).netloc}"
        if (
            urlsplit(_url).scheme in {"http", "https"}
            and isinstance(_form_action, list)
            and _origin not in _form_action
        ):
            _form_action.append(_origin)
# The test IdP's registered clients: client id -> secret, redirect paths and the means preselected.
# Their redirect URIs are on the IdP's own origin, or on one of these (an app server of its own
# that uses this server as its broker, as the load tests do: bench/load/omgeving.py).
RAADHUIS_TEST_IDP_CLIENT_ORIGINS = env_list("RAADHUIS_TEST_IDP_CLIENT_ORIGINS", "")
RAADHUIS_TEST_IDP_CLIENTS = {
    broker["client_id"]: {
        "client_secret": broker["client_secret"],
        "redirect_paden": [f"/inloggen/{middel}/terug/"],
        "middel": middel,
    }
    for middel, broker in RAADHUIS_OIDC_BROKERS.items()
    if broker["test_idp"]
}

# Structured logs (RAADHUIS_LOG_JSON=true): one JSON object per line with time, level, logger,
# message and the request id (the W3C trace id), for journald or a log collector. The access log
# (one line per request, path without query string) is on with JSON logs unless switched off.
RAADHUIS_LOG_JSON = env_bool("RAADHUIS_LOG_JSON", False)
RAADHUIS_TOEGANGSLOG = env_bool("RAADHUIS_TOEGANGSLOG", RAADHUIS_LOG_JSON)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "raadhuis.productie.logregels.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            **({"formatter": "json"} if RAADHUIS_LOG_JSON else {}),
        }
    },
    "root": {"handlers": ["console"], "level": env_str("RAADHUIS_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {"level": "WARNING"},
        "raadhuis.toegang": {"level": "INFO"},
    },
}

# Prometheus metrics at /metrics (raadhuis.productie.metrics): for a scraper that sends this token
# as a Bearer token, or from these client addresses (comma-separated); nobody else (404).
RAADHUIS_METRICS_TOKEN = env_str("RAADHUIS_METRICS_TOKEN", "")
RAADHUIS_METRICS_ADRESSEN = env_list("RAADHUIS_METRICS_ADRESSEN", "")

RAADHUIS_PUBLIEK_MENU = "raadhuis.menu.PUBLIEK_MENU"
RAADHUIS_WERKPLEK_MENU = "raadhuis.menu.WERKPLEK_MENU"
