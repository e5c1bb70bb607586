"""The demo catalogue: products with their rules, channels, leges and zaaktypen.

Rules and legal bases follow shared/domain/dienstverlening.md section 2. Leges are examples
(Castricum and Heemskerk 2024, see there) and marked as demo: each municipality sets its own in
the legesverordening. Archive terms are proposals until the privacy officer and the archivist
fix them from the Selectielijst gemeenten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from raadhuis.core.identiteit import Betrouwbaarheidsniveau
from raadhuis.core.termijnen import Eenheid, Termijn
from raadhuis.dienstverlening.models import Archiefnominatie, DoelgroepKeuze, Formulier, Kanaal
from raadhuis.dienstverlening.services.catalogus import ResultaattypeDefinitie, StatustypeDefinitie

BURGERZAKEN = "Burgerzaken"
KCC = "Klantcontactcentrum"

# Awb art. 4:13 lid 2: without a statutory term, a decision within eight weeks.
AWB_ACHT_WEKEN = Termijn(8, Eenheid.WEKEN)

_ONTVANGEN = StatustypeDefinitie(
    "Ontvangen", "Wij hebben uw aanvraag ontvangen en gaan ermee aan de slag.", doorlooptijd_werkdagen=1
)
_IN_BEHANDELING = StatustypeDefinitie(
    "In behandeling", "Een medewerker behandelt uw aanvraag.", doorlooptijd_werkdagen=3, informeren=True
)
_AANVULLING = StatustypeDefinitie(
    "Aanvulling gevraagd",
    "Wij hebben meer informatie van u nodig. Kijk bij uw berichten.",
    informeren=True,
    optioneel=True,
)
_VERWERKEN = ResultaattypeDefinitie("Verwerkt", Archiefnominatie.VERNIETIGEN, 10)
_AFGEWEZEN = ResultaattypeDefinitie("Afgewezen", Archiefnominatie.VERNIETIGEN, 10)
_INGETROKKEN = ResultaattypeDefinitie("Ingetrokken", Archiefnominatie.VERNIETIGEN, 1)


@dataclass(frozen=True)
class DemoZaaktype:
    identificatie: str
    omschrijving: str
    doorlooptijd: Termijn
    servicenorm: Termijn | None
    team: str
    statustypen: tuple[StatustypeDefinitie, ...]
    resultaattypen: tuple[ResultaattypeDefinitie, ...]


@dataclass(frozen=True)
class DemoTarief:
    omschrijving: str
    bedrag: Decimal


@dataclass(frozen=True)
class DemoProduct:
    naam: str
    slug: str
    upl_naam: str
    doelgroep: str
    minimum_niveau: Betrouwbaarheidsniveau
    niveau_toelichting: str
    omschrijving: str = ""
    voorwaarden: str = ""
    wettelijke_grondslag: str = ""
    kanalen: tuple[str, ...] = (Kanaal.DIGITAAL, Kanaal.BALIE)
    baliebezoek_nodig: bool = False
    formulier: str = ""
    zaaktype: str = ""
    tarieven: tuple[DemoTarief, ...] = field(default_factory=tuple)


ZAAKTYPEN: tuple[DemoZaaktype, ...] = (
    DemoZaaktype(
        "verhuizing",
        "Verhuizing verwerken in de BRP",
        AWB_ACHT_WEKEN,
        Termijn(5, Eenheid.WERKDAGEN),
        BURGERZAKEN,
        (
            _ONTVANGEN,
            _IN_BEHANDELING,
            _AANVULLING,
            StatustypeDefinitie(
                "Adresonderzoek", "Wij controleren uw nieuwe adres.", doorlooptijd_werkdagen=5, optioneel=True
            ),
            StatustypeDefinitie(
                "Afgehandeld", "Uw nieuwe adres staat in de Basisregistratie Personen.", informeren=True
            ),
        ),
        (_VERWERKEN, _AFGEWEZEN, _INGETROKKEN),
    ),
    DemoZaaktype(
        "overlijden",
        "Aangifte van overlijden",
        AWB_ACHT_WEKEN,
        Termijn(1, Eenheid.WERKDAGEN),
        BURGERZAKEN,
        (
            _ONTVANGEN,
            StatustypeDefinitie(
                "Akte opgemaakt", "De akte van overlijden is opgemaakt.", doorlooptijd_werkdagen=1
            ),
            StatustypeDefinitie(
                "Afgehandeld", "Het verlof tot begraven of cremeren is afgegeven.", informeren=True
            ),
        ),
        (_VERWERKEN, _INGETROKKEN),
    ),
    DemoZaaktype(
        "huwelijk",
        "Melding voorgenomen huwelijk of partnerschap",
        AWB_ACHT_WEKEN,
        Termijn(10, Eenheid.WERKDAGEN),
        BURGERZAKEN,
        (
            _ONTVANGEN,
            StatustypeDefinitie(
                "Partners gecontroleerd",
                "Wij controleren of u met elkaar mag trouwen.",
                doorlooptijd_werkdagen=5,
            ),
            _AANVULLING,
            StatustypeDefinitie(
                "Melding geaccepteerd",
                "Uw melding is geaccepteerd; de ceremonie staat vast.",
                informeren=True,
            ),
        ),
        (ResultaattypeDefinitie("Geaccepteerd", Archiefnominatie.BLIJVEND_BEWAREN), _AFGEWEZEN, _INGETROKKEN),
    ),
    DemoZaaktype(
        "reisdocument",
        "Aanvraag reisdocument",
        AWB_ACHT_WEKEN,
        Termijn(5, Eenheid.WERKDAGEN),
        BURGERZAKEN,
        (
            StatustypeDefinitie(
                "Aangevraagd", "Uw aanvraag is aan de balie opgenomen.", doorlooptijd_werkdagen=1
            ),
            StatustypeDefinitie("In productie", "Uw document wordt gemaakt.", doorlooptijd_werkdagen=4),
            StatustypeDefinitie(
                "Klaar om op te halen",
                "Uw document ligt klaar. Neem uw oude document mee als u het ophaalt.",
                informeren=True,
            ),
            StatustypeDefinitie("Uitgereikt", "U heeft uw document opgehaald."),
        ),
        (ResultaattypeDefinitie("Uitgereikt", Archiefnominatie.VERNIETIGEN, 11), _AFGEWEZEN, _INGETROKKEN),
    ),
    DemoZaaktype(
        "rijbewijs",
        "Aanvraag rijbewijs",
        AWB_ACHT_WEKEN,
        Termijn(5, Eenheid.WERKDAGEN),
        BURGERZAKEN,
        (
            StatustypeDefinitie("Aangevraagd", "Uw aanvraag is opgenomen.", doorlooptijd_werkdagen=1),
            StatustypeDefinitie("In productie", "Het RDW maakt uw rijbewijs.", doorlooptijd_werkdagen=2),
            StatustypeDefinitie("Klaar om op te halen", "Uw rijbewijs ligt klaar.", informeren=True),
            StatustypeDefinitie("Uitgereikt", "U heeft uw rijbewijs opgehaald."),
        ),
        (ResultaattypeDefinitie("Uitgereikt", Archiefnominatie.VERNIETIGEN, 11), _AFGEWEZEN, _INGETROKKEN),
    ),
    DemoZaaktype(
        "uittreksel",
        "Uittreksel BRP verstrekken",
        AWB_ACHT_WEKEN,
        Termijn(3, Eenheid.WERKDAGEN),
        BURGERZAKEN,
        (
            _ONTVANGEN,
            StatustypeDefinitie("Verstuurd", "Het uittreksel is per post naar u verstuurd.", informeren=True),
        ),
        (_VERWERKEN, _INGETROKKEN),
    ),
    DemoZaaktype(
        "vraag",
        "Vraag van een inwoner of ondernemer",
        # No statute sets a term for a question; the organisation's own rule (e-mail within 24 hours is
        # best practice, a full answer within ten working days).
        Termijn(10, Eenheid.WERKDAGEN),
        Termijn(5, Eenheid.WERKDAGEN),
        KCC,
        (_ONTVANGEN, _IN_BEHANDELING, StatustypeDefinitie("Beantwoord", "Wij hebben uw vraag beantwoord.")),
        (ResultaattypeDefinitie("Beantwoord", Archiefnominatie.VERNIETIGEN, 2), _INGETROKKEN),
    ),
)

_BRP_NIVEAU = (
    "Deze aanvraag verandert of toont uw gegevens in de Basisregistratie Personen (BRP). Daarom moet de "
    "gemeente zeker weten dat u het bent."
)

PRODUCTEN: tuple[DemoProduct, ...] = (
    DemoProduct(
        naam="Verhuizing doorgeven",
        slug="verhuizing-doorgeven",
        upl_naam="verhuismelding",
        doelgroep=DoelgroepKeuze.INWONER,
        minimum_niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL,
        niveau_toelichting=_BRP_NIVEAU,
        omschrijving="Verhuist u binnen de gemeente of komt u in de gemeente wonen? Geef uw nieuwe "
        "adres door. "
        "Verhuizen uw partner of kinderen mee, dan kunt u hen in dezelfde melding meenemen.",
        voorwaarden="Geef de verhuizing door vanaf 4 weken vóór tot uiterlijk 5 dagen na de verhuisdatum. "
        "Gaat u bij iemand inwonen, dan geeft de hoofdbewoner toestemming. Houd een huurcontract of "
        "koopakte bij de hand.",
        wettelijke_grondslag="Wet basisregistratie personen art. 2.39",
        kanalen=(Kanaal.DIGITAAL, Kanaal.BALIE, Kanaal.SCHRIFTELIJK),
        formulier=Formulier.VERHUIZING,
        zaaktype="verhuizing",
    ),
    DemoProduct(
        naam="Aangifte overlijden (uitvaartondernemer)",
        slug="aangifte-overlijden",
        upl_naam="overlijdensaangifte",
        doelgroep=DoelgroepKeuze.ONDERNEMER,
        minimum_niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL,
        niveau_toelichting="De uitvaartondernemer doet de aangifte namens de nabestaanden en de "
        "gemeente legt "
        "het overlijden vast in de BRP. Daarom is eHerkenning niveau EH3 nodig.",
        omschrijving="Doe aangifte van een overlijden in deze gemeente. U ontvangt de akte van overlijden en "
        "het verlof tot begraven of cremeren.",
        voorwaarden="Doe aangifte in de gemeente waar het overlijden plaatsvond. De begrafenis of crematie "
        "is niet eerder dan 36 uur en uiterlijk op de zesde werkdag na het overlijden, later alleen met "
        "toestemming van de burgemeester. Houd de A-verklaring van de arts bij de hand.",
        wettelijke_grondslag="Burgerlijk Wetboek boek 1 art. 19f en 19h",
        kanalen=(Kanaal.DIGITAAL, Kanaal.BALIE),
        formulier=Formulier.OVERLIJDEN,
        zaaktype="overlijden",
        tarieven=(DemoTarief("Uittreksel akte van overlijden", Decimal("13.00")),),
    ),
    DemoProduct(
        naam="Huwelijk of partnerschap melden",
        slug="huwelijk-melden",
        upl_naam="huwelijksaangifte",
        doelgroep=DoelgroepKeuze.INWONER,
        minimum_niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL,
        niveau_toelichting=_BRP_NIVEAU,
        omschrijving="Meld uw voorgenomen huwelijk of geregistreerd partnerschap en reserveer tegelijk de "
        "datum, de locatie en de trouwambtenaar.",
        voorwaarden="Meld het huwelijk ten minste 2 weken en ten hoogste 1 jaar vóór de ceremonie. U bent "
        "allebei 18 jaar of ouder en niet getrouwd. U heeft 2 tot 4 getuigen van 18 jaar of ouder.",
        wettelijke_grondslag="Burgerlijk Wetboek boek 1 art. 44; partnerschap art. 80a",
        kanalen=(Kanaal.DIGITAAL, Kanaal.BALIE),
        formulier=Formulier.HUWELIJK,
        zaaktype="huwelijk",
        tarieven=(
            DemoTarief("Melding voorgenomen huwelijk", Decimal("0.00")),
            DemoTarief("Ceremonie op maandag- of dinsdagochtend (gratis)", Decimal("0.00")),
            DemoTarief("Ceremonie in de trouwzaal", Decimal("385.00")),
        ),
    ),
    DemoProduct(
        naam="Paspoort aanvragen",
        slug="paspoort",
        upl_naam="paspoort",
        doelgroep=DoelgroepKeuze.INWONER,
        minimum_niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL,
        niveau_toelichting=_BRP_NIVEAU,
        omschrijving="Vraag een paspoort aan aan de balie. Maak eerst een afspraak. Het paspoort is 10 jaar "
        "geldig als u 18 jaar of ouder bent, en 5 jaar als u jonger bent.",
        voorwaarden="U komt zelf naar de balie, ook voor een kind: de gemeente neemt vingerafdrukken af. "
        "Voor een kind onder 18 jaar geven de gezaghouders toestemming. Neem een pasfoto mee. Het paspoort "
        "is na ongeveer 5 werkdagen klaar.",
        wettelijke_grondslag="Paspoortwet art. 26",
        kanalen=(Kanaal.BALIE,),
        baliebezoek_nodig=True,
        formulier=Formulier.REISDOCUMENT,
        zaaktype="reisdocument",
        tarieven=(
            DemoTarief("Paspoort, 18 jaar en ouder", Decimal("83.80")),
            DemoTarief("Paspoort, jonger dan 18 jaar", Decimal("61.05")),
            DemoTarief("Spoedtoeslag", Decimal("57.00")),
        ),
    ),
    DemoProduct(
        naam="Identiteitskaart aanvragen",
        slug="identiteitskaart",
        upl_naam="identiteitskaart",
        doelgroep=DoelgroepKeuze.INWONER,
        minimum_niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL,
        niveau_toelichting=_BRP_NIVEAU,
        omschrijving="Vraag een Nederlandse identiteitskaart aan aan de balie. Maak eerst een afspraak.",
        voorwaarden="U komt zelf naar de balie. Voor een kind onder 12 jaar geven de gezaghouders "
        "toestemming. De kaart is 10 jaar geldig vanaf 18 jaar, daarvoor 5 jaar.",
        wettelijke_grondslag="Paspoortwet art. 16a",
        kanalen=(Kanaal.BALIE,),
        baliebezoek_nodig=True,
        formulier=Formulier.REISDOCUMENT,
        zaaktype="reisdocument",
        tarieven=(
            DemoTarief("Identiteitskaart, 18 jaar en ouder", Decimal("75.80")),
            DemoTarief("Identiteitskaart, jonger dan 18 jaar", Decimal("43.50")),
            DemoTarief("Spoedtoeslag", Decimal("57.00")),
        ),
    ),
    DemoProduct(
        naam="Rijbewijs aanvragen of verlengen",
        slug="rijbewijs",
        upl_naam="rijbewijs",
        doelgroep=DoelgroepKeuze.INWONER,
        minimum_niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL,
        niveau_toelichting=_BRP_NIVEAU,
        omschrijving="Verleng uw rijbewijs online of vraag het aan de balie aan. U haalt het op aan "
        "de balie.",
        voorwaarden="Verlengen kan online met de DigiD-app en een pasfoto van een fotograaf die met het RDW "
        "werkt. Een eerste rijbewijs, een vervangend rijbewijs na verlies en spoed vraagt u aan de balie "
        "aan. Het rijbewijs is na ongeveer 2 werkdagen klaar.",
        wettelijke_grondslag="Wegenverkeerswet 1994 art. 107",
        kanalen=(Kanaal.DIGITAAL, Kanaal.BALIE),
        formulier=Formulier.RIJBEWIJS,
        zaaktype="rijbewijs",
        tarieven=(
            DemoTarief("Rijbewijs", Decimal("51.10")),
            DemoTarief("Rijbewijs met spoed", Decimal("90.75")),
        ),
    ),
    DemoProduct(
        naam="Uittreksel BRP aanvragen",
        slug="uittreksel-brp",
        upl_naam="brp-uittreksel",
        doelgroep=DoelgroepKeuze.INWONER,
        minimum_niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL,
        niveau_toelichting="Een uittreksel bevat uw persoonsgegevens uit de BRP. Daarom moet de "
        "gemeente zeker "
        "weten dat u het bent.",
        omschrijving="Een uittreksel uit de Basisregistratie Personen (BRP) bewijst waar u woont en "
        "wie u bent.",
        voorwaarden="U vraagt een uittreksel aan over uzelf. Het uittreksel wordt per post naar uw adres in "
        "de BRP gestuurd.",
        wettelijke_grondslag="Wet basisregistratie personen",
        kanalen=(Kanaal.DIGITAAL, Kanaal.BALIE, Kanaal.SCHRIFTELIJK),
        formulier=Formulier.UITTREKSEL,
        zaaktype="uittreksel",
        tarieven=(DemoTarief("Uittreksel BRP", Decimal("13.00")),),
    ),
    DemoProduct(
        naam="Vraag stellen",
        slug="vraag-stellen",
        upl_naam="",
        doelgroep=DoelgroepKeuze.BEIDE,
        minimum_niveau=Betrouwbaarheidsniveau.LAAG,
        niveau_toelichting="Met een vraag na inloggen kunnen wij uw eigen gegevens gebruiken in het "
        "antwoord.",
        omschrijving="Stel een vraag aan de gemeente. U krijgt binnen 5 werkdagen antwoord.",
        kanalen=(Kanaal.DIGITAAL, Kanaal.BALIE, Kanaal.TELEFOON, Kanaal.SCHRIFTELIJK),
        formulier=Formulier.VRAAG,
        zaaktype="vraag",
    ),
    DemoProduct(
        naam="Vertrek naar het buitenland doorgeven",
        slug="vertrek-buitenland",
        upl_naam="aangifte vertrek buitenland",
        doelgroep=DoelgroepKeuze.INWONER,
        minimum_niveau=Betrouwbaarheidsniveau.HOOG,
        niveau_toelichting="Met deze aangifte wordt u uitgeschreven uit de gemeente; dat heeft "
        "gevolgen voor uw "
        "toeslagen, zorgverzekering en identiteitsbewijzen. Daarom vraagt de gemeente het hoogste niveau: "
        "DigiD Hoog, waarbij de DigiD-app de chip van uw identiteitsbewijs leest.",
        omschrijving="Gaat u voor 8 maanden of langer in het buitenland wonen? Geef uw vertrek door.",
        voorwaarden="Geef uw vertrek door ten hoogste 5 dagen voor uw vertrek. Dit doet u aan de balie.",
        wettelijke_grondslag="Wet basisregistratie personen art. 2.43",
        kanalen=(Kanaal.BALIE,),
        baliebezoek_nodig=True,
    ),
)
