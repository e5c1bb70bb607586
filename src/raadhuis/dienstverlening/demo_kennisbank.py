"""The demo knowledge base: standard answers per product of the demo catalogue, written once and
indexed in the internal search (core.zoeken)."""

from __future__ import annotations

from django.urls import reverse

from raadhuis.accounts.models import Medewerker
from raadhuis.core import zoeken
from raadhuis.dienstverlening.models import Kennisartikel, Product

# Standard answers per product slug (demo_catalogus.PRODUCTEN); the rules follow
# shared/domain/dienstverlening.md section 2 and the product texts of the demo catalogue.
KENNISBANK: dict[str, tuple[tuple[str, str], ...]] = {
    "verhuizing-doorgeven": (
        (
            "Wanneer geef ik mijn verhuizing door?",
            "Geef uw verhuizing door vanaf 4 weken vóór tot uiterlijk 5 dagen na de verhuisdatum "
            "(Wet BRP art. 2.39). Geeft u het later door, dan wordt de datum van de melding uw verhuisdatum.",
        ),
        (
            "Hoe geef ik mijn verhuizing door?",
            "Online met DigiD via 'Verhuizing doorgeven'. Lukt dat niet, dan kunt u telefonisch een "
            "afspraak maken om het aan de balie te doen.",
        ),
        (
            "Wie mag mijn verhuizing doorgeven?",
            "Uzelf vanaf 16 jaar, een ouder of voogd, een partner of meerderjarig kind dat meeverhuist, "
            "een curator, of iemand met uw schriftelijke machtiging.",
        ),
        (
            "Kan ik mijn partner en kinderen in dezelfde melding meenemen?",
            "Ja. Verhuizen uw partner of kinderen mee naar hetzelfde adres, dan neemt u hen mee in "
            "dezelfde melding.",
        ),
        (
            "Welke documenten heb ik nodig voor een verhuizing?",
            "Houd een huurcontract of koopakte bij de hand; u kunt die bij de melding uploaden.",
        ),
        (
            "Ik ga inwonen bij iemand. Wat moet ik doen?",
            "Geef de verhuizing gewoon door. De hoofdbewoner van het adres geeft toestemming; dat kan "
            "met een ondertekende verklaring en een kopie van diens identiteitsbewijs.",
        ),
        (
            "Kost het doorgeven van een verhuizing geld?",
            "Nee, een verhuizing doorgeven is gratis.",
        ),
        (
            "Hoe lang duurt het verwerken van mijn verhuizing?",
            "Wij verwerken een verhuizing binnen 5 werkdagen. Is een adresonderzoek nodig, dan duurt "
            "het langer; u krijgt daarover bericht.",
        ),
        (
            "Waarom doet de gemeente een adresonderzoek?",
            "De gemeente moet erop kunnen vertrouwen dat de Basisregistratie Personen klopt. Als er "
            "twijfel is of iemand echt op het opgegeven adres woont, onderzoekt de gemeente dat, soms "
            "met een huisbezoek.",
        ),
        (
            "Hoe zie ik of mijn verhuizing verwerkt is?",
            "Kijk in 'Mijn zaken' na inloggen met DigiD. Daar ziet u de status van uw melding; wij "
            "sturen ook een e-mail zodra uw nieuwe adres in de BRP staat.",
        ),
        (
            "Moet ik zelf instanties informeren over mijn nieuwe adres?",
            "Overheidsinstanties zoals de Belastingdienst krijgen uw nieuwe adres uit de BRP. Bedrijven "
            "zoals uw bank, energieleverancier en zorgverzekeraar informeert u zelf.",
        ),
        (
            "Wat gebeurt er als ik bewust een verkeerd adres opgeef?",
            "Wie willens en wetens onjuiste gegevens doorgeeft, kan een bestuurlijke boete krijgen "
            "(Wet BRP art. 4.17).",
        ),
        (
            "Ik verhuis naar het buitenland. Is dat ook een verhuizing?",
            "Nee. Woont u 8 maanden of langer in het buitenland, dan doet u aangifte van vertrek, ten "
            "hoogste 5 dagen voor uw vertrek (Wet BRP art. 2.43).",
        ),
        (
            "Moet mijn identiteitsbewijs aangepast worden na een verhuizing?",
            "Nee. Op een paspoort, identiteitskaart of rijbewijs staat geen adres; u hoeft niets te "
            "vervangen.",
        ),
        (
            "Ik heb mijn verhuizing te laat doorgegeven. Wat nu?",
            "Geef het zo snel mogelijk door. De datum van uw melding wordt dan uw verhuisdatum in de BRP.",
        ),
    ),
    "aangifte-overlijden": (
        (
            "Waar doe ik aangifte van overlijden?",
            "In de gemeente waar het overlijden plaatsvond, niet in de woonplaats (BW boek 1 art. 19h).",
        ),
        (
            "Wie doet meestal de aangifte van overlijden?",
            "Meestal de uitvaartondernemer, digitaal met eHerkenning. Nabestaanden kunnen aangifte "
            "doen aan de balie op afspraak.",
        ),
        (
            "Welke stukken zijn nodig voor de aangifte van overlijden?",
            "De verklaring van overlijden van de arts (A-verklaring) en de B-envelop voor het CBS, en het "
            "identiteitsbewijs van wie aangifte doet.",
        ),
        (
            "Wanneer mag de begrafenis of crematie plaatsvinden?",
            "Niet eerder dan 36 uur na het overlijden en uiterlijk op de zesde werkdag. Later kan alleen "
            "met toestemming van de burgemeester.",
        ),
        (
            "Hoe vraag ik uitstel van begrafenis of crematie aan?",
            "De uitvaartondernemer vraagt de burgemeester om toestemming; doe dat zo vroeg mogelijk en "
            "noem de reden.",
        ),
        (
            "Wat krijg ik na de aangifte van overlijden?",
            "De akte van overlijden wordt opgemaakt en u krijgt het verlof tot begraven of cremeren.",
        ),
        (
            "Kost de aangifte van overlijden geld?",
            "De aangifte is gratis. Een uittreksel van de akte van overlijden kost leges; het bedrag "
            "staat bij het product.",
        ),
        (
            "Kan ik een uittreksel van de akte van overlijden krijgen?",
            "Ja, vraag het aan bij de gemeente waar het overlijden is aangegeven. Het uittreksel kost leges.",
        ),
        (
            "Wat gebeurt er bij een aangifte in het weekend?",
            "Een digitale aangifte in het weekend wordt de eerstvolgende werkdag behandeld. Het verlof "
            "wordt zo snel mogelijk afgegeven.",
        ),
        (
            "Worden andere instanties geïnformeerd over het overlijden?",
            "Ja, het overlijden wordt in de BRP vastgelegd; instanties die de BRP gebruiken krijgen het "
            "bericht daaruit.",
        ),
        (
            "Wat moet ik doen met het paspoort of de identiteitskaart van de overledene?",
            "U kunt het document bij de gemeente inleveren; het wordt dan ongeldig gemaakt. U kunt het "
            "ook ongeldig gemaakt terugkrijgen als aandenken.",
        ),
        (
            "Iemand is in het buitenland overleden. Waar doe ik aangifte?",
            "Doe aangifte in het land van overlijden. De akte kan daarna in Nederland worden "
            "ingeschreven; neem contact op voor de mogelijkheden.",
        ),
    ),
    "huwelijk-melden": (
        (
            "Wanneer meld ik ons voorgenomen huwelijk?",
            "Ten minste 2 weken en ten hoogste 1 jaar voor de ceremonie (BW boek 1 art. 44).",
        ),
        (
            "Hoe melden wij ons huwelijk of partnerschap?",
            "Online met DigiD; beide partners loggen apart in en bevestigen de melding. Heeft u "
            "buitenlandse documenten, dan meldt u aan de balie.",
        ),
        (
            "Aan welke voorwaarden moeten wij voldoen om te trouwen?",
            "U bent allebei 18 jaar of ouder, niet getrouwd of geregistreerd partner, en geen naaste "
            "familie van elkaar.",
        ),
        (
            "Hoeveel getuigen hebben wij nodig?",
            "Minimaal 2 en maximaal 4 getuigen van 18 jaar of ouder.",
        ),
        (
            "Moeten wij eerst een datum reserveren?",
            "Ja, reserveer eerst de datum, de locatie en de trouwambtenaar; bij de melding kiest u "
            "de gereserveerde ceremonie.",
        ),
        (
            "Kunnen wij gratis trouwen?",
            "Ja, op maandag- en dinsdagochtend is een kosteloze, eenvoudige voltrekking mogelijk in "
            "de spreekkamer, met twee tot vier getuigen.",
        ),
        (
            "Wat kost trouwen in de trouwzaal?",
            "De leges voor een ceremonie in de trouwzaal staan bij het product. De melding zelf is gratis.",
        ),
        (
            "Wat is het verschil tussen een huwelijk en een geregistreerd partnerschap?",
            "De rechtsgevolgen zijn grotendeels gelijk. Een partnerschap kan zonder rechter worden "
            "beëindigd als u het samen eens bent (BW boek 1 art. 80a e.v.).",
        ),
        (
            "Kunnen wij een eigen trouwambtenaar meenemen?",
            "Dat kan: een bekende kan voor één dag tot buitengewoon ambtenaar van de burgerlijke stand "
            "worden benoemd. Vraag dit ruim van tevoren aan.",
        ),
        (
            "Wat gebeurt er na de melding?",
            "Wij controleren of u met elkaar mag trouwen. Binnen 10 werkdagen hoort u of de melding is "
            "geaccepteerd; daarmee staat de ceremonie vast.",
        ),
        (
            "Wij hebben buitenlandse documenten. Wat moeten wij doen?",
            "Maak een afspraak aan de balie. Buitenlandse akten moeten soms gelegaliseerd of van een "
            "apostille voorzien zijn en vertaald door een beëdigd vertaler.",
        ),
        (
            "Kunnen wij de datum van de ceremonie nog wijzigen?",
            "Ja, zolang de nieuwe datum binnen een jaar na de melding valt en er plaats is. Neem contact "
            "op met Burgerzaken.",
        ),
    ),
    "paspoort": (
        (
            "Hoe lang is mijn paspoort geldig?",
            "Een paspoort is 10 jaar geldig als u 18 jaar of ouder bent en 5 jaar als u jonger bent "
            "(Paspoortwet).",
        ),
        (
            "Hoe vraag ik een paspoort aan?",
            "Maak een afspraak en kom zelf naar de balie; de gemeente neemt vingerafdrukken af en u "
            "zet een handtekening.",
        ),
        (
            "Wat neem ik mee voor een paspoortaanvraag?",
            "Uw huidige paspoort of identiteitskaart en een goedgelijkende pasfoto die niet ouder is "
            "dan 6 maanden.",
        ),
        (
            "Hoe lang duurt het voor mijn paspoort klaar is?",
            "Ongeveer 5 werkdagen. Met spoed is het de volgende werkdag klaar, tegen een spoedtoeslag.",
        ),
        (
            "Wat kost een paspoort?",
            "De leges verschillen voor 18 jaar en ouder en voor jonger; de bedragen en de spoedtoeslag "
            "staan bij het product.",
        ),
        (
            "Moet mijn kind zelf mee naar de balie?",
            "Ja, ook een kind komt zelf mee, voor de aanvraag en het ophalen. Voor een kind onder 18 "
            "jaar geven de gezaghouders toestemming.",
        ),
        (
            "Hoe geven de ouders toestemming voor het paspoort van een kind?",
            "Beide gezaghouders vullen het toestemmingsformulier in en geven een kopie van hun "
            "identiteitsbewijs mee, of komen mee naar de balie.",
        ),
        (
            "Kan iemand anders mijn paspoort ophalen?",
            "Nee, u haalt uw paspoort zelf op. Neem uw oude paspoort mee; dat wordt ongeldig gemaakt.",
        ),
        (
            "Ik ben mijn paspoort kwijt. Wat moet ik doen?",
            "Meld de vermissing bij de gemeente voordat u een nieuw paspoort aanvraagt. Bij diefstal "
            "doet u ook aangifte bij de politie.",
        ),
        (
            "Worden mijn vingerafdrukken bewaard?",
            "Ze staan op de chip van het paspoort. De gemeente bewaart ze alleen tot u het document "
            "heeft opgehaald.",
        ),
        (
            "Kan ik mijn paspoort bij een servicepunt aanvragen?",
            "Ja, in het stadhuis en bij Servicepunt Noord, op afspraak.",
        ),
        (
            "Hoe lang moet mijn paspoort nog geldig zijn voor mijn reis?",
            "Dat bepaalt het land waar u naartoe reist; veel landen eisen nog 3 of 6 maanden na "
            "terugkomst. Controleer de reisadviezen van de Rijksoverheid.",
        ),
        (
            "Mag ik mijn bril op de pasfoto?",
            "Dat mag, als uw ogen goed zichtbaar zijn en er geen weerspiegeling is. Een zonnebril mag niet.",
        ),
        (
            "Kan ik een paspoort én een identiteitskaart hebben?",
            "Ja, u mag beide tegelijk hebben.",
        ),
        (
            "Tot wanneer kan ik mijn paspoort ophalen?",
            "Haal uw paspoort binnen 3 maanden op; daarna wordt het vernietigd en betaalt u opnieuw.",
        ),
    ),
    "identiteitskaart": (
        (
            "Hoe lang is een identiteitskaart geldig?",
            "10 jaar als u 18 jaar of ouder bent, 5 jaar als u jonger bent.",
        ),
        (
            "Hoe vraag ik een identiteitskaart aan?",
            "Maak een afspraak en kom zelf naar de balie met uw huidige identiteitsbewijs en een "
            "pasfoto die niet ouder is dan 6 maanden.",
        ),
        (
            "Worden voor een identiteitskaart vingerafdrukken genomen?",
            "Ja, volgens de Europese verordening staan vingerafdrukken ook op de chip van de "
            "identiteitskaart.",
        ),
        (
            "Heb ik toestemming nodig voor de identiteitskaart van mijn kind?",
            "Voor een kind onder 12 jaar geven de gezaghouders toestemming. Vanaf 12 jaar is geen "
            "toestemming nodig.",
        ),
        (
            "Wat kost een identiteitskaart?",
            "De leges verschillen voor 18 jaar en ouder en voor jonger; de bedragen staan bij het product.",
        ),
        (
            "Naar welke landen kan ik met een identiteitskaart reizen?",
            "Naar de landen van de Europese Unie en enkele andere landen. Kijk voor uw bestemming op de "
            "website van de Rijksoverheid.",
        ),
        (
            "Hoe lang duurt het voor mijn identiteitskaart klaar is?",
            "Ongeveer 5 werkdagen; met spoed de volgende werkdag tegen een toeslag.",
        ),
        (
            "Kan ik een identiteitskaart gebruiken als ik mijn paspoort kwijt ben?",
            "Ja, binnen de landen waar de identiteitskaart geldt. Meld het verlies van uw paspoort wel "
            "bij de gemeente.",
        ),
        (
            "Mijn identiteitskaart is gestolen. Wat nu?",
            "Doe aangifte bij de politie en meld de diefstal bij de gemeente; daarna vraagt u een "
            "nieuwe kaart aan.",
        ),
        (
            "Moet ik mijn oude identiteitskaart inleveren?",
            "Ja, bij het ophalen van de nieuwe kaart; de oude wordt ongeldig gemaakt.",
        ),
        (
            "Kan ik mijn identiteitskaart op een andere locatie ophalen?",
            "U haalt de kaart op bij de locatie waar u hem heeft aangevraagd.",
        ),
        (
            "Is een identiteitskaart een geldig identiteitsbewijs in Nederland?",
            "Ja, ook voor de identificatieplicht vanaf 14 jaar.",
        ),
    ),
    "rijbewijs": (
        (
            "Hoe lang is mijn rijbewijs geldig?",
            "In de regel 10 jaar. Krijgt u het tussen uw 65e en 70e, dan tot uw 75e verjaardag; vanaf "
            "uw 70e steeds 5 jaar.",
        ),
        (
            "Kan ik mijn rijbewijs online verlengen?",
            "Ja, via het RDW met de DigiD-app met ID-check en een pasfoto van een fotograaf die met het "
            "RDW werkt. U haalt het rijbewijs daarna op aan de balie.",
        ),
        (
            "Hoe lang duurt het voor mijn rijbewijs klaar is?",
            "Ongeveer 2 werkdagen. Met spoed kan het sneller, tegen een hoger tarief.",
        ),
        (
            "Wanneer moet ik aan de balie komen voor mijn rijbewijs?",
            "Voor een eerste rijbewijs, een vervangend rijbewijs na verlies of diefstal, en bij spoed. "
            "Maak een afspraak.",
        ),
        (
            "Wat kost een rijbewijs?",
            "Het tarief en het spoedtarief staan bij het product.",
        ),
        (
            "Heb ik een gezondheidsverklaring nodig?",
            "Vanaf 75 jaar en voor bepaalde categorieën wel. U vult de Gezondheidsverklaring in bij het "
            "CBR; verleng pas als het CBR u geschikt heeft verklaard.",
        ),
        (
            "Mijn rijbewijs is verlopen. Mag ik nog rijden?",
            "Nee, met een verlopen rijbewijs mag u niet rijden. Vraag een nieuw rijbewijs aan.",
        ),
        (
            "Ik ben mijn rijbewijs kwijt. Wat moet ik doen?",
            "Meld het verlies bij de gemeente (bij diefstal bij de politie) en vraag aan de balie een "
            "vervangend rijbewijs aan.",
        ),
        (
            "Wat neem ik mee als ik mijn rijbewijs ophaal?",
            "Uw oude rijbewijs; dat wordt ongeldig gemaakt.",
        ),
        (
            "Kan iemand anders mijn rijbewijs ophalen?",
            "Nee, u haalt uw rijbewijs zelf op aan de balie.",
        ),
        (
            "Wat doe ik na mijn rijexamen?",
            "Vraag binnen een jaar na het examen uw eerste rijbewijs aan aan de balie.",
        ),
        (
            "Kan ik een buitenlands rijbewijs omwisselen?",
            "Dat hangt af van het land. Het RDW beoordeelt de omwisseling; u dient de aanvraag in bij de "
            "gemeente.",
        ),
    ),
    "uittreksel-brp": (
        (
            "Waarvoor heb ik een uittreksel BRP nodig?",
            "Een uittreksel bewijst waar u woont en wie u bent, bijvoorbeeld voor een werkgever, een "
            "woningcorporatie of een instantie in het buitenland.",
        ),
        (
            "Hoe vraag ik een uittreksel BRP aan?",
            "Online met DigiD, aan de balie of per brief. U vraagt het uittreksel aan over uzelf.",
        ),
        (
            "Hoe krijg ik het uittreksel?",
            "Het wordt per post verstuurd naar uw adres in de BRP.",
        ),
        (
            "Hoe lang duurt het voor ik mijn uittreksel heb?",
            "Wij versturen het binnen 3 werkdagen; reken daarna op de bezorgtijd van de post.",
        ),
        (
            "Wat kost een uittreksel BRP?",
            "De leges staan bij het product.",
        ),
        (
            "Kan ik een uittreksel over iemand anders aanvragen?",
            "Nee, alleen over uzelf. Voor een ander heeft u een schriftelijke machtiging nodig.",
        ),
        (
            "Kan ik een internationaal uittreksel krijgen?",
            "Ja, er is een meertalig uittreksel voor gebruik in andere EU-landen. Vraag ernaar aan de balie.",
        ),
        (
            "Wat is het verschil tussen een uittreksel en een akte?",
            "Een uittreksel BRP toont uw gegevens in de BRP, zoals uw adres. Een akte van de burgerlijke "
            "stand legt een gebeurtenis vast, zoals een geboorte of huwelijk.",
        ),
        (
            "Er staat een fout in mijn gegevens. Wat doe ik?",
            "Vraag de gemeente om uw gegevens te corrigeren en stuur het bewijs mee, zoals een akte.",
        ),
        (
            "Heb ik een uittreksel nodig voor een verklaring omtrent het gedrag (VOG)?",
            "Nee. Een VOG vraagt u aan bij Justis; daarvoor is geen uittreksel nodig.",
        ),
    ),
    "vraag-stellen": (
        (
            "Hoe bereik ik de gemeente telefonisch?",
            "Bel 14 gevolgd door het netnummer van de gemeente. Wij nemen op werkdagen de telefoon op.",
        ),
        (
            "Binnen welke termijn krijg ik antwoord op mijn vraag?",
            "Binnen 5 werkdagen. Een eenvoudige vraag per e-mail beantwoorden wij meestal binnen 24 uur.",
        ),
        (
            "Hoe dien ik een klacht in over de gemeente?",
            "Vul het klachtenformulier in of bel ons. Wij behandelen een klacht volgens de Algemene wet "
            "bestuursrecht (hoofdstuk 9).",
        ),
        (
            "Hoe meld ik iets in de openbare ruimte, zoals een losse stoeptegel?",
            "Doe een melding openbare ruimte via de website of de app. U kunt de melding volgen en "
            "krijgt bericht als het is opgelost.",
        ),
        (
            "Wat zijn de openingstijden van het stadhuis?",
            "Het stadhuis is op werkdagen open in de ochtend en op maandag tot en met donderdag ook "
            "in de middag, en op donderdagavond. Voor de meeste producten maakt u een afspraak.",
        ),
        (
            "Hoe maak ik een afspraak bij de gemeente?",
            "Online via 'Afspraak maken' of telefonisch. U krijgt een bevestiging met een link om de "
            "afspraak te verzetten of af te zeggen.",
        ),
        (
            "Kan ik een afspraak verzetten of afzeggen?",
            "Ja, met de link in uw bevestiging, of bel ons.",
        ),
        (
            "Waar kan ik de status van mijn aanvraag zien?",
            "In 'Mijn zaken' na inloggen met DigiD of eHerkenning.",
        ),
        (
            "Is het stadhuis toegankelijk met een rolstoel?",
            "Ja, de ingang aan het plein is rolstoeltoegankelijk en aan balie 1 is een ringleiding.",
        ),
        (
            "Ik heb geen DigiD. Kan ik toch iets regelen?",
            "Ja, bel ons of maak een afspraak aan de balie; een medewerker helpt u. U kunt ook een DigiD "
            "aanvragen op digid.nl.",
        ),
        (
            "Kan ik iemand machtigen om iets voor mij te regelen?",
            "Voor veel producten kan dat met een schriftelijke machtiging en een kopie van uw "
            "identiteitsbewijs. Voor een paspoort of identiteitskaart komt u zelf.",
        ),
        (
            "Hoe vraag ik informatie op bij de gemeente (Woo-verzoek)?",
            "Dien een verzoek in op grond van de Wet open overheid. Wij beslissen binnen 4 weken; die "
            "termijn kan met 2 weken worden verlengd.",
        ),
    ),
    "vertrek-buitenland": (
        (
            "Wanneer moet ik mijn vertrek naar het buitenland doorgeven?",
            "Als u 8 maanden of langer binnen een jaar in het buitenland gaat wonen. Geef het door ten "
            "hoogste 5 dagen voor uw vertrek (Wet BRP art. 2.43).",
        ),
        (
            "Hoe geef ik mijn vertrek naar het buitenland door?",
            "Aan de balie, op afspraak. Neem uw identiteitsbewijs en uw adres in het buitenland mee.",
        ),
        (
            "Wat zijn de gevolgen van uitschrijven uit de BRP?",
            "U wordt uitgeschreven uit de gemeente. Dat heeft gevolgen voor onder meer toeslagen, uw "
            "zorgverzekering en AOW-opbouw; regel dit tijdig met die instanties.",
        ),
        (
            "Kan ik mijn vertrek online doorgeven?",
            "Nee, voor deze aangifte komt u aan de balie, omdat u wordt uitgeschreven.",
        ),
        (
            "Ik ga korter dan 8 maanden naar het buitenland. Moet ik iets doorgeven?",
            "Nee, dan blijft u ingeschreven op uw adres in de gemeente.",
        ),
        (
            "Kan ik na mijn vertrek nog een Nederlands paspoort aanvragen?",
            "Ja, bij de ambassade of het consulaat, of bij een aantal grensgemeenten en het loket "
            "voor Nederlanders in het buitenland.",
        ),
        (
            "Kan mijn gezin in dezelfde aangifte mee?",
            "Ja, gezinsleden die met u vertrekken kunt u in dezelfde aangifte meenemen.",
        ),
        (
            "Wat kost de aangifte van vertrek?",
            "De aangifte van vertrek is gratis.",
        ),
        (
            "Ik kom terug uit het buitenland. Wat moet ik doen?",
            "Geef binnen 5 dagen na aankomst uw adres door aan de gemeente waar u gaat wonen; daarvoor "
            "komt u aan de balie.",
        ),
        (
            "Houd ik mijn DigiD als ik naar het buitenland vertrek?",
            "Ja, u houdt uw DigiD en kunt die in het buitenland blijven gebruiken.",
        ),
    ),
}


def kennisbank_laden(door: Medewerker | None) -> dict[int, list[Kennisartikel]]:
    """The standard answers per product, made once and indexed in the internal search."""
    producten = {product.slug: product for product in Product.objects.all()}
    if not Kennisartikel.objects.exists():
        artikelen = Kennisartikel.objects.bulk_create(
            Kennisartikel(
                titel=titel,
                antwoord=antwoord,
                product=producten[slug],
                trefwoorden=producten[slug].naam.lower(),
                gewijzigd_door=door,
            )
            for slug, vragen in KENNISBANK.items()
            if slug in producten
            for titel, antwoord in vragen
        )
        for artikel in artikelen:
            zoeken.document_bijwerken(
                soort="kennisartikel",
                sleutel=str(artikel.pk),
                titel=artikel.titel,
                tekst=artikel.antwoord,
                url=reverse("dienstverlening:kennisartikel", args=[artikel.pk]),
                openbaar=False,
            )
    per_product: dict[int, list[Kennisartikel]] = {}
    for artikel in Kennisartikel.objects.filter(actief=True, product__isnull=False).order_by("pk"):
        if artikel.product_id is not None:
            per_product.setdefault(artikel.product_id, []).append(artikel)
    return per_product
