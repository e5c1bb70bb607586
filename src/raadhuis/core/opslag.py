"""Where uploaded files live: public ones (STORAGES["default"]) and papers that need a permission
check (STORAGES["prive"]: a folder no web server serves, or a prefix of a private S3 bucket; a geheim
stuk must never be one guessed URL away). On the file system both refuse a file the disk cannot hold
with a clear message and leave no half-written file."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.translation import gettext as _

# The disk or the quota is full, or the file is larger than the file system allows.
VOL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})

PRIVE = "prive"


def opslag_vol_melding() -> ValidationError:
    return ValidationError(
        _(
            "Het bestand is niet opgeslagen: de opslag is vol. Er is niets bewaard; "
            "probeer het later opnieuw of meld het bij de beheerder."
        ),
        code="opslag_vol",
    )


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
            raise opslag_vol_melding() from fout

    def _half_bestand_verwijderen(self, name: str) -> None:
        # The name came from get_available_name, so no earlier file has it: what is there is ours.
        pad = self.path(name)
        if os.path.isfile(pad):
            os.remove(pad)


class Opslagalias(Storage):
    """The storage configured under an alias of STORAGES, looked up on every use rather than once.
    Model fields take their storage when their class is made; through this, a changed STORAGES
    (a test's override, Django resets its own cache then) reaches them, as it does default_storage.
    Every public method of the Storage API is handed on as is."""

    def __init__(self, alias: str) -> None:
        self.alias = alias

    @property
    def doel(self) -> Storage:
        return storages[self.alias]

    def open(self, name: str, mode: str = "rb") -> File[Any]:
        return self.doel.open(name, mode)

    def save(self, name: str | None, content: IO[Any], max_length: int | None = None) -> str:
        return self.doel.save(name, content, max_length=max_length)

    def get_valid_name(self, name: str) -> str:
        return self.doel.get_valid_name(name)

    def get_alternative_name(self, file_root: str, file_ext: str) -> str:
        return self.doel.get_alternative_name(file_root, file_ext)

    def get_available_name(self, name: str, max_length: int | None = None) -> str:
        return self.doel.get_available_name(name, max_length=max_length)

    def generate_filename(self, filename: str | os.PathLike[str]) -> str:
        return self.doel.generate_filename(filename)

    def path(self, name: str) -> str:
        return self.doel.path(name)

    def delete(self, name: str) -> None:
        self.doel.delete(name)

    def exists(self, name: str) -> bool:
        return self.doel.exists(name)

    def listdir(self, path: str) -> tuple[list[str], list[str]]:
        return self.doel.listdir(path)

    def size(self, name: str) -> int:
        return self.doel.size(name)

    def url(self, name: str | None) -> str:
        return self.doel.url(name)

    def get_accessed_time(self, name: str) -> datetime:
        return self.doel.get_accessed_time(name)

    def get_created_time(self, name: str) -> datetime:
        return self.doel.get_created_time(name)

    def get_modified_time(self, name: str) -> datetime:
        return self.doel.get_modified_time(name)


_PRIVE = Opslagalias(PRIVE)


def prive_opslag() -> Storage:
    """Storage that no web server serves; files leave it only through a view that checks who may
    see them. A callable, so migrations refer to it by name."""
    return _PRIVE


def uploadopslagen() -> dict[str, Storage]:
    """The two stores of uploaded files by the name their files carry in a backup manifest."""
    return {"media": storages["default"], "prive": storages[PRIVE]}


def opslag_bereikbaar() -> bool:
    """Every store of uploaded files that can say so (S3: a HEAD of its bucket) answers."""
    for opslag in uploadopslagen().values():
        # Asked, not imported: core.opslag_s3 pulls in boto3, which a file-system install never needs.
        controle = getattr(opslag, "bereikbaar", None)
        if controle is not None and not controle():
            return False
    return True


def alle_namen(opslag: Storage, map_: str = "") -> Iterator[str]:
    """Every file name in the store, sorted, through the Storage API (a folder walk on the file
    system, prefix listings on S3). A store that does not exist yet holds nothing."""
    try:
        mappen, bestanden = opslag.listdir(map_)
    except FileNotFoundError:
        return
    voor = f"{map_}/" if map_ else ""
    for naam in sorted([*(f"{voor}{b}" for b in bestanden), *(f"{voor}{m}/" for m in mappen)]):
        if naam.endswith("/"):
            yield from alle_namen(opslag, naam[:-1])
        else:
            yield naam
