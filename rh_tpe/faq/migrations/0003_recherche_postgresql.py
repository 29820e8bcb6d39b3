"""Sur PostgreSQL : la configuration de recherche « rh_tpe_fr » (français, sans accents).

Copie de la configuration ``french`` où les mots passent d'abord par ``unaccent`` : « période »
et « periode » donnent la même racine. Les réglages la choisissent (``SEARCH_CONFIG``) quand la
base est PostgreSQL. Sur SQLite, rien à faire : voir ``rh_tpe/faq/recherche.py``.
"""

from django.db import migrations

CREER = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'rh_tpe_fr') THEN
        CREATE TEXT SEARCH CONFIGURATION rh_tpe_fr (COPY = pg_catalog.french);
        ALTER TEXT SEARCH CONFIGURATION rh_tpe_fr
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;
"""
SUPPRIMER = "DROP TEXT SEARCH CONFIGURATION IF EXISTS rh_tpe_fr;"


def creer(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREER)


def supprimer(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SUPPRIMER)


class Migration(migrations.Migration):
    dependencies = [("faq", "0002_arbre_et_relecture")]

    operations = [migrations.RunPython(creer, supprimer)]
