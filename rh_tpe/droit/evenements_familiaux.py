"""Congés pour événements familiaux : durées minimales légales (L3142-1, L3142-4, L3142-5)."""

from __future__ import annotations

from typing import Literal

from rh_tpe.droit.donnees import regle
from rh_tpe.droit.erreurs import ErreurDroit

EvenementFamilial = Literal[
    "mariage_pacs",
    "mariage_enfant",
    "naissance",
    "adoption",
    "deces_enfant",
    "deces_personne_a_charge",
    "deces_conjoint_parent_fratrie",
    "annonce_handicap_enfant",
]

_SIMPLES = {
    "mariage_pacs",
    "mariage_enfant",
    "naissance",
    "adoption",
    "deces_conjoint_parent_fratrie",
    "annonce_handicap_enfant",
}


def conge_evenement_familial(
    evenement: EvenementFamilial,
    *,
    age_defunt: int | None = None,
    defunt_lui_meme_parent: bool = False,
) -> int:
    """Durée minimale du congé pour événement familial, en jours ouvrables (L3142-4, L3142-5).

    Mariage ou PACS du salarié 4 ; mariage d'un enfant 1 ; naissance 3 ; arrivée d'un enfant placé
    en vue d'adoption 3 ; décès d'un enfant 12, ou 14 s'il avait moins de 25 ans ou était lui-même
    parent ; décès d'une personne de moins de 25 ans à charge effective et permanente 14 ; décès du
    conjoint, partenaire de PACS, concubin, père, mère, beau-parent, frère ou sœur 3 ; annonce d'un
    handicap, d'une pathologie chronique ou d'un cancer chez un enfant 5. Sans condition
    d'ancienneté ; un accord peut prévoir plus. Le congé de deuil de L3142-1-1 s'y ajoute.
    """
    if evenement in _SIMPLES:
        return regle(f"conges.evenements_familiaux.{evenement}").entier
    age_limite = regle("conges.evenements_familiaux.age_deces_majore")
    majore = regle("conges.evenements_familiaux.deces_enfant_majore").entier
    if evenement == "deces_enfant":
        if defunt_lui_meme_parent:
            return majore
        if age_defunt is None:
            raise ErreurDroit(
                "Indiquez l'âge de l'enfant : le congé est plus long avant "
                f"{age_limite.entier} ans.",
                age_limite.article,
            )
        if age_defunt < age_limite.entier:
            return majore
        return regle("conges.evenements_familiaux.deces_enfant").entier
    if evenement == "deces_personne_a_charge":
        if age_defunt is None or age_defunt >= age_limite.entier:
            raise ErreurDroit(
                "Le congé pour le décès d'une personne à charge ne vise qu'une personne de moins "
                f"de {age_limite.entier} ans.",
                age_limite.article,
            )
        return majore
    raise ErreurDroit(f"Événement familial inconnu : {evenement}.", "L3142-1")
