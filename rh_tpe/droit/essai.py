"""Période d'essai : durée maximale (CDI, CDD), renouvellement, délai de prévenance."""

from __future__ import annotations

from datetime import date, timedelta

from rh_tpe.droit.donnees import regle
from rh_tpe.droit.erreurs import ErreurDroit
from rh_tpe.droit.outils import ajouter_mois, code_normalise
from rh_tpe.droit.types import Duree, Verification

_GROUPES_CATEGORIES = {
    "ouvrier": "ouvrier_employe",
    "employe": "ouvrier_employe",
    "ouvrier_employe": "ouvrier_employe",
    "agent_de_maitrise": "agent_de_maitrise_technicien",
    "technicien": "agent_de_maitrise_technicien",
    "agent_de_maitrise_technicien": "agent_de_maitrise_technicien",
    "cadre": "cadre",
}
# Mots qui désignent une seule catégorie, pour lire « agent_maitrise_technicien »,
# « technicien ou agent de maîtrise », « ingénieur cadre »… ; « non cadre » ou « ETAM » (qui
# mêle employés et techniciens) ne désignent aucune catégorie et restent refusés.
_MOTS_CATEGORIES = {
    "ouvrier": "ouvrier_employe",
    "ouvriers": "ouvrier_employe",
    "employe": "ouvrier_employe",
    "employes": "ouvrier_employe",
    "maitrise": "agent_de_maitrise_technicien",
    "technicien": "agent_de_maitrise_technicien",
    "techniciens": "agent_de_maitrise_technicien",
    "cadre": "cadre",
    "cadres": "cadre",
    "ingenieur": "cadre",
    "ingenieurs": "cadre",
}


def _contrat(contrat: str) -> str:
    code = contrat.strip().upper()
    if code not in ("CDI", "CDD"):
        raise ErreurDroit(f"Type de contrat inconnu : « {contrat} » (CDI ou CDD).", "L1221-2")
    return code


def _groupe_categorie(categorie: str | None) -> str:
    if categorie is None:
        raise ErreurDroit("Pour un CDI, indiquez la catégorie du salarié.", "L1221-19")
    code = code_normalise(categorie)
    groupe = _GROUPES_CATEGORIES.get(code)
    mots = set(code.split("_"))
    groupes = {_MOTS_CATEGORIES[mot] for mot in mots if mot in _MOTS_CATEGORIES}
    if groupe is None and len(groupes) == 1 and "non" not in mots:
        groupe = groupes.pop()
    if groupe is None:
        raise ErreurDroit(
            f"Catégorie inconnue : « {categorie} » (ouvrier, employe, agent_de_maitrise, "
            "technicien ou cadre).",
            "L1221-19",
        )
    return groupe


def depasse_six_mois(debut: date, fin: date) -> bool:
    """Le contrat du ``debut`` au ``fin`` (inclus) dure-t-il plus de six mois calendaires ?

    2 mars → 1er septembre : six mois au plus ; 2 mars → 2 septembre : plus (référence §13).
    Quand le quantième n'existe pas six mois plus tard (31 août → 31 février), le seuil est le
    1er du mois suivant : lecture la plus protectrice (le plafond de deux semaines s'applique).
    """
    seuil = regle("essai.cdd.seuil_contrat_court").entier
    anniversaire = ajouter_mois(debut, seuil)
    if anniversaire.day != debut.day:
        anniversaire += timedelta(days=1)
    return fin >= anniversaire


def _essai_cdd(debut: date | None, fin: date | None) -> Duree:
    if debut is None or fin is None:
        raise ErreurDroit(
            "Pour un CDD, indiquez le premier et le dernier jour du contrat (de sa durée minimale "
            "si le terme est imprécis).",
            "L1242-10",
        )
    if fin < debut:
        raise ErreurDroit("Le dernier jour du contrat précède le premier.", "L1242-10")
    jours_contrat = (fin - debut).days + 1
    semaines_pleines = jours_contrat // 7
    jours = semaines_pleines * regle("essai.cdd.jours_par_semaine").entier
    if not depasse_six_mois(debut, fin):
        plafond = regle("essai.cdd.plafond_contrat_court").entier
        return Duree(min(jours, plafond), "jours")
    plafond_mois = regle("essai.cdd.plafond_contrat_long").entier
    # Plafond d'un mois : un mois calendaire à partir du début (28 jours depuis le 1er février).
    plafond_jours = (ajouter_mois(debut, plafond_mois) - debut).days
    if jours >= plafond_jours:
        return Duree(plafond_mois, "mois")
    return Duree(jours, "jours")


def periode_essai_max(
    *,
    contrat: str,
    categorie: str | None = None,
    debut: date | None = None,
    fin: date | None = None,
    renouvellement: bool = False,
) -> Duree:
    """Durée maximale légale de la période d'essai.

    * CDI (L1221-19, L1221-22) : 2 mois ouvriers et employés, 3 mois agents de maîtrise et
      techniciens, 4 mois cadres ; avec ``renouvellement=True``, maximum renouvellement compris
      (L1221-21) : 4, 6, 8 mois. Le renouvellement suppose un accord de branche étendu et une
      clause expresse : voir :func:`verifier_periode_essai`.
    * CDD (L1242-10) : un jour par semaine pleine de la durée prévue (``debut`` et ``fin``
      inclus ; durée minimale si le terme est imprécis), au plus deux semaines (14 jours) si le
      contrat dure six mois calendaires au plus, un mois sinon. Un CDD de 2 mars au 1er juin 2026
      (92 jours) donne 13 jours.

    Code du travail consolidé au 27/03/2026.
    """
    if _contrat(contrat) == "CDD":
        if renouvellement:
            raise ErreurDroit(
                "Le Code ne prévoit pas de renouvellement de l'essai d'un CDD.", "L1242-10"
            )
        return _essai_cdd(debut, fin)
    groupe = _groupe_categorie(categorie)
    cle = "avec_renouvellement" if renouvellement else "initiale"
    return regle(f"essai.cdi.{groupe}.{cle}").duree


def _fin_essai(debut: date, duree: Duree) -> date:
    """Dernier jour d'un essai de ``duree`` commençant le ``debut``."""
    jours = duree.en_jours()
    if jours is not None:
        return debut + timedelta(days=jours - 1)
    if duree.unite == "mois":
        return ajouter_mois(debut, duree.valeur) - timedelta(days=1)
    raise ErreurDroit("Une période d'essai s'exprime en jours, semaines ou mois.", "L1221-19")


def _ne_depasse_pas(demande: Duree, maximum: Duree, debut: date | None, article: str) -> bool:
    if demande.unite == "mois" and maximum.unite == "mois":
        return demande.valeur <= maximum.valeur
    jours_demande, jours_max = demande.en_jours(), maximum.en_jours()
    if jours_demande is not None and jours_max is not None:
        return jours_demande <= jours_max
    if debut is None:
        raise ErreurDroit(
            "Indiquez la date de début pour comparer des durées en jours et en mois.", article
        )
    return _fin_essai(debut, demande) <= _fin_essai(debut, maximum)


def verifier_periode_essai(
    *,
    duree: Duree,
    contrat: str,
    categorie: str | None = None,
    debut: date | None = None,
    fin: date | None = None,
    renouvellement: bool = False,
    accord_branche_renouvellement: bool = False,
    clause_renouvellement: bool = False,
) -> Verification:
    """Vérifie une durée d'essai demandée (renouvellement compris si ``renouvellement``).

    Règles : maxima L1221-19 / L1221-21 (CDI) et L1242-10 (CDD) ; renouvellement une seule fois,
    seulement si un accord de branche étendu le prévoit (L1221-21) et si la possibilité de
    renouveler figure expressément au contrat ou dans la lettre d'engagement (L1221-23).
    Les durées plus longues d'accords antérieurs au 26 juin 2008 ne s'appliquent plus (L1221-22).
    """
    code = _contrat(contrat)
    if renouvellement and code == "CDI":
        initiale = periode_essai_max(contrat=code, categorie=categorie)
        if not accord_branche_renouvellement:
            return Verification(
                False,
                "Renouvellement impossible sans accord de branche étendu qui le prévoit : "
                f"la période d'essai est limitée à {initiale}.",
                "L1221-21",
                str(initiale),
            )
        if not clause_renouvellement:
            return Verification(
                False,
                "La possibilité de renouveler l'essai doit être écrite dans le contrat ou la "
                f"lettre d'engagement : sans elle, l'essai est limité à {initiale}.",
                "L1221-23",
                str(initiale),
            )
    maximum = periode_essai_max(
        contrat=code, categorie=categorie, debut=debut, fin=fin, renouvellement=renouvellement
    )
    article = "L1242-10" if code == "CDD" else ("L1221-21" if renouvellement else "L1221-19")
    if _ne_depasse_pas(duree, maximum, debut, article):
        return Verification(
            True, f"Durée d'essai conforme (maximum {maximum}).", article, str(maximum)
        )
    return Verification(
        False,
        f"La période d'essai de {duree} dépasse le maximum légal de {maximum}.",
        article,
        str(maximum),
    )


def delai_prevenance_essai(
    *,
    initiative: str,
    entree: date,
    notification: date,
    contrat: str = "CDI",
    essai_stipule: Duree | None = None,
) -> Duree:
    """Délai de prévenance minimal pour rompre la période d'essai.

    Présence comptée du premier jour de travail (inclus) au jour de la notification (inclus).

    * Employeur (L1221-25) : 24 heures en deçà de 8 jours de présence ; 48 heures de 8 jours à
      un mois ; 2 semaines après un mois ; 1 mois après trois mois. Début lundi 2 mars 2026 :
      dimanche 8 mars → 24 h ; lundi 9 mars → 48 h ; 1er avril → 48 h ; 2 avril → 2 semaines ;
      2 juin → 1 mois. Le délai ne prolonge pas l'essai. Pour un CDD (``contrat="CDD"``), le
      délai n'est dû que si l'essai stipulé (``essai_stipule``) est d'au moins une semaine :
      sinon ``Duree(0, "heures")``.
    * Salarié (L1221-26) : 48 heures, ou 24 heures si la présence est inférieure à 8 jours.
    """
    if notification < entree:
        raise ErreurDroit("La notification précède le premier jour de travail.", "L1221-25")
    jours_presence = (notification - entree).days + 1
    cle = code_normalise(initiative)
    if cle == "salarie":
        if jours_presence < regle("essai.prevenance.salarie.seuil_presence_jours").entier:
            return regle("essai.prevenance.salarie.moins_de_8_jours").duree
        return regle("essai.prevenance.salarie.a_partir_de_8_jours").duree
    if cle != "employeur":
        raise ErreurDroit(
            f"Initiative inconnue : « {initiative} » (employeur ou salarie).", "L1221-25"
        )
    base = "essai.prevenance.employeur"
    if _contrat(contrat) == "CDD" and essai_stipule is not None:
        jours_essai = essai_stipule.en_jours()
        minimum = regle(f"{base}.essai_minimum_cdd_jours").entier
        if jours_essai is not None and jours_essai < minimum:
            return Duree(0, "heures")
    if notification >= ajouter_mois(entree, regle(f"{base}.seuil_second_palier_mois").entier):
        return regle(f"{base}.apres_3_mois").duree
    if notification >= ajouter_mois(entree, regle(f"{base}.seuil_premier_palier_mois").entier):
        return regle(f"{base}.apres_1_mois").duree
    if jours_presence < regle(f"{base}.seuil_presence_jours").entier:
        return regle(f"{base}.moins_de_8_jours").duree
    return regle(f"{base}.de_8_jours_a_1_mois").duree
