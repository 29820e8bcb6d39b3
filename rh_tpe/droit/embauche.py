"""Formalités d'embauche : DPAE, visite d'information et de prévention, âge minimum."""

from __future__ import annotations

from datetime import date, timedelta

from rh_tpe.droit.calendrier import ajouter_jours_ouvrables
from rh_tpe.droit.donnees import regle
from rh_tpe.droit.outils import ajouter_mois
from rh_tpe.droit.types import Verification


def age_le(*, naissance: date, le: date) -> int:
    """L'âge en années révolues au jour donné : ce qui décide des règles des mineurs (salaire
    minimum D3231-3, durées maximales L3162-1, âge d'admission L4153-1)."""
    return le.year - naissance.year - ((le.month, le.day) < (naissance.month, naissance.day))


def dpae_au_plus_tot(*, embauche: date) -> date:
    """Première date d'envoi de la DPAE : au plus tôt dans les huit jours précédant la date
    prévisible de l'embauche (R1221-4), soit embauche − 8 jours calendaires. Elle doit en tout
    cas précéder l'embauche (L1221-10)."""
    return embauche - timedelta(days=regle("embauche.dpae.jours_avant_embauche_au_plus_tot").entier)


def dpae_papier_au_plus_tard(*, embauche: date, alsace_moselle: bool = False) -> date:
    """DPAE sur formulaire papier (quand la voie électronique n'est pas utilisée) : lettre
    recommandée envoyée au plus tard le dernier jour ouvrable précédant l'embauche (R1221-5)."""
    jours = regle("embauche.dpae.papier_jours_ouvrables_avant").entier
    return ajouter_jours_ouvrables(embauche, -jours, alsace_moselle=alsace_moselle)


def visite_information_au_plus_tard(*, embauche: date) -> date:
    """Date limite de la visite d'information et de prévention, cas général (adulte, sans risque
    particulier, pas de travail de nuit) : trois mois à compter de la prise effective du poste
    (R4624-10). 2 mars 2026 → 2 juin 2026 ; quantième absent → dernier jour du mois (lecture la
    plus courte). Mineurs et travailleurs de nuit : avant l'affectation (R4624-18) ; postes à
    risque : examen d'aptitude avant l'affectation (R4624-22 et suivants)."""
    return ajouter_mois(embauche, regle("embauche.visite_information.delai").entier)


def verifier_age_embauche(*, age: int, vacances_scolaires: bool = False) -> Verification:
    """Âge minimum pour travailler : 16 ans (L4153-1) ; dès 14 ans pendant les vacances
    scolaires, pour des travaux adaptés et avec un repos d'au moins la moitié des congés
    (L4153-3). Apprentissage et stages scolaires hors champ."""
    minimum = regle("mineurs.age.minimum_embauche")
    vacances = regle("mineurs.age.minimum_vacances_scolaires")
    if age >= minimum.entier:
        return Verification(True, "Âge compatible avec une embauche.", minimum.article)
    if vacances_scolaires and age >= vacances.entier:
        return Verification(
            True,
            "Possible seulement pendant les vacances scolaires, pour des travaux adaptés à l'âge, "
            "avec un repos d'au moins la moitié de chaque période de congés.",
            vacances.article,
        )
    return Verification(
        False,
        f"Il est interdit d'employer un jeune de moins de {minimum.entier} ans (dès "
        f"{vacances.entier} ans pendant les vacances scolaires seulement).",
        minimum.article,
    )
