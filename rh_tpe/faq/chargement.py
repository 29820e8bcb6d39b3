"""Charge les articles de la FAQ écrits dans ``contenu/*.toml`` en pages Wagtail publiées.

Relancer ne crée pas de doublon : un article est retrouvé par son thème et son slug, et n'est
republié (nouvelle révision) que si son contenu a changé depuis le dernier chargement.
Le texte des articles du Code cités vient de ``contenu/code_du_travail.toml`` (version datée).
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from django.db import transaction

from rh_tpe.faq.models import FaqArticlePage, FaqThemePage
from rh_tpe.faq.services import faq_installer

FICHIER_CODE = "code_du_travail.toml"


def _lire(nom: str) -> dict[str, Any]:
    fichier = resources.files("rh_tpe.faq").joinpath("contenu", nom)
    return tomllib.loads(fichier.read_text(encoding="utf-8"))


def fichiers_contenu() -> list[str]:
    dossier = resources.files("rh_tpe.faq").joinpath("contenu")
    return sorted(
        f.name for f in dossier.iterdir() if f.name.endswith(".toml") and f.name != FICHIER_CODE
    )


def textes_du_code() -> dict[str, dict[str, Any]]:
    return _lire(FICHIER_CODE)


def _bloc(donnee: dict[str, Any], code: dict[str, dict[str, Any]]) -> dict[str, Any]:
    genre = donnee["type"]
    if genre == "paragraphe":
        return {"type": genre, "value": donnee["texte"].strip()}
    if genre == "a_retenir":
        return {"type": genre, "value": donnee["texte"].strip()}
    if genre == "etapes":
        return {
            "type": genre,
            "value": {"titre": donnee.get("titre", ""), "etapes": donnee["etapes"]},
        }
    if genre == "tableau":
        return {
            "type": genre,
            "value": {
                "legende": donnee["legende"],
                "entetes": donnee["entetes"],
                "lignes": donnee["lignes"],
            },
        }
    if genre == "article":
        texte = code[donnee["numero"]]
        return {
            "type": genre,
            "value": {
                "numero": donnee["numero"],
                "legiarti": texte["legiarti"],
                "texte": texte["texte"],
                "version_du": texte["version_du"].isoformat(),
            },
        }
    if genre == "convention":
        return {"type": genre, "value": None}
    if genre == "document":
        return {
            "type": genre,
            "value": {"nom_url": donnee["nom_url"], "libelle": donnee["libelle"]},
        }
    raise ValueError(f"Bloc inconnu dans le contenu de la FAQ : {genre}")


@dataclass
class Bilan:
    crees: list[str] = field(default_factory=list)
    mis_a_jour: list[str] = field(default_factory=list)
    inchanges: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.crees) + len(self.mis_a_jour) + len(self.inchanges)


@transaction.atomic
def faq_charger() -> Bilan:
    """Crée ou met à jour l'arbre de la FAQ et ses articles (pages publiées, avec révision)."""
    code = textes_du_code()
    fichiers = [_lire(nom) for nom in fichiers_contenu()]
    index = faq_installer(themes=[f["theme"] for f in fichiers])
    bilan = Bilan()
    for donnees in fichiers:
        theme = FaqThemePage.objects.child_of(index).get(slug=donnees["theme"]["slug"])
        for article in donnees.get("articles", []):
            _article_charger(theme, article, code, bilan)
    return bilan


def _article_charger(theme: FaqThemePage, donnees: dict[str, Any], code, bilan: Bilan) -> None:
    corps = [_bloc(bloc, code) for bloc in donnees["corps"]]
    etiquettes = sorted(donnees.get("etiquettes", []))
    empreinte = hashlib.sha256(
        json.dumps([donnees, corps], sort_keys=True, default=str).encode()
    ).hexdigest()
    page = FaqArticlePage.objects.child_of(theme).filter(slug=donnees["slug"]).first()
    if page is not None and page.empreinte_chargement == empreinte:
        bilan.inchanges.append(page.title)
        return
    champs = {
        "title": donnees["titre"],
        "en_bref": " ".join(donnees["en_bref"].split()),
        "relu_le": donnees["relu_le"],
        "relu_par": donnees["relu_par"],
        "empreinte_chargement": empreinte,
    }
    stream = FaqArticlePage._meta.get_field("corps").stream_block
    if page is None:
        page = FaqArticlePage(slug=donnees["slug"], **champs)
        page.corps = stream.to_python(corps)
        page.etiquettes.set(etiquettes)
        theme.add_child(instance=page)
        bilan.crees.append(page.title)
    else:
        for nom, valeur in champs.items():
            setattr(page, nom, valeur)
        page.draft_title = page.title
        page.corps = stream.to_python(corps)
        page.etiquettes.set(etiquettes)
        bilan.mis_a_jour.append(page.title)
    page.save_revision().publish()
