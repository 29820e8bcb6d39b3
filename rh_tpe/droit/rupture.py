"""Licenciement pour motif personnel : ancienneté, salaire de référence, indemnité légale,
préavis, délais de procédure."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from rh_tpe.droit.calendrier import (
    ajouter_jours_ouvrables,
    prochain_jour_ouvrable,
    proroger_r1231_1,
)
from rh_tpe.droit.donnees import regle, table, valeur
from rh_tpe.droit.erreurs import ErreurDroit
from rh_tpe.droit.outils import MOIS_PAR_AN, arrondir_euros, en_decimal, lendemain, mois_complets
from rh_tpe.droit.types import Absence, Duree, SalaireMensuel

# Une ancienneté en années donnée au centième (affichage usuel) qui est l'arrondi d'un nombre
# entier de mois est lue comme ce nombre de mois (R1234-1 : mois complets) : 11,67 ans = 140 mois.
_TOLERANCE_MOIS = Decimal("0.06")  # 0,005 an × 12 : l'écart maximal d'un arrondi au centième
# L'indemnité légale de licenciement ne concerne que le CDI (L1234-9) ; un CDD vaut 0.
_CONTRATS = ("CDI", "CDD")


def _annees_en_mois_complets(annees: Decimal) -> Decimal:
    mois = annees * MOIS_PAR_AN
    entier = mois.to_integral_value(rounding=ROUND_HALF_UP)
    if abs(mois - entier) <= _TOLERANCE_MOIS:
        return entier / MOIS_PAR_AN
    return annees


def motifs_absence() -> dict[str, str]:
    """Motifs d'absence connus (code → libellé) pour :func:`anciennete` (L1234-11)."""
    return {code: str(donnees["libelle"]) for code, donnees in table("rupture.absences").items()}


def anciennete(*, entree: date, sortie: date, absences: Sequence[Absence] = ()) -> Decimal:
    """Ancienneté en années pour l'indemnité de licenciement (L1234-9, L1234-11, R1234-1).

    Mois calendaires complets du jour d'entrée au jour de sortie inclus (fin du préavis pour le
    montant ; notification pour le droit), divisés par 12, moins les absences qui suspendent le
    contrat : maladie non professionnelle, congé sans solde, grève, mise à pied… retranchées ;
    congé parental d'éducation à temps plein pour moitié ; accident du travail, maladie
    professionnelle, maternité non retranchés (données ``rupture.absences``, comme le simulateur
    CDTN). Valeur exacte, non arrondie ; jamais négative.
    """
    if sortie < entree:
        raise ErreurDroit("La date de sortie précède la date d'entrée.", "L1234-9")
    coefficients = table("rupture.absences")
    mois_retranches = Decimal(0)
    for absence in absences:
        if absence.motif not in coefficients:
            connus = ", ".join(coefficients)
            raise ErreurDroit(
                f"Motif d'absence inconnu : « {absence.motif} » (motifs : {connus}).", "L1234-11"
            )
        duree = en_decimal(absence.duree_mois)
        if duree < 0:
            raise ErreurDroit("La durée d'une absence ne peut être négative.", "L1234-11")
        mois_retranches += duree * Decimal(str(coefficients[absence.motif]["coefficient"]))
    mois = Decimal(mois_complets(entree, lendemain(sortie))) - mois_retranches
    return max(mois, Decimal(0)) / MOIS_PAR_AN


def salaire_reference_licenciement(*, salaires: Sequence[SalaireMensuel]) -> Decimal:
    """Salaire de référence de l'indemnité de licenciement (R1234-4), le plus favorable de :

    1. la moyenne mensuelle des douze derniers mois (de tous les mois si moins de douze) ;
    2. le tiers des trois derniers mois, une prime annuelle ou exceptionnelle versée pendant ces
       trois mois n'étant retenue qu'à due proportion (prime × 3/12).

    ``salaires`` : le plus récent d'abord. Les mois marqués ``arret_maladie`` sont écartés : on
    retient les douze ou trois mois qui précèdent l'arrêt (Cass. soc. 23 mai 2017,
    n° 15-22.223) ; donnez donc aussi les mois antérieurs à l'arrêt.
    Formule identique au simulateur CDTN (``salary.ts``). Arrondi au centime.
    """
    salaires = [salaire for salaire in salaires if not salaire.arret_maladie]
    if not salaires:
        raise ErreurDroit("Indiquez au moins un mois de salaire hors arrêt maladie.", "R1234-4")
    for salaire in salaires:
        if en_decimal(salaire.brut) < 0 or not 0 <= en_decimal(
            salaire.prime_annuelle
        ) <= en_decimal(salaire.brut):
            raise ErreurDroit(
                "Un salaire est positif et sa prime annuelle comprise entre zéro et le brut.",
                "R1234-4",
            )
    longue = regle("rupture.salaire_reference.mois_longue_periode").entier
    courte = regle("rupture.salaire_reference.mois_courte_periode").entier
    prorata = valeur("rupture.salaire_reference.mois_prorata_prime_annuelle")
    douze = salaires[:longue]
    moyenne_longue = sum((en_decimal(s.brut) for s in douze), Decimal(0)) / len(douze)
    trois = salaires[:courte]
    primes = sum((en_decimal(s.prime_annuelle) for s in trois), Decimal(0))
    bruts = sum((en_decimal(s.brut) for s in trois), Decimal(0))
    moyenne_courte = primes / prorata + (bruts - primes) / courte
    return arrondir_euros(max(moyenne_longue, moyenne_courte))


def indemnite_licenciement(
    *,
    anciennete_annees: Decimal,
    salaire_reference: Decimal,
    anciennete_requise_annees: Decimal | None = None,
    inaptitude_professionnelle: bool = False,
    faute_grave: bool = False,
    contrat: str = "CDI",
) -> Decimal:
    """Indemnité légale de licenciement (L1234-9, R1234-1, R1234-2) : un quart de mois de salaire
    par année jusqu'à dix ans, un tiers de mois par année au-delà ; années incomplètes au prorata.

    * Droit : 8 mois d'ancienneté ininterrompue à la notification (``anciennete_requise_annees``,
      par défaut ``anciennete_annees``), sinon 0.
    * Une ancienneté au centième d'année qui arrondit un nombre entier de mois est lue comme ce
      nombre de mois (0,67 an = 8 mois ; 11,67 ans = 140 mois, R1234-1) ; sinon elle est prise
      telle quelle (vecteur CDTN 10,91 ans).
    * Montant : ``anciennete_annees`` (jusqu'à la fin du préavis).
    * Inaptitude d'origine professionnelle : indemnité doublée, sans condition d'ancienneté
      (L1226-14).
    * Pas d'indemnité en cas de faute grave ou lourde (``faute_grave``), ni hors CDI
      (``contrat="CDD"`` : la rupture anticipée d'un CDD obéit à L1243-4) : 0 (L1234-9).

    Vecteurs CDTN : 10,91 ans à 2 000 € → 5 606,67 € ; 42 ans à 2 500 € → 32 916,67 €.
    """
    annees = en_decimal(anciennete_annees)
    salaire = en_decimal(salaire_reference)
    if annees < 0 or salaire < 0:
        raise ErreurDroit("Ancienneté et salaire de référence sont positifs.", "R1234-2")
    code_contrat = contrat.strip().upper()
    if code_contrat not in _CONTRATS:
        raise ErreurDroit(f"Type de contrat inconnu : « {contrat} » (CDI ou CDD).", "L1234-9")
    if faute_grave or code_contrat != "CDI":
        return arrondir_euros(Decimal(0))
    requise = annees if anciennete_requise_annees is None else en_decimal(anciennete_requise_annees)
    annees, requise = _annees_en_mois_complets(annees), _annees_en_mois_complets(requise)
    if not inaptitude_professionnelle:
        mois_minimum = valeur("rupture.indemnite.anciennete_minimale_mois")
        if requise * MOIS_PAR_AN < mois_minimum:
            return arrondir_euros(Decimal(0))
    seuil_annees = valeur("rupture.indemnite.seuil_annees")
    quart = valeur("rupture.indemnite.fraction_jusqu_au_seuil")
    tiers_diviseur = valeur("rupture.indemnite.diviseur_au_dela_du_seuil")
    montant = quart * salaire * min(annees, seuil_annees)
    if annees > seuil_annees:
        montant += salaire * (annees - seuil_annees) / tiers_diviseur
    if inaptitude_professionnelle:
        montant *= valeur("rupture.indemnite.multiplicateur_inaptitude_professionnelle")
    return arrondir_euros(montant)


def preavis_licenciement(
    *, anciennete_mois: int, travailleur_handicape: bool = False, faute_grave: bool = False
) -> Duree | None:
    """Préavis légal de licenciement (L1234-1) : ``None`` sous 6 mois d'ancienneté (fixé par la
    convention collective ou les usages) ; 1 mois de 6 mois à moins de 2 ans ; 2 mois à partir de
    2 ans. Doublé pour un travailleur handicapé, dans la limite de 3 mois (L5213-9). Aucun préavis
    en cas de faute grave (``Duree(0, "mois")``). Un préavis plus favorable (convention, contrat,
    usage) prévaut."""
    if anciennete_mois < 0:
        raise ErreurDroit("L'ancienneté ne peut être négative.", "L1234-1")
    if faute_grave:
        return Duree(0, "mois")
    if anciennete_mois < regle("rupture.preavis.seuil_court_mois").entier:
        return None
    if anciennete_mois < regle("rupture.preavis.seuil_long_mois").entier:
        mois = regle("rupture.preavis.de_6_mois_a_2_ans").entier
    else:
        mois = regle("rupture.preavis.a_partir_de_2_ans").entier
    if travailleur_handicape:
        mois = min(
            mois * regle("rupture.preavis.multiplicateur_travailleur_handicape").entier,
            regle("rupture.preavis.plafond_travailleur_handicape").entier,
        )
    return Duree(mois, "mois")


def _au_plus_tot_apres(depart: date, jours_ouvrables: int, alsace_moselle: bool) -> date:
    echeance = ajouter_jours_ouvrables(depart, jours_ouvrables, alsace_moselle=alsace_moselle)
    echeance = proroger_r1231_1(echeance, alsace_moselle=alsace_moselle)
    return prochain_jour_ouvrable(lendemain(echeance), alsace_moselle=alsace_moselle)


def entretien_prealable_au_plus_tot(
    *, presentation_convocation: date, alsace_moselle: bool = False
) -> date:
    """Première date possible de l'entretien préalable : pas moins de cinq jours ouvrables après
    la présentation de la lettre recommandée ou la remise en main propre (L1232-2). Jour de
    présentation exclu, dimanches et fériés exclus ; un délai expirant un samedi, un dimanche ou un
    jour férié est prorogé au premier jour ouvrable suivant (R1231-1 ; Cass. soc. 10 juil. 2019).
    Présentation mercredi 4 mars 2026 → mercredi 11 mars ; lundi 2 mars → mardi 10 mars.
    Le résultat n'est jamais un dimanche ni un jour férié."""
    jours = regle("rupture.procedure.entretien_jours_ouvrables").entier
    return _au_plus_tot_apres(presentation_convocation, jours, alsace_moselle)


def envoi_licenciement_au_plus_tot(*, entretien: date, alsace_moselle: bool = False) -> date:
    """Première date d'expédition de la lettre de licenciement : pas moins de deux jours ouvrables
    après la date prévue de l'entretien préalable (L1232-6), même computation que
    :func:`entretien_prealable_au_plus_tot` (R1231-1). Entretien lundi 16 mars 2026 → jeudi 19 mars.
    """
    jours = regle("rupture.procedure.envoi_lettre_jours_ouvrables").entier
    return _au_plus_tot_apres(entretien, jours, alsace_moselle)
