"""Where uploaded files live: public ones under MEDIA_ROOT, papers that need a permission check in
a private folder that no web server serves (a geheim stuk must never be one guessed URL away).
Both refuse a file the disk cannot hold with a clear message and leave no half-written file."""

from __future__ import annotations

import errno
import os
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, Storage
from django.utils.translation import gettext as _

# The disk or the quota is full, or the file is larger than the file system allows.
VOL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


class Bestandsopslag(FileSystemStorage):
    """The file system, with a full disk as bad input rather than a crash: the half-written file is
    removed and a ValidationError says what happened, so the service's transaction rolls back and
    the form shows the message (issue 11 point 3)."""

    def _save(self, name: str, content: Any) -> str:
        try:
            return str(super()._save(name, content))  # type: ignore[misc]  # missing from django-stubs
        except OSError as fout:
            if fout.errno not in VOL:
                raise
            self._half_bestand_verwijderen(name)
            raise ValidationError(
                _(
                    "Het bestand is niet opgeslagen: de opslag is vol. Er is niets bewaard; "
                    "probeer het later opnieuw of meld het bij de beheerder."
                ),
                code="opslag_vol",
            ) from fout

    def _half_bestand_verwijderen(self, name: str) -> None:
        # The name came from get_available_name, so no earlier file has it: what is there is ours.
        pad = self.path(name)
        if os.path.isfile(pad):
            os.remove(pad)


def prive_opslag() -> Storage:
    """Storage outside MEDIA_ROOT; files leave it only through a view that checks who may see them.
    A callable, so migrations refer to it and tests can point the setting elsewhere."""
    return Bestandsopslag(location=settings.RAADHUIS_PRIVE_ROOT, base_url=None)
