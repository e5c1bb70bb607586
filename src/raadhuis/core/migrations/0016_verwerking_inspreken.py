# The register entry for inspreken (AVG art. 30): core.logboek.vastleggen refuses unregistered
# activities. With the other register migrations in core, so tests re-seed it after a flush.

from django.db import migrations

ACTIVITEIT = {
    "sleutel": "inspreken",
    "naam": "Inspreken bij vergaderingen van de raad en zijn commissies",
    "doel": "Aanmeldingen om in te spreken ontvangen, beoordelen en bevestigen, en de insprekers op de "
    "openbare agenda noemen als zij daarvoor toestemming gaven.",
    "grondslag": "AVG art. 6 lid 1 sub e (het organiseren van de vergadering volgens het Reglement van Orde); "
    "het publiceren van de naam op grond van toestemming (art. 6 lid 1 sub a).",
    "categorieen_betrokkenen": "Insprekers (inwoners, vertegenwoordigers van organisaties).",
    "categorieen_persoonsgegevens": "Naam, organisatie en KvK-nummer (niet verplicht), e-mailadres, "
    "telefoonnummer (niet verplicht), samenvatting van de inbreng, toestemming voor publicatie van de naam.",
    "bewaartermijn": "Contactgegevens en samenvatting tot 4 weken na de vergadering; de naam alleen als die "
    "met toestemming op de openbare agenda staat.",
}


def vullen(apps, schema_editor):
    Verwerkingsactiviteit = apps.get_model("core", "Verwerkingsactiviteit")
    Verwerkingsactiviteit.objects.get_or_create(
        sleutel=ACTIVITEIT["sleutel"],
        versie=1,
        defaults={
            **{veld: waarde for veld, waarde in ACTIVITEIT.items() if veld != "sleutel"},
            "beveiliging": "De link om in te trekken bevat een HMAC onder de geheime sleutel; alleen de griffie "
            "ziet de contactgegevens; elke verwerking staat in het logboek.",
            "toelichting": "Eerste versie, bij de invoering van inspreken.",
            "vastgelegd_door": "Raadhuis (migratie core 0016)",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0015_verwerking_partners")]

    operations = [migrations.RunPython(vullen, migrations.RunPython.noop)]
