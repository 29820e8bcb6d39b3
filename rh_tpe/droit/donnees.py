"""Chargement des fichiers de données (barèmes datés et règles) livrés avec le paquet.

Les fichiers sont lus via ``importlib.resources`` : ils fonctionnent depuis n'importe quel
répertoire courant et depuis une archive installée. Aucun nombre légal n'est écrit dans le code
Python : il vient d'ici, avec son article, son identifiant LEGIARTI, sa source et sa confiance.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from rh_tpe.droit.erreurs import ErreurDroit, ErreurHorsBareme
from rh_tpe.droit.types import Duree

CONFIANCES = ("certain", "likely", "unsure")


@dataclass(frozen=True)
class Regle:
    """Une valeur légale non datée : valeur, unité, article, identifiant LEGIARTI, confiance."""

    nom: str
    valeur: Decimal
    unite: str
    article: str
    legiarti: str
    confiance: str
    source: str
    note: str = ""

    @property
    def entier(self) -> int:
        """La valeur comme entier (erreur si elle ne l'est pas)."""
        if self.valeur != self.valeur.to_integral_value():
            raise ErreurDroit(f"La règle {self.nom} n'est pas un nombre entier.", self.article)
        return int(self.valeur)

    @property
    def duree(self) -> Duree:
        """La valeur comme :class:`Duree` (unités heures, jours, semaines ou mois)."""
        return Duree(self.entier, self.unite)


@dataclass(frozen=True)
class VersionBareme:
    """Une version datée d'un barème (bornes incluses)."""

    bareme: str
    valeur: Decimal
    unite: str
    debut: date
    fin: date
    source: str
    confiance: str
    article: str
    legiarti: str

    @property
    def identifiant(self) -> str:
        """Identifiant stable de la version, à enregistrer sur un document généré."""
        return f"{self.bareme}@{self.debut.isoformat()}"


@dataclass(frozen=True)
class Bareme:
    """Une série datée : versions contiguës, triées, sans chevauchement."""

    nom: str
    libelle: str
    unite: str
    article: str
    legiarti: str
    versions: tuple[VersionBareme, ...]

    def version(self, le: date) -> VersionBareme:
        """La version en vigueur le jour ``le`` ; erreur claire hors de la série connue."""
        for version in self.versions:
            if version.debut <= le <= version.fin:
                return version
        premiere, derniere = self.versions[0], self.versions[-1]
        raise ErreurHorsBareme(
            f"Aucune valeur connue pour « {self.libelle} » au {le:%d/%m/%Y} : la série couvre "
            f"du {premiere.debut:%d/%m/%Y} au {derniere.fin:%d/%m/%Y}. Mettez à jour le barème "
            "avant de l'utiliser à cette date.",
            self.article,
            bareme=self.nom,
            le=le,
            premiere_date=premiere.debut,
            derniere_date=derniere.fin,
        )


def _lire_toml(dossier: str, fichier: str) -> dict[str, Any]:
    texte = resources.files("rh_tpe.droit").joinpath(dossier, fichier).read_text(encoding="utf-8")
    return tomllib.loads(texte, parse_float=Decimal)


def _decimal(valeur: object, contexte: str) -> Decimal:
    if isinstance(valeur, bool) or not isinstance(valeur, int | str | Decimal):
        raise ErreurDroit(f"Valeur invalide dans les données : {contexte}.", "données du paquet")
    return Decimal(valeur)


@cache
def bareme(nom: str) -> Bareme:
    """Charge le barème daté ``nom`` (fichier ``baremes/<nom>.toml``) et vérifie sa continuité."""
    try:
        donnees = _lire_toml("baremes", f"{nom}.toml")
    except FileNotFoundError:
        raise ErreurDroit(f"Barème inconnu : {nom}.", "données du paquet") from None
    versions = tuple(
        VersionBareme(
            bareme=nom,
            valeur=_decimal(v["valeur"], f"{nom}.valeur"),
            unite=str(donnees["unite"]),
            debut=v["debut"],
            fin=v["fin"],
            source=str(v["source"]),
            confiance=str(v["confiance"]),
            article=str(donnees["article"]),
            legiarti=str(donnees["legiarti"]),
        )
        for v in donnees["versions"]
    )
    for precedente, suivante in zip(versions, versions[1:], strict=False):
        if (suivante.debut - precedente.fin).days != 1:
            raise ErreurDroit(f"Barème {nom} : versions non contiguës.", str(donnees["article"]))
    for version in versions:
        if version.confiance not in CONFIANCES or version.fin < version.debut:
            raise ErreurDroit(f"Barème {nom} : version invalide.", str(donnees["article"]))
    return Bareme(
        nom=nom,
        libelle=str(donnees["libelle"]),
        unite=str(donnees["unite"]),
        article=str(donnees["article"]),
        legiarti=str(donnees["legiarti"]),
        versions=versions,
    )


NOMS_BAREMES = ("smic_horaire", "minimum_garanti", "plafond_mensuel_securite_sociale")


@cache
def _fichier_regles(fichier: str) -> dict[str, Any]:
    return _lire_toml("regles", f"{fichier}.toml")


def table(chemin: str) -> dict[str, Any]:
    """La table brute ``fichier.section…`` (pour les listes : motifs, exclusions, exemptions)."""
    fichier, *cles = chemin.split(".")
    noeud: Any = _fichier_regles(fichier)
    for cle in cles:
        if not isinstance(noeud, dict) or cle not in noeud:
            raise ErreurDroit(f"Donnée introuvable : {chemin}.", "données du paquet")
        noeud = noeud[cle]
    if not isinstance(noeud, dict):
        raise ErreurDroit(f"Donnée introuvable : {chemin}.", "données du paquet")
    return noeud


@cache
def regle(chemin: str) -> Regle:
    """La règle ``fichier.section.cle`` (ex. ``"essai.cdi.cadre.initiale"``)."""
    fichier = chemin.split(".", 1)[0]
    noeud = table(chemin)
    return Regle(
        nom=chemin,
        valeur=_decimal(noeud["valeur"], chemin),
        unite=str(noeud["unite"]),
        article=str(noeud["article"]),
        legiarti=str(noeud.get("legiarti", "")),
        confiance=str(noeud["confiance"]),
        source=str(_fichier_regles(fichier)["source"]),
        note=str(noeud.get("note", "")),
    )


def valeur(chemin: str) -> Decimal:
    """Raccourci : la valeur de la règle ``chemin``."""
    return regle(chemin).valeur


@dataclass(frozen=True)
class Fondement:
    """Un cas prévu par le Code (interdiction, exclusion, exemption) : code, article, libellé."""

    code: str
    article: str
    libelle: str


def fondements(chemin: str) -> tuple[Fondement, ...]:
    """Liste de cas (code, article, libellé) lue dans les données ``chemin``."""
    return tuple(
        Fondement(code=code, article=str(cas["article"]), libelle=str(cas["libelle"]))
        for code, cas in table(chemin).items()
    )
