"""Le calendrier du droit du travail : jours fériés, jours ouvrables, jours ouvrés.

* Jours fériés : les 11 fêtes légales de l'article L3133-1 (LEGIARTI000033020901), France
  métropolitaine, calculées par le paquet ``holidays`` ; option Alsace-Moselle (Vendredi saint
  et 26 décembre, L3134-13).
* Jour ouvrable : du lundi au samedi, sauf jour férié.
* Jour ouvré : jour habituellement travaillé dans l'entreprise, par défaut du lundi au vendredi,
  sauf jour férié.

Convention des fonctions ``ajouter_*`` et ``*_entre`` : le jour de départ est exclu (délais
« francs » : le jour de l'événement ne compte pas), le jour d'arrivée est inclus.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from functools import cache

import holidays

from rh_tpe.droit.erreurs import ErreurDroit

SAMEDI = 5
DIMANCHE = 6
JOURS_OUVRES_PAR_DEFAUT: tuple[int, ...] = (0, 1, 2, 3, 4)
_SUBDIVISION_ALSACE_MOSELLE = "57"


# Le lundi de Pentecôte tombe sept semaines après le lundi de Pâques (calendrier liturgique).
_LUNDI_PAQUES_A_LUNDI_PENTECOTE = timedelta(weeks=7)
_LUNDI_DE_PAQUES = "Lundi de Pâques"
_LUNDI_DE_PENTECOTE = "Lundi de Pentecôte"


@cache
def _feries(annee: int, alsace_moselle: bool) -> dict[date, str]:
    subdivision = _SUBDIVISION_ALSACE_MOSELLE if alsace_moselle else None
    calendrier = holidays.country_holidays("FR", subdiv=subdivision, years=annee, language="fr")
    feries = {jour: str(nom) for jour, nom in calendrier.items()}
    # Le paquet ``holidays`` omet le lundi de Pentecôte de 2005 à 2007 (journée de solidarité
    # par défaut, loi n° 2004-626) ; il est pourtant resté une fête légale (L3133-1 6°).
    if _LUNDI_DE_PENTECOTE not in feries.values():
        for jour, nom in list(feries.items()):
            if nom == _LUNDI_DE_PAQUES:
                feries[jour + _LUNDI_PAQUES_A_LUNDI_PENTECOTE] = _LUNDI_DE_PENTECOTE
    return dict(sorted(feries.items()))


def jours_feries(annee: int, *, alsace_moselle: bool = False) -> dict[date, str]:
    """Jours fériés de l'année (date → nom), L3133-1 ; Alsace-Moselle en option (L3134-13)."""
    return dict(_feries(annee, alsace_moselle))


def est_jour_ferie(jour: date, *, alsace_moselle: bool = False) -> bool:
    """Le jour est-il férié (L3133-1 ; L3134-13 en Alsace-Moselle) ?"""
    return jour in _feries(jour.year, alsace_moselle)


def est_jour_ouvrable(jour: date, *, alsace_moselle: bool = False) -> bool:
    """Jour ouvrable : du lundi au samedi, hors jour férié."""
    return jour.weekday() != DIMANCHE and not est_jour_ferie(jour, alsace_moselle=alsace_moselle)


def est_jour_ouvre(
    jour: date,
    *,
    alsace_moselle: bool = False,
    jours_travailles: Collection[int] = JOURS_OUVRES_PAR_DEFAUT,
) -> bool:
    """Jour ouvré : jour travaillé de l'entreprise (lundi à vendredi par défaut), hors férié."""
    return jour.weekday() in jours_travailles and not est_jour_ferie(
        jour, alsace_moselle=alsace_moselle
    )


def _ajouter(depart: date, nombre: int, *, compte: Collection[int], alsace_moselle: bool) -> date:
    if not compte:
        raise ErreurDroit("Aucun jour de la semaine n'est compté.", "L3133-1")
    pas = 1 if nombre >= 0 else -1
    jour, restant = depart, abs(nombre)
    while restant:
        jour += timedelta(days=pas)
        if jour.weekday() in compte and not est_jour_ferie(jour, alsace_moselle=alsace_moselle):
            restant -= 1
    return jour


def ajouter_jours_ouvrables(depart: date, nombre: int, *, alsace_moselle: bool = False) -> date:
    """Le ``nombre``-ième jour ouvrable après ``depart`` (exclu) ; négatif : avant ``depart``."""
    return _ajouter(depart, nombre, compte=(0, 1, 2, 3, 4, SAMEDI), alsace_moselle=alsace_moselle)


def ajouter_jours_ouvres(
    depart: date,
    nombre: int,
    *,
    alsace_moselle: bool = False,
    jours_travailles: Collection[int] = JOURS_OUVRES_PAR_DEFAUT,
) -> date:
    """Le ``nombre``-ième jour ouvré après ``depart`` (exclu) ; négatif : avant ``depart``."""
    return _ajouter(depart, nombre, compte=jours_travailles, alsace_moselle=alsace_moselle)


def jours_ouvrables_entre(debut: date, fin: date, *, alsace_moselle: bool = False) -> int:
    """Nombre de jours ouvrables ``j`` avec ``debut < j <= fin`` (inverse d'``ajouter_…``)."""
    if fin < debut:
        raise ErreurDroit("La date de fin précède la date de début.", "L3133-1")
    return sum(
        1
        for decalage in range(1, (fin - debut).days + 1)
        if est_jour_ouvrable(debut + timedelta(days=decalage), alsace_moselle=alsace_moselle)
    )


def jours_ouvres_entre(
    debut: date,
    fin: date,
    *,
    alsace_moselle: bool = False,
    jours_travailles: Collection[int] = JOURS_OUVRES_PAR_DEFAUT,
) -> int:
    """Nombre de jours ouvrés ``j`` avec ``debut < j <= fin``."""
    if fin < debut:
        raise ErreurDroit("La date de fin précède la date de début.", "L3133-1")
    return sum(
        1
        for decalage in range(1, (fin - debut).days + 1)
        if est_jour_ouvre(
            debut + timedelta(days=decalage),
            alsace_moselle=alsace_moselle,
            jours_travailles=jours_travailles,
        )
    )


def prochain_jour_ouvrable(jour: date, *, alsace_moselle: bool = False) -> date:
    """``jour`` s'il est ouvrable, sinon le premier jour ouvrable qui suit."""
    while not est_jour_ouvrable(jour, alsace_moselle=alsace_moselle):
        jour += timedelta(days=1)
    return jour


def proroger_r1231_1(echeance: date, *, alsace_moselle: bool = False) -> date:
    """R1231-1 : un délai qui expire un samedi, un dimanche ou un jour férié ou chômé est prorogé
    jusqu'au premier jour ouvrable suivant (lu comme le premier jour qui n'est ni samedi, ni
    dimanche, ni férié : lecture protectrice du salarié)."""
    while echeance.weekday() in (SAMEDI, DIMANCHE) or est_jour_ferie(
        echeance, alsace_moselle=alsace_moselle
    ):
        echeance += timedelta(days=1)
    return echeance
