"""Clauses particulières du contrat de travail : non-concurrence, mobilité, exclusivité.

Le Code ne chiffre pas ces clauses : leurs conditions de validité viennent de la jurisprudence de la
Cour de cassation, sur le fondement de L1121-1 (une restriction aux libertés du salarié doit être
justifiée par la tâche et proportionnée au but recherché). Les arrêts cités sont dans
``regles/clauses.toml``.
"""

from __future__ import annotations

from rh_tpe.droit.donnees import table
from rh_tpe.droit.types import Verification


def _fondement(clause: str) -> str:
    donnees = table(f"clauses.{clause}")
    return f"{donnees['article']} ; {donnees['jurisprudence']}"


def verifier_clause_non_concurrence(
    *, contrepartie: str, duree: str, zone: str, activites: str
) -> Verification:
    """Une clause de non-concurrence n'est licite que si elle est indispensable aux intérêts
    légitimes de l'entreprise, limitée dans le temps et dans l'espace, qu'elle tient compte des
    spécificités de l'emploi et comporte une contrepartie financière (L1121-1 ; Cass. soc.
    10 juillet 2002, n° 00-45.135). Chaque élément doit être écrit dans la clause."""
    article = _fondement("non_concurrence")
    noms = [str(n) for n in table("clauses.non_concurrence")["elements"]]
    manquants = [
        nom
        for nom, valeur in zip(noms, (contrepartie, duree, zone, activites), strict=True)
        if not valeur.strip()
    ]
    if manquants:
        return Verification(
            False,
            "Une clause de non-concurrence sans "
            + ", ".join(manquants)
            + " est nulle : elle doit prévoir une contrepartie financière et être limitée dans "
            "le temps, dans l'espace et aux activités de l'emploi.",
            article,
        )
    return Verification(
        True,
        "Clause de non-concurrence limitée et assortie d'une contrepartie financière.",
        article,
    )


def verifier_clause_mobilite(*, zone: str) -> Verification:
    """Une clause de mobilité doit définir de façon précise sa zone géographique d'application ;
    l'employeur ne peut pas en étendre seul la portée (L1121-1 ; Cass. soc. 7 juin 2006,
    n° 04-45.846)."""
    article = _fondement("mobilite")
    if not zone.strip():
        return Verification(
            False,
            "Une clause de mobilité doit définir précisément la zone géographique où le "
            "salarié peut être muté, sinon elle est nulle.",
            article,
        )
    return Verification(True, "Zone de mobilité définie.", article)


def verifier_clause_exclusivite(*, temps_partiel: bool) -> Verification:
    """Une clause d'exclusivité ne peut être opposée à un salarié à temps partiel : elle
    l'empêcherait de compléter son temps de travail (L1121-1 ; Cass. soc. 11 juillet 2000,
    n° 98-40.143)."""
    article = _fondement("exclusivite")
    if temps_partiel:
        return Verification(
            False,
            "Une clause d'exclusivité est interdite pour un salarié à temps partiel : il doit "
            "pouvoir travailler pour un autre employeur.",
            article,
        )
    return Verification(True, "Clause d'exclusivité possible à temps complet.", article)
