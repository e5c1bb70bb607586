# The register entry for e-mail notifications about council meetings (AVG art. 30): a data
# migration for the same reason as 0004 (core.logboek.vastleggen refuses unregistered activities).

from django.db import migrations

ACTIVITEIT = {
    "sleutel": "meldingen-abonnementen",
    "naam": "Meldingen over vergaderingen en besluiten per e-mail",
    "doel": "Inwoners die daarom vragen per e-mail laten weten dat een agenda of besluitenlijst van de raad, "
    "het college of een commissie is gepubliceerd.",
    "grondslag": "AVG art. 6 lid 1 sub a (toestemming, bevestigd via een link in een e-mail; met één klik in te trekken).",
    "categorieen_betrokkenen": "Abonnees (inwoners, ondernemers, belangstellenden).",
    "categorieen_persoonsgegevens": "E-mailadres, gekozen organen, taal, tijdstip van aanmelden en bevestigen.",
    "bewaartermijn": "Tot het abonnement wordt opgezegd; een niet-bevestigde aanmelding na 7 dagen.",
}


def vullen(apps, schema_editor):
    Verwerkingsactiviteit = apps.get_model("core", "Verwerkingsactiviteit")
    Verwerkingsactiviteit.objects.get_or_create(
        sleutel=ACTIVITEIT["sleutel"],
        versie=1,
        defaults={
            **{veld: waarde for veld, waarde in ACTIVITEIT.items() if veld != "sleutel"},
            "beveiliging": "Alleen de SHA-256 van de sleutel in de links wordt bewaard; e-mailadressen zijn "
            "alleen voor het versturen van meldingen in gebruik; elke aan- en afmelding staat in het logboek.",
            "toelichting": "Eerste versie, bij de invoering van meldingen.",
            "vastgelegd_door": "Raadhuis (migratie core 0007)",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0006_begrotingsprogramma")]

    operations = [migrations.RunPython(vullen, migrations.RunPython.noop)]
