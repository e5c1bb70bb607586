# The register entry for contact persons of maatschappelijke partners (AVG art. 30). A data migration
# for the same reason as core 0004 (core.logboek.vastleggen refuses unregistered activities). Keep it
# with the other register migrations of core.

from django.db import migrations

ACTIVITEIT = {
    "sleutel": "partner-contactpersonen",
    "naam": "Contactpersonen van maatschappelijke partners bijhouden",
    "doel": "Weten wie de gemeente kan bellen of mailen bij een partner waarmee zij samenwerkt, een convenant "
    "sluit of een subsidie verstrekt.",
    "grondslag": "AVG art. 6 lid 1 sub e (Gemeentewet art. 160: uitvoering van de taken van het college).",
    "categorieen_betrokkenen": "Medewerkers en bestuurders van maatschappelijke partners.",
    "categorieen_persoonsgegevens": "Naam, functie, zakelijk e-mailadres en zakelijk telefoonnummer.",
    "bewaartermijn": "Zolang de persoon contactpersoon is; verwijderen bij vertrek of einde van de samenwerking. "
    "Voorstel; vast te stellen door de privacy officer volgens de Selectielijst gemeenten.",
    "beveiliging": "Alleen zichtbaar voor medewerkers die partners of subsidies beheren, nooit op de openbare "
    "site; elke inzage en wijziging in het logboek dataverwerkingen (BIO 12.4).",
}


def vullen(apps, schema_editor):
    Verwerkingsactiviteit = apps.get_model("core", "Verwerkingsactiviteit")
    Verwerkingsactiviteit.objects.get_or_create(
        sleutel=ACTIVITEIT["sleutel"],
        versie=1,
        defaults={
            **{veld: waarde for veld, waarde in ACTIVITEIT.items() if veld != "sleutel"},
            "toelichting": "Eerste versie, bij de invoering van maatschappelijke partners.",
            "vastgelegd_door": "Raadhuis (migratie core 0015)",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0014_verwerking_petities")]

    operations = [migrations.RunPython(vullen, migrations.RunPython.noop)]
