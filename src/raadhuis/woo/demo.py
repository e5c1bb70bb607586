"""Demo data of woo: requests in every state, with generated letters, memos and e-mail threads full
of fake personal data (woo.demo_documenten), through the same services an employee uses.

- one decided request with its whole course: documents uploaded, personal data proposed and
  accepted, assessed by the behandelaar, approved by the Woo-coördinator (four eyes), the besluit
  letter, inventarislijst and bundle generated;
- one in assessment with suggestions still to judge and its deadline a few days away;
- one overdue with an ingebrekestelling; one verdaagd; one suspended for a zienswijze of a third
  party; one sent back for clarification; one just received; one withdrawn;
- a year of earlier decided requests, some late, for the figures the council gets.

Loading is idempotent: when any Woo request exists nothing is added.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.management.base import OutputWrapper
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.selectors import medewerkers_met_rol
from raadhuis.woo import demo_documenten as dd
from raadhuis.woo.models import Document, Kanaal, Lakvak, Oordeel, Vakstatus, WooVerzoek
from raadhuis.woo.selectors.beoordeling import gebruikte_gronden
from raadhuis.woo.services import beoordeling, besluiten, documenten, lakvakken, verzoeken
from raadhuis.woo.services import publicatie as publicatieservices

ONDERTEKENAAR = "burgemeester en wethouders van Pijnacker-Nootdorp"


@dataclass(frozen=True)
class Mensen:
    coordinator: Medewerker
    behandelaar: Medewerker


def _mensen() -> Mensen | None:
    coordinator = (
        medewerkers_met_rol(Rol.WOO_COORDINATOR).first() or medewerkers_met_rol(Rol.BEHEERDER).first()
    )
    behandelaar = medewerkers_met_rol(Rol.BEHANDELAAR).first()
    if coordinator is None or behandelaar is None:
        return None
    return Mensen(coordinator=coordinator, behandelaar=behandelaar)


def _moment(dag: date, uur: int = 10) -> datetime:
    return datetime.combine(dag, time(uur, 0), tzinfo=dd.AMSTERDAM)


def _registreren(
    onderwerp: str,
    omschrijving: str,
    ontvangen: date,
    *,
    verzoeker: dd.Persoon | None,
    kanaal: str = Kanaal.EMAIL,
    door: Medewerker | None,
) -> WooVerzoek:
    return verzoeken.verzoek_registreren(
        onderwerp=onderwerp,
        omschrijving=omschrijving,
        ontvangen_op=ontvangen,
        kanaal=kanaal if door is not None else Kanaal.WEBFORMULIER,
        verzoeker_naam=verzoeker.naam if verzoeker else "",
        emailadres=verzoeker.emailadres if verzoeker else "",
        postadres=f"{verzoeker.adres}\n{verzoeker.postcode_plaats}" if verzoeker else "",
        door=door,
    )


# --- the documents of a request -------------------------------------------------------------------


def _oostlaan_stukken(begin: date) -> list[tuple[str, bytes]]:
    """A resident's letter, an e-mail thread with that letter attached (an exact duplicate) and a
    reply quoting it (a near duplicate), and an internal memo with personal policy views."""
    bewoner, buurman = dd.BEWONERS[0], dd.BEWONERS[2]
    brief = dd.brief(
        afzender=bewoner,
        onderwerp="Verkeersveiligheid Oostlaan",
        datum=_moment(begin),
        alineas=[
            "Sinds de opening van de nieuwe woonwijk rijden er elke ochtend veel meer auto's over de "
            "Oostlaan, vaak veel te hard. Mijn dochter fietst daar naar school en ik maak mij zorgen.",
            "Ik verzoek u de Oostlaan in te richten als 30 km-zone en drempels aan te leggen bij de "
            "kruising met de Kerkweg. Mijn auto met kenteken "
            + bewoner.kenteken
            + " is vorige maand bijna aangereden bij het uitrijden van mijn oprit.",
        ],
    )
    vraag = dd.email(
        van=(dd.BELEIDSMEDEWERKER.naam, dd.BELEIDSMEDEWERKER.emailadres),
        aan=(buurman.naam, buurman.emailadres),
        onderwerp="Bewonersavond Oostlaan",
        datum=_moment(begin + timedelta(days=6)),
        tekst=(
            f"Beste heer Bakker,\n\nDank voor uw telefoontje ({buurman.telefoon}). Hierbij de brief van "
            "uw buurman die wij bespreken op de bewonersavond van donderdag in het gemeentehuis. "
            f"Wethouder {dd.WETHOUDER.naam} is daarbij aanwezig.\n\n"
            f"Met vriendelijke groet,\n{dd.BELEIDSMEDEWERKER.naam}\n{dd.BELEIDSMEDEWERKER.functie}"
        ),
        bijlagen=(("brief-oostlaan.pdf", brief),),
    )
    antwoord = dd.email(
        van=(buurman.naam, buurman.emailadres),
        aan=(dd.BELEIDSMEDEWERKER.naam, dd.BELEIDSMEDEWERKER.emailadres),
        onderwerp="Bewonersavond Oostlaan",
        datum=_moment(begin + timedelta(days=7)),
        tekst=(
            "Dank u wel. Ik kom met mijn vrouw. Kunt u ook de snelheidsmetingen van vorig jaar "
            "meenemen? Ik woon zelf op " + buurman.adres + ", " + buurman.postcode_plaats + "."
        ),
        antwoord_op=vraag,
    )
    notitie = dd.notitie(
        titel="Notitie snelheidsmaatregelen Oostlaan",
        datum=_moment(begin + timedelta(days=12)),
        opsteller=dd.PROJECTLEIDER,
        aan=dd.WETHOUDER,
        alineas=[
            "De metingen van 2025 laten een V85 van 58 km/u zien op een weg met een limiet van "
            "50 km/u. Een 30 km-zone past in het Verkeersplan.",
            "Persoonlijk vind ik drempels hier geen goed idee: de busmaatschappij zal bezwaar maken "
            "en ik verwacht dat de raad liever eerst een proef met een snelheidsdisplay ziet.",
        ],
    )
    return [
        ("brief-oostlaan.pdf", brief),
        ("bewonersavond.eml", dd.als_bytes(vraag)),
        ("re-bewonersavond.eml", dd.als_bytes(antwoord)),
        ("notitie-snelheidsmaatregelen.pdf", notitie),
    ]


def _subsidie_stukken(begin: date) -> list[tuple[str, bytes]]:
    aanvrager = dd.BEWONERS[1]
    aanvraag = dd.brief(
        afzender=aanvrager,
        onderwerp="Aanvraag subsidie jeugdtoernooi De Zwaluwen",
        datum=_moment(begin),
        alineas=[
            "Als penningmeester van voetbalvereniging De Zwaluwen vraag ik subsidie aan voor het "
            "jeugdtoernooi in juni. De begroting is bijgevoegd; wij verwachten 400 kinderen.",
            "U kunt mij bereiken op " + aanvrager.telefoon + ".",
        ],
    )
    mail = dd.email(
        van=(dd.BELEIDSMEDEWERKER.naam, dd.BELEIDSMEDEWERKER.emailadres),
        aan=(aanvrager.naam, aanvrager.emailadres),
        onderwerp="Uw subsidieaanvraag jeugdtoernooi",
        datum=_moment(begin + timedelta(days=9)),
        tekst=(
            "Beste mevrouw El Amrani,\n\nWij hebben uw aanvraag ontvangen. Wethouder "
            f"{dd.WETHOUDER.naam} neemt het besluit. Wilt u de begroting nog aanvullen met de kosten "
            "van de EHBO?\n\nMet vriendelijke groet,\n" + dd.BELEIDSMEDEWERKER.naam
        ),
    )
    return [("aanvraag-subsidie.pdf", aanvraag), ("subsidie.eml", dd.als_bytes(mail))]


def _dorpsstraat_stukken(begin: date) -> list[tuple[str, bytes]]:
    bewoner = dd.BEWONERS[3]
    return [
        (
            "offerte-bestrating.pdf",
            dd.brief(
                afzender=bewoner,
                onderwerp="Herinrichting Dorpsstraat: zorgen over bereikbaarheid winkel",
                datum=_moment(begin),
                alineas=[
                    "Tijdens de herinrichting is onze bakkerij zes weken slecht bereikbaar. Onze omzet "
                    "daalde vorig jaar bij de rioleringswerken met 40 procent; de cijfers stuur ik mee.",
                ],
            ),
        )
    ]


# --- steps of the course ------------------------------------------------------------------------


def _stukken_toevoegen(
    verzoek: WooVerzoek, stukken: list[tuple[str, bytes]], door: Medewerker
) -> list[Document]:
    """Uploads and scans at once (the demo does not wait for the worker)."""
    toegevoegd = documenten.bestanden_toevoegen(verzoek, bestanden=stukken, door=door)
    for document in toegevoegd:
        lakvakken.voorstellen_maken(document)
    return toegevoegd


# What the assessor of the demo rejects: the municipality's own address, a bare place name, and a
# weekday from an e-mail header that the name finder took for a name (deduce over-tags; a person
# reviews every suggestion).
_NIET_LAKKEN = ("2640 AA", "Pijnacker", "Nootdorp", "Thu", "Oostlaan 1")


def _voorstellen_beoordelen(verzoek: WooVerzoek, door: Medewerker) -> None:
    for vak in Lakvak.objects.filter(document__verzoek=verzoek, status=Vakstatus.VOORGESTELD).order_by("id"):
        vak.refresh_from_db()
        if vak.status != Vakstatus.VOORGESTELD:
            continue  # decided already through the same text elsewhere ("overal")
        afwijzen = vak.tekst in _NIET_LAKKEN or "Postbus 1" in vak.tekst
        status = Vakstatus.AFGEWEZEN if afwijzen else Vakstatus.GEACCEPTEERD
        lakvakken.lakvak_beoordelen(vak, status=status, door=door, overal=True)


def _beoordelen_en_goedkeuren(verzoek: WooVerzoek, mensen: Mensen) -> None:
    """Every original document assessed by the behandelaar and approved by the coordinator; the
    memo's personal views are withheld under art. 5.2 and the rest follows the accepted boxes."""
    for document in Document.objects.filter(verzoek=verzoek, dubbel_van__isnull=True).order_by("volgorde"):
        if "notitie" in document.naam:
            beoordeling.document_beoordelen(
                document,
                oordeel=Oordeel.NIET_OPENBAAR,
                gronden=["5.2"],
                motivering="Persoonlijke beleidsopvattingen van een medewerker in een interne notitie.",
                door=mensen.behandelaar,
            )
        else:
            heeft_vakken = document.lakvakken.filter(status=Vakstatus.GEACCEPTEERD).exists()
            beoordeling.document_beoordelen(
                document,
                oordeel=Oordeel.DEELS_OPENBAAR if heeft_vakken else Oordeel.OPENBAAR,
                gronden=[],
                motivering="",
                door=mensen.behandelaar,
            )
        beoordeling.beoordeling_goedkeuren(document, door=mensen.coordinator)


MOTIVERINGEN = {
    "5.1.1e": "Burgerservicenummers worden nooit openbaar gemaakt; het zijn identificatienummers.",
    "5.1.2e": (
        "Het belang van openbaarheid weegt niet op tegen de persoonlijke levenssfeer van inwoners en "
        "medewerkers die niet in de openbaarheid treden. Namen, adressen, telefoonnummers, "
        "e-mailadressen, bankrekeningnummers en kentekens zijn daarom gelakt. Namen van de wethouder "
        "en van functionarissen die naar buiten optreden blijven zichtbaar."
    ),
    "5.2": (
        "De notitie bevat persoonlijke beleidsopvattingen bestemd voor intern beraad. Openbaarmaking "
        "in niet tot personen herleidbare vorm is overwogen, maar de notitie bestaat vrijwel geheel "
        "uit die opvattingen."
    ),
}


def _besluiten(verzoek: WooVerzoek, mensen: Mensen, besluitdatum: date) -> None:
    for grond in gebruikte_gronden(verzoek):
        beoordeling.grondmotivering_vastleggen(
            verzoek,
            grond=grond,
            motivering=MOTIVERINGEN.get(grond, "Zie de toelichting bij de documenten."),
            door=mensen.coordinator,
        )
    besluiten.besluit_nemen(
        verzoek,
        besluitdatum=besluitdatum,
        toelichting=(
            "Wij hebben gezocht in het zaaksysteem, de e-mail van de betrokken medewerkers en het "
            "archief van de afdeling Verkeer."
        ),
        ondertekenaar=ONDERTEKENAAR,
        door=mensen.coordinator,
    )


# --- the requests -------------------------------------------------------------------------------


def _besloten_met_documenten(mensen: Mensen, vandaag: date) -> WooVerzoek:
    ontvangen = vandaag - timedelta(days=45)
    verzoek = _registreren(
        "Verkeersmaatregelen Oostlaan",
        "Alle documenten over de verkeersveiligheid op de Oostlaan sinds 1 januari, waaronder "
        "brieven van bewoners, e-mails en interne notities.",
        ontvangen,
        verzoeker=dd.BEWONERS[3],
        door=mensen.coordinator,
    )
    verzoeken.behandelaar_toewijzen(verzoek=verzoek, behandelaar=mensen.coordinator, door=mensen.coordinator)
    _stukken_toevoegen(verzoek, _oostlaan_stukken(ontvangen - timedelta(days=90)), mensen.behandelaar)
    _voorstellen_beoordelen(verzoek, mensen.behandelaar)
    _beoordelen_en_goedkeuren(verzoek, mensen)
    _besluiten(verzoek, mensen, ontvangen + timedelta(days=26))
    return verzoek


def _in_beoordeling_bijna_verlopen(mensen: Mensen, vandaag: date) -> WooVerzoek:
    # Received 25 days ago: three or four days of the four weeks left.
    ontvangen = vandaag - timedelta(days=25)
    verzoek = _registreren(
        "Subsidie jeugdtoernooi De Zwaluwen",
        "De subsidieaanvraag van voetbalvereniging De Zwaluwen en de correspondentie daarover.",
        ontvangen,
        verzoeker=dd.BEWONERS[3],
        door=mensen.coordinator,
    )
    verzoeken.behandelaar_toewijzen(verzoek=verzoek, behandelaar=mensen.coordinator, door=mensen.coordinator)
    _stukken_toevoegen(verzoek, _subsidie_stukken(ontvangen - timedelta(days=40)), mensen.behandelaar)
    return verzoek


def _verlopen_met_ingebrekestelling(mensen: Mensen, vandaag: date) -> WooVerzoek:
    ontvangen = vandaag - timedelta(days=42)
    verzoek = _registreren(
        "Windturbines Noukoop",
        "Alle correspondentie met de initiatiefnemer van de windturbines in de Noukoop.",
        ontvangen,
        verzoeker=dd.BEWONERS[2],
        kanaal=Kanaal.BRIEF,
        door=mensen.coordinator,
    )
    verzoeken.behandelaar_toewijzen(verzoek=verzoek, behandelaar=mensen.coordinator, door=mensen.coordinator)
    verzoeken.ingebrekestelling_registreren(
        verzoek=verzoek, ontvangen_op=vandaag - timedelta(days=3), door=mensen.coordinator
    )
    return verzoek


def _verdaagd(mensen: Mensen, vandaag: date) -> WooVerzoek:
    ontvangen = vandaag - timedelta(days=21)
    verzoek = _registreren(
        "Evenementenvergunning kermis Nootdorp",
        "De vergunning voor de kermis in Nootdorp, de adviezen van politie en brandweer en de "
        "klachten van omwonenden.",
        ontvangen,
        verzoeker=dd.BEWONERS[1],
        door=mensen.coordinator,
    )
    verzoeken.behandelaar_toewijzen(verzoek=verzoek, behandelaar=mensen.coordinator, door=mensen.coordinator)
    verzoeken.verdaging_besluiten(
        verzoek=verzoek,
        reden="Het verzoek omvat ruim 300 documenten van drie afdelingen en de veiligheidsregio.",
        besloten_op=vandaag - timedelta(days=2),
        door=mensen.coordinator,
    )
    return verzoek


def _zienswijze(mensen: Mensen, vandaag: date) -> WooVerzoek:
    ontvangen = vandaag - timedelta(days=14)
    verzoek = _registreren(
        "Herinrichting Dorpsstraat",
        "Stukken over de herinrichting van de Dorpsstraat, ook van ondernemers.",
        ontvangen,
        verzoeker=dd.BEWONERS[0],
        door=mensen.coordinator,
    )
    verzoeken.behandelaar_toewijzen(verzoek=verzoek, behandelaar=mensen.coordinator, door=mensen.coordinator)
    stukken = _stukken_toevoegen(
        verzoek, _dorpsstraat_stukken(ontvangen - timedelta(days=60)), mensen.behandelaar
    )
    derde = beoordeling.derde_toevoegen(
        verzoek,
        naam="Bakkerij Van Dam B.V.",
        emailadres="info@bakkerijvandam.example.nl",
        postadres="Dorpsstraat 45\n2631 CR Nootdorp",
        document_ids=[document.pk for document in stukken],
        bezwaar_verwacht=True,
        door=mensen.coordinator,
    )
    beoordeling.zienswijze_vragen(derde, op=vandaag - timedelta(days=5), door=mensen.coordinator)
    return verzoek


def _verduidelijking(mensen: Mensen, vandaag: date) -> WooVerzoek:
    verzoek = _registreren(
        "Zwembad",
        "Alles over het zwembad.",
        vandaag - timedelta(days=3),
        verzoeker=dd.BEWONERS[2],
        door=mensen.coordinator,
    )
    verzoeken.verduidelijking_vragen(
        verzoek=verzoek,
        reden="Uw verzoek is te algemeen. Welke periode en welk onderwerp rond het zwembad bedoelt u?",
        door=mensen.coordinator,
    )
    return verzoek


def _ingetrokken(mensen: Mensen, vandaag: date) -> WooVerzoek:
    verzoek = _registreren(
        "Parkeervergunningen Koningshof",
        "Het aantal verleende parkeervergunningen in de wijk Koningshof.",
        vandaag - timedelta(days=10),
        verzoeker=dd.BEWONERS[1],
        door=mensen.coordinator,
    )
    besluiten.verzoek_intrekken(
        verzoek,
        op=vandaag - timedelta(days=4),
        toelichting="De verzoeker vond de cijfers in het jaarverslag en trok het verzoek telefonisch in.",
        door=mensen.coordinator,
    )
    return verzoek


# Earlier requests of the year: (days ago received, days until the decision) — some late.
HISTORIE = (
    (330, 20, "Kosten gemeentelijke nieuwsbrief"),
    (300, 27, "Bomenkap Tolhek"),
    (280, 41, "Onderzoek ondermijning bedrijventerrein"),
    (250, 25, "Adviezen welstandscommissie Emerald"),
    (220, 33, "Contracten schoonmaak gemeentehuis"),
    (190, 18, "Aanbesteding leerlingenvervoer"),
    (160, 52, "Correspondentie MRDH over buslijn 121"),
    (130, 26, "Klachten over geluid sportpark"),
    (100, 28, "Uitgaven inhuur ICT"),
    (75, 35, "Verkeersbesluiten Ackerswoude"),
)


def _historie(mensen: Mensen, vandaag: date) -> int:
    for positie, (dagen_terug, doorlooptijd, onderwerp) in enumerate(HISTORIE):
        ontvangen = vandaag - timedelta(days=dagen_terug)
        verzoek = _registreren(
            onderwerp,
            f"Alle documenten over: {onderwerp.lower()}.",
            ontvangen,
            verzoeker=dd.BEWONERS[positie % len(dd.BEWONERS)],
            kanaal=Kanaal.EMAIL,
            door=mensen.coordinator,
        )
        if doorlooptijd > 28 and doorlooptijd <= 42:
            verzoeken.verdaging_besluiten(
                verzoek=verzoek,
                reden="Omvangrijk verzoek; documenten van meerdere afdelingen.",
                besloten_op=ontvangen + timedelta(days=20),
                door=mensen.coordinator,
            )
        besluiten.besluit_nemen(
            verzoek,
            besluitdatum=ontvangen + timedelta(days=doorlooptijd),
            toelichting="Wij hebben in de archieven van de betrokken afdelingen gezocht.",
            ondertekenaar=ONDERTEKENAAR,
            door=mensen.coordinator,
        )
    return len(HISTORIE)


def laden(uitvoer: OutputWrapper) -> None:
    if WooVerzoek.objects.exists():
        return
    mensen = _mensen()
    if mensen is None:
        uitvoer.write("Woo: geen Woo-coördinator of behandelaar; geen demoverzoeken.")
        return
    vandaag = timezone.localdate()
    lakvakken.zichtbare_naam_toevoegen(
        naam=dd.GEMEENTESECRETARIS.naam, functie=dd.GEMEENTESECRETARIS.functie, door=mensen.coordinator
    )
    aantal = _historie(mensen, vandaag)
    for maken in (
        _besloten_met_documenten,
        _in_beoordeling_bijna_verlopen,
        _verlopen_met_ingebrekestelling,
        _verdaagd,
        _zienswijze,
        _verduidelijking,
        _ingetrokken,
    ):
        maken(mensen, vandaag)
        aantal += 1
    # One from the public form, received today, without a behandelaar yet. "Today" is read again:
    # the web form only accepts the day it is sent on, and a demo started just before midnight
    # has passed it by now (a CI run once failed on exactly that).
    _registreren(
        "Kosten communicatie raadsakkoord",
        "Wat heeft de gemeente uitgegeven aan de communicatie over het raadsakkoord?",
        timezone.localdate(),
        verzoeker=dd.BEWONERS[0],
        door=None,
    )
    # The decisions whose disclosure date has come go to the publication register (category 2i),
    # as the daily `woo_publiceren` would do.
    gepubliceerd = publicatieservices.besluiten_publiceren()
    uitvoer.write(
        f"Woo: {aantal + 1} verzoeken, waarvan één volledig besloten met gelakte documenten; "
        f"{gepubliceerd} besluiten gepubliceerd."
    )
