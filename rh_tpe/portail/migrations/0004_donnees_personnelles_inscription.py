"""La page « Données personnelles » dit qu'un espace jamais confirmé est effacé au bout de sept
jours (`comptes.services.INSCRIPTION_NON_CONFIRMEE_GARDEE`, appliqué par `purger_donnees`).

Comme la migration 0003, seule une page jamais modifiée dans Wagtail est mise à jour.
"""

from django.db import migrations

AVANT = """<li>un compte sans connexion pendant trois ans est supprimé, après un e-mail d'avertissement un
mois avant ;</li>"""

APRES = """<li>un espace dont l'adresse e-mail n'a jamais été confirmée (lien envoyé à l'inscription)
est supprimé sept jours après l'inscription ;</li>
""" + AVANT


def mettre_a_jour(apps, schema_editor):
    PageSimple = apps.get_model("portail.PageSimple")
    page = PageSimple.objects.filter(
        slug="donnees-personnelles", latest_revision__isnull=True
    ).first()
    if page is None or AVANT not in page.corps or APRES in page.corps:
        return
    page.corps = page.corps.replace(AVANT, APRES)
    page.save(update_fields=["corps"])


class Migration(migrations.Migration):
    dependencies = [("portail", "0003_donnees_personnelles_durees")]

    operations = [migrations.RunPython(mettre_a_jour, migrations.RunPython.noop)]
