# The register entries the platform itself needs from its first start (AVG art. 30). A data
# migration rather than demo data: core.logboek.vastleggen refuses an activity that is not in the
# register, so production needs them as much as a demo does. The privacy officer revises them in
# the Werkplek (each revision is a new version); this migration never touches them again.

from django.db import migrations

BEVEILIGING = (
    "Toegang op rol en tweestapsverificatie voor medewerkers; BSN versleuteld (AES-256-GCM) en "
    "alleen als sleutelhash doorzoekbaar; elke verwerking in het logboek dataverwerkingen (BIO 12.4)."
)
NOG_VASTSTELLEN = " Voorstel; vast te stellen door de privacy officer volgens de Selectielijst gemeenten."

ACTIVITEITEN = [
    {
        "sleutel": "medewerkeraccounts-beheren",
        "naam": "Beheer van medewerkeraccounts",
        "doel": "Medewerkers, raads- en collegeleden toegang geven tot de Werkplek met de rollen die bij hun taak horen, en die toegang weer intrekken.",
        "grondslag": "AVG art. 6 lid 1 sub b en c; Baseline Informatiebeveiliging Overheid (BIO) 9.2 (beheer van toegangsrechten).",
        "categorieen_betrokkenen": "Medewerkers, raadsleden, collegeleden.",
        "categorieen_persoonsgegevens": "Naam, gebruikersnaam, e-mailadres, rollen, inloggegevens en -tijden.",
        "bewaartermijn": "Tot twee jaar na het einde van de toegang." + NOG_VASTSTELLEN,
    },
    {
        "sleutel": "inloggen-digid",
        "naam": "Inloggen van inwoners met DigiD",
        "doel": "Vaststellen wie een inwoner is en met welk betrouwbaarheidsniveau, zodat hij zijn eigen zaken kan regelen en inzien.",
        "grondslag": "AVG art. 6 lid 1 sub e; Wet digitale overheid; Wet algemene bepalingen burgerservicenummer art. 10.",
        "categorieen_betrokkenen": "Inwoners.",
        "categorieen_persoonsgegevens": "Burgerservicenummer, betrouwbaarheidsniveau, tijdstip van inloggen.",
        "ontvangers": "Logius (DigiD), via de DigiD-makelaar.",
        "bewaartermijn": "Zolang de sessie duurt; het logboek volgt zijn eigen bewaartermijn."
        + NOG_VASTSTELLEN,
    },
    {
        "sleutel": "inloggen-eherkenning",
        "naam": "Inloggen van ondernemers met eHerkenning",
        "doel": "Vaststellen namens welke onderneming iemand handelt en met welk betrouwbaarheidsniveau.",
        "grondslag": "AVG art. 6 lid 1 sub e; Wet digitale overheid.",
        "categorieen_betrokkenen": "Ondernemers (ook eenmanszaken) en hun handelende medewerkers.",
        "categorieen_persoonsgegevens": "KvK-nummer, vestigingsnummer, pseudoniem van de handelende persoon, betrouwbaarheidsniveau.",
        "ontvangers": "De eHerkenning-makelaar.",
        "bewaartermijn": "Zolang de sessie duurt; het logboek volgt zijn eigen bewaartermijn."
        + NOG_VASTSTELLEN,
    },
    {
        "sleutel": "persoonsgegevens-in-zaak-raadplegen",
        "naam": "Persoonsgegevens in een zaak raadplegen",
        "doel": "Een aanvraag, melding of klantcontact behandelen met de gegevens van de betrokken inwoner of ondernemer.",
        "grondslag": "AVG art. 6 lid 1 sub e; de wet waarop het product berust (zie de productbeschrijving); Algemene wet bestuursrecht.",
        "categorieen_betrokkenen": "Aanvragers, melders en andere betrokkenen bij een zaak.",
        "categorieen_persoonsgegevens": "Naam, adres, contactgegevens, burgerservicenummer, gegevens van de aanvraag.",
        "bewaartermijn": "Volgens de Selectielijst gemeenten voor het product." + NOG_VASTSTELLEN,
    },
    {
        "sleutel": "zoeken-op-bsn",
        "naam": "Zoeken op burgerservicenummer",
        "doel": "De zaken en contacten van één inwoner vinden, bijvoorbeeld aan de telefoon of aan de balie.",
        "grondslag": "AVG art. 6 lid 1 sub e; Wet algemene bepalingen burgerservicenummer art. 10.",
        "categorieen_betrokkenen": "Inwoners.",
        "categorieen_persoonsgegevens": "Burgerservicenummer en de gevonden zaken en contacten.",
        "bewaartermijn": "Alleen in het logboek dataverwerkingen." + NOG_VASTSTELLEN,
    },
    {
        "sleutel": "woo-verzoek-behandelen",
        "naam": "Woo-verzoeken behandelen",
        "doel": "Een verzoek om informatie behandelen: contact met de verzoeker, beoordelen en lakken van documenten, besluiten en openbaar maken.",
        "grondslag": "AVG art. 6 lid 1 sub c en e; Wet open overheid art. 4.1, 4.4 en 5.1.",
        "categorieen_betrokkenen": "Verzoekers; personen die in de documenten voorkomen; derde-belanghebbenden.",
        "categorieen_persoonsgegevens": "Naam en contactgegevens van de verzoeker; persoonsgegevens in de documenten, die vóór openbaarmaking worden gelakt.",
        "ontvangers": "Derde-belanghebbenden (zienswijze, Woo art. 4.4); na openbaarmaking: iedereen, zonder gelakte gegevens.",
        "bewaartermijn": "Volgens de Selectielijst gemeenten voor Woo-verzoeken." + NOG_VASTSTELLEN,
    },
    {
        "sleutel": "logboek-raadplegen",
        "naam": "Logboek dataverwerkingen raadplegen",
        "doel": "Verantwoorden welke persoonsgegevens zijn verwerkt, inzageverzoeken beantwoorden en misbruik opsporen.",
        "grondslag": "AVG art. 5 lid 2, art. 15, art. 30 en art. 32; BIO 12.4 (logging).",
        "categorieen_betrokkenen": "Iedereen van wie Raadhuis persoonsgegevens verwerkt; medewerkers.",
        "categorieen_persoonsgegevens": "Logregels: tijdstip, handeling, verwerkingsactiviteit, versleutelde identificatie van de betrokkene, handelende medewerker.",
        "bewaartermijn": "Zo lang als de langste bewaartermijn van de verwerkingen in het logboek."
        + NOG_VASTSTELLEN,
    },
    {
        "sleutel": "inzage-eigen-gegevens",
        "naam": "Inzage in eigen gegevens (Mijn gegevens)",
        "doel": "Een ingelogde inwoner of ondernemer laten zien wie zijn persoonsgegevens wanneer en waarvoor heeft verwerkt.",
        "grondslag": "AVG art. 15 (recht van inzage) en art. 12 lid 1; AVG art. 6 lid 1 sub c.",
        "categorieen_betrokkenen": "Ingelogde inwoners en ondernemers.",
        "categorieen_persoonsgegevens": "Burgerservicenummer of KvK-nummer; de logregels over de betrokkene.",
        "bewaartermijn": "Alleen in het logboek dataverwerkingen." + NOG_VASTSTELLEN,
    },
]


def vullen(apps, schema_editor):
    Verwerkingsactiviteit = apps.get_model("core", "Verwerkingsactiviteit")
    for gegevens in ACTIVITEITEN:
        Verwerkingsactiviteit.objects.get_or_create(
            sleutel=gegevens["sleutel"],
            versie=1,
            defaults={
                **{veld: waarde for veld, waarde in gegevens.items() if veld != "sleutel"},
                "beveiliging": BEVEILIGING,
                "toelichting": "Eerste versie, bij de ingebruikname van Raadhuis.",
                "vastgelegd_door": "Raadhuis (migratie core 0004)",
            },
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0003_logboek")]

    operations = [migrations.RunPython(vullen, migrations.RunPython.noop)]
