"""Durée du travail : durée légale, durées maximales, heures supplémentaires, temps partiel
(durée minimale et ses dérogations, heures complémentaires)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rh_tpe.droit.cdd import motif_cdd as _motif_cdd
from rh_tpe.droit.donnees import Fondement, fondements, regle, valeur
from rh_tpe.droit.erreurs import ErreurDroit
from rh_tpe.droit.outils import CENTIME, arrondir_euros, en_decimal, nombre_en_francais
from rh_tpe.droit.types import Verification

Heures = Decimal | int


def duree_legale_hebdomadaire() -> Decimal:
    """Durée légale du travail : 35 heures par semaine (L3121-27)."""
    return valeur("temps_travail.duree_legale.hebdomadaire")


@dataclass(frozen=True)
class DureesMaximales:
    """Durées maximales de travail effectif, en heures (``moyenne_12_semaines`` : adultes)."""

    quotidienne: Decimal
    hebdomadaire: Decimal
    moyenne_12_semaines: Decimal | None
    articles: str


def _est_mineur(age: int | None) -> bool:
    return age is not None and age < regle("mineurs.age.majorite").entier


def _est_moins_de_16_ans(age: int | None) -> bool:
    return age is not None and age < regle("mineurs.age.minimum_embauche").entier


def durees_maximales(*, age: int | None = None, accord_collectif: bool = False) -> DureesMaximales:
    """Durées maximales : 10 h par jour (L3121-18), 48 h sur une semaine (L3121-20), 44 h en
    moyenne sur 12 semaines consécutives (L3121-22) ; jeunes de moins de 18 ans : 8 h par jour et
    35 h par semaine (L3162-1) ; de 14 à moins de 16 ans (travail pendant les vacances scolaires
    seulement, L4153-3) : 7 h par jour et 35 h par semaine (D4153-3).

    ``accord_collectif`` : un accord d'entreprise ou de branche porte la durée quotidienne d'un
    adulte jusqu'à 12 h (L3121-19) ; sans effet pour un jeune. Dérogations de l'inspection du
    travail et cas d'urgence (L3121-18 1° et 2°) non modélisés."""
    if _est_moins_de_16_ans(age):
        return DureesMaximales(
            quotidienne=valeur("temps_travail.maximum.quotidien_moins_16_ans"),
            hebdomadaire=valeur("temps_travail.maximum.hebdomadaire_moins_16_ans"),
            moyenne_12_semaines=None,
            articles="D4153-3",
        )
    if _est_mineur(age):
        return DureesMaximales(
            quotidienne=valeur("temps_travail.maximum.quotidien_mineur"),
            hebdomadaire=valeur("temps_travail.maximum.hebdomadaire_mineur"),
            moyenne_12_semaines=None,
            articles="L3162-1",
        )
    quotidien = "quotidien_accord" if accord_collectif else "quotidien"
    return DureesMaximales(
        quotidienne=valeur(f"temps_travail.maximum.{quotidien}"),
        hebdomadaire=valeur("temps_travail.maximum.hebdomadaire"),
        moyenne_12_semaines=valeur("temps_travail.maximum.moyenne_12_semaines"),
        articles=f"{regle(f'temps_travail.maximum.{quotidien}').article} ; L3121-20 ; L3121-22",
    )


def verifier_durees_travail(
    *,
    heures_jour: Heures | None = None,
    heures_semaine: Heures | None = None,
    moyenne_12_semaines: Heures | None = None,
    age: int | None = None,
    accord_collectif: bool = False,
) -> Verification:
    """Vérifie un horaire contre les durées maximales (L3121-18, L3121-19 avec
    ``accord_collectif``, L3121-20, L3121-22, L3162-1, D4153-3).
    Renvoie la première limite dépassée."""
    maxima = durees_maximales(age=age, accord_collectif=accord_collectif)
    if _est_moins_de_16_ans(age):
        article_jour = article_semaine = "D4153-3"
    elif _est_mineur(age):
        article_jour = article_semaine = "L3162-1"
    else:
        article_jour = "L3121-19" if accord_collectif else "L3121-18"
        article_semaine = "L3121-20"
    controles = [
        (heures_jour, maxima.quotidienne, article_jour, "par jour"),
        (heures_semaine, maxima.hebdomadaire, article_semaine, "sur une semaine"),
        (moyenne_12_semaines, maxima.moyenne_12_semaines, "L3121-22", "en moyenne sur 12 semaines"),
    ]
    for heures, maximum, article, periode in controles:
        if heures is None or maximum is None:
            continue
        if en_decimal(heures) < 0:
            raise ErreurDroit("Une durée de travail ne peut être négative.", article)
        if en_decimal(heures) > maximum:
            return Verification(
                False,
                f"{_heures(heures)} h {periode} dépasse la durée maximale de {_heures(maximum)} h.",
                article,
                f"{maximum} h {periode}",
            )
    return Verification(True, "Durées maximales respectées.", maxima.articles)


def heures_supplementaires(*, heures_semaine: Heures) -> Decimal:
    """Heures accomplies au-delà de la durée légale hebdomadaire (L3121-28)."""
    return max(en_decimal(heures_semaine) - duree_legale_hebdomadaire(), Decimal(0))


def remuneration_heures_supplementaires(
    *, heures_semaine: Heures, taux_horaire: Decimal, taux_accord: Decimal | None = None
) -> Decimal:
    """Paie des heures supplémentaires de la semaine, majoration comprise (L3121-36) : +25 % pour
    les 8 premières (36e à 43e heure), +50 % ensuite ; un accord peut fixer un taux unique d'au
    moins 10 % (L3121-33). 39 h à 12,02 € → 4 × 12,02 × 1,25 = 60,10 €."""
    taux = en_decimal(taux_horaire)
    if taux < 0:
        raise ErreurDroit("Le taux horaire ne peut être négatif.", "L3121-36")
    heures = heures_supplementaires(heures_semaine=heures_semaine)
    if taux_accord is not None:
        minimum = regle("temps_travail.heures_supplementaires.taux_minimum_accord")
        if en_decimal(taux_accord) < minimum.valeur:
            raise ErreurDroit(
                "Le taux de majoration conventionnel est d'au moins 10 %.", minimum.article
            )
        return arrondir_euros(heures * taux * (1 + en_decimal(taux_accord)))
    palier = valeur("temps_travail.heures_supplementaires.heures_premier_palier")
    premieres = min(heures, palier)
    suivantes = heures - premieres
    montant = premieres * taux * (
        1 + valeur("temps_travail.heures_supplementaires.taux_premier_palier")
    ) + suivantes * taux * (1 + valeur("temps_travail.heures_supplementaires.taux_second_palier"))
    return arrondir_euros(montant)


def duree_minimale_temps_partiel() -> Decimal:
    """Durée minimale du travail à temps partiel : 24 heures par semaine, ou l'équivalent mensuel
    (104 h, voir :func:`rh_tpe.droit.heures_mensuelles`), à défaut d'accord de branche étendu
    (L3123-7, L3123-19, L3123-27)."""
    return valeur("temps_travail.temps_partiel.duree_minimale_hebdomadaire")


def derogations_temps_partiel() -> tuple[Fondement, ...]:
    """Cas où un temps partiel peut être inférieur à la durée minimale (L3123-7, L3123-19)."""
    return fondements("temps_travail.derogations_temps_partiel")


def verifier_duree_temps_partiel(
    *,
    heures_hebdomadaires: Heures,
    contrat: str = "CDI",
    motif_cdd: str | None = None,
    duree_contrat_jours: int | None = None,
    derogation: str | None = None,
    minimum_accord_branche: Heures | None = None,
    age: int | None = None,
) -> Verification:
    """Vérifie la durée d'un temps partiel : au moins 24 h par semaine (L3123-27) ou le minimum
    d'un accord de branche étendu (L3123-19), sauf dérogation de L3123-7 : contrat de 7 jours au
    plus, CDD de remplacement (L1242-2 1°), intérim de remplacement, cumul avec une structure
    d'insertion, demande écrite et motivée du salarié (contraintes personnelles ou cumul
    d'activités), retraite progressive, étudiant de moins de 26 ans (de droit).

    ``derogation`` : un code de :func:`derogations_temps_partiel`. ``age`` : l'âge du salarié au
    début du contrat ; la dérogation de l'étudiant (dernier alinéa de L3123-7 : « salarié âgé de
    moins de vingt-six ans poursuivant ses études ») est refusée à partir de 26 ans.
    """
    heures = en_decimal(heures_hebdomadaires)
    legale = duree_legale_hebdomadaire()
    if heures <= 0 or heures >= legale:
        raise ErreurDroit(
            f"Un temps partiel est inférieur à la durée légale de {_heures(legale)} h par semaine.",
            "L3123-1",
        )
    if derogation is not None:
        cas = {f.code: f for f in derogations_temps_partiel()}
        if derogation not in cas:
            raise ErreurDroit(
                f"Dérogation inconnue : « {derogation} » ({', '.join(cas)}).", "L3123-7"
            )
        fondement = cas[derogation]
        age_max = regle("temps_travail.temps_partiel.age_max_etudiant")
        if derogation == "etudiant_moins_26_ans" and age is not None and age >= age_max.entier:
            return Verification(
                False,
                f"La durée réduite de droit pour un étudiant ne vaut que pour un salarié de moins "
                f"de {age_max.entier} ans poursuivant ses études ; à {age} ans, il faut un autre "
                "cas prévu par la loi (par exemple une demande écrite et motivée du salarié).",
                fondement.article,
                f"moins de {age_max.entier} ans",
            )
        return Verification(True, f"Dérogation : {fondement.libelle}", fondement.article)
    exempte_jours = regle("temps_travail.temps_partiel.duree_max_contrat_exempte_jours")
    if duree_contrat_jours is not None and duree_contrat_jours <= exempte_jours.entier:
        return Verification(
            True, "Contrat de 7 jours au plus : pas de durée minimale.", exempte_jours.article
        )
    if contrat.strip().upper() == "CDD" and motif_cdd is not None:
        motif = _motif_cdd(motif_cdd)
        if motif.exception_temps_partiel:
            return Verification(
                True, "CDD de remplacement (L1242-2 1°) : pas de durée minimale.", "L3123-7 2°"
            )
    if minimum_accord_branche is not None:
        minimum, article = en_decimal(minimum_accord_branche), "L3123-19"
    else:
        minimum, article = duree_minimale_temps_partiel(), "L3123-27"
    if heures >= minimum:
        return Verification(
            True, f"Durée d'au moins {_heures(minimum)} h par semaine.", article, f"{minimum} h"
        )
    return Verification(
        False,
        f"Un temps partiel doit compter au moins {_heures(minimum)} h par semaine, sauf dérogation "
        "(demande écrite et motivée du salarié, étudiant de moins de 26 ans, CDD de "
        "remplacement…).",
        article,
        f"{minimum} h",
    )


@dataclass(frozen=True)
class LimiteHeuresComplementaires:
    """Heures complémentaires possibles sur la période (semaine ou mois du contrat).

    ``maximum`` : 1/10 de la durée contractuelle, ou 1/3 avec un accord (L3123-28, L3123-20).
    ``total_strictement_inferieur_a`` : la durée accomplie doit rester sous la durée légale ou
    conventionnelle (L3123-9).
    """

    maximum: Decimal
    total_strictement_inferieur_a: Decimal
    article: str


def heures_complementaires_max(
    *,
    heures_contractuelles: Heures,
    accord_collectif: bool = False,
    duree_conventionnelle: Heures | None = None,
    periode: str = "semaine",
) -> LimiteHeuresComplementaires:
    """Limite des heures complémentaires d'un temps partiel : un dixième de la durée prévue au
    contrat (L3123-28), jusqu'au tiers par accord (L3123-20) ; le total ne peut atteindre la durée
    légale, ou la durée conventionnelle si elle est inférieure (L3123-9). 24 h → 2,4 h.

    ``periode`` : ``"semaine"`` (durée hebdomadaire) ou ``"mois"`` (durée mensuelle, L3123-28 :
    « au cours d'une même semaine ou d'un même mois ») ; la durée légale est alors mensualisée
    (151 2/3 h) et ``duree_conventionnelle`` s'exprime sur la même période. 104 h → 10,4 h."""
    heures = en_decimal(heures_contractuelles)
    if heures <= 0:
        raise ErreurDroit("La durée contractuelle doit être positive.", "L3123-28")
    if periode not in ("semaine", "mois"):
        raise ErreurDroit(f"Période inconnue : « {periode} » (semaine ou mois).", "L3123-28")
    if accord_collectif:
        diviseur = regle("temps_travail.temps_partiel.fraction_heures_complementaires_accord")
    else:
        diviseur = regle("temps_travail.temps_partiel.fraction_heures_complementaires")
    plafond = duree_legale_hebdomadaire()
    if periode == "mois":
        plafond = (
            plafond
            * valeur("temps_travail.duree_legale.semaines_par_an")
            / valeur("temps_travail.duree_legale.mois_par_an")
        )
    if duree_conventionnelle is not None:
        plafond = min(plafond, en_decimal(duree_conventionnelle))
    return LimiteHeuresComplementaires(
        maximum=heures / diviseur.valeur,
        total_strictement_inferieur_a=plafond,
        article=f"{diviseur.article} ; L3123-9",
    )


def _en_heures(heures: Decimal) -> str:
    """Un nombre d'heures pour ``limite`` : au centième, sans zéros inutiles (151,666… →
    « 151.67 »)."""
    return f"{heures.quantize(CENTIME).normalize():f}"


def _heures(heures: Heures) -> str:
    """Un nombre d'heures pour les messages, à la française : 151,666… → « 151,67 »."""
    return nombre_en_francais(en_decimal(heures).quantize(CENTIME))


def verifier_heures_complementaires(
    *,
    heures_contractuelles: Heures,
    heures_complementaires: Heures,
    accord_collectif: bool = False,
    duree_conventionnelle: Heures | None = None,
    periode: str = "semaine",
) -> Verification:
    """Vérifie un volume d'heures complémentaires (L3123-28, L3123-20, L3123-9) sur la semaine ou
    le mois du contrat (``periode``, voir :func:`heures_complementaires_max`)."""
    limite = heures_complementaires_max(
        heures_contractuelles=heures_contractuelles,
        accord_collectif=accord_collectif,
        duree_conventionnelle=duree_conventionnelle,
        periode=periode,
    )
    complementaires = en_decimal(heures_complementaires)
    if complementaires < 0:
        raise ErreurDroit("Les heures complémentaires ne peuvent être négatives.", "L3123-28")
    if complementaires > limite.maximum:
        article = "L3123-20" if accord_collectif else "L3123-28"
        return Verification(
            False,
            f"{_heures(complementaires)} h dépasse la limite de {_heures(limite.maximum)} h "
            "d'heures complémentaires.",
            article,
            f"{_en_heures(limite.maximum)} h",
        )
    if en_decimal(heures_contractuelles) + complementaires >= limite.total_strictement_inferieur_a:
        return Verification(
            False,
            "Les heures complémentaires ne peuvent porter la durée du travail au niveau de "
            f"{_heures(limite.total_strictement_inferieur_a)} h.",
            "L3123-9",
        )
    return Verification(True, "Heures complémentaires dans les limites.", limite.article)


def remuneration_heures_complementaires(
    *,
    heures_contractuelles: Heures,
    heures_complementaires: Heures,
    taux_horaire: Decimal,
    taux_accord: Decimal | None = None,
) -> Decimal:
    """Paie des heures complémentaires, majoration comprise : +10 % dans la limite du dixième des
    heures du contrat, +25 % entre le dixième et le tiers (L3123-29) ; un accord de branche étendu
    peut fixer un taux d'au moins 10 % (L3123-21). Toute heure complémentaire est majorée
    (L3123-8). Erreur au-delà du tiers (L3123-20)."""
    contrat = en_decimal(heures_contractuelles)
    heures = en_decimal(heures_complementaires)
    taux = en_decimal(taux_horaire)
    if contrat <= 0 or heures < 0 or taux < 0:
        raise ErreurDroit("Heures et taux doivent être positifs.", "L3123-29")
    tiers = contrat / valeur("temps_travail.temps_partiel.fraction_heures_complementaires_accord")
    if heures > tiers:
        raise ErreurDroit(
            "Les heures complémentaires ne peuvent dépasser le tiers de la durée du contrat.",
            "L3123-20",
        )
    if taux_accord is not None:
        minimum = regle("temps_travail.temps_partiel.taux_minimum_accord")
        if en_decimal(taux_accord) < minimum.valeur:
            raise ErreurDroit(
                "Le taux de majoration conventionnel est d'au moins 10 %.", minimum.article
            )
        return arrondir_euros(heures * taux * (1 + en_decimal(taux_accord)))
    dixieme = contrat / valeur("temps_travail.temps_partiel.fraction_heures_complementaires")
    dans_le_dixieme = min(heures, dixieme)
    au_dela = heures - dans_le_dixieme
    montant = dans_le_dixieme * taux * (
        1 + valeur("temps_travail.temps_partiel.taux_heures_complementaires_dixieme")
    ) + au_dela * taux * (
        1 + valeur("temps_travail.temps_partiel.taux_heures_complementaires_au_dela")
    )
    return arrondir_euros(montant)


@dataclass(frozen=True)
class PeriodeNuit:
    """La période de travail de nuit applicable, en heures pleines (``debut`` la veille, ``fin``
    le matin), et l'article qui la fixe."""

    debut: int
    fin: int
    article: str


def periode_travail_nuit(*, age: int | None = None) -> PeriodeNuit:
    """Période de travail de nuit : pour un jeune de 16 à 18 ans, tout travail entre 22 h et
    6 h ; avant 16 ans, entre 20 h et 6 h (L3163-1). Adulte, à défaut d'accord collectif : entre
    21 h et 6 h (L3122-20 ; la période d'un accord fait au moins 9 h et comprend minuit-5 h,
    L3122-2)."""
    if age is not None and _est_mineur(age):
        seuil = regle("mineurs.nuit.age_seuil").entier
        cle = "debut_moins_16_ans" if age < seuil else "debut_16_18_ans"
        debut = regle(f"mineurs.nuit.{cle}")
        return PeriodeNuit(
            debut=debut.entier, fin=regle("mineurs.nuit.fin").entier, article=debut.article
        )
    debut = regle("temps_travail.travail_nuit.debut_defaut")
    return PeriodeNuit(
        debut=debut.entier,
        fin=regle("temps_travail.travail_nuit.fin_defaut").entier,
        article=debut.article,
    )


def verifier_travail_nuit(*, age: int | None, travail_nuit: bool) -> Verification:
    """Le travail de nuit est interdit aux jeunes travailleurs de moins de 18 ans (L3163-2).
    L'inspecteur du travail peut l'autoriser à titre exceptionnel dans l'hôtellerie, la
    restauration, la boulangerie, la pâtisserie, les spectacles et les courses hippiques
    (R3163-1 à R3163-5), jamais entre minuit et 4 h ; le portail ne produit pas ce contrat."""
    interdiction = regle("mineurs.nuit.interdiction")
    if not travail_nuit:
        return Verification(True, "Pas de travail de nuit.", interdiction.article)
    if _est_mineur(age):
        periode = periode_travail_nuit(age=age)
        return Verification(
            False,
            f"Le travail de nuit (entre {periode.debut} h et {periode.fin} h pour ce jeune) est "
            "interdit avant 18 ans. Seul l'inspecteur du travail peut l'autoriser, à titre "
            "exceptionnel, dans quelques secteurs (boulangerie, pâtisserie, hôtellerie, "
            "restauration, spectacles), jamais entre minuit et 4 h : adressez-vous à lui avant "
            "de prévoir des horaires de nuit.",
            interdiction.article,
        )
    return Verification(
        True,
        "Travail de nuit d'un adulte : visite d'information et de prévention avant l'affectation "
        "pour un travailleur de nuit.",
        "L3122-5 ; R4624-18",
    )
