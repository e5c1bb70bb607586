"""gunicorn settings for the Raadhuis app servers (deploy/systemd/raadhuis-web.service).

Read by `gunicorn -c /opt/raadhuis/deploy/gunicorn.conf.py raadhuis.wsgi:application`; every value
can be overridden from the environment file (GUNICORN_* below). Why gunicorn: docs/adr/0003-app-server.md.
"""

import os

# Where nginx reaches this server: a local port (nginx on the same machine, or app servers on
# several machines behind one nginx: bind to the machine's private address).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Processes: about 2 per CPU core; each is a full copy of the platform (~150-250 MB).
workers = int(os.environ.get("GUNICORN_WORKERS", "4"))
# Threads per process: requests wait on PostgreSQL most of their time, so a few threads per
# process serve more at once without more memory (the gthread worker).
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A request taking longer is stuck: the worker is restarted (the PDF bundles of a Woo decision are
# built by the task workers, not in a request).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Restart a process after this many requests (plus jitter), against slow memory growth.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
# Only nginx on this machine may set X-Forwarded-*; the app itself counts the X-Forwarded-For
# entries it trusts with RAADHUIS_PROXY_AANTAL.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# No gunicorn access log: it would write query strings (which may hold personal data). The
# platform writes its own access line without them (RAADHUIS_TOEGANGSLOG, with the request id).
accesslog = None
errorlog = "-"
loglevel = "info"
# Load the application once in the master and fork: less memory, faster restarts of a worker.
preload_app = True


def child_exit(server, worker):  # type: ignore[no-untyped-def]
    """Prometheus multiprocess mode: forget the gauges of a worker that stopped."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
