"""Formalités d'embauche : DPAE, visite d'information et de prévention, âge minimum,
information écrite du salarié, autorisation de travail d'un étranger, travail de nuit."""

from __future__ import annotations

from dataclasses import dataclass
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


def visite_information_au_plus_tard(
    *,
    embauche: date,
    age: int | None = None,
    mineur: bool = False,
    travail_nuit: bool = False,
    poste_a_risque: bool = False,
) -> date:
    """Date limite de la visite d'information et de prévention.

    * Cas général (adulte, sans risque particulier, pas de travail de nuit) : trois mois à compter
      de la prise effective du poste (R4624-10). 2 mars 2026 → 2 juin 2026 ; quantième absent →
      dernier jour du mois (lecture la plus courte).
    * Mineur (``age`` < 18, ou ``mineur`` quand seul le fait est connu) ou travailleur de nuit :
      avant l'affectation au poste (R4624-18) ;
      poste à risque (suivi individuel renforcé) : examen d'aptitude avant l'affectation
      (R4624-22 à R4624-24). Échéance : le jour de l'embauche, avant la prise de poste.
    """
    mineur = mineur or (age is not None and age < regle("mineurs.age.majorite").entier)
    if mineur or travail_nuit or poste_a_risque:
        avant = regle("embauche.visite_information.delai_avant_affectation").entier
        return embauche + timedelta(days=avant)
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


@dataclass(frozen=True)
class InformationEcrite:
    """Dates limites de l'information écrite du salarié (R1221-35) : ``essentielle`` pour les
    informations R1221-34 1° à 5°, 7°, 11° et 12° ; ``complete`` pour les autres."""

    essentielle: date
    complete: date
    article: str


def information_ecrite_au_plus_tard(*, embauche: date) -> InformationEcrite:
    """Information écrite sur les éléments essentiels de la relation de travail (L1221-5-1,
    R1221-34) : identité des parties, lieu, emploi, date d'embauche, terme, essai, rémunération
    et durée du travail au plus tard le 7e jour calendaire à compter de l'embauche ; les autres
    informations au plus tard un mois à compter de la même date (R1221-35).

    Le jour d'embauche compte comme premier jour (lecture prudente, le décompte exact est
    incertain) : embauche lundi 2 mars 2026 → dimanche 8 mars ; information complète → 2 avril
    2026 (31 janvier → 28 février, quantième absent ramené au dernier jour du mois)."""
    essentielle = regle("embauche.information_ecrite.essentielle_jours")
    complete = regle("embauche.information_ecrite.complete_mois")
    return InformationEcrite(
        essentielle=embauche + timedelta(days=essentielle.entier - 1),
        complete=ajouter_mois(embauche, complete.entier),
        article=essentielle.article,
    )


def demande_emploi_mineur_au_plus_tard(*, embauche: date) -> date:
    """Dernier jour pour adresser à l'inspecteur du travail la demande écrite d'employer un jeune
    de 14 à moins de 16 ans pendant les vacances scolaires : « au moins quinze jours avant la
    date prévue d'embauche » (D4153-5).

    Décompte [unsure] : quinze jours entiers entre la demande et l'embauche, ni l'un ni l'autre
    ne comptant, comme pour l'autorisation de travail (R5221-42). Lecture prudente : l'inspecteur
    a le temps d'examiner la demande avant que le jeune ne commence. Embauche lundi 6 juillet
    2026 → samedi 20 juin (du 21 juin au 5 juillet : quinze jours entiers)."""
    jours = regle("mineurs.vacances_scolaires.demande_inspection_jours_avant").entier
    return embauche - timedelta(days=jours + 1)


def autorisation_travail_verifiee_au_plus_tard(
    *, embauche: date, alsace_moselle: bool = False
) -> date:
    """Dernier jour pour saisir le préfet afin de vérifier l'autorisation de travail d'un
    étranger (L5221-8, R5221-41) : « au moins deux jours ouvrables avant la date d'effet de
    l'embauche » (R5221-42). Sans réponse du préfet dans les deux jours ouvrables, l'obligation
    est réputée accomplie. Pas de vérification si l'étranger justifie de son inscription à
    France Travail (R5221-43). Jours ouvrables : lundi à samedi hors jours fériés.

    Décompte [unsure] : deux jours ouvrables entiers entre la demande et l'embauche, ni le jour
    de la demande ni celui de l'embauche ne comptant, comme pour le délai de l'entretien
    préalable (L1232-2). C'est la lecture la plus prudente : le préfet, qui a lui-même deux
    jours ouvrables à compter de la réception pour répondre, peut le faire avant la prise de
    poste, et le salarié ne commence pas sans vérification. Embauche lundi 2 mars 2026 →
    jeudi 26 février (vendredi 27 et samedi 28 entiers) ; lundi 4 mai 2026 → mercredi 29 avril
    (le 1er mai est férié)."""
    jours = regle("embauche.autorisation_travail.jours_ouvrables_avant").entier
    return ajouter_jours_ouvrables(embauche, -(jours + 1), alsace_moselle=alsace_moselle)
