"""Contrat à durée déterminée : motifs, interdictions, durée maximale, renouvellements, carence,
indemnité de fin de contrat, transmission du contrat."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal

from rh_tpe.droit.calendrier import ajouter_jours_ouvrables
from rh_tpe.droit.donnees import Fondement, fondements, regle, table, valeur
from rh_tpe.droit.erreurs import ErreurDroit
from rh_tpe.droit.outils import ajouter_mois, arrondir_euros, code_normalise, en_decimal
from rh_tpe.droit.types import Duree, Verification

_ALIAS_MOTIFS = {
    "remplacement_absent": "remplacement",
    "remplacement_salarie_absent": "remplacement",
    "accroissement_temporaire_activite": "accroissement_temporaire",
    "emploi_saisonnier": "saisonnier",
    "cdd_usage": "usage",
    "cdd_objet_defini": "objet_defini",
    "periode_reconversion": "reconversion",
    "accroissement_temporaire_d_activite": "accroissement_temporaire",
    "attente_recrutement_cdi": "attente_entree_cdi",
    "attente_salarie_cdi": "attente_entree_cdi",
    "depart_definitif_avant_suppression_poste": "remplacement_avant_suppression_poste",
    "commande_export": "commande_exceptionnelle_export",
    "travaux_urgents": "travaux_urgents_securite",
    "contrat_saisonnier": "saisonnier",
    "contrat_usage": "usage",
}
# Autres noms courants des situations (après `code_normalise`) : les codes qu'ils désignent,
# parmi les exclusions de l'indemnité de fin de contrat et les exemptions de carence.
_ALIAS_SITUATIONS: dict[str, tuple[str, ...]] = {
    "saisonnier": ("motif_saisonnier", "saisonnier_ou_usage"),
    "contrat_saisonnier": ("motif_saisonnier", "saisonnier_ou_usage"),
    "motif_saisonnier": ("saisonnier_ou_usage",),
    "usage": ("motif_usage", "saisonnier_ou_usage"),
    "cdd_usage": ("motif_usage", "saisonnier_ou_usage"),
    "contrat_usage": ("motif_usage", "saisonnier_ou_usage"),
    "motif_usage": ("saisonnier_ou_usage",),
    "rupture_anticipee_initiative_salarie": ("rupture_anticipee_salarie",),
    "rupture_pendant_periode_essai": ("rupture_periode_essai",),
    "refus_renouvellement": ("salarie_a_refuse_renouvellement",),
    "nouvelle_absence": ("nouvelle_absence_salarie_remplace",),
}


@dataclass(frozen=True)
class MotifCdd:
    """Un motif de recours au CDD, expliqué en français, avec ses conséquences."""

    code: str
    libelle: str
    explication: str
    article: str
    duree_maximale: Duree | None
    terme_imprecis_possible: bool
    nom_remplace_requis: bool
    exception_temps_partiel: bool
    indemnite_fin_contrat: bool
    exemption_carence: str
    renouvelable: bool


def _code_motif(motif: str) -> str:
    code = code_normalise(motif)
    code = _ALIAS_MOTIFS.get(code, code)
    motifs = table("motifs_cdd")
    if code == "source" or code not in motifs:
        connus = ", ".join(k for k in motifs if k != "source")
        raise ErreurDroit(f"Motif de CDD inconnu : « {motif} » (motifs : {connus}).", "L1242-2")
    return code


def motif_cdd(motif: str) -> MotifCdd:
    """Le motif de recours ``motif`` (L1242-2, L1242-3) avec son explication en français, son
    article, sa durée maximale par défaut (L1242-8-1), la possibilité d'un terme imprécis
    (L1242-7), l'obligation de nommer la personne remplacée (L1242-12 1°), l'exception à la
    durée minimale du temps partiel (L3123-7 2°), l'indemnité de fin de contrat (L1243-10 1°) et
    l'exemption de carence (L1244-4-1)."""
    code = _code_motif(motif)
    donnees = table(f"motifs_cdd.{code}")
    cle_duree = str(donnees["duree_max"])
    return MotifCdd(
        code=code,
        libelle=str(donnees["libelle"]),
        explication=str(donnees["explication"]),
        article=str(donnees["article"]),
        duree_maximale=regle(f"cdd.duree_maximale.{cle_duree}").duree if cle_duree else None,
        terme_imprecis_possible=bool(donnees["terme_imprecis_possible"]),
        nom_remplace_requis=bool(donnees["nom_remplace_requis"]),
        exception_temps_partiel=bool(donnees["exception_temps_partiel"]),
        indemnite_fin_contrat=bool(donnees["indemnite_fin_contrat"]),
        exemption_carence=str(donnees["sans_carence"]),
        renouvelable=bool(donnees["renouvelable"]),
    )


def motifs_cdd() -> tuple[MotifCdd, ...]:
    """Tous les motifs de recours connus (L1242-2, L1242-3), dans l'ordre du fichier
    ``regles/motifs_cdd.toml``."""
    return tuple(motif_cdd(code) for code in table("motifs_cdd") if code != "source")


def cas_interdits_cdd() -> tuple[Fondement, ...]:
    """Cas de recours interdits au CDD (L1242-5 ; L1242-6 1° grève, 2° travaux dangereux)."""
    return fondements("cdd.interdictions")


def duree_maximale_cdd(*, motif: str, terme_precis: bool = True) -> Duree | None:
    """Durée maximale du CDD, renouvellements compris, à défaut d'accord de branche étendu
    (L1242-8, L1242-8-1) : 18 mois en général ; 9 mois dans l'attente d'un salarié recruté en
    CDI ou pour des travaux urgents de sécurité ; 24 mois à l'étranger, avant suppression de
    poste, pour une commande exceptionnelle à l'export ; 36 mois pour l'objet défini (L1242-8-2).

    ``None`` quand le Code ne fixe pas de maximum : contrats de l'article L1242-3 (reconversion)
    et CDD à terme imprécis (qui prennent fin avec l'événement, L1242-7).
    """
    donnees = motif_cdd(motif)
    if not terme_precis:
        if not donnees.terme_imprecis_possible:
            raise ErreurDroit(f"Le motif « {donnees.libelle} » exige un terme précis.", "L1242-7")
        if donnees.code != "objet_defini":
            return None
    return donnees.duree_maximale


def _fin_contrat(debut: date, duree: Duree) -> date:
    jours = duree.en_jours()
    if jours is not None:
        return debut + timedelta(days=jours)
    if duree.unite == "mois":
        return ajouter_mois(debut, duree.valeur)
    raise ErreurDroit("La durée d'un CDD s'exprime en jours, semaines ou mois.", "L1242-8-1")


def _au_moins(duree: Duree, minimum: Duree, debut: date | None, article: str) -> bool:
    if duree.unite == "mois" and minimum.unite == "mois":
        return duree.valeur >= minimum.valeur
    if debut is None:
        raise ErreurDroit(
            "Indiquez la date de début pour comparer des durées d'unités différentes.", article
        )
    return _fin_contrat(debut, duree) >= _fin_contrat(debut, minimum)


def verifier_renouvellements_cdd(
    *,
    motif: str,
    duree_initiale: Duree,
    renouvellements: Sequence[Duree] = (),
    debut: date | None = None,
    nombre_renouvellements_accord: int | None = None,
) -> Verification:
    """Vérifie un CDD et ses renouvellements : deux renouvellements au plus (L1243-13-1, sauf
    accord de branche, L1243-13), durée totale au plus égale au maximum (L1242-8-1) ; pas de
    renouvellement pour l'objet défini (L1242-8-2). Durée minimale du contrat initial : 18 mois
    pour l'objet défini (L1242-8-2), 6 mois pour une commande exceptionnelle à l'exportation
    (L1242-8-1 3°) et pour la période de reconversion (L1242-3 5°). Les durées en mois se
    cumulent en mois ; si les unités diffèrent, ``debut`` permet de cumuler en dates calendaires."""
    donnees = motif_cdd(motif)
    if renouvellements and not donnees.renouvelable:
        article = "L1242-8-2" if donnees.code == "objet_defini" else "L1243-13-1"
        return Verification(
            False, f"Le CDD « {donnees.libelle} » ne peut pas être renouvelé.", article
        )
    maximum_renouvellements = (
        nombre_renouvellements_accord
        if nombre_renouvellements_accord is not None
        else regle("cdd.renouvellement.nombre_max").entier
    )
    if len(renouvellements) > maximum_renouvellements:
        return Verification(
            False,
            f"Un CDD peut être renouvelé au plus {maximum_renouvellements} fois.",
            "L1243-13-1",
            f"{maximum_renouvellements} renouvellements",
        )
    cle_minimum = str(table(f"motifs_cdd.{donnees.code}").get("duree_min", ""))
    if cle_minimum:
        minimum = regle(f"cdd.duree_minimale.{cle_minimum}")
        if not _au_moins(duree_initiale, minimum.duree, debut, minimum.article):
            return Verification(
                False,
                f"Le CDD « {donnees.libelle} » doit être conclu pour au moins "
                f"{minimum.duree} (durée du contrat initial : {duree_initiale}).",
                minimum.article,
                str(minimum.duree),
            )
    maximum = donnees.duree_maximale
    if maximum is None:
        return Verification(
            True, "Le Code ne fixe pas de durée maximale pour ce CDD.", donnees.article
        )
    durees = [duree_initiale, *renouvellements]
    if all(d.unite == "mois" for d in durees) and maximum.unite == "mois":
        total_mois = sum(d.valeur for d in durees)
        conforme = total_mois <= maximum.valeur
        total = Duree(total_mois, "mois")
    else:
        if debut is None:
            raise ErreurDroit(
                "Indiquez la date de début pour cumuler des durées d'unités différentes.",
                "L1242-8-1",
            )
        fin = debut
        for d in durees:
            fin = _fin_contrat(fin, d)
        conforme = fin <= _fin_contrat(debut, maximum)
        total = Duree((fin - debut).days, "jours")
    article = "L1242-8-2" if donnees.code == "objet_defini" else "L1242-8-1"
    if conforme:
        return Verification(
            True, f"Durée totale de {total} : conforme (maximum {maximum}).", article, str(maximum)
        )
    return Verification(
        False,
        f"La durée totale de {total}, renouvellements compris, dépasse le maximum de {maximum}.",
        article,
        str(maximum),
    )


def verifier_recours_cdd(
    *,
    motif: str,
    remplacement_salarie_en_greve: bool = False,
    travaux_dangereux: bool = False,
    derogation_travaux_dangereux: bool = False,
    mois_depuis_licenciement_economique: int | None = None,
    duree_mois: Decimal | int | None = None,
    renouvelable: bool = True,
    debut: date | None = None,
    fin: date | None = None,
) -> Verification:
    """Le recours au CDD est-il permis ?

    Interdit pour remplacer un salarié en grève (L1242-6 1°) et pour les travaux particulièrement
    dangereux de D4154-1 sauf dérogation (L1242-6 2°, D1242-5). Interdit pour accroissement
    temporaire d'activité dans les 6 mois suivant un licenciement économique sur le poste (L1242-5),
    sauf contrat non renouvelable de 3 mois au plus ou commande exceptionnelle à l'exportation ; la
    priorité de réembauche (L1233-45) reste due.

    La durée du contrat se donne en mois (``duree_mois``) ou par ses dates (``debut`` et ``fin``,
    dernier jour inclus) : du 2 mars au 1er juin 2026, le contrat n'excède pas trois mois ; jusqu'au
    2 juin, il les excède.
    """
    donnees = motif_cdd(motif)
    if remplacement_salarie_en_greve:
        return Verification(
            False,
            "Un CDD ne peut pas servir à remplacer un salarié en grève.",
            "L1242-6 1°",
        )
    if travaux_dangereux and not derogation_travaux_dangereux:
        return Verification(
            False,
            "Un CDD ne peut pas être conclu pour des travaux particulièrement dangereux (liste "
            "D4154-1), sauf dérogation de la DREETS.",
            "L1242-6 2°",
        )
    interdiction = regle("cdd.licenciement_economique.delai_interdiction")
    if (
        donnees.code == "accroissement_temporaire"
        and mois_depuis_licenciement_economique is not None
        and mois_depuis_licenciement_economique < interdiction.entier
    ):
        duree_max = regle("cdd.licenciement_economique.duree_max_exception")
        if debut is not None and fin is not None:
            court = fin < ajouter_mois(debut, duree_max.entier)
        else:
            court = duree_mois is not None and en_decimal(duree_mois) <= duree_max.valeur
        if court and not renouvelable:
            return Verification(
                True,
                "Exception : contrat non renouvelable de 3 mois au plus. La priorité de "
                "réembauche des salariés licenciés reste à respecter.",
                duree_max.article,
            )
        return Verification(
            False,
            "Pas de CDD pour accroissement temporaire d'activité sur ce poste dans les 6 mois "
            "suivant un licenciement économique (sauf contrat non renouvelable de 3 mois au "
            "plus ou commande exceptionnelle à l'exportation).",
            interdiction.article,
        )
    return Verification(True, f"Recours possible : {donnees.libelle}.", donnees.article)


def carence_cdd(*, duree_contrat_jours: int) -> int:
    """Délai de carence avant un nouveau CDD sur le même poste, en jours d'ouverture de
    l'entreprise (L1244-3, L1244-3-1) : le tiers de la durée du contrat échu, renouvellements
    compris, si elle est d'au moins 14 jours ; la moitié en dessous.

    La durée est comptée en jours calendaires [likely]. Le Code ne fixe pas l'arrondi : on arrondit
    au jour supérieur (13 jours → 6,5 → 7) [unsure], lecture protectrice du salarié qui limite
    l'enchaînement des contrats précaires. Voir :func:`exemption_carence` pour les cas sans carence.
    """
    if duree_contrat_jours <= 0:
        raise ErreurDroit("La durée du contrat doit être positive.", "L1244-3-1")
    if duree_contrat_jours >= regle("cdd.carence.seuil_jours").entier:
        diviseur = valeur("cdd.carence.diviseur_contrat_long")
    else:
        diviseur = valeur("cdd.carence.diviseur_contrat_court")
    return int((Decimal(duree_contrat_jours) / diviseur).to_integral_value(rounding=ROUND_CEILING))


def exemptions_carence() -> tuple[Fondement, ...]:
    """Cas où le délai de carence ne s'applique pas, à défaut d'accord de branche (L1244-4-1)."""
    return fondements("cdd.exemptions_carence")


def exemption_carence(*, situation: str) -> Fondement | None:
    """Le fondement qui écarte la carence dans cette ``situation`` (L1244-4-1 1° à 7°), ou
    ``None`` si la situation n'est pas un cas d'exemption."""
    return _fondement(exemptions_carence(), situation)


def exclusions_indemnite_fin_cdd() -> tuple[Fondement, ...]:
    """Cas où l'indemnité de fin de contrat n'est pas due (L1243-8 al. 1, L1243-10, L1242-11)."""
    return fondements("cdd.exclusions_indemnite_fin_contrat")


def exclusion_indemnite_fin_cdd(*, situation: str) -> Fondement | None:
    """Le fondement qui exclut l'indemnité de fin de contrat dans cette ``situation`` (L1243-8
    al. 1, L1243-10 1° à 4°, L1242-11 4°), ou ``None`` si elle est due."""
    return _fondement(exclusions_indemnite_fin_cdd(), situation)


def _fondement(cas: tuple[Fondement, ...], situation: str) -> Fondement | None:
    """Le cas dont le code est ``situation`` (ou un autre nom courant de la situation, pour le
    même motif : « saisonnier » pour « motif_saisonnier »…). Situation inconnue : ``None``, la
    règle générale s'applique (indemnité due, carence due)."""
    code = code_normalise(situation)
    codes = {code, *_ALIAS_SITUATIONS.get(code, ())}
    return next((un_cas for un_cas in cas if un_cas.code in codes), None)


def indemnite_fin_cdd(
    *,
    remuneration_brute_totale: Decimal,
    situation: str | None = None,
    taux_reduit_accord: bool = False,
) -> Decimal:
    """Indemnité de fin de contrat (« prime de précarité ») : 10 % de la rémunération brute totale
    versée (L1243-8), 6 % si un accord collectif le prévoit avec un accès à la formation
    (L1243-9). Zéro si ``situation`` est un cas d'exclusion (voir
    :func:`exclusions_indemnite_fin_cdd`, L1243-10). Arrondie au centime.
    """
    montant = en_decimal(remuneration_brute_totale)
    if montant < 0:
        raise ErreurDroit("La rémunération brute ne peut être négative.", "L1243-8")
    if situation is not None and exclusion_indemnite_fin_cdd(situation=situation) is not None:
        return arrondir_euros(Decimal(0))
    cle = "taux_reduit_accord" if taux_reduit_accord else "taux"
    return arrondir_euros(montant * valeur(f"cdd.indemnite_fin_contrat.{cle}"))


def indemnite_conges_fin_cdd(*, remuneration_brute_totale: Decimal) -> Decimal:
    """Minimum de l'indemnité compensatrice de congés payés d'un CDD : un dixième de la
    rémunération brute totale, indemnité de fin de contrat comprise (L1242-16)."""
    montant = en_decimal(remuneration_brute_totale)
    if montant < 0:
        raise ErreurDroit("La rémunération brute ne peut être négative.", "L1242-16")
    return arrondir_euros(montant * valeur("cdd.conges_fin_contrat.taux_minimum"))


def cdd_transmis_au_plus_tard(*, embauche: date, alsace_moselle: bool = False) -> date:
    """Date limite de remise du CDD au salarié : dans les deux jours ouvrables suivant l'embauche
    (L1242-13). Jour d'embauche exclu, dimanches et jours fériés exclus (Cass. soc. 29 oct. 2008)
    [likely]. Pas de prorogation R1231-1 (hors du titre III). Embauche lundi 2 mars 2026 → mercredi
    4 mars. Un retard ouvre droit à une indemnité d'au plus un mois de salaire (L1245-1)."""
    return ajouter_jours_ouvrables(
        embauche, regle("cdd.transmission.jours_ouvrables").entier, alsace_moselle=alsace_moselle
    )
