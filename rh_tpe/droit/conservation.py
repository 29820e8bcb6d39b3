"""Durées de conservation des données personnelles (RGPD art. 5-1 e) : candidats et registre."""

from __future__ import annotations

from datetime import date

from rh_tpe.droit.donnees import regle
from rh_tpe.droit.outils import MOIS_PAR_AN, ajouter_mois


def conservation_candidat_jusqu_au(*, dernier_contact: date) -> date:
    """Dernier jour de conservation des données d'un candidat non retenu (un brouillon
    d'embauche jamais terminé) : au plus 2 ans après le dernier contact, sauf opposition, selon
    le référentiel « gestion du personnel » de la CNIL (délibération 2019-160, non contraignant).
    Les données recueillies doivent avoir un lien direct avec l'emploi (L1221-6)."""
    annees = regle("conservation.candidat.non_retenu").entier
    return ajouter_mois(dernier_contact, annees * MOIS_PAR_AN)


def conservation_registre_jusqu_au(*, sortie: date) -> date:
    """Dernier jour de conservation des mentions du registre unique du personnel : cinq ans à
    compter de la date à laquelle le salarié a quitté l'établissement (R1221-26)."""
    annees = regle("conservation.registre.apres_depart").entier
    return ajouter_mois(sortie, annees * MOIS_PAR_AN)
