"""Where uploaded files live: public ones under MEDIA_ROOT, papers that need a permission check in
a private folder that no web server serves (a geheim stuk must never be one guessed URL away)."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage


def prive_opslag() -> Storage:
    """Storage outside MEDIA_ROOT; files leave it only through a view that checks who may see them.
    A callable, so migrations refer to it and tests can point the setting elsewhere."""
    return FileSystemStorage(location=settings.RAADHUIS_PRIVE_ROOT, base_url=None)
