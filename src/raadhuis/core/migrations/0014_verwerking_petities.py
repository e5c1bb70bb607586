# The register entry for petitions and burgerinitiatieven (AVG art. 30): a data migration for the
# same reason as 0004 (core.logboek.vastleggen refuses unregistered activities).

from django.db import migrations

ACTIVITEIT = {
    "sleutel": "petities-en-burgerinitiatieven",
    "naam": "Petities en burgerinitiatieven indienen en ondertekenen",
    "doel": "Een petitie of burgerinitiatief aan de raad ontvangen, ondertekeningen tellen (een per persoon) "
    "en de initiatiefnemer en wie daarom vraagt op de hoogte houden van de afhandeling.",
    "grondslag": "AVG art. 6 lid 1 sub e (Grondwet art. 5, petitierecht; Verordening burgerinitiatief); "
    "voor op de hoogte houden: sub a (toestemming).",
    "categorieen_betrokkenen": "Initiatiefnemers en ondertekenaars.",
    "categorieen_persoonsgegevens": "Naam en e-mailadres van de initiatiefnemer; van ondertekenaars alleen een "
    "sleutel-hash van BSN of e-mailadres, en het e-mailadres als zij op de hoogte willen blijven.",
    "bewaartermijn": "E-mailadressen tot de afhandeling van de petitie; een niet-bevestigde ondertekening "
    "7 dagen; de hashes zolang de petitie wordt bewaard.",
}


def vullen(apps, schema_editor):
    Verwerkingsactiviteit = apps.get_model("core", "Verwerkingsactiviteit")
    Verwerkingsactiviteit.objects.get_or_create(
        sleutel=ACTIVITEIT["sleutel"],
        versie=1,
        defaults={
            **{veld: waarde for veld, waarde in ACTIVITEIT.items() if veld != "sleutel"},
            "beveiliging": "Geen BSN of e-mailadres van ondertekenaars in de database, alleen een HMAC onder "
            "de geheime sleutel per petitie; alleen aantallen openbaar; elke verwerking in het logboek.",
            "toelichting": "Eerste versie, bij de invoering van petities.",
            "vastgelegd_door": "Raadhuis (migratie core 0012)",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0013_verwerking_consultaties")]

    operations = [migrations.RunPython(vullen, migrations.RunPython.noop)]
