"""The DiWoo 0.9.8 value lists (TOOI and EU authority tables) the register validates against.

Read once per process from `core/data/tooi/*.csv` (columns uri,label,...; see that folder's
SOURCES.txt). Only values on these lists may reach a sitemap (woo.md §5: "custom values must never
reach a sitemap"), so the services refuse anything else.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import PurePosixPath

from raadhuis.core.tooi import DATA_DIR

KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"
BESTANDSTYPE = "http://publications.europa.eu/resource/authority/file-type/"

# Information categories (Woo art. 3.3 and 3.1), TOOI scw_woo_informatiecategorieen.
CATEGORIE_WETTEN_AVV = KERN + "c_139c6280"
CATEGORIE_OVERIGE_BESLUITEN = KERN + "c_aab6bfc7"
CATEGORIE_ORGANISATIE_WERKWIJZE = KERN + "c_40a05794"
CATEGORIE_INGEKOMEN_STUKKEN = KERN + "c_8c840238"
CATEGORIE_VERGADERSTUKKEN_DECENTRAAL = KERN + "c_db4862c3"
CATEGORIE_AGENDAS_BESLUITENLIJSTEN_BESTUUR = KERN + "c_3a248e3a"
CATEGORIE_ADVIEZEN = KERN + "c_99a836c7"
CATEGORIE_CONVENANTEN = KERN + "c_8fc2335c"
CATEGORIE_JAARPLANNEN = KERN + "c_c6cd1213"
CATEGORIE_WOO_VERZOEKEN = KERN + "c_3baef532"
CATEGORIE_ONDERZOEKSRAPPORTEN = KERN + "c_fdaee95e"
CATEGORIE_BESCHIKKINGEN = KERN + "c_46a81018"
CATEGORIE_KLACHTOORDELEN = KERN + "c_a870c43d"
CATEGORIE_INSPANNINGSVERPLICHTING = KERN + "c_816e508d"

# Document types (TOOI documentsoorten) the modules use.
DOCUMENTSOORT_BESLUIT = KERN + "c_465163c9"
DOCUMENTSOORT_WOO_BESLISSING = KERN + "c_4f50ca9c"  # "beslissing op Wob-/Woo-verzoek"
DOCUMENTSOORT_AGENDA = KERN + "c_f90465b3"
DOCUMENTSOORT_BESLUITENLIJST = KERN + "c_d4a4792f"
DOCUMENTSOORT_INGEKOMEN_STUK = KERN + "c_de27ae7a"
DOCUMENTSOORT_RAPPORT = KERN + "c_3300f29a"
DOCUMENTSOORT_ONDERZOEKSRAPPORT = KERN + "c_6f49bf34"
DOCUMENTSOORT_VOORTGANGSRAPPORT = KERN + "c_cccba364"

# Document handlings (TOOI soorthandelinglijst).
ONTVANGST = KERN + "c_dfcee535"
VASTSTELLING = KERN + "c_641ecd76"
ONDERTEKENING = KERN + "c_e1ec050e"

# Reasons for withdrawal or replacement (TOOI redenverwijderingvervanginglijst).
REDEN_PRIVACY = KERN + "c_098c1346"
REDEN_PROCEDURELE_FOUT = KERN + "c_c77c86e0"

# Relation roles (TOOI documentrelatielijst).
RELATIE_HEEFT_BIJLAGE = KERN + "c_05f4a5f3"
RELATIE_VERWIJST_NAAR = KERN + "c_75fac459"


@dataclass(frozen=True)
class Categorie:
    uri: str
    label: str
    artikel: str  # Woo art. 3.3 lid 2 code ("2i") or "3.1"
    infocat: str  # number in the sitemap-index name ("014"); empty for art. 3.1


# Art. 3.3 code and infocat number per category, from woo.md §4 (the table after the KOOP
# handleiding "Aanleveren via sitemaps"); the URIs and labels themselves come from the CSV.
ARTIKEL_EN_INFOCAT: dict[str, tuple[str, str]] = {
    "c_139c6280": ("1a", "001"),
    "c_aab6bfc7": ("1b", "002"),
    "c_759721e2": ("1c", "003"),
    "c_40a05794": ("1d", "004"),
    "c_89ee6784": ("1e", "005"),
    "c_8c840238": ("2a", "006"),
    "c_c76862ab": ("2b", "007"),
    "c_db4862c3": ("2c", "008"),
    "c_3a248e3a": ("2d", "009"),
    "c_99a836c7": ("2e", "010"),
    "c_8fc2335c": ("2f", "011"),
    "c_c6cd1213": ("2g", "012"),
    "c_cf268088": ("2h", "013"),
    "c_3baef532": ("2i", "014"),
    "c_fdaee95e": ("2j", "015"),
    "c_46a81018": ("2k", "016"),
    "c_a870c43d": ("2l", "017"),
    "c_816e508d": ("3.1", ""),
}


def _lees(bestand: str) -> dict[str, str]:
    with (DATA_DIR / bestand).open(encoding="utf-8", newline="") as handle:
        return {rij["uri"].strip(): rij["label"].strip() for rij in csv.DictReader(handle) if rij["uri"]}


@cache
def informatiecategorieen() -> dict[str, str]:
    """URI → label of the 17 art. 3.3 categories and art. 3.1."""
    return _lees("informatiecategorielijst.csv")


@cache
def categorieen() -> tuple[Categorie, ...]:
    """Every category with its article and infocat number, in article order."""
    result = []
    for uri, label in informatiecategorieen().items():
        artikel, infocat = ARTIKEL_EN_INFOCAT.get(uri.rsplit("/", 1)[-1], ("", ""))
        result.append(Categorie(uri=uri, label=label, artikel=artikel, infocat=infocat))
    return tuple(sorted(result, key=lambda c: (c.infocat == "", c.infocat, c.label)))


def categorie(uri: str) -> Categorie | None:
    return next((c for c in categorieen() if c.uri == uri), None)


def categorie_met_infocat(infocat: str) -> Categorie | None:
    return next((c for c in categorieen() if infocat and c.infocat == infocat), None)


def infocat(uri: str) -> str:
    """The infocat number ("014") of a category URI; empty for art. 3.1 and unknown URIs."""
    gevonden = categorie(uri)
    return gevonden.infocat if gevonden else ""


@cache
def documentsoorten() -> dict[str, str]:
    return _lees("documentsoortlijst.csv")


@cache
def soorten_handeling() -> dict[str, str]:
    return _lees("soorthandelinglijst.csv")


@cache
def talen() -> dict[str, str]:
    return _lees("taallijst.csv")


@cache
def themas() -> dict[str, str]:
    return _lees("themalijst.csv")


@cache
def bestandsformaten() -> dict[str, str]:
    """EU file-type URI → label: the only formats the Woo index harvests."""
    return _lees("formatlijst.csv")


@cache
def redenen_verwijdering() -> dict[str, str]:
    return _lees("redenverwijderingvervanginglijst.csv")


@cache
def documentrelaties() -> dict[str, str]:
    return _lees("documentrelatielijst.csv")


# Media type → EU file-type code; the extension decides where the media type is generic.
_MEDIATYPEN = {
    "application/pdf": "PDF",
    "text/csv": "CSV",
    "text/plain": "TXT",
    "text/html": "HTML",
    "application/rtf": "RTF",
    "text/rtf": "RTF",
    "application/zip": "ZIP",
    "application/x-7z-compressed": "7z",
    "application/msword": "DOC",
    "application/vnd.ms-excel": "XLS",
    "application/vnd.ms-powerpoint": "PPT",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PPTX",
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow": "PPSX",
    "application/vnd.oasis.opendocument.text": "ODT",
    "application/vnd.oasis.opendocument.spreadsheet": "ODS",
    "application/vnd.oasis.opendocument.presentation": "ODP",
    "application/vnd.oasis.opendocument.formula": "ODF",
}
_EXTENSIES = {
    ".pdf": "PDF",
    ".csv": "CSV",
    ".txt": "TXT",
    ".html": "HTML",
    ".htm": "HTML",
    ".rtf": "RTF",
    ".zip": "ZIP",
    ".7z": "7z",
    ".doc": "DOC",
    ".xls": "XLS",
    ".ppt": "PPT",
    ".pps": "PPS",
    ".docx": "DOCX",
    ".xlsx": "XLSX",
    ".pptx": "PPTX",
    ".ppsx": "PPSX",
    ".odt": "ODT",
    ".ods": "ODS",
    ".odp": "ODP",
    ".odf": "ODF",
}


def bestandsformaat_voor(mediatype: str, bestandsnaam: str) -> str | None:
    """The EU file-type URI for a file, or None when its format is not on the TOOI list (then the
    Woo index would not harvest it)."""
    code = _MEDIATYPEN.get(mediatype.split(";", 1)[0].strip().lower())
    if code is None:
        code = _EXTENSIES.get(PurePosixPath(bestandsnaam.lower()).suffix)
    if code is None:
        return None
    uri = BESTANDSTYPE + code
    return uri if uri in bestandsformaten() else None
