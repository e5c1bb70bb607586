"""The English translation: complete, consistent with its placeholders, compiled, and used by the site."""

from __future__ import annotations

import ast
import re
import shutil
import struct
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from raadhuis.core.models import Organisatie

LC_MESSAGES = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES"
PO = LC_MESSAGES / "django.po"
MO = LC_MESSAGES / "django.mo"

# Python-format placeholders as gettext sees them: %(naam)s, %s, %d, ...; "%%" is a literal percent sign.
PLACEHOLDER = (
    r"%(?:\((?P<naam>[^)]*)\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<soort>[diouxXeEfFgGcrsa%])"
)


@dataclass
class Vermelding:
    """One entry of a .po file."""

    regel: int
    flags: set[str] = field(default_factory=set)
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)

    @property
    def vertalingen(self) -> list[str]:
        return [self.msgstr[n] for n in sorted(self.msgstr)]


def _tekst(regel: str) -> str:
    """A quoted .po string, with C escapes, as Python text."""
    waarde = ast.literal_eval(regel.strip())
    if not isinstance(waarde, str):
        raise ValueError(regel)
    return waarde


def lees_po(pad: Path) -> list[Vermelding]:
    """Parses a .po file: enough of the format for what makemessages writes (obsolete entries skipped)."""
    vermeldingen: list[Vermelding] = []
    huidig: Vermelding | None = None
    veld: tuple[str, int] | None = None
    vlaggen: set[str] = set()

    def nieuw(regelnummer: int) -> Vermelding:
        nonlocal huidig, vlaggen
        huidig = Vermelding(regel=regelnummer, flags=vlaggen)
        vlaggen = set()
        vermeldingen.append(huidig)
        return huidig

    for nummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), start=1):
        regel = regel.strip()
        if not regel or regel.startswith("#~"):
            veld = None
        elif regel.startswith("#,"):
            vlaggen |= {vlag.strip() for vlag in regel[2:].split(",") if vlag.strip()}
        elif regel.startswith("#"):
            continue
        elif regel.startswith("msgctxt "):
            nieuw(nummer).msgctxt = _tekst(regel[len("msgctxt ") :])
            veld = ("msgctxt", 0)
        elif regel.startswith("msgid_plural "):
            assert huidig is not None, f"{pad}:{nummer}: msgid_plural without msgid"
            huidig.msgid_plural = _tekst(regel[len("msgid_plural ") :])
            veld = ("msgid_plural", 0)
        elif regel.startswith("msgid "):
            if huidig is None or veld != ("msgctxt", 0):
                nieuw(nummer)
            assert huidig is not None
            huidig.msgid = _tekst(regel[len("msgid ") :])
            veld = ("msgid", 0)
        elif regel.startswith("msgstr"):
            assert huidig is not None, f"{pad}:{nummer}: msgstr without msgid"
            sleutel, _, waarde = regel.partition(" ")
            index = int(sleutel[len("msgstr[") : -1]) if sleutel.startswith("msgstr[") else 0
            huidig.msgstr[index] = _tekst(waarde)
            veld = ("msgstr", index)
        elif regel.startswith('"'):
            assert huidig is not None, f"{pad}:{nummer}: continuation line before any entry"
            assert veld is not None, f"{pad}:{nummer}: continuation line out of place"
            naam, index = veld
            if naam == "msgstr":
                huidig.msgstr[index] += _tekst(regel)
            else:
                setattr(huidig, naam, getattr(huidig, naam) + _tekst(regel))
        else:
            raise AssertionError(f"{pad}:{nummer}: cannot read {regel!r}")
    return vermeldingen


def placeholders(tekst: str) -> Counter[str]:
    return Counter(m.group(0) for m in re.finditer(PLACEHOLDER, tekst) if m.group("soort") != "%")


def lees_mo(inhoud: bytes) -> dict[bytes, bytes]:
    """The messages in a compiled .mo catalogue, as raw (context+)msgid -> msgstr bytes."""
    magie = struct.unpack("<I", inhoud[:4])[0]
    volgorde = "<" if magie == 0x950412DE else ">"
    assert struct.unpack(volgorde + "I", inhoud[:4])[0] == 0x950412DE, "not a .mo file"
    _revisie, aantal, origineel, vertaald = struct.unpack(volgorde + "4I", inhoud[4:20])
    catalogus = {}
    for i in range(aantal):
        lengte, plek = struct.unpack(volgorde + "2I", inhoud[origineel + 8 * i : origineel + 8 * i + 8])
        vlengte, vplek = struct.unpack(volgorde + "2I", inhoud[vertaald + 8 * i : vertaald + 8 * i + 8])
        catalogus[inhoud[plek : plek + lengte]] = inhoud[vplek : vplek + vlengte]
    return catalogus


@pytest.fixture(scope="module")
def vermeldingen() -> list[Vermelding]:
    return [v for v in lees_po(PO) if v.msgid]


def test_po_bestand_is_leesbaar_en_niet_leeg(vermeldingen):
    assert len(vermeldingen) > 100
    header = next(v for v in lees_po(PO) if not v.msgid)
    assert "fuzzy" not in header.flags, "remove the fuzzy flag from the .po header"
    assert "Language: en\n" in header.msgstr[0]


def test_elke_tekst_is_vertaald_en_niet_fuzzy(vermeldingen):
    onvertaald = [v.msgid for v in vermeldingen if not v.vertalingen or not all(v.vertalingen)]
    fuzzy = [v.msgid for v in vermeldingen if "fuzzy" in v.flags]

    assert not onvertaald, f"untranslated in {PO}: {onvertaald}"
    assert not fuzzy, f"fuzzy in {PO} (check the translation, then remove the flag): {fuzzy}"


def test_placeholders_van_vertaling_en_origineel_komen_overeen(vermeldingen):
    verschillen = []
    for v in vermeldingen:
        verwacht = placeholders(v.msgid)
        for vertaling in v.vertalingen:
            if placeholders(vertaling) != verwacht:
                verschillen.append((v.regel, v.msgid, vertaling))
    assert not verschillen, "placeholders differ between msgid and msgstr:\n" + "\n".join(
        f"  line {regel}: {msgid!r} -> {msgstr!r}" for regel, msgid, msgstr in verschillen
    )


def test_django_vertaalt_met_de_gecompileerde_catalogus(vermeldingen):
    """Every simple entry comes back from gettext in English, so the .mo is loaded and matches the .po."""
    enkelvoudig = [v for v in vermeldingen if v.msgctxt is None and v.msgid_plural is None]
    with translation.override("en"):
        afwijkend = [
            (v.msgid, v.msgstr[0], vertaald)
            for v in enkelvoudig
            if (vertaald := translation.gettext(v.msgid)) != v.msgstr[0]
        ]
    assert not afwijkend, "the .mo does not match the .po (run compilemessages):\n" + "\n".join(
        f"  {msgid!r}: .po {msgstr!r}, gettext {vertaald!r}" for msgid, msgstr, vertaald in afwijkend
    )


def test_mo_bestand_is_bij_met_het_po_bestand(tmp_path):
    """A stale .mo (the .po changed but compilemessages was not run) fails here."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (GNU gettext) is not installed")
    nieuw = tmp_path / "django.mo"
    # The same command as Django's compilemessages.
    subprocess.run([msgfmt, "--check-format", "-o", str(nieuw), str(PO)], check=True)

    vers, vastgelegd = nieuw.read_bytes(), MO.read_bytes()
    if vers == vastgelegd:
        return
    # Another gettext version may lay the file out differently; the messages must still be the same.
    verwacht, gevonden = lees_mo(vers), lees_mo(vastgelegd)
    verschil = sorted(
        sleutel.decode(errors="replace")
        for sleutel in verwacht.keys() | gevonden.keys()
        if verwacht.get(sleutel) != gevonden.get(sleutel)
    )
    assert not verschil, f"{MO} is stale; run `raadhuis compilemessages`. It differs for: {verschil}"


def test_taalkeuze_zet_de_site_in_het_engels(client: Client, organisatie: Organisatie):
    with translation.override(settings.LANGUAGE_CODE):  # the middleware activates English; restore after
        antwoord = client.post("/taal/", {"language": "en", "next": "/"})
        assert antwoord.status_code == 302
        assert antwoord["Location"] == "/"

        html = client.get("/").content.decode()

    assert '<html lang="en"' in html
    assert "Skip to content" in html
    assert "Direct naar de inhoud" not in html
    assert 'aria-label="Main menu"' in html
    for label in ["Home", "Governance", "Cooperation", "Services", "Open government"]:
        assert f">{label}</a>" in html, label
    assert "Staff login" in html
    assert "Accessibility statement" in html
    # Language names stay in their own language, so a reader can find theirs.
    assert ">Nederlands</option>" in html
    assert ">English</option>" in html


def test_zonder_taalkeuze_is_de_site_nederlands(client: Client, organisatie: Organisatie):
    with translation.override(settings.LANGUAGE_CODE):
        html = client.get("/").content.decode()

    assert '<html lang="nl"' in html
    assert "Direct naar de inhoud" in html
    assert ">Bestuur</a>" in html
