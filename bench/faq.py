"""Banc de mesure de la recherche de la FAQ sur PostgreSQL (pas un test).

    python bench/faq.py            # base jetable sur postgres://postgres@127.0.0.1:5432
    BENCH_FAQ_POSTGRES=postgres://utilisateur@hote:5432 python bench/faq.py

Crée une base jetable (``rh_tpe_bench_faq``), la migre, charge les articles réels de la FAQ puis
des variantes jusqu'à 5 000 articles (insertion directe, sans révision : on mesure la lecture ;
chaque variante : un article réel, son titre complété de quatre mots pris au hasard),
indexe le tout avec la configuration française ``rh_tpe_fr``, et affiche la médiane et le
95e centile de 50 recherches variées (fonction de recherche, puis page /faq/recherche complète)
et de l'affichage d'une page d'article. Objectif : recherche p95 ≤ 50 ms. La base est supprimée
à la fin (sauf avec ``BENCH_FAQ_GARDER=1``, pour l'examiner).
"""

from __future__ import annotations

import logging
import os
import random
import statistics
import sys
import time
from pathlib import Path

import psycopg

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE))
SERVEUR = os.environ.get("BENCH_FAQ_POSTGRES", "postgres://postgres@127.0.0.1:5432").rstrip("/")
BASE = "rh_tpe_bench_faq"
NOMBRE_ARTICLES = 5_000
QUESTIONS = [
    "periode d essai cdd", "période d'essai", "renouveler la periode d essai", "cdd motif",
    "duree maximale cdd", "combien de renouvellements cdd", "delai de carence",
    "carence entre deux cdd", "prime de precarite", "indemnite fin de contrat",
    "temps partiel minimum", "24 heures temps partiel", "heures supplementaires",
    "majoration heures sup", "heures complementaires", "smic", "montant du smic 2026",
    "salaire minimum", "bulletin de paie", "payer le salaire", "conges payes", "conge",
    "combien de jours de vacances", "conges arret maladie", "dates des conges", "mariage conge",
    "deces d un enfant", "arret maladie salaire", "maintien de salaire", "visite de reprise",
    "visite medicale embauche", "dpae", "declaration prealable a l embauche",
    "registre du personnel", "mutuelle obligatoire", "complementaire sante",
    "preavis licenciement", "indemnite de licenciement", "licencier un salarie",
    "entretien prealable", "rupture conventionnelle", "demission preavis", "certificat de travail",
    "solde de tout compte", "attestation france travail", "apprenti aide",
    "recruter discrimination", "contrat a duree determinee", "pause dejeuner",
    "repos hebdomadaire dimanche",
]  # fmt: skip


def _centile(valeurs: list[float], rang: float) -> float:
    triees = sorted(valeurs)
    return triees[min(len(triees) - 1, round(rang * (len(triees) - 1)))]


def _afficher(libelle: str, durees: list[float]) -> None:
    print(
        f"{libelle:38} médiane {statistics.median(durees) * 1000:6.1f} ms   "
        f"p95 {_centile(durees, 0.95) * 1000:6.1f} ms   ({len(durees)} mesures)"
    )


def _preparer_base() -> None:
    with psycopg.connect(f"{SERVEUR}/postgres", autocommit=True) as connexion:
        connexion.execute(f"DROP DATABASE IF EXISTS {BASE}")
        connexion.execute(f"CREATE DATABASE {BASE}")


def _supprimer_base() -> None:
    from django.db import connections

    connections.close_all()
    with psycopg.connect(f"{SERVEUR}/postgres", autocommit=True) as connexion:
        connexion.execute(f"DROP DATABASE IF EXISTS {BASE}")


def _chemin(parent_path: str, rang: int) -> str:
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    suffixe = ""
    for _ in range(4):
        rang, reste = divmod(rang, 36)
        suffixe = alphabet[reste] + suffixe
    return parent_path + suffixe


def _charger_variantes(nombre: int) -> None:
    """Des variantes des articles réels, insérées directement (pages publiées, sans révision)."""
    from django.db import transaction
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from rh_tpe.faq.models import FaqArticlePage

    hasard = random.Random(2026)
    modeles = list(FaqArticlePage.objects.all())
    mots = " ".join(m.texte_brut() for m in modeles).split()

    themes = {m.get_parent().pk: m.get_parent() for m in modeles}
    rangs = {pk: Page.objects.get(pk=pk).numchild for pk in themes}
    a_creer = nombre - len(modeles)
    with transaction.atomic():
        for numero in range(a_creer):
            modele = modeles[numero % len(modeles)]
            theme = themes[modele.get_parent().pk]
            rangs[theme.pk] += 1
            slug = f"{modele.slug}-{numero}"
            page = Page(
                title=f"{modele.title} ({' '.join(hasard.sample(mots, 4))})",
                draft_title=modele.title,
                slug=slug,
                content_type_id=modele.content_type_id,
                path=_chemin(theme.path, rangs[theme.pk]),
                depth=theme.depth + 1,
                numchild=0,
                url_path=f"{theme.url_path}{slug}/",
                live=True,
                locale_id=theme.locale_id,
                first_published_at=modele.first_published_at,
            )
            page.save_base(raw=True)
            article = FaqArticlePage(
                page_ptr=page,
                en_bref=modele.en_bref,
                corps=modele.corps.raw_data,
                relu_le=modele.relu_le,
                relu_par=modele.relu_par,
            )
            article.__dict__.update({k: v for k, v in page.__dict__.items() if k != "_state"})
            article.save_base(raw=True)
        for pk, rang in rangs.items():
            Page.objects.filter(pk=pk).update(numchild=rang)
    backend = get_search_backend()
    ids = list(FaqArticlePage.objects.values_list("pk", flat=True))
    for debut in range(0, len(ids), 500):
        backend.add_bulk(
            FaqArticlePage, list(FaqArticlePage.objects.filter(pk__in=ids[debut : debut + 500]))
        )


def main() -> int:
    try:
        _preparer_base()
    except psycopg.OperationalError as erreur:
        print(f"PostgreSQL injoignable ({SERVEUR}) : banc de la FAQ non lancé. {erreur}")
        return 0
    os.environ["DATABASE_URL"] = f"{SERVEUR}/{BASE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rh_tpe.settings")
    os.environ["DJANGO_LOG_LEVEL"] = "WARNING"
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,localhost"
    import django

    django.setup()
    logging.disable(logging.INFO)
    try:
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        from rh_tpe.faq.chargement import faq_charger
        from rh_tpe.faq.models import FaqArticlePage
        from rh_tpe.faq.selectors import rechercher

        debut = time.perf_counter()
        call_command("migrate", verbosity=0)
        faq_charger()
        _charger_variantes(NOMBRE_ARTICLES)
        with connection.cursor() as curseur:
            # Les statistiques que l'autovacuum tiendrait à jour en production : sans elles, le
            # planificateur n'utilise pas l'index GIN de la recherche (migration faq.0004).
            curseur.execute("ANALYZE")
        total = FaqArticlePage.objects.live().count()
        print(f"{total} articles chargés et indexés en {time.perf_counter() - debut:.0f} s")

        for question in QUESTIONS[:5]:  # échauffement
            rechercher(question)
        durees_fonction, durees_page, sans_resultat = [], [], []
        client = Client()
        for question in QUESTIONS:
            t = time.perf_counter()
            resultats, _total = rechercher(question, limite=10)
            durees_fonction.append(time.perf_counter() - t)
            if not resultats:
                sans_resultat.append(question)
            t = time.perf_counter()
            reponse = client.get("/faq/recherche", {"q": question})
            durees_page.append(time.perf_counter() - t)
            assert reponse.status_code == 200
        urls = [a.url for a in FaqArticlePage.objects.live().order_by("?")[:50]]
        client.get(urls[0])
        durees_article = []
        for url in urls:
            t = time.perf_counter()
            assert client.get(url).status_code == 200
            durees_article.append(time.perf_counter() - t)

        _afficher("recherche (10 résultats + extraits)", durees_fonction)
        _afficher("page /faq/recherche", durees_page)
        _afficher("page d'un article", durees_article)
        print("objectif : recherche p95 ≤ 50 ms")
        print(f"questions sans résultat : {sans_resultat or 'aucune'}")
    finally:
        if not os.environ.get("BENCH_FAQ_GARDER"):
            _supprimer_base()
    return 0


if __name__ == "__main__":
    sys.exit(main())
