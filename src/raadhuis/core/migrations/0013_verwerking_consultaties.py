# The register entries for reactions to consultations and for notifications about meedoen (AVG art. 30).
# A data migration for the same reason as 0004 (core.logboek.vastleggen refuses unregistered activities).

from django.db import migrations

NOG_VASTSTELLEN = " Voorstel; vast te stellen door de privacy officer volgens de Selectielijst gemeenten."

ACTIVITEITEN = [
    {
        "sleutel": "consultatie-reacties",
        "naam": "Reacties op consultaties (inspraak) ontvangen, modereren en beantwoorden",
        "doel": "Reacties op een ontwerp dat de raad of het college ter consultatie voorlegt ontvangen, de "
        "ontvangst bevestigen, openbare reacties modereren en in de nota van beantwoording beantwoorden.",
        "grondslag": "AVG art. 6 lid 1 sub e (inspraak, Gemeentewet art. 150 en de inspraakverordening); "
        "openbaar maken van de naam alleen met toestemming (art. 6 lid 1 sub a).",
        "categorieen_betrokkenen": "Inwoners, ondernemers en organisaties die reageren.",
        "categorieen_persoonsgegevens": "Naam, e-mailadres, organisatie (niet verplicht), de reactie en de keuze "
        "of die openbaar is, met of zonder naam.",
        "bewaartermijn": "Het e-mailadres tot de nota van beantwoording is gepubliceerd; naam en reactie "
        "zolang het dossier van het besluit." + NOG_VASTSTELLEN,
    },
    {
        "sleutel": "meldingen-meedoen",
        "naam": "Meldingen over consultaties en petities per e-mail",
        "doel": "Inwoners die daarom vragen per e-mail laten weten dat een consultatie of petitie is geopend "
        "of een nota van beantwoording is gepubliceerd.",
        "grondslag": "AVG art. 6 lid 1 sub a (toestemming, bevestigd via een link in een e-mail; met één klik in te trekken).",
        "categorieen_betrokkenen": "Abonnees (inwoners, ondernemers, belangstellenden).",
        "categorieen_persoonsgegevens": "E-mailadres, gekozen onderwerpen, taal, tijdstip van aanmelden en bevestigen.",
        "bewaartermijn": "Tot het abonnement wordt opgezegd; een niet-bevestigde aanmelding na 7 dagen.",
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
                "beveiliging": "Toegang op rol voor medewerkers; elke verwerking in het logboek dataverwerkingen "
                "(BIO 12.4); links in e-mails dragen een HMAC onder de geheime sleutel.",
                "toelichting": "Eerste versie, bij de invoering van consultaties.",
                "vastgelegd_door": "Raadhuis (migratie core 0012)",
            },
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0012_uitgaande_taken")]

    operations = [migrations.RunPython(vullen, migrations.RunPython.noop)]
