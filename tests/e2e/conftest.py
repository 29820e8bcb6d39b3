"""Tests de navigateur : le Chromium de Debian piloté par Playwright, contre le serveur de test."""

import importlib
import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, Locale, Page

from rh_tpe.comptes.models import Organisation
from tests.conftest import CHROMIUM

# Playwright (API synchrone) tourne dans une boucle asyncio : Django doit accepter les requêtes
# à la base faites par le test lui-même pendant ce temps.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

TELEPHONE = {"width": 375, "height": 740}
# Le plus petit écran que la WCAG demande de servir sans défilement horizontal (1.4.10).
ETROIT = {"width": 320, "height": 740}
# Les espacements du texte qu'un utilisateur peut imposer à la page (WCAG 1.4.12).
ESPACEMENT_DU_TEXTE = (
    "* { line-height: 1.5 !important; letter-spacing: .12em !important;"
    " word-spacing: .16em !important; } p { margin-bottom: 2em !important; }"
)


# Les données que créent les migrations du projet, dans l'ordre.
_MIGRATIONS_DE_DONNEES = [
    ("rh_tpe.comptes.migrations.0002_organisations", "creer_organisations"),
    ("rh_tpe.portail.migrations.0002_pages_initiales", "creer_pages"),
    ("rh_tpe.portail.migrations.0003_donnees_personnelles_durees", "mettre_a_jour"),
    ("rh_tpe.portail.migrations.0004_donnees_personnelles_inscription", "mettre_a_jour"),
    ("rh_tpe.faq.migrations.0002_arbre_et_relecture", "creer_arbre_et_relecture"),
]


@pytest.fixture(autouse=True)
def _donnees_des_migrations(transactional_db):
    """Recrée les données des migrations (organisations, arbre des pages Wagtail).

    Un test transactionnel vide la base en finissant ; `serialized_rollback` ne peut pas les
    restaurer ici, car Playwright fait tourner le test dans une boucle asyncio où Django
    (asgiref) ouvre une autre connexion, sans la copie faite à la création de la base.
    """
    if Organisation.objects.exists():
        return
    ContentType.objects.clear_cache()  # les identifiants d'avant le vidage ne valent plus
    for config in apps.get_app_configs():
        create_contenttypes(config, verbosity=0)
        create_permissions(config, verbosity=0)
    # La racine de l'arbre Wagtail, sa langue et la collection racine des images et documents
    # (migrations de Wagtail).
    locale, _ = Locale.objects.get_or_create(language_code="fr")
    Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    Collection.add_root(name="Root")
    for module, fonction in _MIGRATIONS_DE_DONNEES:
        getattr(importlib.import_module(module), fonction)(apps, None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-FR"}


@pytest.fixture(autouse=True)
def violations_csp(browser, monkeypatch):
    """Chaque page ouverte pendant un test de navigateur est écoutée : une ressource bloquée par
    la politique de sécurité du contenu (script ou style en ligne, domaine extérieur) fait
    échouer le test. Un test qui provoque une violation exprès vide la liste lui-même."""
    vues: list[str] = []
    nouveau_contexte = browser.new_context

    def ecouter(page):
        page.on(
            "console",
            lambda m: (
                vues.append(f"{page.url} : {m.text}")
                if "Content Security Policy" in m.text
                else None
            ),
        )

    def contexte_ecoute(*args, **kwargs):
        contexte = nouveau_contexte(*args, **kwargs)
        contexte.on("page", ecouter)
        return contexte

    monkeypatch.setattr(browser, "new_context", contexte_ecoute)
    yield vues
    assert vues == [], vues


@pytest.fixture
def telephone(browser):
    """Une page de la taille d'un téléphone."""
    contexte = browser.new_context(viewport=TELEPHONE, locale="fr-FR", is_mobile=True)
    page = contexte.new_page()
    yield page
    contexte.close()


_AXE = Axe()


def violations_graves(page) -> list[str]:
    """Les violations axe-core « serious » ou « critical » de la page affichée."""
    resultats = _AXE.run(page)
    return [
        f"{v['id']} ({v['impact']}) : {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in resultats.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def deborde(page) -> bool:
    """La page défile horizontalement (WCAG 1.4.10)."""
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


def boutons_tronques(page) -> list[str]:
    """Les boutons du contenu dont le libellé est coupé : le DSFR ne montre que l'icône d'un
    bouton à icône placé dans un groupe sans « fr-btns-group--icon-left »."""
    return page.locator("main .fr-btn").evaluate_all(
        "bs => bs.filter(b => b.offsetWidth && b.scrollWidth > b.clientWidth + 1)"
        ".map(b => b.textContent.trim())"
    )


def se_connecter(page, live_server, email: str, mot_de_passe: str) -> None:
    """Remplit et envoie le formulaire de connexion du portail (sans attendre la page suivante :
    chaque test dit ce qu'il attend)."""
    page.goto(f"{live_server.url}/comptes/connexion/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(mot_de_passe)
    page.get_by_role("button", name="Se connecter").click()
