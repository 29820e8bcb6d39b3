"""Règles du parcours d'embauche que `rh_tpe.droit` ne porte pas encore.

À DÉPLACER dans `rh_tpe/droit` (le seul endroit du droit) : ce module existe parce que le moteur
du droit appartient à une autre équipe. Il suit ses conventions : Python pur, sans Django,
chaque règle cite son article et renvoie une `Verification`. Les clauses particulières relèvent
de la jurisprudence (pas d'un chiffre du Code) ; les délais sont des valeurs légales citées.
"""

from __future__ import annotations

from dataclasses import dataclass

from rh_tpe.droit import Verification


@dataclass(frozen=True)
class Delai:
    valeur: int
    unite: str
    article: str


# R1221-35 : informations essentielles (R1221-34 1° à 5°, 7°, 11°, 12°) au plus tard le 7e jour
# calendaire à compter de l'embauche ; les autres au plus tard un mois après.
INFORMATION_ECRITE_ESSENTIELLE = Delai(7, "jours", "R1221-35")
INFORMATION_ECRITE_COMPLETE = Delai(1, "mois", "R1221-35")
# R5221-41 : vérification de l'autorisation de travail d'un étranger auprès du préfet, au moins
# deux jours ouvrables avant l'embauche (sauf inscription à France Travail, R5221-43).
AUTORISATION_TRAVAIL = Delai(2, "jours ouvrables", "L5221-8 ; R5221-41")


def verifier_clause_non_concurrence(
    *, contrepartie: str, duree: str, zone: str, activites: str
) -> Verification:
    """Une clause de non-concurrence n'est licite que si elle est indispensable aux intérêts
    légitimes de l'entreprise, limitée dans le temps et dans l'espace, qu'elle tient compte des
    spécificités de l'emploi et comporte une contrepartie financière (Cass. soc. 10 juillet 2002,
    n° 00-45.135 ; L1121-1)."""
    manquants = [
        nom
        for nom, valeur in (
            ("contrepartie financière", contrepartie),
            ("durée", duree),
            ("zone géographique", zone),
            ("activités interdites", activites),
        )
        if not valeur.strip()
    ]
    if manquants:
        return Verification(
            False,
            "Une clause de non-concurrence sans "
            + ", ".join(manquants)
            + " est nulle : elle doit prévoir une contrepartie financière et être limitée dans "
            "le temps, dans l'espace et aux activités de l'emploi.",
            "L1121-1 ; Cass. soc. 10 juillet 2002, n° 00-45.135",
        )
    return Verification(
        True,
        "Clause de non-concurrence limitée et assortie d'une contrepartie financière.",
        "L1121-1 ; Cass. soc. 10 juillet 2002, n° 00-45.135",
    )


def verifier_clause_mobilite(*, zone: str) -> Verification:
    """Une clause de mobilité doit définir de façon précise sa zone géographique
    d'application ; l'employeur ne peut pas en étendre seul la portée (Cass. soc. 7 juin 2006,
    n° 04-45.846)."""
    if not zone.strip():
        return Verification(
            False,
            "Une clause de mobilité doit définir précisément la zone géographique où le "
            "salarié peut être muté, sinon elle est nulle.",
            "L1121-1 ; Cass. soc. 7 juin 2006, n° 04-45.846",
        )
    return Verification(
        True, "Zone de mobilité définie.", "L1121-1 ; Cass. soc. 7 juin 2006, n° 04-45.846"
    )


def verifier_clause_exclusivite(*, temps_partiel: bool) -> Verification:
    """Une clause d'exclusivité ne peut être opposée à un salarié à temps partiel : elle
    l'empêcherait de compléter son temps de travail (L1121-1 ; Cass. soc. 11 juillet 2000,
    n° 98-40.143)."""
    article = "L1121-1 ; Cass. soc. 11 juillet 2000, n° 98-40.143"
    if temps_partiel:
        return Verification(
            False,
            "Une clause d'exclusivité est interdite pour un salarié à temps partiel : il doit "
            "pouvoir travailler pour un autre employeur.",
            article,
        )
    return Verification(True, "Clause d'exclusivité possible à temps complet.", article)
