"""Salaires minima et plafonds : SMIC, minimum des jeunes travailleurs, minimum garanti, PMSS."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rh_tpe.droit.donnees import bareme, regle, valeur
from rh_tpe.droit.erreurs import ErreurDroit
from rh_tpe.droit.outils import (
    arrondir_centime_superieur,
    arrondir_euros,
    en_decimal,
    montant_en_francais,
)
from rh_tpe.droit.types import Verification


def smic_horaire(le: date) -> Decimal:
    """SMIC horaire brut en vigueur le jour ``le`` (L3231-2, L3231-5, L3231-6).

    Barème daté ``baremes/smic_horaire.toml`` (décrets et arrêté de revalorisation, confiance
    indiquée par version). Hors de la série connue : :class:`ErreurDroit`, jamais d'estimation.
    """
    return bareme("smic_horaire").version(le).valeur


def heures_mensuelles(heures_hebdomadaires: Decimal | int) -> Decimal:
    """Heures mensualisées : heures × 52 / 12, exact (151 2/3 h pour 35 h, L3121-27), non
    arrondi ; 24 h (L3123-27) → 104 h."""
    heures = en_decimal(heures_hebdomadaires)
    if heures <= 0:
        raise ErreurDroit("La durée hebdomadaire doit être positive.", "L3121-27")
    return (
        heures
        * valeur("temps_travail.duree_legale.semaines_par_an")
        / valeur("temps_travail.duree_legale.mois_par_an")
    )


def smic_mensuel(le: date, heures_hebdomadaires: Decimal | int | None = None) -> Decimal:
    """SMIC mensuel brut : SMIC horaire × heures hebdomadaires × 52 / 12, arrondi au centime à la
    fin (L3231-2 ; mensualisation sur la durée légale de 35 h, L3121-27, par défaut).

    Exemple : 12,02 € × 151 2/3 h = 1 823,03 € ; 24 h au même taux = 104 h = 1 250,08 €.
    """
    if heures_hebdomadaires is None:
        heures_hebdomadaires = valeur("temps_travail.duree_legale.hebdomadaire")
    return arrondir_euros(smic_horaire(le) * heures_mensuelles(heures_hebdomadaires))


def _abattement_jeune(*, age: int, mois_experience_branche: int) -> Decimal:
    """L'abattement de D3231-3 applicable (0 sans abattement), après contrôle de l'âge."""
    age_minimum = regle("mineurs.age.minimum_vacances_scolaires")
    if age < age_minimum.entier:
        raise ErreurDroit(
            f"Un mineur de moins de {age_minimum.entier} ans ne peut pas être employé.",
            age_minimum.article,
        )
    if mois_experience_branche < 0:
        raise ErreurDroit("L'expérience dans la branche ne peut être négative.", "D3231-3")
    if age >= regle("mineurs.age.majorite").entier or (
        mois_experience_branche >= regle("mineurs.smic.experience_supprimant_abattement").entier
    ):
        return Decimal(0)
    if age < regle("mineurs.smic.age_premier_palier").entier:
        return valeur("mineurs.smic.abattement_avant_17_ans")
    return valeur("mineurs.smic.abattement_17_a_18_ans")


def salaire_minimum_horaire(le: date, *, age: int, mois_experience_branche: int = 0) -> Decimal:
    """Salaire minimum horaire selon l'âge (D3231-3, LEGIARTI000018533884).

    Abattement de 20 % avant 17 ans et de 10 % entre 17 et 18 ans, supprimé après 6 mois de
    pratique professionnelle dans la branche. Le minimum abattu est arrondi au centime
    SUPÉRIEUR : payer sous le minimum exact serait illicite (12,02 × 0,8 = 9,616 → 9,62).
    Apprentis hors champ (grille propre).
    """
    abattement = _abattement_jeune(age=age, mois_experience_branche=mois_experience_branche)
    smic = smic_horaire(le)
    if not abattement:
        return smic
    return arrondir_centime_superieur(smic * (1 - abattement))


def minimum_garanti(le: date) -> Decimal:
    """Minimum garanti en vigueur le jour ``le`` (L3231-12 ; barème ``minimum_garanti.toml``).

    Attention : la version à partir du 1er juin 2026 est marquée « unsure » dans les données.
    """
    return bareme("minimum_garanti").version(le).valeur


def plafond_mensuel_securite_sociale(le: date) -> Decimal:
    """Plafond mensuel de la sécurité sociale en vigueur le jour ``le`` (arrêté annuel ; code de la
    sécurité sociale L241-3, D242-17). 2026 : 4 005 € (arrêté du 22/12/2025)."""
    return bareme("plafond_mensuel_securite_sociale").version(le).valeur


def penalite_dpae(le: date) -> Decimal:
    """Pénalité pour défaut de DPAE : 300 fois le minimum garanti (L1221-11), arrondie au centime.

    Avec un MG de 4,25 € : 1 275 €.
    """
    multiple = valeur("embauche.dpae.penalite_multiple_minimum_garanti")
    return arrondir_euros(multiple * minimum_garanti(le))


def salaire_minimum_mensuel(
    le: date,
    *,
    heures_hebdomadaires: Decimal | int | None = None,
    age: int | None = None,
    mois_experience_branche: int = 0,
) -> Decimal:
    """Salaire mensuel brut minimum légal pour l'horaire (L3231-2, D3231-3) : le SMIC mensualisé
    (:func:`smic_mensuel`) ; pour un jeune de moins de 18 ans sans six mois de pratique dans la
    branche, le SMIC abattu exact × les heures mensualisées, arrondi une seule fois au centime
    supérieur (35 h en mars 2026, 16 ans : 12,02 × 0,8 × 151 2/3 = 1 458,426… → 1 458,43 €).
    """
    if heures_hebdomadaires is None:
        heures_hebdomadaires = valeur("temps_travail.duree_legale.hebdomadaire")
    abattement = (
        Decimal(0)
        if age is None
        else _abattement_jeune(age=age, mois_experience_branche=mois_experience_branche)
    )
    if not abattement:
        return smic_mensuel(le, heures_hebdomadaires)
    # Arrondir d'abord le taux horaire (9,616 → 9,62 €) puis le produit exigerait 1 459,04 € au
    # lieu de 1 458,43 € et refuserait un salaire licite.
    return arrondir_centime_superieur(
        smic_horaire(le) * (1 - abattement) * heures_mensuelles(heures_hebdomadaires)
    )


def verifier_salaire_minimum(
    *,
    le: date,
    salaire_mensuel_brut: Decimal,
    heures_hebdomadaires: Decimal | int | None = None,
    age: int | None = None,
    mois_experience_branche: int = 0,
) -> Verification:
    """Le salaire mensuel de base atteint-il le minimum légal (SMIC mensualisé, ou minimum des
    jeunes travailleurs) ? L3231-2, D3231-3. Le minimum conventionnel peut être plus élevé.
    """
    minimum = salaire_minimum_mensuel(
        le,
        heures_hebdomadaires=heures_hebdomadaires,
        age=age,
        mois_experience_branche=mois_experience_branche,
    )
    abattu = age is not None and bool(
        _abattement_jeune(age=age, mois_experience_branche=mois_experience_branche)
    )
    # Sans abattement (adulte, ou mineur avec six mois de pratique) : le SMIC mensualisé.
    article = "L3231-2 ; D3231-3" if abattu else "L3231-2"
    if en_decimal(salaire_mensuel_brut) >= minimum:
        return Verification(True, "Le salaire atteint le minimum légal.", article, f"{minimum} €")
    return Verification(
        False,
        f"Le salaire est inférieur au minimum légal de {montant_en_francais(minimum)} brut par "
        "mois pour cet horaire. La convention collective peut prévoir un minimum plus élevé.",
        article,
        f"{minimum} €",
    )
