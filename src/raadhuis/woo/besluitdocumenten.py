"""The files of a Woo decision (woo.md, section 3): the besluit letter and the inventarislijst as
PDF (laid out by `raadhuis.core.pdf`), the inventarislijst as CSV for Dutch spreadsheet programs,
and a ZIP bundle with all of it and the redacted documents.

Everything here is published later in the category "Woo-verzoeken en -besluiten" (Woo art. 3.3
lid 2 onder i), so none of it names the requester or a third party: the letter is addressed
"Geachte heer, mevrouw," and reaches the requester by mail or post, the procedure speaks of "een
derde-belanghebbende". The documents are always generated in Dutch, whatever language the
employee's screen is in: they are the municipality's legal text.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from raadhuis.core import tooi
from raadhuis.core.pdf import html_naar_pdf
from raadhuis.core.selectors import huidige_organisatie
from raadhuis.core.termijnen import datum_nl
from raadhuis.woo.gronden import GRONDEN
from raadhuis.woo.models import Besluituitkomst, Derde, Oordeel, Opschortingssoort, WooVerzoek
from raadhuis.woo.selectors.besluiten import Grondregel, Inventarisregel
from raadhuis.woo.selectors.verzoeken import opschortingen_van, verdaging_van

__all__ = [
    "CSV_KOLOMMEN",
    "Afzender",
    "Besluitstukken",
    "afzender",
    "besluitstukken_maken",
    "brief_pdf",
    "bundel_zip",
    "inventarislijst_csv",
    "inventarislijst_pdf",
    "procedure",
    "veilige_naam",
]

CSV_KOLOMMEN = (
    "Nummer",
    "Document",
    "Datum",
    "Soort",
    "Oordeel",
    "Weigeringsgronden",
    "Opmerking",
    "Vindplaats",
    "Dubbel van",
    "Verwant aan",
)


@dataclass(frozen=True)
class Afzender:
    """The organisation and the bestuursorgaan that decides on a Woo request."""

    naam: str
    bestuursorgaan: str
    postadres: str
    bezoekadres: str
    website: str
    emailadres: str
    telefoonnummer: str

    @property
    def postadres_regel(self) -> str:
        """The postal address on one line, for a sentence in the letter."""
        return ", ".join(regel.strip() for regel in self.postadres.splitlines() if regel.strip())


def _zonder_soort(naam: str, soort: str) -> str:
    return naam[len(soort) + 1 :] if naam.lower().startswith(soort + " ") else naam


def afzender() -> Afzender:
    """The organisation running the platform (core's Organisatie, else its TOOI code in the
    settings) and its bestuursorgaan: for a municipality the college of burgemeester en wethouders,
    which decides on Woo requests (Gemeentewet art. 160)."""
    organisatie = huidige_organisatie()
    code = organisatie.tooi_code if organisatie else str(settings.RAADHUIS_ORGANISATIE)
    bekend = tooi.organisatie(code)
    naam = (organisatie.naam if organisatie else "") or (bekend.naam if bekend else code)
    if code.startswith("gm"):
        orgaan = _("burgemeester en wethouders van %(naam)s") % {"naam": _zonder_soort(naam, "gemeente")}
    elif code.startswith("pv"):
        orgaan = _("gedeputeerde staten van %(naam)s") % {"naam": _zonder_soort(naam, "provincie")}
    else:
        orgaan = _("het dagelijks bestuur van %(naam)s") % {"naam": naam}
    return Afzender(
        naam=naam,
        bestuursorgaan=orgaan,
        postadres=organisatie.postadres if organisatie else "",
        bezoekadres=organisatie.bezoekadres if organisatie else "",
        website=organisatie.website if organisatie else "",
        emailadres=organisatie.emailadres if organisatie else "",
        telefoonnummer=organisatie.telefoonnummer if organisatie else "",
    )


# --- the letter ------------------------------------------------------------------------------------


def _periode(van: date, tot: date | None) -> str:
    if tot is None:
        return _("vanaf %(van)s") % {"van": datum_nl(van)}
    return _("van %(van)s tot %(tot)s") % {"van": datum_nl(van), "tot": datum_nl(tot)}


def procedure(verzoek: WooVerzoek, derden: Sequence[Derde]) -> list[str]:
    """The course of the request in the letter's words, in date order: receipt, suspensions
    (Woo art. 4.1 lid 5, 4.4 lid 3), verdaging (art. 4.4 lid 2), zienswijzen (art. 4.4 lid 3 with
    Awb 4:8) and notices of default (Awb 6:12). Third parties are not named."""
    gebeurtenissen: list[tuple[date, int, str]] = [
        (
            verzoek.ontvangen_op,
            0,
            _(
                "Wij hebben uw verzoek ontvangen op %(datum)s. De beslistermijn van vier weken begon op "
                "de dag daarna (artikel 4.4, eerste lid, Woo)."
            )
            % {"datum": datum_nl(verzoek.ontvangen_op)},
        )
    ]
    for opschorting in opschortingen_van(verzoek):
        if opschorting.soort == Opschortingssoort.VERDUIDELIJKING:
            tekst = _(
                "Wij hebben u gevraagd uw verzoek te verduidelijken. De beslistermijn was daarom "
                "opgeschort %(periode)s (artikel 4.1, vijfde lid, Woo en artikel 4:15 Awb)."
            )
        else:
            tekst = _(
                "De beslistermijn was opgeschort %(periode)s, omdat een derde-belanghebbende in de "
                "gelegenheid is gesteld een zienswijze te geven (artikel 4.4, derde lid, Woo)."
            )
        gebeurtenissen.append(
            (opschorting.van, 1, tekst % {"periode": _periode(opschorting.van, opschorting.tot)})
        )
    verdaging = verdaging_van(verzoek)
    if verdaging is not None:
        gebeurtenissen.append(
            (
                verdaging.besloten_op,
                2,
                ngettext(
                    "Op %(datum)s hebben wij de beslistermijn met %(dagen)d dag verdaagd (artikel 4.4, "
                    "tweede lid, Woo), omdat: %(reden)s",
                    "Op %(datum)s hebben wij de beslistermijn met %(dagen)d dagen verdaagd (artikel 4.4, "
                    "tweede lid, Woo), omdat: %(reden)s",
                    verdaging.dagen,
                )
                % {
                    "datum": datum_nl(verdaging.besloten_op),
                    "dagen": verdaging.dagen,
                    "reden": verdaging.reden.strip().rstrip(".") + ".",
                },
            )
        )
    for derde in derden:
        if derde.zienswijze_gevraagd_op is None:
            continue
        if derde.zienswijze_ontvangen_op is not None:
            tekst = _(
                "Op %(gevraagd)s hebben wij een derde-belanghebbende gevraagd om een zienswijze over de "
                "openbaarmaking (artikel 4.4, derde lid, Woo en artikel 4:8 Awb). Deze zienswijze is "
                "ontvangen op %(ontvangen)s en bij dit besluit betrokken."
            ) % {
                "gevraagd": datum_nl(derde.zienswijze_gevraagd_op),
                "ontvangen": datum_nl(derde.zienswijze_ontvangen_op),
            }
        else:
            tekst = _(
                "Op %(gevraagd)s hebben wij een derde-belanghebbende gevraagd om een zienswijze over de "
                "openbaarmaking (artikel 4.4, derde lid, Woo en artikel 4:8 Awb). Er is geen zienswijze "
                "ontvangen."
            ) % {"gevraagd": datum_nl(derde.zienswijze_gevraagd_op)}
        gebeurtenissen.append((derde.zienswijze_gevraagd_op, 3, tekst))
    for gebrek in verzoek.ingebrekestellingen.all():
        gebeurtenissen.append(
            (
                gebrek.ontvangen_op,
                4,
                _(
                    "Op %(datum)s hebben wij uw ingebrekestelling ontvangen, omdat niet tijdig was beslist "
                    "(artikel 6:12, tweede lid, Awb)."
                )
                % {"datum": datum_nl(gebrek.ontvangen_op)},
            )
        )
    gebeurtenissen.sort(key=lambda gebeurtenis: (gebeurtenis[0], gebeurtenis[1]))
    return [tekst for _datum, _volgorde, tekst in gebeurtenissen]


_BESLUITTEKST = {
    Besluituitkomst.GEHEEL_OPENBAAR: "Wij maken de informatie waarom u vraagt openbaar.",
    Besluituitkomst.DEELS_OPENBAAR: (
        "Wij willigen uw verzoek gedeeltelijk in. Een deel van de informatie maken wij openbaar; een "
        "deel maken wij niet openbaar, om de redenen die hieronder onder Motivering staan."
    ),
    Besluituitkomst.GEHEEL_GEWEIGERD: (
        "Wij maken de informatie waarom u vraagt niet openbaar, om de redenen die hieronder onder "
        "Motivering staan."
    ),
    Besluituitkomst.REEDS_OPENBAAR: (
        "De informatie waarom u vraagt is al openbaar. Waar u deze kunt vinden, staat per document in "
        "de inventarislijst."
    ),
    Besluituitkomst.GEEN_DOCUMENTEN: (
        "Wij hebben geen documenten gevonden met de informatie waarom u vraagt. Wij kunnen u daarom "
        "geen informatie verstrekken."
    ),
}


def _besluittekst(uitkomst: str) -> str:
    return _(_BESLUITTEKST[Besluituitkomst(uitkomst)])


def _telling(regels: Sequence[Inventarisregel]) -> list[tuple[str, int]]:
    """Per assessment the number of documents (duplicates counted once, under their original)."""
    aantallen = Counter(regel.oordeel for regel in regels if not regel.dubbel_van)
    return [(str(oordeel.label), aantallen[oordeel]) for oordeel in Oordeel if aantallen[oordeel]]


def brief_pdf(
    verzoek: WooVerzoek,
    *,
    besluitdatum: date,
    toelichting: str,
    ondertekenaar: str,
    uitkomst: str,
    openbaarmaking_op: date,
    regels: Sequence[Inventarisregel],
    gronden: Sequence[Grondregel],
    derden: Sequence[Derde],
) -> bytes:
    """The besluit letter: Uw verzoek, Procedure, Besluit, Motivering (per ground the article, its
    text and the recorded motivation), Inventarislijst en documenten, Openbaarmaking (Woo art. 4.4
    lid 5) and Bezwaar (Awb 6:7), signed on behalf of the bestuursorgaan."""
    van = afzender()
    titel = _("Besluit op uw Woo-verzoek")
    aantal_dubbel = sum(1 for regel in regels if regel.dubbel_van)
    html = render_to_string(
        "woo/besluit/brief.html",
        {
            "titel": titel,
            "afzender": van,
            "verzoek": verzoek,
            "besluitdatum": datum_nl(besluitdatum),
            "ontvangen_op": datum_nl(verzoek.ontvangen_op),
            "periode_van": datum_nl(verzoek.periode_van) if verzoek.periode_van else "",
            "periode_tot": datum_nl(verzoek.periode_tot) if verzoek.periode_tot else "",
            "procedure": procedure(verzoek, derden),
            "toelichting": [alinea.strip() for alinea in toelichting.split("\n\n") if alinea.strip()],
            "besluittekst": _besluittekst(uitkomst),
            "telling": _telling(regels),
            "aantal_documenten": len(regels) - aantal_dubbel,
            "aantal_dubbel": aantal_dubbel,
            "gronden": gronden,
            "geen_documenten": uitkomst == Besluituitkomst.GEEN_DOCUMENTEN,
            "documenten_vrij": any(regel.openbaar_te_maken for regel in regels),
            "openbaarmaking_op": datum_nl(openbaarmaking_op),
            "uitgesteld": openbaarmaking_op > besluitdatum,
            "ondertekenaar": ondertekenaar,
        },
    )
    return html_naar_pdf(html, titel=f"{titel} {verzoek.kenmerk}", auteur=van.naam)


# --- the inventarislijst ---------------------------------------------------------------------------


def inventarislijst_pdf(
    verzoek: WooVerzoek, regels: Sequence[Inventarisregel], *, besluitdatum: date
) -> bytes:
    van = afzender()
    titel = _("Inventarislijst bij het besluit op Woo-verzoek %(kenmerk)s") % {"kenmerk": verzoek.kenmerk}
    gebruikt = {code for regel in regels for code in regel.gronden}
    html = render_to_string(
        "woo/besluit/inventarislijst.html",
        {
            "titel": titel,
            "afzender": van,
            "verzoek": verzoek,
            "besluitdatum": datum_nl(besluitdatum),
            "regels": regels,
            "legenda": [grond for code, grond in GRONDEN.items() if code in gebruikt],
        },
    )
    return html_naar_pdf(html, titel=titel, auteur=van.naam)


def _celwaarde(waarde: str) -> str:
    """A cell a spreadsheet shows as text: titles and remarks come from the documents themselves,
    and a leading = + - @ would make Excel evaluate them as a formula (CSV injection)."""
    return "'" + waarde if waarde[:1] in {"=", "+", "-", "@", "\t", "\r"} else waarde


def inventarislijst_csv(regels: Sequence[Inventarisregel]) -> bytes:
    """The inventarislijst as Dutch Excel opens it directly: UTF-8 with a byte order mark, ";" as
    delimiter, a header row, one row per document; several grounds or numbers are ";"-separated
    within their (quoted) cell."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    schrijver.writerow(CSV_KOLOMMEN)
    for regel in regels:
        schrijver.writerow(
            [
                regel.nummer,
                _celwaarde(regel.titel),
                regel.datum.isoformat() if regel.datum else "",
                regel.soort,
                regel.oordeel_label,
                ";".join(regel.gronden),
                _celwaarde(regel.opmerking),
                _celwaarde(regel.vindplaats),
                regel.dubbel_van,
                ";".join(regel.verwant_aan),
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# --- the bundle ------------------------------------------------------------------------------------

_ONVEILIG = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def veilige_naam(tekst: str, *, lengte: int = 80) -> str:
    """A file name part that every operating system and ZIP tool accepts: no path separators,
    control or reserved characters, no leading dots, collapsed spaces, at most `lengte` characters."""
    tekst = unicodedata.normalize("NFC", tekst)
    tekst = _ONVEILIG.sub(" ", tekst)
    tekst = " ".join(tekst.split()).strip(" .")
    return tekst[:lengte].rstrip(" .") or "document"


def bundel_zip(
    *, brief: bytes, inventarislijst_pdf: bytes, inventarislijst_csv: bytes, regels: Sequence[Inventarisregel]
) -> bytes:
    """besluit.pdf, inventarislijst.pdf, inventarislijst.csv and documenten/<nummer> <titel>.pdf for
    every document whose redacted PDF is released. Only the redacted output goes in, never an
    original; a name that occurs twice gets its database id."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("besluit.pdf", brief)
        archief.writestr("inventarislijst.pdf", inventarislijst_pdf)
        archief.writestr("inventarislijst.csv", inventarislijst_csv)
        namen: set[str] = set()
        for regel in regels:
            if not (regel.openbaar_te_maken and regel.document.gelakt):
                continue
            naam = f"documenten/{veilige_naam(regel.nummer, lengte=32)} {veilige_naam(regel.titel)}.pdf"
            if naam in namen:
                naam = naam.removesuffix(".pdf") + f" ({regel.document.pk}).pdf"
            namen.add(naam)
            with regel.document.gelakt.open("rb") as bestand:
                archief.writestr(naam, bestand.read())
    return buffer.getvalue()


@dataclass(frozen=True)
class Besluitstukken:
    brief: bytes
    inventarislijst_pdf: bytes
    inventarislijst_csv: bytes
    bundel: bytes


def besluitstukken_maken(
    verzoek: WooVerzoek,
    *,
    besluitdatum: date,
    toelichting: str,
    ondertekenaar: str,
    uitkomst: str,
    openbaarmaking_op: date,
    regels: Sequence[Inventarisregel],
    gronden: Sequence[Grondregel],
    derden: Sequence[Derde],
) -> Besluitstukken:
    """All four files of the decision, in Dutch."""
    with translation.override("nl"):
        brief = brief_pdf(
            verzoek,
            besluitdatum=besluitdatum,
            toelichting=toelichting,
            ondertekenaar=ondertekenaar,
            uitkomst=uitkomst,
            openbaarmaking_op=openbaarmaking_op,
            regels=regels,
            gronden=gronden,
            derden=derden,
        )
        lijst_pdf = inventarislijst_pdf(verzoek, regels, besluitdatum=besluitdatum)
        lijst_csv = inventarislijst_csv(regels)
    return Besluitstukken(
        brief=brief,
        inventarislijst_pdf=lijst_pdf,
        inventarislijst_csv=lijst_csv,
        bundel=bundel_zip(
            brief=brief, inventarislijst_pdf=lijst_pdf, inventarislijst_csv=lijst_csv, regels=regels
        ),
    )
