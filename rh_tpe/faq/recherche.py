"""Recherche en français dans la FAQ : accents, pluriels et synonymes n'y changent rien.

Le texte indexé et la question passent par la même normalisation (minuscules, sans accents,
sans mots vides, pluriels ramenés au singulier), puis la question est enrichie des synonymes de
``recherche.toml``. Le moteur de Wagtail (base de données) cherche ensuite ces mots :

* sur PostgreSQL, avec la configuration ``rh_tpe_fr`` (français + unaccent, créée par la
  migration ``faq.0003``) : les racines françaises rapprochent aussi « embaucher » et
  « embauche » ;
* sur SQLite (FTS5), sans racinisation : seule notre normalisation (accents, pluriels en -s/-x,
  synonymes) rapproche les formes ; « embaucher » ne trouve « embauche » que par synonyme.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Une question plus longue est tronquée : personne ne tape 200 caractères dans une recherche.
LONGUEUR_MAX_QUESTION = 200
TERMES_MAX = 40

_MOT = re.compile(r"[0-9a-zA-Z\u00c0-\u024f]+")


def sans_accents(texte: str) -> str:
    decompose = unicodedata.normalize("NFKD", texte)
    return "".join(c for c in decompose if not unicodedata.combining(c))


def racine(mot: str) -> str:
    """Le mot en minuscules, sans accents, au singulier (pluriels réguliers en -s et -x)."""
    mot = sans_accents(mot.lower())
    if len(mot) > 3 and mot[-1] in "sx" and not mot.endswith("ss"):
        mot = mot[:-1]
    return mot


def normaliser(texte: str) -> list[str]:
    """Les mots utiles d'un texte, normalisés, dans l'ordre (doublons conservés)."""
    mots = (racine(m) for m in _MOT.findall(texte or ""))
    vides = mots_vides()
    return [m for m in mots if m and m not in vides]


def texte_indexe(texte: str) -> str:
    """Le texte tel qu'il est donné au moteur de recherche."""
    return " ".join(normaliser(texte))


@cache
def _donnees() -> dict:
    fichier = resources.files("rh_tpe.faq").joinpath("recherche.toml")
    return tomllib.loads(fichier.read_text(encoding="utf-8"))


@cache
def mots_vides() -> frozenset[str]:
    return frozenset(_donnees()["mots_vides"].split())


@cache
def groupes_synonymes() -> tuple[tuple[tuple[str, ...], ...], ...]:
    return tuple(
        tuple(tuple(normaliser(expression)) for expression in groupe)
        for groupe in _donnees()["groupes"]
    )


def _contient(mots: list[str], expression: tuple[str, ...]) -> bool:
    n = len(expression)
    return n > 0 and any(tuple(mots[i : i + n]) == expression for i in range(len(mots) - n + 1))


def termes_recherche(question: str) -> list[str]:
    """Les mots à chercher pour une question : ses mots utiles et ceux de leurs synonymes."""
    mots = normaliser((question or "")[:LONGUEUR_MAX_QUESTION])
    termes = list(dict.fromkeys(mots))
    for groupe in groupes_synonymes():
        if any(_contient(mots, expression) for expression in groupe):
            for expression in groupe:
                termes.extend(m for m in expression if m not in termes)
    return termes[:TERMES_MAX]


def requete_stricte(question: str):
    """La requête « tous les mots » : chaque mot de la question (ou l'un de ses synonymes) doit
    figurer dans l'article. Beaucoup plus sélective, donc plus rapide, que « l'un des mots »."""
    from wagtail.search.query import And, Or, PlainText

    mots = list(dict.fromkeys(normaliser((question or "")[:LONGUEUR_MAX_QUESTION])))
    if not mots:
        return None
    couverts: set[str] = set()
    parties = []
    for groupe in groupes_synonymes():
        if any(_contient(mots, expression) for expression in groupe):
            couverts.update(
                m for expression in groupe if _contient(mots, expression) for m in expression
            )
            parties.append(
                Or(
                    [
                        PlainText(" ".join(expression), operator="and")
                        for expression in groupe
                        if expression
                    ]
                )
            )
    parties.extend(PlainText(mot) for mot in mots if mot not in couverts)
    return parties[0] if len(parties) == 1 else And(parties)


@dataclass(frozen=True)
class Resultat:
    titre: str
    url: str
    theme: str
    extrait: SafeString
    extrait_texte: str
    page_id: int


def extrait(texte: str, termes: list[str], *, mots_autour: int = 12, longueur: int = 36):
    """Un passage du texte autour du premier mot cherché, mots trouvés surlignés (<mark>).

    Renvoie ``(html, texte)`` : le HTML est échappé, seul ``<mark>`` est ajouté.
    """
    cherches = set(termes)
    mots = list(_MOT.finditer(texte or ""))
    if not mots:
        return mark_safe(""), ""  # noqa: S308 - chaîne vide
    premier = next((i for i, m in enumerate(mots) if racine(m.group()) in cherches), 0)
    debut_mot = max(0, premier - mots_autour)
    fin_mot = min(len(mots), debut_mot + longueur)
    debut, fin = mots[debut_mot].start(), mots[fin_mot - 1].end()
    morceaux, position = [], debut
    for m in mots[debut_mot:fin_mot]:
        if racine(m.group()) in cherches:
            morceaux.append(escape(texte[position : m.start()]))
            morceaux.append(f"<mark>{escape(m.group())}</mark>")
            position = m.end()
    morceaux.append(escape(texte[position:fin]))
    prefixe = "… " if debut_mot > 0 else ""
    suffixe = " …" if fin_mot < len(mots) else ""
    html = prefixe + "".join(morceaux) + suffixe
    return mark_safe(html), prefixe + texte[debut:fin] + suffixe  # noqa: S308 - tout est échappé
