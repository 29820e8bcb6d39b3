"""Recherche dans les questions de la file : un index trigrammes sur PostgreSQL.

La file cherche par `question__icontains`, que Django traduit en
`UPPER(question::text) LIKE UPPER(%motif%)` : sans index, PostgreSQL lit toute la table (plus de
400 ms à 100 000 dossiers). Un index GIN `gin_trgm_ops` sur cette même expression sert ce LIKE.
SQLite n'a pas cet index : la recherche y reste un parcours de table, suffisant pour un poste.
"""

from django.db import migrations

CREER = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS dossiers_question_trgm "
    "ON dossiers_dossier USING gin (UPPER(question::text) gin_trgm_ops)",
]
SUPPRIMER = ["DROP INDEX IF EXISTS dossiers_question_trgm"]


def _executer(requetes):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for requete in requetes:
            schema_editor.execute(requete)

    return operation


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0001_initial")]

    operations = [migrations.RunPython(_executer(CREER), _executer(SUPPRIMER))]
