"""Rupture conventionnelle : délai de rétractation et homologation (L1237-13, L1237-14)."""

from __future__ import annotations

from datetime import date, timedelta

from rh_tpe.droit.calendrier import ajouter_jours_ouvrables, proroger_r1231_1
from rh_tpe.droit.donnees import regle
from rh_tpe.droit.outils import lendemain


def fin_retractation_rupture_conventionnelle(
    *, signature: date, alsace_moselle: bool = False
) -> date:
    """Dernier jour pour se rétracter : 15 jours calendaires à compter de la signature par les
    deux parties (L1237-13), jour de la signature exclu (pratique administrative, circulaire DGT
    du 22 juillet 2008) ; un délai qui expire un samedi, un dimanche ou un jour férié est prorogé
    au premier jour ouvrable suivant (R1231-1), lecture qui laisse le plus de temps au salarié.
    Signature lundi 2 mars 2026 → mardi 17 mars ; vendredi 6 mars → lundi 23 mars."""
    jours = regle("rupture.conventionnelle.retractation").entier
    return proroger_r1231_1(signature + timedelta(days=jours), alsace_moselle=alsace_moselle)


def homologation_rupture_conventionnelle_acquise(
    *, reception_demande: date, alsace_moselle: bool = False
) -> date:
    """Dernier jour de l'instruction de la demande d'homologation : 15 jours ouvrables à compter
    de sa réception (jour de réception exclu) ; sans notification à cette date, l'homologation est
    réputée acquise (L1237-14). Prorogation R1231-1. Le contrat prend fin au plus tôt le
    lendemain (L1237-13). Réception mercredi 18 mars 2026 → samedi 4 avril, prorogé au mardi 7
    avril (lundi de Pâques férié)."""
    jours = regle("rupture.conventionnelle.homologation").entier
    echeance = ajouter_jours_ouvrables(reception_demande, jours, alsace_moselle=alsace_moselle)
    return proroger_r1231_1(echeance, alsace_moselle=alsace_moselle)


def rupture_conventionnelle_au_plus_tot(*, signature: date, alsace_moselle: bool = False) -> date:
    """Date de fin de contrat la plus proche possible (L1237-13, L1237-14) : demande envoyée et
    reçue le lendemain de la fin de la rétractation, homologation acquise à la fin de
    l'instruction, rupture le lendemain. Signature lundi 2 mars 2026 → mercredi 8 avril 2026."""
    demande = lendemain(
        fin_retractation_rupture_conventionnelle(signature=signature, alsace_moselle=alsace_moselle)
    )
    homologation = homologation_rupture_conventionnelle_acquise(
        reception_demande=demande, alsace_moselle=alsace_moselle
    )
    return lendemain(homologation)
