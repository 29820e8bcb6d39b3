"""La page « Données personnelles » dit les durées que `purger_donnees` applique et la
suppression de son compte depuis « Mon espace ».

Seule une page encore telle que l'a créée la migration 0002 (jamais modifiée dans Wagtail) est
mise à jour : le texte d'un éditeur n'est jamais écrasé.
"""

from django.db import migrations

DUREES_AVANT = """<p>Les durées suivent le référentiel de la CNIL relatif à la gestion du personnel : les données
d'un compte inactif sont supprimées après trois ans sans connexion ; les documents générés et les
échanges sont conservés pendant la durée utile à l'entreprise, puis supprimés ou archivés selon
ce référentiel.</p>"""

DUREES_APRES = """<p>Les durées suivent le Code du travail et le référentiel de la CNIL relatif à la gestion du
personnel :</p>
<ul>
<li>un parcours d'embauche commencé et jamais terminé est supprimé deux ans après sa dernière
modification ;</li>
<li>les données d'un salarié et ses contrats sont supprimés cinq ans après son départ de
l'entreprise (durée de conservation du registre unique du personnel) ;</li>
<li>un compte sans connexion pendant trois ans est supprimé, après un e-mail d'avertissement un
mois avant ;</li>
<li>les échanges avec le guichet sont conservés pendant la durée utile à l'entreprise, puis
supprimés ou archivés selon ce référentiel.</li>
</ul>"""

DROITS_AVANT = """<p>Vous pouvez accéder à vos données, les rectifier, les effacer ou vous opposer à leur
traitement en écrivant à l'opérateur du service."""

DROITS_APRES = """<p>Vous pouvez supprimer vous-même votre compte depuis « Mon espace ». Vous pouvez aussi
accéder à vos données, les rectifier, les effacer ou vous opposer à leur traitement en écrivant à
l'opérateur du service."""


def mettre_a_jour(apps, schema_editor):
    PageSimple = apps.get_model("portail.PageSimple")
    page = PageSimple.objects.filter(
        slug="donnees-personnelles", latest_revision__isnull=True
    ).first()
    if page is None or DUREES_AVANT not in page.corps or DROITS_AVANT not in page.corps:
        return
    page.corps = page.corps.replace(DUREES_AVANT, DUREES_APRES).replace(
        DROITS_AVANT, DROITS_APRES
    )
    page.save(update_fields=["corps"])


class Migration(migrations.Migration):
    dependencies = [("portail", "0002_pages_initiales")]

    operations = [migrations.RunPython(mettre_a_jour, migrations.RunPython.noop)]
