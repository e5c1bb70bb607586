"""Running Raadhuis in production: structured logs with request ids, the access log and the
Prometheus metrics. No models and no pages of its own; wired in by settings.py and urls.py."""
