"""Les deux organisations du guichet existent partout, pas seulement dans les données de démo."""

from django.db import migrations

ORGANISATIONS = [
    ("cci", "CCI du Lot"),
    ("dreets", "DREETS Occitanie — unité départementale du Lot"),
]


def creer_organisations(apps, schema_editor):
    Organisation = apps.get_model("comptes", "Organisation")
    for code, nom in ORGANISATIONS:
        Organisation.objects.update_or_create(code=code, defaults={"nom": nom})


class Migration(migrations.Migration):
    dependencies = [("comptes", "0001_initial")]

    operations = [migrations.RunPython(creer_organisations, migrations.RunPython.noop)]
