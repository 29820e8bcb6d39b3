"""Durées de conservation des données personnelles (RGPD art. 5-1 e) : candidats, registre,
comptes du portail."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

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


def conservation_compte_jusqu_au(*, dernier_acces: date) -> date:
    """Dernier jour de conservation d'un compte du portail sans connexion depuis
    ``dernier_acces`` : trois ans, la durée que le portail s'est fixée en application de la
    limitation de la conservation (RGPD art. 5-1 e) et qu'il annonce à ses utilisateurs."""
    annees = regle("conservation.compte.inactif").entier
    return ajouter_mois(dernier_acces, annees * MOIS_PAR_AN)


def _dernier_point_de_depart_expire(
    jusqu_au: Callable[[date], date], annees: int, aujourd_hui: date
) -> date:
    # L'inverse exact de `jusqu_au` : on part du même jour `annees` plus tôt et on recule tant
    # que la conservation court encore (fins de mois, 29 février : un jour ou deux au plus).
    jour = ajouter_mois(aujourd_hui, -annees * MOIS_PAR_AN)
    while jusqu_au(jour) >= aujourd_hui:
        jour -= timedelta(days=1)
    return jour


def dernier_contact_candidat_expire(*, aujourd_hui: date) -> date:
    """Le dernier contact le plus récent dont la conservation est finie ``aujourd_hui`` : les
    données d'un candidat dont le dernier contact est ce jour-là ou avant sont à supprimer
    (référentiel CNIL, délibération 2019-160 ; L1221-6)."""
    annees = regle("conservation.candidat.non_retenu").entier
    return _dernier_point_de_depart_expire(
        lambda jour: conservation_candidat_jusqu_au(dernier_contact=jour), annees, aujourd_hui
    )


def derniere_sortie_expiree(*, aujourd_hui: date) -> date:
    """La sortie la plus récente dont la conservation au registre est finie ``aujourd_hui``
    (R1221-26)."""
    annees = regle("conservation.registre.apres_depart").entier
    return _dernier_point_de_depart_expire(
        lambda jour: conservation_registre_jusqu_au(sortie=jour), annees, aujourd_hui
    )


def dernier_acces_compte_expire(*, aujourd_hui: date) -> date:
    """Le dernier accès le plus récent dont la conservation est finie ``aujourd_hui`` : un compte
    dont la dernière connexion est ce jour-là ou avant est à supprimer (RGPD art. 5-1 e)."""
    annees = regle("conservation.compte.inactif").entier
    return _dernier_point_de_depart_expire(
        lambda jour: conservation_compte_jusqu_au(dernier_acces=jour), annees, aujourd_hui
    )
