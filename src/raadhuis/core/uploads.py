"""The one upload check every module uses: type by content (not by name) and size, before storing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.formats import number_format
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Bestandssoort:
    naam: str
    mediatype: str
    handtekeningen: tuple[bytes, ...]


PNG = Bestandssoort("PNG", "image/png", (b"\x89PNG\r\n\x1a\n",))
JPEG = Bestandssoort("JPEG", "image/jpeg", (b"\xff\xd8\xff",))
PDF = Bestandssoort("PDF", "application/pdf", (b"%PDF-",))

AFBEELDINGEN = (PNG, JPEG)


def herken_soort(begin: bytes, toegestaan: Iterable[Bestandssoort]) -> Bestandssoort | None:
    for soort in toegestaan:
        if any(begin.startswith(handtekening) for handtekening in soort.handtekeningen):
            return soort
    return None


def valideer_upload(
    bestand: UploadedFile[bytes], *, toegestaan: tuple[Bestandssoort, ...], max_bytes: int
) -> Bestandssoort:
    """Checks size and the file's real type from its first bytes; raises ValidationError."""
    if bestand.size is None or bestand.size == 0:
        raise ValidationError(_("Het bestand is leeg."), code="leeg")
    if bestand.size > max_bytes:
        raise ValidationError(
            _("Het bestand is groter dan %(max)s MB.")
            % {"max": number_format(max_bytes / 1_000_000, decimal_pos=1)},
            code="te_groot",
        )
    bestand.seek(0)
    begin = bestand.read(16)
    bestand.seek(0)
    soort = herken_soort(begin, toegestaan)
    if soort is None:
        namen = ", ".join(s.naam for s in toegestaan)
        raise ValidationError(
            _("Dit bestandstype is niet toegestaan; kies een bestand van het type %(namen)s.")
            % {"namen": namen},
            code="type",
        )
    return soort
