"""Aucun article de la FAQ n'écrit en dur un chiffre légal qui a sa règle dans rh_tpe.droit.

Les textes sont lus dans ``contenu/*.toml`` (sans base de données) ; les jetons sont retirés avant
la recherche, puis on vérifie qu'ils s'affichent bien.
"""

import re
import tomllib
from datetime import date
from importlib import resources

import pytest

from rh_tpe.faq import valeurs

JETON = re.compile(r"\[\[[^\]]*\]\]")
_ESPACE = r"[\s\u00a0\u202f]"
_NON_TEXTE = {"numero", "slug", "type", "relu_par"}

# Chiffre écrit en dur → la règle (ou le jeton calculé) qui le remplace.
CHIFFRES_CONVERTIS = {
    rf"151{_ESPACE}?[,.]{_ESPACE}?67": "heures_mensuelles_duree_legale (L3121-27, L3242-1)",
    rf"1{_ESPACE}?500{_ESPACE}*(€|euros)": "paiement.especes.plafond_mensuel (L3241-1)",
    r"\b90\s*%": "maladie.indemnite_complementaire.taux_premiere_periode (D1226-1)",
    r"deux tiers|2/3": "maladie.indemnite_complementaire.tiers_seconde_periode (D1226-1)",
    r"\b(7|sept) (premiers )?jours": "maladie.indemnite_complementaire.carence (D1226-3)",
    r"\b(30|90) jours (suivants|d'après)|dépasser 90 jours": "maladie … duree_periode (D1226-2)",
    r"\b10 jours par tranche": "maladie.indemnite_complementaire.majoration_par_tranche",
    r"\b48 heures": "maladie.indemnite_complementaire.justification (L1226-1)",
    r"\b15 jours (calendaires|ouvrables)": "rupture.conventionnelle.* (L1237-13, L1237-14)",
    r"moins de 18 ans": "mineurs.age.majorite",
    r"\b(20|10) % (avant|entre)": "mineurs.smic.abattement_* (D3231-3)",
    r"\b50 %": "embauche.complementaire_sante.part_employeur_minimum",
    r"conserve 5 ans": "conservation.registre.apres_depart (R1221-26)",
    r"\d+ jours? par semaine, au plus": "essai.cdd.jours_par_semaine (L1242-10)",
    r"moins de 8 jours|Entre 8 jours|Après (1|3) mois": "essai.prevenance.*",
    r"limite de 3 mois": "rupture.preavis.plafond_travailleur_handicape (L5213-9)",
    r"\b(12|3) derniers mois": "rupture.salaire_reference.* (R1234-4)",
    r"correspond à 30 jours": "conges.acquisition.plafond (L3141-3)",
    r"\b24 heures consécutives|hebdomadaire (d'au moins |de )24 heures": (
        "temps_travail.repos.hebdomadaire_propre (L3132-2)"
    ),
    r"moins de 3 jours": "temps_travail.temps_partiel.prevenance_heures_complementaires",
    r"au moins 2 %": "paiement.smic.seuil_relevement_automatique (L3231-5)",
    r"1er juin au 31 mai": "periode_reference_conges (R3141-4)",
    r"1er avril au 31 mars": "periode_reference_conges_caisse (R3141-4)",
    r"double au moins \d+ ans": "conservation.bulletin_paie.double (L3243-4)",
    r"reporter pendant \d+ mois|report de \d+ mois": "conges.prise.report_maladie (L3141-19-1)",
    r"dépasser \d+ jours ouvrables": "conges.prise.conge_une_fois_max (L3141-17)",
    r"au moins \d+ mois avant son ouverture": "conges.prise.information_periode (D3141-5)",
    r"d'au moins \d+ heures par semaine l'horaire": "temps_partiel.ajustement_* (L3123-13)",
    r"solde de tout compte[^.]*pendant \d+ mois": "mentions.solde_tout_compte.denonciation",
    r"\b(30|60) jours|\b8 jours (après|qui suivent)": "maladie.visite_reprise.* (R4624-29, -31)",
    r"\b5 jours ouvrables": "embauche.apprentissage.transmission_opco (D6224-1)",
    r"DSN dans les \d+ jours": "un délai sans source : ne pas l'écrire",
    r"CDD de moins de \d+ mois": "embauche.complementaire_sante.dispense_cdd_couverture_moins_de",
    r"(jusqu'à|au plus) 12 mois": "embauche.complementaire_sante.portabilite_maximum (L911-8)",
    r"sur 12 semaines": "temps_travail.maximum.periode_moyenne (L3121-22)",
    r"jusqu'à 10 ans": "rupture.indemnite.seuil_annees (R1234-2)",
}
# Les jours des événements familiaux (L3142-4) : l'article ne doit plus contenir aucun chiffre.
ARTICLE_EVENEMENTS = "conges-evenements-familiaux"


def _textes(noeud: object):
    if isinstance(noeud, str):
        yield noeud
    elif isinstance(noeud, dict):
        for cle, valeur in noeud.items():
            if cle not in _NON_TEXTE:
                yield from _textes(valeur)
    elif isinstance(noeud, list):
        for valeur in noeud:
            yield from _textes(valeur)


def _articles() -> list[tuple[str, str]]:
    dossier = resources.files("rh_tpe.faq").joinpath("contenu")
    articles = []
    for fichier in sorted(dossier.iterdir(), key=lambda f: f.name):
        if not fichier.name[:2].isdigit():
            continue  # code_du_travail.toml : le texte officiel des articles cités
        donnees = tomllib.loads(fichier.read_text(encoding="utf-8"))
        for article in donnees["articles"]:
            articles.append((article["slug"], "\n".join(_textes(article))))
    return articles


ARTICLES = _articles()


@pytest.mark.parametrize(("slug", "texte"), ARTICLES, ids=[slug for slug, _ in ARTICLES])
def test_aucun_chiffre_converti_n_est_ecrit_en_dur(slug: str, texte: str) -> None:
    sans_jetons = JETON.sub("[jeton]", texte)
    for motif, regle in CHIFFRES_CONVERTIS.items():
        trouve = re.search(motif, sans_jetons, flags=re.MULTILINE)
        assert trouve is None, f"{slug} : « {trouve.group(0)} » en dur, utilisez {regle}"


def test_l_article_des_evenements_familiaux_n_a_plus_aucun_chiffre() -> None:
    texte = dict(ARTICLES)[ARTICLE_EVENEMENTS]
    assert not re.search(r"\d", JETON.sub("", texte))


@pytest.mark.parametrize(
    ("jeton", "attendu"),
    [
        ("[[heures_mensuelles_duree_legale]]", "151,67\u00a0heures"),
        ("[[regle:paiement.especes.plafond_mensuel]]", "1\u202f500\u00a0euros"),
        ("[[regle:maladie.indemnite_complementaire.taux_premiere_periode]]", "90\u00a0%"),
        ("[[regle:maladie.indemnite_complementaire.tiers_seconde_periode]]", "deux\u00a0tiers"),
        ("[[regle:maladie.indemnite_complementaire.carence]]", "7\u00a0jours"),
        ("[[regle:maladie.indemnite_complementaire.anciennete_requise]]", "1\u00a0an"),
        ("[[regle:rupture.conventionnelle.retractation]]", "15\u00a0jours calendaires"),
        ("[[regle:rupture.conventionnelle.homologation]]", "15\u00a0jours ouvrables"),
        ("[[regle:conges.evenements_familiaux.mariage_enfant]]", "1\u00a0jour ouvrable"),
        ("[[regle:conges.evenements_familiaux.deces_enfant_majore]]", "14\u00a0jours ouvrables"),
        ("[[regle:temps_travail.repos.hebdomadaire_propre]]", "24\u00a0heures"),
        ("[[regle:temps_travail.temps_partiel.prevenance_heures_complementaires]]", "3\u00a0jours"),
        ("[[regle:paiement.smic.seuil_relevement_automatique]]", "2\u00a0%"),
        ("[[periode_reference_conges]]", "du 1er juin au 31 mai"),
        ("[[periode_reference_conges_caisse]]", "du 1er avril au 31 mars"),
        ("[[regle:conservation.bulletin_paie.double]]", "5\u00a0ans"),
        ("[[regle:conges.prise.report_maladie]]", "15\u00a0mois"),
        ("[[regle:conges.prise.conge_une_fois_max]]", "24\u00a0jours ouvrables"),
        ("[[regle:conges.prise.fraction_continue_min]]", "12\u00a0jours ouvrables"),
        ("[[regle:temps_travail.temps_partiel.ajustement_semaines]]", "12\u00a0semaines"),
        ("[[regle:temps_travail.temps_partiel.ajustement_depassement]]", "2\u00a0heures"),
        ("[[regle:temps_travail.temps_partiel.ajustement_preavis]]", "7\u00a0jours"),
        ("[[regle:mentions.solde_tout_compte.denonciation]]", "6\u00a0mois"),
        ("[[regle:maladie.visite_reprise.absence_accident_travail]]", "30\u00a0jours"),
        ("[[regle:maladie.visite_reprise.absence_maladie]]", "60\u00a0jours"),
        ("[[regle:maladie.visite_reprise.delai_apres_reprise]]", "8\u00a0jours"),
        ("[[regle:maladie.visite_reprise.arret_prereprise]]", "30\u00a0jours"),
        ("[[regle:embauche.apprentissage.transmission_opco]]", "5\u00a0jours ouvrables"),
        ("[[regle:embauche.complementaire_sante.dispense_cdd_couverture_moins_de]]", "3\u00a0mois"),
        ("[[regle:embauche.complementaire_sante.portabilite_maximum]]", "12\u00a0mois"),
        ("[[regle:temps_travail.maximum.periode_moyenne]]", "12\u00a0semaines"),
        ("[[regle:rupture.indemnite.seuil_annees]]", "10\u00a0années"),
    ],
)
def test_les_nouveaux_jetons_s_affichent(jeton: str, attendu: str) -> None:
    assert valeurs.remplacer(jeton, date(2026, 11, 1), html=False) == attendu


@pytest.mark.parametrize(("slug", "texte"), ARTICLES, ids=[slug for slug, _ in ARTICLES])
def test_tous_les_jetons_du_contenu_s_affichent(slug: str, texte: str) -> None:
    assert valeurs.jetons_invalides(texte) == [], slug
    affiche = valeurs.remplacer(texte, date(2026, 11, 1), html=False)
    assert "[[" not in affiche and "valeur légale à vérifier" not in affiche, slug
