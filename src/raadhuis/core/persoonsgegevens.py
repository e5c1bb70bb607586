"""Dutch personal data (persoonsgegevens) found in free text, shared by the platform: the KTO
comment screening and the Woo redaction (woo.lakken) both call `vinden`.

Numbers are found by pattern and only kept when they pass their check: a BSN must pass the
11-proef (Wet algemene bepalingen burgerservicenummer, art. 1; raadhuis.core.bsn), an IBAN the
ISO 13616 mod-97 check, a phone number must have the length of a Dutch number, a postcode may not
use the letter pairs SA, SD or SS, a kenteken must follow an RDW sidecode, and a KvK number needs the
word "KvK" (or "Kamer van Koophandel", "handelsregister") just before it because it has no check
digit. Names and places come from `deduce` (rule-based Dutch NER), which over-tags: every finding is
a suggestion that a person reviews (Woo art. 5.1.2e weighs privacy case by case).

Public officials acting in their function (a wethouder, the behandelaar) keep their names visible:
pass them as `zichtbare_namen`.
"""

from __future__ import annotations

import pickle
import re
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from raadhuis.core.bsn import is_geldig_bsn

NAAM = "naam"
LOCATIE = "locatie"
BSN = "bsn"
IBAN = "iban"
EMAIL = "email"
TELEFOON = "telefoon"
POSTCODE = "postcode"
KENTEKEN = "kenteken"
KVK = "kvk"

# Pattern kinds first: on an overlap the earlier kind wins (a postcode inside deduce's
# "2611 AB Delft" stays a postcode; the rest of the place name stays a place).
SOORTEN: tuple[str, ...] = (BSN, IBAN, EMAIL, TELEFOON, KENTEKEN, KVK, POSTCODE, NAAM, LOCATIE)
PATROONSOORTEN: tuple[str, ...] = (BSN, IBAN, EMAIL, TELEFOON, KENTEKEN, KVK, POSTCODE)

PLAATSHOUDERS: dict[str, str] = {
    NAAM: "[naam]",
    LOCATIE: "[locatie]",
    BSN: "[BSN]",
    IBAN: "[IBAN]",
    EMAIL: "[e-mail]",
    TELEFOON: "[telefoonnummer]",
    POSTCODE: "[postcode]",
    KENTEKEN: "[kenteken]",
    KVK: "[KvK-nummer]",
}


@dataclass(frozen=True)
class Vondst:
    """One piece of personal data: `tekst == bron[begin:eind]`."""

    soort: str
    begin: int
    eind: int
    tekst: str


# --- validators -------------------------------------------------------------------------------

# ISO 13616 lengths of the IBANs met in Dutch municipal mail; other countries are accepted when
# the mod-97 check passes at a length between 15 and 34.
IBAN_LENGTES: dict[str, int] = {
    "NL": 18,
    "BE": 16,
    "DE": 22,
    "FR": 27,
    "GB": 22,
    "LU": 20,
    "ES": 24,
    "IT": 27,
    "AT": 20,
    "CH": 21,
    "DK": 18,
    "PL": 28,
    "PT": 25,
    "IE": 22,
    "SE": 24,
    "NO": 15,
    "FI": 18,
}


def is_geldige_iban(waarde: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters become 10..35, and the number
    modulo 97 must be 1. Spaces are allowed; the length must fit the country when it is known."""
    iban = "".join(waarde.split()).upper()
    if not (15 <= len(iban) <= 34) or not iban.isascii() or not iban.isalnum():
        return False
    if not (iban[:2].isalpha() and iban[2:4].isdigit()):
        return False
    lengte = IBAN_LENGTES.get(iban[:2])
    if lengte is not None and len(iban) != lengte:
        return False
    if iban[:2] == "NL" and not (iban[4:8].isalpha() and iban[8:].isdigit()):
        return False
    getal = "".join(str(int(teken, 36)) for teken in iban[4:] + iban[:4])
    return int(getal) % 97 == 1


def telefoon_normaliseren(waarde: str) -> str:
    """Digits only, with +31/0031 (and a '(0)' after it) replaced by the trunk 0."""
    tekst = waarde.replace("(0)", "")
    cijfers = "".join(teken for teken in tekst if teken.isdigit())
    if tekst.lstrip().startswith("+31"):
        cijfers = "0" + cijfers[2:]
    elif cijfers.startswith("0031"):
        cijfers = "0" + cijfers[4:]
    return cijfers


def is_geldig_telefoonnummer(waarde: str) -> bool:
    """A Dutch number has 10 digits after normalising (06 mobile, 0xx/0xxx landlines); 0800/0900
    service numbers have 8 or 11."""
    cijfers = telefoon_normaliseren(waarde)
    if cijfers[:4] in {"0800", "0900", "0906", "0909"}:
        return len(cijfers) in {8, 11}
    return len(cijfers) == 10 and cijfers[0] == "0" and cijfers[1] != "0"


# --- patterns ---------------------------------------------------------------------------------

_BSN = re.compile(r"(?<![\w.,-])(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3})(?![\w-]|[.,]\d)")
_IBAN_BEGIN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}[ ]?[A-Za-z0-9]{4}")
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_TELEFOON = re.compile(
    r"(?<![\w+])(?:"
    r"(?:\+31|0031)[ -]?(?:\(0\)[ -]?)?\d(?:[ -]?\d){8}"  # international: 9 digits after +31
    r"|0(?:800|900|906|909)[ -]?\d{4}(?:\d{3})?"  # service numbers
    r"|06[ -]?\d{2}(?: ?\d{2}){3}"  # mobile: 06-12345678, 06 12 34 56 78, 06 1234 5678
    r"|\(?0[1-9]\d\)?[ -]?\d{3} ?\d{2} ?\d{2}"  # 010-1234567, (070) 123 45 67
    r"|\(?0[1-9]\d{2}\)?[ -]?\d{2} ?\d{2} ?\d{2}"  # 0182-123456
    r")(?![\d])"
)
_POSTCODE = re.compile(
    r"(?<![\w-])[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?![\w-])"
    r"(?:,? ?\d{1,5}(?:[a-zA-Z](?!\w)| [A-Z](?!\w)|-[a-zA-Z0-9]{1,4}(?!\w))?(?![\w-]))?"
)
# RDW sidecodes 1-14 (X letter, 9 digit), always written with hyphens in letters and reports.
_SIDECODES = (
    "XX-99-99",
    "99-99-XX",
    "99-XX-99",
    "XX-99-XX",
    "XX-XX-99",
    "99-XX-XX",
    "99-XXX-9",
    "9-XXX-99",
    "XX-999-X",
    "X-999-XX",
    "XXX-99-X",
    "X-99-XXX",
    "9-XX-999",
    "999-XX-9",
)
_KENTEKEN = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(code.replace("X", "[A-Z]").replace("9", r"\d") for code in _SIDECODES)
    + r")(?![\w-])"
)
_KVK = re.compile(
    r"(?:\bKvK|\bK\.v\.K\.|\bKamer van Koophandel|\bhandelsregister|\bvestigingsnummer)"
    r"[^\d\n]{0,30}?(?<!\d)(\d{8}|\d{2}[ .]\d{2}[ .]\d{2}[ .]\d{2}|\d{4}[ .]\d{4}|\d{12})(?![\d])",
    re.IGNORECASE,
)


def _iban_vondsten(tekst: str) -> list[Vondst]:
    vondsten: list[Vondst] = []
    for treffer in _IBAN_BEGIN.finditer(tekst):
        # Collect alphanumerics from the start, allowing one space between groups, and try the
        # country's length (or any valid length) so a following word is never swallowed.
        posities: list[int] = []
        i = treffer.start()
        while i < len(tekst) and len(posities) < 34:
            if tekst[i].isascii() and tekst[i].isalnum():
                posities.append(i)
                i += 1
            elif tekst[i] == " " and i + 1 < len(tekst) and tekst[i + 1].isalnum() and posities:
                i += 1
            else:
                break
        land = tekst[treffer.start() : treffer.start() + 2].upper()
        lengtes = [IBAN_LENGTES[land]] if land in IBAN_LENGTES else list(range(34, 14, -1))
        for lengte in lengtes:
            if lengte > len(posities):
                continue
            eind = posities[lengte - 1] + 1
            if eind < len(tekst) and tekst[eind].isalnum():
                continue
            kandidaat = tekst[treffer.start() : eind]
            if is_geldige_iban(kandidaat):
                vondsten.append(Vondst(IBAN, treffer.start(), eind, kandidaat))
                break
    return vondsten


def _patroon_vondsten(tekst: str) -> list[Vondst]:
    vondsten = _iban_vondsten(tekst)
    for treffer in _BSN.finditer(tekst):
        if is_geldig_bsn("".join(teken for teken in treffer.group(1) if teken.isdigit())):
            vondsten.append(Vondst(BSN, treffer.start(1), treffer.end(1), treffer.group(1)))
    for treffer in _EMAIL.finditer(tekst):
        waarde = treffer.group(0).rstrip(".")
        vondsten.append(Vondst(EMAIL, treffer.start(), treffer.start() + len(waarde), waarde))
    for treffer in _TELEFOON.finditer(tekst):
        if is_geldig_telefoonnummer(treffer.group(0)):
            vondsten.append(Vondst(TELEFOON, treffer.start(), treffer.end(), treffer.group(0)))
    for treffer in _POSTCODE.finditer(tekst):
        waarde = treffer.group(0).rstrip(" ,")
        vondsten.append(Vondst(POSTCODE, treffer.start(), treffer.start() + len(waarde), waarde))
    for treffer in _KENTEKEN.finditer(tekst):
        vondsten.append(Vondst(KENTEKEN, treffer.start(), treffer.end(), treffer.group(0)))
    for treffer in _KVK.finditer(tekst):
        vondsten.append(Vondst(KVK, treffer.start(1), treffer.end(1), treffer.group(1)))
    return vondsten


# --- names and places (deduce) ----------------------------------------------------------------


class _Annotatie(Protocol):
    text: str
    start_char: int
    end_char: int
    tag: str


class _DeduceDocument(Protocol):
    @property
    def annotations(self) -> Iterable[_Annotatie]: ...


class _Deduce(Protocol):
    def deidentify(self, text: str, *, disabled: set[str]) -> _DeduceDocument: ...


_deduce: _Deduce | None = None
_deduce_slot = threading.Lock()
_deduce_gebruik = threading.Lock()

# Only the name and place annotators run: the numbers are found above with stricter checks.
_DEDUCE_UIT = {"institutions", "dates", "ages", "identifiers", "phone_numbers", "email_addresses", "urls"}
_DEDUCE_SOORT = {"persoon": NAAM, "locatie": LOCATIE}


def _deduce_maken() -> _Deduce:
    import deduce  # type: ignore[import-untyped]  # ships no type information; heavy, so imported late

    for _poging in range(9):
        try:
            model: _Deduce = deduce.Deduce()
        except (pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
            # deduce rewrites its lookup cache in place; another process may be writing it
            # right now (first start after an install), and a half-written pickle fails in any
            # of these ways: wait and try again.
            time.sleep(3)
        else:
            return model
    # Still unreadable: two writers interleaved and left a corrupt cache. Build it afresh.
    geladen: _Deduce = deduce.Deduce(build_lookup_structs=True)
    return geladen


def deduce_laden() -> _Deduce:
    """deduce.Deduce() takes about 8 s (lookup lists): loaded once per process, on first use,
    under a lock so two threads never load it twice."""
    global _deduce
    model = _deduce
    if model is None:
        with _deduce_slot:
            model = _deduce
            if model is None:
                model = _deduce = _deduce_maken()
    return model


# Titles and forms of address that deduce includes in a name span but that identify no one.
_AANHEF = re.compile(
    r"^(?:(?:de\s+)?heer|dhr\.?|mevrouw|mevr\.?|mw\.?|mr\.?|dr\.?|drs\.?|ir\.?|ing\.?|prof\.?|"
    r"wethouder|burgemeester|raadslid|gemeentesecretaris|griffier|geachte|beste|familie|fam\.?)\s+",
    re.IGNORECASE,
)


def _aanhef_weg(begin: int, tekst: str) -> tuple[int, str]:
    while (treffer := _AANHEF.match(tekst)) is not None and treffer.end() < len(tekst):
        begin += treffer.end()
        tekst = tekst[treffer.end() :]
    return begin, tekst


def _naam_vondsten(tekst: str) -> list[Vondst]:
    model = deduce_laden()
    # A line break inside a paragraph must not split a name ("de heer Bartholomeus\nVandermolen");
    # same length, so the offsets still fit `tekst`. Blank lines still separate.
    doorlopend = re.sub(r"(?<!\n)\n(?!\n)", " ", tekst)
    with _deduce_gebruik:  # deduce does not promise thread safety; a call takes milliseconds
        document = model.deidentify(doorlopend, disabled=_DEDUCE_UIT)
    vondsten = []
    for annotatie in document.annotations:
        soort = _DEDUCE_SOORT.get(annotatie.tag.split("_")[0])
        if soort is None:
            continue
        begin, waarde = annotatie.start_char, tekst[annotatie.start_char : annotatie.end_char]
        if soort == NAAM:
            begin, waarde = _aanhef_weg(begin, waarde)
        waarde = waarde.rstrip(" ,.;:")
        if len(waarde) >= 2:
            vondsten.append(Vondst(soort, begin, begin + len(waarde), waarde))
    return vondsten


# --- normalising, officials and overlaps ------------------------------------------------------


def normaliseren(soort: str, tekst: str) -> str:
    """The form two findings share when they are the same datum: case, accents, spacing and
    separators removed for numbers; titles removed for names."""
    if soort == TELEFOON:
        return telefoon_normaliseren(tekst)
    if soort in {BSN, IBAN, KVK, KENTEKEN, POSTCODE}:
        return "".join(teken for teken in tekst.upper() if teken.isalnum())
    if soort == NAAM:
        tekst = _aanhef_weg(0, tekst.strip())[1]
    zonder_accenten = "".join(
        teken for teken in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(teken)
    )
    return " ".join(zonder_accenten.casefold().split())


def _is_zichtbaar(naam: str, zichtbaar: Sequence[str]) -> bool:
    """An official's full name, surname ("wethouder Smit"), or initials plus surname ("K. Smit")."""
    woorden = naam.replace(".", ". ").split()
    for ambtenaar in zichtbaar:
        if naam == ambtenaar or ambtenaar.endswith(" " + naam):
            return True
        delen = ambtenaar.split()
        initialen = [woord for woord in woorden if woord.endswith(".") and len(woord) <= 3]
        rest = " ".join(woord for woord in woorden if woord not in initialen)
        if initialen and rest and ambtenaar.endswith(" " + rest) and delen[0].startswith(initialen[0][0]):
            return True
    return False


def zonder_overlap(vondsten: Iterable[Vondst], tekst: str) -> list[Vondst]:
    """Earlier kinds in SOORTEN win, then the longer finding; a lower-ranked finding keeps the
    parts that stick out. Used to merge findings from several passes."""
    rang = {soort: positie for positie, soort in enumerate(SOORTEN)}
    gehouden: list[Vondst] = []
    for vondst in sorted(vondsten, key=lambda v: (rang[v.soort], -(v.eind - v.begin), v.begin)):
        stukken = [(vondst.begin, vondst.eind)]
        for ander in gehouden:
            nieuw = []
            for begin, eind in stukken:
                if ander.eind <= begin or ander.begin >= eind:
                    nieuw.append((begin, eind))
                    continue
                nieuw.extend(deel for deel in ((begin, ander.begin), (ander.eind, eind)) if deel[0] < deel[1])
            stukken = nieuw
        for begin, eind in stukken:
            stuk = tekst[begin:eind]
            links = len(stuk) - len(stuk.lstrip(" ,.;:-\n\t"))
            stuk = stuk.strip(" ,.;:-\n\t")
            if (begin, eind) != (vondst.begin, vondst.eind) and sum(t.isalnum() for t in stuk) < 2:
                continue
            if stuk:
                gehouden.append(Vondst(vondst.soort, begin + links, begin + links + len(stuk), stuk))
    return sorted(gehouden, key=lambda v: (v.begin, v.eind))


def _bekende_vondsten(tekst: str, bekende: Mapping[str, str]) -> list[Vondst]:
    """Whole-word occurrences of strings already found elsewhere, with their kind."""
    vondsten = []
    for waarde, soort in bekende.items():
        if len(waarde.strip()) < 2:
            continue
        woorden = waarde.split()
        patroon = r"\s+".join(re.escape(woord) for woord in woorden)
        # "PIETER DE VRIES" in a mail header is the same person; a single word is matched with
        # its case, so the place "Delft" does not catch the verb "delft" nor "Bos" the word "bos".
        vlaggen = re.IGNORECASE if len(woorden) > 1 else 0
        for treffer in re.finditer(rf"(?<!\w){patroon}(?!\w)", tekst, vlaggen):
            vondsten.append(Vondst(soort, treffer.start(), treffer.end(), treffer.group(0)))
    return vondsten


def vinden(
    tekst: str,
    *,
    zichtbare_namen: Iterable[str] = (),
    bekende_namen: Iterable[str] = (),
    bekende: Mapping[str, str] | None = None,
    met_namen: bool = True,
) -> list[Vondst]:
    """All personal data in `tekst`, ordered by position, without overlaps.

    `zichtbare_namen`: public officials acting in their function, whose names stay visible.
    `bekende_namen`: names found elsewhere (another page or document of the same request), also
    marked here where deduce misses them, so one person is treated the same everywhere;
    `bekende` does the same for any kind (string -> kind, e.g. a place).
    `met_namen=False` skips deduce (numbers and addresses only, no 8 s load)."""
    vondsten = _patroon_vondsten(tekst)
    if met_namen:
        vondsten += _naam_vondsten(tekst)
    vondsten += _bekende_vondsten(tekst, {naam.strip(): NAAM for naam in bekende_namen} | dict(bekende or {}))
    zichtbaar = [normaliseren(NAAM, naam) for naam in zichtbare_namen if naam.strip()]
    if zichtbaar:
        vondsten = [
            vondst
            for vondst in vondsten
            if vondst.soort != NAAM or not _is_zichtbaar(normaliseren(NAAM, vondst.tekst), zichtbaar)
        ]
    return zonder_overlap(vondsten, tekst)


def vervangen(
    tekst: str,
    vondsten: Sequence[Vondst] | None = None,
    *,
    zichtbare_namen: Iterable[str] = (),
    plaatshouders: dict[str, str] | None = None,
) -> str:
    """`tekst` with each finding replaced by its placeholder ("[naam]", "[BSN]"); finds them
    first when `vondsten` is not given."""
    if vondsten is None:
        vondsten = vinden(tekst, zichtbare_namen=zichtbare_namen)
    labels = PLAATSHOUDERS | (plaatshouders or {})
    delen: list[str] = []
    positie = 0
    for vondst in sorted(vondsten, key=lambda v: v.begin):
        if vondst.begin < positie:
            continue
        delen += [tekst[positie : vondst.begin], labels.get(vondst.soort, f"[{vondst.soort}]")]
        positie = vondst.eind
    delen.append(tekst[positie:])
    return "".join(delen)


# --- the same datum across documents ----------------------------------------------------------

B = TypeVar("B")


@dataclass(frozen=True)
class Groep(Generic[B]):
    """Every occurrence of one datum (same kind, same normalised form) across sources: one
    decision (redact or not) applies to all of them."""

    soort: str
    sleutel: str
    weergave: str
    voorkomens: tuple[tuple[B, Vondst], ...]


def vondst_sleutel(vondst: Vondst) -> tuple[str, str]:
    return vondst.soort, normaliseren(vondst.soort, vondst.tekst)


def vondsten_groeperen(per_bron: Iterable[tuple[B, Iterable[Vondst]]]) -> list[Groep[B]]:
    """Groups findings from many texts (pages, documents of one request) by normalised string,
    most frequent first; `weergave` is the most common spelling."""
    groepen: dict[tuple[str, str], list[tuple[B, Vondst]]] = {}
    for bron, vondsten in per_bron:
        for vondst in vondsten:
            groepen.setdefault(vondst_sleutel(vondst), []).append((bron, vondst))
    uitkomst = [
        Groep(
            soort=soort,
            sleutel=sleutel,
            weergave=Counter(vondst.tekst for _, vondst in voorkomens).most_common(1)[0][0],
            voorkomens=tuple(voorkomens),
        )
        for (soort, sleutel), voorkomens in groepen.items()
    ]
    return sorted(uitkomst, key=lambda groep: (-len(groep.voorkomens), groep.soort, groep.sleutel))


def besluit_doortrekken(
    per_bron: Iterable[tuple[B, Iterable[Vondst]]], besluiten: dict[tuple[str, str], bool]
) -> list[tuple[B, Vondst, bool | None]]:
    """Proposes for every finding the decision already taken for the same datum elsewhere
    (`besluiten` maps `vondst_sleutel` to redact yes/no); None where nothing was decided yet."""
    return [
        (bron, vondst, besluiten.get(vondst_sleutel(vondst)))
        for bron, vondsten in per_bron
        for vondst in vondsten
    ]
