"""Mentions obligatoires et délais d'information liés aux documents RH."""

from __future__ import annotations

from datetime import date

from rh_tpe.droit.donnees import regle, table
from rh_tpe.droit.outils import ajouter_mois
from rh_tpe.droit.types import Verification


def _liste(chemin: str, cle: str = "mentions") -> tuple[str, ...]:
    return tuple(str(m) for m in table(chemin)[cle])


def mentions_contrat_temps_partiel() -> tuple[str, ...]:
    """Mentions du contrat de travail à temps partiel, contrat obligatoirement écrit (L3123-6).
    Sans la durée ou sa répartition, le contrat est présumé à temps complet."""
    return _liste("mentions.contrat_temps_partiel")


def mentions_certificat_travail(*, couverture_collective: bool = True) -> tuple[str, ...]:
    """Mentions du certificat de travail (L1234-19, D1234-6 : « exclusivement ») ; plus le
    maintien gratuit des garanties santé et prévoyance quand elles existent (CSS L911-8)."""
    mentions = _liste("mentions.certificat_travail")
    if couverture_collective:
        mentions += (str(table("mentions.certificat_travail")["mention_couverture_collective"]),)
    return mentions


def mentions_registre_personnel(
    *, cdd: bool = False, temps_partiel: bool = False, etranger: bool = False
) -> tuple[str, ...]:
    """Mentions du registre unique du personnel, portées dans l'ordre des embauches et de façon
    indélébile (L1221-13, D1221-23). Le NIR n'en fait pas partie."""
    donnees = table("mentions.registre_unique_personnel")
    mentions = _liste("mentions.registre_unique_personnel")
    if etranger:
        mentions += (str(donnees["mention_etranger"]),)
    if cdd:
        mentions += (str(donnees["mention_cdd"]),)
    if temps_partiel:
        mentions += (str(donnees["mention_temps_partiel"]),)
    return mentions


def verifier_forme_cdd(*, ecrit: bool, motif: str | None) -> Verification:
    """Un CDD doit être écrit et comporter la définition précise de son motif, sinon il est
    réputé conclu pour une durée indéterminée (L1242-12 al. 1 ; requalification L1245-1)."""
    if not ecrit:
        return Verification(
            False, "Un CDD non écrit est réputé conclu en CDI.", "L1242-12 ; L1245-1"
        )
    if not motif:
        return Verification(
            False,
            "Sans définition précise de son motif, le CDD est réputé conclu en CDI.",
            "L1242-12 ; L1245-1",
        )
    return Verification(True, "Forme du CDD conforme (écrit, motif défini).", "L1242-12")


def information_france_travail_au_plus_tard(*, refus: date) -> date:
    """Refus d'un CDI proposé à la fin d'un CDD : l'employeur en informe France Travail, par voie
    dématérialisée, dans le mois qui suit le refus exprès ou tacite (L1243-11-1, R1243-2 II).
    Le refus d'un emploi similaire à rémunération équivalente supprime l'indemnité de fin de
    contrat (L1243-10 3°)."""
    return ajouter_mois(refus, regle("mentions.delais.information_france_travail_refus_cdi").entier)


def reponse_postes_cdi_au_plus_tard(*, demande: date) -> date:
    """Salarié en CDD depuis au moins 6 mois qui demande les postes en CDI à pourvoir : réponse
    écrite dans le mois de la réception de la demande (L1242-17, D1242-8 I) ; pas d'obligation
    après deux demandes dans l'année civile."""
    return ajouter_mois(demande, regle("mentions.delais.reponse_postes_cdi").entier)


def denonciation_solde_tout_compte_au_plus_tard(*, signature: date) -> date:
    """Dernier jour pour dénoncer le reçu pour solde de tout compte : dans les six mois qui
    suivent sa signature, par lettre recommandée ; au-delà, le reçu est libératoire pour
    l'employeur, pour les seules sommes qui y sont mentionnées (L1234-20, D1234-8). Le reçu est
    établi en double exemplaire, ce qu'il mentionne, et l'un est remis au salarié (D1234-7).
    Signature le 2 mars 2026 → 2 septembre 2026."""
    return ajouter_mois(signature, regle("mentions.solde_tout_compte.denonciation").entier)
