# The register entries for klantcontacten and satisfaction surveys (AVG art. 30). A data migration for
# the same reason as 0004 (core.logboek.vastleggen refuses unregistered activities).

from django.db import migrations

BEVEILIGING = (
    "Toegang op rol en tweestapsverificatie voor medewerkers; elke verwerking in het logboek dataverwerkingen "
    "(BIO 12.4), ook het inzien van het klantbeeld."
)
NOG_VASTSTELLEN = " Voorstel; vast te stellen door de privacy officer volgens de Selectielijst gemeenten."

ACTIVITEITEN = [
    {
        "sleutel": "klantcontact-registreren",
        "naam": "Klantcontacten vastleggen, beantwoorden en terugbellen",
        "doel": "Een vraag of contact via balie, telefoon, e-mail, brief, chat, webformulier of sociale media "
        "vastleggen, beantwoorden of een terugbelverzoek uitzetten, en alle contacten en zaken van een inwoner "
        "of ondernemer samen tonen (klantbeeld).",
        "grondslag": "AVG art. 6 lid 1 sub e; Algemene wet bestuursrecht (art. 2:3 doorzenden, art. 9:1 klachten).",
        "categorieen_betrokkenen": "Inwoners, ondernemers en hun contactpersonen die contact opnemen.",
        "categorieen_persoonsgegevens": "Burgerservicenummer of KvK-nummer, naam, e-mailadres, telefoonnummer, "
        "de vraag en het antwoord.",
        "bewaartermijn": "Twee jaar na het contact." + NOG_VASTSTELLEN,
    },
    {
        "sleutel": "klanttevredenheid-meten",
        "naam": "Klanttevredenheid meten na een zaak of contact",
        "doel": "Een uitnodiging voor een korte vragenlijst sturen of aan de balie geven en de antwoorden "
        "anoniem verwerken tot cijfers per kanaal, product en team.",
        "grondslag": "AVG art. 6 lid 1 sub e (goede dienstverlening, Gemeentewet art. 160); deelname is vrijwillig.",
        "categorieen_betrokkenen": "Aanvragers van wie een zaak is afgesloten of een contact is beëindigd.",
        "categorieen_persoonsgegevens": "E-mailadres (alleen om de uitnodiging te sturen); de antwoorden zijn "
        "anoniem en open opmerkingen worden op persoonsgegevens gecontroleerd voordat iemand ze ziet.",
        "bewaartermijn": "Antwoorden zonder persoonsgegevens vijf jaar; uitnodigingen drie maanden."
        + NOG_VASTSTELLEN,
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
                "toelichting": "Eerste versie, bij de invoering van klantcontacten en KTO.",
                "vastgelegd_door": "Raadhuis (migratie core 0009)",
            },
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0008_verwerking_dienstverlening")]

    operations = [migrations.RunPython(vullen, migrations.RunPython.noop)]
