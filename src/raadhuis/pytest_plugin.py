"""Test-run environment, loaded with `-p` before Django reads its settings."""

import os

# Tests talk plain http to the test client and the live server, and read static files from the
# finders rather than from a collected manifest.
os.environ.setdefault("RAADHUIS_HTTPS", "false")
os.environ.setdefault("RAADHUIS_STATIC_MANIFEST", "false")
