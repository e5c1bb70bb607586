# Fills the workflow-analysis columns added in 0003 for cases that existed before: the status path
# on the case and, per status entry, the status before it and the seconds spent there.

from django.db import migrations

BLOK = 2000


def vullen(apps, schema_editor):
    Zaak = apps.get_model("dienstverlening", "Zaak")
    Zaakstatus = apps.get_model("dienstverlening", "Zaakstatus")
    zaak_ids = list(Zaak.objects.filter(statuspad="").values_list("id", flat=True))
    for begin in range(0, len(zaak_ids), BLOK):
        blok = zaak_ids[begin : begin + BLOK]
        paden: dict[int, list[str]] = {}
        vorige: dict[int, object] = {}
        gewijzigd = []
        for status in (
            Zaakstatus.objects.filter(zaak_id__in=blok)
            .select_related("statustype")
            .order_by("zaak_id", "datum_status_gezet", "id")
        ):
            eerder = vorige.get(status.zaak_id)
            if eerder is not None:
                status.vorige_statustype_id = eerder.statustype_id
                status.seconden_sinds_vorige = max(
                    0, int((status.datum_status_gezet - eerder.datum_status_gezet).total_seconds())
                )
                gewijzigd.append(status)
            vorige[status.zaak_id] = status
            paden.setdefault(status.zaak_id, []).append(str(status.statustype.volgnummer))
        Zaakstatus.objects.bulk_update(
            gewijzigd, ["vorige_statustype", "seconden_sinds_vorige"], batch_size=1000
        )
        zaken = list(Zaak.objects.filter(id__in=paden))
        for zaak in zaken:
            zaak.statuspad = "-".join(paden[zaak.id])[:400]
        Zaak.objects.bulk_update(zaken, ["statuspad"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("dienstverlening", "0003_klantcontacten_kto_procesanalyse"),
        ("core", "0009_verwerking_klantcontacten"),
    ]

    operations = [migrations.RunPython(vullen, migrations.RunPython.noop)]
