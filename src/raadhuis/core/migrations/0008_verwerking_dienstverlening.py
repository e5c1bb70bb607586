# The register entries for public service delivery (AVG art. 30): intake and handling of requests,
# and appointments. A data migration for the same reason as 0004 (core.logboek.vastleggen refuses
# unregistered activities).

from django.db import migrations

BEVEILIGING = (
    "Toegang op rol en tweestapsverificatie voor medewerkers; inwoners en ondernemers zien alleen hun eigen "
    "zaken en afspraken na DigiD of eHerkenning; elke verwerking in het logboek dataverwerkingen (BIO 12.4)."
)
NOG_VASTSTELLEN = " Voorstel; vast te stellen door de privacy officer volgens de Selectielijst gemeenten."

ACTIVITEITEN = [
    {
        "sleutel": "aanvraag-behandelen",
        "naam": "Aanvragen en meldingen van inwoners en ondernemers behandelen",
        "doel": "Een aanvraag of melding (verhuizing, aangifte overlijden, huwelijk, reisdocument, rijbewijs, "
        "uittreksel, vraag) ontvangen via elk kanaal, behandelen, de aanvrager op de hoogte houden en afhandelen.",
        "grondslag": "AVG art. 6 lid 1 sub c en e; de wet waarop het product berust (Wet BRP, Burgerlijk Wetboek "
        "boek 1, Paspoortwet, Wegenverkeerswet 1994); Algemene wet bestuursrecht.",
        "categorieen_betrokkenen": "Aanvragers (inwoners, ondernemers en hun contactpersonen) en andere betrokkenen.",
        "categorieen_persoonsgegevens": "Burgerservicenummer of KvK-nummer, naam, adres, contactgegevens, "
        "de gegevens van de aanvraag en meegestuurde documenten.",
        "bewaartermijn": "Volgens de Selectielijst gemeenten voor het product." + NOG_VASTSTELLEN,
    },
    {
        "sleutel": "afspraak-maken",
        "naam": "Afspraken aan de balie en huwelijksceremonies plannen",
        "doel": "Een afspraak aan de balie of een ceremonie reserveren, verzetten en annuleren, en de bezoeker "
        "een bevestiging sturen.",
        "grondslag": "AVG art. 6 lid 1 sub e; de wet waarop het product berust.",
        "categorieen_betrokkenen": "Bezoekers, aanstaande partners.",
        "categorieen_persoonsgegevens": "Naam, e-mailadres, telefoonnummer, burgerservicenummer (na DigiD), "
        "datum, tijd en soort afspraak.",
        "bewaartermijn": "Tot drie maanden na de afspraak." + NOG_VASTSTELLEN,
    },
]


def vullen(apps, schema_editor):
    Verwerkingsactiviteit = apps.get_model("core", "Verwerkingsactiviteit")
    for activiteit in ACTIVITEITEN:
        Verwerkingsactiviteit.objects.get_or_create(
            sleutel=activiteit["sleutel"],
            versie=1,
            defaults={
                **{veld: waarde for veld, waarde in activiteit.items() if veld != "sleutel"},
                "beveiliging": BEVEILIGING,
                "toelichting": "Eerste versie, bij de invoering van zaken en afspraken.",
                "vastgelegd_door": "Raadhuis (migratie core 0008)",
            },
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0007_verwerking_abonnementen")]

    operations = [migrations.RunPython(vullen, migrations.RunPython.noop)]
