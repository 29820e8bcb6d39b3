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


def test_les_baremes_a_prolonger_sont_ceux_qui_s_arretent_dans_le_delai() -> None:
    from datetime import timedelta

    from rh_tpe.droit.donnees import NOMS_BAREMES

    fins = {nom: droit.bareme(nom).versions[-1].fin for nom in NOMS_BAREMES}
    for nom, fin in fins.items():
        juste_avant = droit.baremes_a_prolonger(fin - timedelta(days=44), delai_jours=45)
        trop_tot = droit.baremes_a_prolonger(fin - timedelta(days=45), delai_jours=45)
        apres = droit.baremes_a_prolonger(fin + timedelta(days=3), delai_jours=45)

        assert nom in {version.bareme for version in juste_avant}
        assert nom in {version.bareme for version in apres}
        # Trop tôt pour lui ; les autres barèmes peuvent s'arrêter plus tôt que lui.
        assert {v.bareme for v in trop_tot} == {n for n, f in fins.items() if f < fin}
        # La version annoncée est la dernière de la série, celle qui s'arrête.
        assert [v.fin for v in apres if v.bareme == nom] == [fin]
