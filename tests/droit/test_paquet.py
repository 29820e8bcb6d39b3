"""Le paquet : API publique documentée, données versionnées, aucune dépendance à Django."""

import ast
import inspect
import re
from datetime import date
from pathlib import Path

import rh_tpe.droit as droit
from rh_tpe.droit import VERSION_REGLES, regle, versions_baremes

RACINE = Path(droit.__file__).parent
# Un article du Code du travail, ou du RGPD pour les durées de conservation des comptes.
ARTICLE = re.compile(r"\b[LRD]\d{3,4}-\d+|\bRGPD art\. \d+")


def test_chaque_fonction_publique_a_une_docstring() -> None:
    for nom in droit.__all__:
        objet = getattr(droit, nom)
        if inspect.isfunction(objet) or inspect.isclass(objet):
            assert inspect.getdoc(objet), nom


def test_les_fonctions_de_regle_citent_un_article() -> None:
    for nom in droit.__all__:
        objet = getattr(droit, nom)
        module = getattr(objet, "__module__", "").split(".")[-1]
        if inspect.isfunction(objet) and module not in {"versions", "donnees", "calendrier"}:
            assert ARTICLE.search(inspect.getdoc(objet) or ""), nom


def test_le_paquet_n_importe_pas_django() -> None:
    for fichier in RACINE.glob("*.py"):
        arbre = ast.parse(fichier.read_text(encoding="utf-8"))
        for noeud in ast.walk(arbre):
            if isinstance(noeud, ast.Import):
                assert not any(a.name.split(".")[0] == "django" for a in noeud.names), fichier
            if isinstance(noeud, ast.ImportFrom):
                assert (noeud.module or "").split(".")[0] != "django", fichier


def test_versions_des_baremes_pour_un_document() -> None:
    versions = versions_baremes(date(2026, 7, 1))
    assert versions["regles"] == VERSION_REGLES
    assert versions["smic_horaire"] == "smic_horaire@2026-06-01"
    assert versions_baremes(date(2020, 1, 1))["smic_horaire"] == "hors série"


def test_une_regle_porte_son_article_et_sa_confiance() -> None:
    essai = regle("essai.cdi.cadre.initiale")
    assert (essai.article, essai.legiarti, essai.confiance) == (
        "L1221-19 3°",
        "LEGIARTI000019071113",
        "certain",
    )
