"""Sur PostgreSQL : un index GIN sur ``title || body`` de l'index de recherche de Wagtail.

Le moteur de Wagtail (base de données) filtre les entrées par ``(title || body) @@ requête`` :
sans index sur cette expression, PostgreSQL compare la requête à toutes les entrées (≈ 30 ms
pour 5 000 articles). Avec lui, seules les entrées qui contiennent les mots sont lues
(voir bench/faq.py). Rien à faire sur SQLite (table FTS5).
"""

from django.db import migrations

CREER = (
    "CREATE INDEX IF NOT EXISTS faq_recherche_titre_corps "
    "ON wagtailsearch_indexentry USING GIN ((title || body));"
)
SUPPRIMER = "DROP INDEX IF EXISTS faq_recherche_titre_corps;"


def creer(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREER)


def supprimer(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SUPPRIMER)


class Migration(migrations.Migration):
    dependencies = [
        ("faq", "0003_recherche_postgresql"),
        ("wagtailsearch", "0008_remove_query_and_querydailyhits_models"),
    ]

    operations = [migrations.RunPython(creer, supprimer)]
