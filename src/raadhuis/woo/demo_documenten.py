"""Generated documents for the Woo demo: letters, memos and e-mail threads as a municipality holds
them, with realistic but fake personal data (test BSNs that pass the 11-proef, the IBAN from the
standard's example, example.nl addresses) next to the names of officials acting in their function.

Everything here is made up; any likeness to a real person is chance. The files go through the
same upload, scan and redaction as real ones, so the demo shows what an assessor sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from zoneinfo import ZoneInfo

from django.template.defaultfilters import date as datum_filter
from django.utils.html import escape

from raadhuis.core.pdf import html_naar_pdf

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
GEMEENTE = "gemeente Pijnacker-Nootdorp"
GEMEENTE_DOMEIN = "pijnacker-nootdorp.example.nl"


@dataclass(frozen=True)
class Persoon:
    """A fake resident or business contact; `bsn` passes the 11-proef (test numbers)."""

    naam: str
    adres: str
    postcode_plaats: str
    emailadres: str
    telefoon: str
    bsn: str = ""
    iban: str = ""
    kenteken: str = ""


@dataclass(frozen=True)
class Ambtenaar:
    naam: str
    functie: str

    @property
    def emailadres(self) -> str:
        lokaal = self.naam.lower().replace(" van ", ".van").replace(" ", ".")
        return f"{lokaal}@{GEMEENTE_DOMEIN}"


BEWONERS = (
    Persoon(
        "Jan de Vries",
        "Kerkweg 12",
        "2641 AB Pijnacker",
        "jan.devries@example.nl",
        "06 12345678",
        bsn="999993653",
        iban="NL91ABNA0417164300",
        kenteken="12-ABC-3",
    ),
    Persoon(
        "Fatima El Amrani",
        "Dorpsstraat 45",
        "2631 CR Nootdorp",
        "f.elamrani@example.nl",
        "015 2345678",
        bsn="999990019",
        iban="NL20INGB0001234567",
    ),
    Persoon(
        "Kees Bakker",
        "Oostlaan 7",
        "2641 DN Pijnacker",
        "kees.bakker@example.nl",
        "06 98765432",
        bsn="999990020",
        kenteken="GF-123-K",
    ),
    Persoon("Sanne Mulder", "Delftweg 88", "2643 AM Pijnacker", "sanne.mulder@example.nl", "06 11223344"),
)

# Officials acting in their function: their names stay visible (the demo's visible-names list and
# the college from besluitvorming).
WETHOUDER = Ambtenaar("Jolanda Kuipers", "wethouder Duurzaamheid, mobiliteit en openbare ruimte")
GEMEENTESECRETARIS = Ambtenaar("Marieke Janssen", "gemeentesecretaris")
# Staff below that level are persons whose privacy counts (ground 5.1.2e).
BELEIDSMEDEWERKER = Ambtenaar("Eva Smit", "beleidsmedewerker verkeer")
PROJECTLEIDER = Ambtenaar("Ruben Hoekstra", "projectleider")


def _tijd(datum: datetime) -> datetime:
    return datum if datum.tzinfo else datum.replace(tzinfo=AMSTERDAM)


def brief(
    *, afzender: Persoon, onderwerp: str, datum: datetime, alineas: list[str], kenmerk: str = ""
) -> bytes:
    """A letter from a resident to the municipality, as scanned in or received as PDF."""
    regels = [
        f"<p>{escape(afzender.naam)}<br>{escape(afzender.adres)}<br>{escape(afzender.postcode_plaats)}<br>"
        f"Telefoon: {escape(afzender.telefoon)}<br>E-mail: {escape(afzender.emailadres)}</p>",
        f"<p>Aan het college van burgemeester en wethouders van de {GEMEENTE}<br>Postbus 1<br>"
        "2640 AA Pijnacker</p>",
        f"<p>{escape(afzender.postcode_plaats.split()[-1])}, {datum_filter(_tijd(datum), 'j F Y')}</p>",
        f"<p><strong>Onderwerp: {escape(onderwerp)}</strong>"
        + (f"<br>Uw kenmerk: {escape(kenmerk)}" if kenmerk else "")
        + "</p>",
        "<p>Geacht college,</p>",
        *(f"<p>{escape(alinea)}</p>" for alinea in alineas),
    ]
    if afzender.bsn:
        regels.append(f"<p>Mijn burgerservicenummer is {afzender.bsn}.</p>")
    if afzender.iban:
        regels.append(f"<p>Een eventuele vergoeding kunt u overmaken op {afzender.iban}.</p>")
    regels.append(f"<p>Met vriendelijke groet,</p><p>{escape(afzender.naam)}</p>")
    return html_naar_pdf("".join(regels), titel=onderwerp, auteur=afzender.naam)


def notitie(
    *, titel: str, datum: datetime, opsteller: Ambtenaar, aan: Ambtenaar, alineas: list[str]
) -> bytes:
    """An internal memo (a candidate for art. 5.2: personal policy views for internal deliberation)."""
    html = (
        f"<h1>{escape(titel)}</h1>"
        "<table><tr><th>Aan</th><td>"
        f"{escape(aan.naam)}, {escape(aan.functie)}</td></tr><tr><th>Van</th><td>{escape(opsteller.naam)}, "
        f"{escape(opsteller.functie)}</td></tr><tr><th>Datum</th><td>{datum_filter(_tijd(datum), 'j F Y')}"
        "</td></tr><tr><th>Status</th><td>Intern, concept</td></tr></table>"
        + "".join(f"<p>{escape(alinea)}</p>" for alinea in alineas)
    )
    return html_naar_pdf(html, titel=titel, auteur=opsteller.naam)


def email(
    *,
    van: tuple[str, str],
    aan: tuple[str, str],
    onderwerp: str,
    datum: datetime,
    tekst: str,
    antwoord_op: EmailMessage | None = None,
    bijlagen: tuple[tuple[str, bytes], ...] = (),
) -> EmailMessage:
    """One e-mail; a reply quotes the message it answers and refers to it (In-Reply-To), so the
    document engine sees the thread and the near duplicate."""
    bericht = EmailMessage()
    bericht["From"] = f"{van[0]} <{van[1]}>"
    bericht["To"] = f"{aan[0]} <{aan[1]}>"
    bericht["Subject"] = ("Re: " if antwoord_op is not None else "") + onderwerp
    bericht["Date"] = format_datetime(_tijd(datum))
    bericht["Message-ID"] = make_msgid(domain=GEMEENTE_DOMEIN)
    inhoud = tekst
    if antwoord_op is not None:
        bericht["In-Reply-To"] = antwoord_op["Message-ID"]
        bericht["References"] = antwoord_op["Message-ID"]
        vorige = antwoord_op.get_body(preferencelist=("plain",))
        geciteerd = "\n".join(f"> {regel}" for regel in (vorige.get_content() if vorige else "").splitlines())
        inhoud += f"\n\nOp {antwoord_op['Date']} schreef {antwoord_op['From']}:\n{geciteerd}\n"
    bericht.set_content(inhoud)
    for naam, gegevens in bijlagen:
        bericht.add_attachment(gegevens, maintype="application", subtype="pdf", filename=naam)
    return bericht


def als_bytes(bericht: EmailMessage) -> bytes:
    return bytes(bericht)
