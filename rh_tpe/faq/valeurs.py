"""Les valeurs légales citées dans les articles, lues dans `rh_tpe.droit` au moment de l'affichage.

Un article n'écrit jamais « 12,31 € » : il écrit ``[[smic_horaire]]`` ou
``[[regle:cdd.duree_maximale.general]]``, et la valeur du jour est mise à la place quand la page
s'affiche. Un nouveau SMIC dans le barème met donc à jour tous les articles qui le citent.

Jetons reconnus :

* ``[[smic_horaire]]``, ``[[smic_mensuel]]``, ``[[minimum_garanti]]``, ``[[pmss]]`` : le montant
  en vigueur aujourd'hui ;
* ``[[smic_horaire:depuis]]`` (idem pour les autres barèmes) : la date d'entrée en vigueur ;
* ``[[penalite_dpae]]``, ``[[smic_mensuel_temps_partiel_minimum]]`` : montants calculés ;
* ``[[preavis_licenciement_6_mois]]``, ``[[preavis_licenciement_2_ans]]`` : préavis légal ;
* ``[[heures_mensuelles_duree_legale]]`` : la durée légale mensualisée (« 151,67 heures ») ;
* ``[[periode_reference_conges]]`` : la période d'acquisition des congés payés à défaut
  d'accord (« du 1er juin au 31 mai », R3141-4) ; ``[[periode_reference_conges_caisse]]`` : la
  même quand l'employeur est affilié à une caisse de congés payés (« du 1er avril au 31 mars ») ;
* ``[[regle:<chemin>]]`` : une règle de ``rh_tpe/droit/regles`` (ex. ``essai.cdi.cadre.initiale``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext as _

from rh_tpe import droit
from rh_tpe.droit import ErreurDroit

JETON = re.compile(r"\[\[\s*([a-z][a-z0-9_]*)(?::([a-z_]+(?:\.[a-z0-9_]+)*))?\s*\]\]")
# Ce qu'un jeton mal écrit peut lever : on affiche alors un texte prudent, jamais une erreur 500.
_ERREURS = (KeyError, ErreurDroit, OSError, ValueError, TypeError)


@dataclass(frozen=True)
class ValeurBareme:
    """Un jeton adossé à un barème daté : son nom de barème et la façon de le calculer."""

    bareme: str
    montant: object  # Callable[[date], Decimal]


BAREMES = {
    "smic_horaire": ValeurBareme("smic_horaire", droit.smic_horaire),
    "smic_mensuel": ValeurBareme("smic_horaire", droit.smic_mensuel),
    "minimum_garanti": ValeurBareme("minimum_garanti", droit.minimum_garanti),
    "pmss": ValeurBareme(
        "plafond_mensuel_securite_sociale", droit.plafond_mensuel_securite_sociale
    ),
    "penalite_dpae": ValeurBareme("minimum_garanti", droit.penalite_dpae),
    "smic_mensuel_temps_partiel_minimum": ValeurBareme(
        "smic_horaire", lambda le: droit.smic_mensuel(le, droit.duree_minimale_temps_partiel())
    ),
}


def _preavis(seuil: str) -> str:
    anciennete = droit.regle(f"rupture.preavis.{seuil}").entier
    return str(droit.preavis_licenciement(anciennete_mois=anciennete))


def _heures_mensuelles_duree_legale() -> str:
    # 35 × 52 / 12 = 151,666… h, affichées au centième comme sur les bulletins de paie.
    heures = droit.heures_mensuelles(droit.duree_legale_hebdomadaire())
    return f"{_nombre(heures, 2)}\u00a0heures"


def _periode_reference_conges(chemin: str = "conges.acquisition.debut_periode_reference") -> str:
    # R3141-4 : la période commence le 1er du mois de la règle et finit la veille, un an après.
    mois = droit.regle(chemin).entier
    debut = date(2001, mois, 1)
    veille = date(2002, mois, 1) - timedelta(days=1)
    return _("du 1er %(debut)s au %(fin)s") % {
        "debut": date_format(debut, "F"),
        "fin": date_format(veille, "j F"),
    }


# Des valeurs calculées par les règles (sans date) : le préavis légal selon l'ancienneté, la durée
# légale mensualisée, la période d'acquisition des congés.
DUREES = {
    "preavis_licenciement_6_mois": lambda: _preavis("seuil_court_mois"),
    "preavis_licenciement_2_ans": lambda: _preavis("seuil_long_mois"),
    "heures_mensuelles_duree_legale": _heures_mensuelles_duree_legale,
    "periode_reference_conges": _periode_reference_conges,
    "periode_reference_conges_caisse": lambda: _periode_reference_conges(
        "conges.acquisition.debut_periode_reference_caisse"
    ),
}


def _nombre(valeur: Decimal, decimales: int | None = None) -> str:
    """12345.6 → « 12 345,60 » (avec ``decimales=2``) ; 2.5 → « 2,5 » ; 35 → « 35 »."""
    if decimales is None:
        entier, _virgule, fraction = format(valeur.normalize(), "f").partition(".")
    else:
        entier, _virgule, fraction = f"{valeur:.{decimales}f}".partition(".")
    entier = f"{int(entier):,}".replace(",", "\u202f")
    return f"{entier},{fraction}" if fraction else entier


def _euros(valeur: Decimal) -> str:
    return f"{_nombre(valeur, 2)}\u00a0€"


FRACTIONS_EN_LETTRES = {1: "un", 2: "deux", 3: "trois"}


def _regle(chemin: str) -> str:
    regle = droit.regle(chemin)
    if regle.unite == "taux":
        return f"{_nombre(regle.valeur * 100)}\u00a0%"
    if regle.unite in {"diviseur", "multiplicateur"}:
        return _nombre(regle.valeur)
    unite = regle.unite
    if unite in {"tiers", "quarts"} and regle.valeur in FRACTIONS_EN_LETTRES:
        # « deux tiers », comme l'écrit le Code (D1226-1), plutôt que « 2 tiers ».
        return f"{FRACTIONS_EN_LETTRES[regle.valeur]}\u00a0{unite}"
    if regle.valeur <= 1 and unite.endswith("s") and unite != "mois":
        # « 1 jour », « 1 renouvellement » ; « 2 jours ouvrables » au pluriel.
        unite = " ".join(mot[:-1] if mot.endswith("s") else mot for mot in unite.split(" "))
    return f"{_nombre(regle.valeur)}\u00a0{unite}"


def valeur_texte(nom: str, option: str | None, le: date) -> str:
    """Le texte à afficher pour un jeton ; :class:`ErreurDroit` ou :class:`KeyError` sinon."""
    if nom == "regle":
        if not option:
            raise KeyError(nom)
        return _regle(option)
    if nom in DUREES and not option:
        return DUREES[nom]()
    source = BAREMES[nom]
    if option == "depuis":
        version = droit.valeur_bareme(source.bareme, le)
        jour = _("1er") if version.debut.day == 1 else str(version.debut.day)
        return f"{jour} {date_format(version.debut, 'F Y')}"
    if option:
        raise KeyError(option)
    return _euros(source.montant(le))  # type: ignore[operator]


def jetons(texte: str) -> list[tuple[str, str | None]]:
    """Les jetons d'un texte, dans l'ordre."""
    return [(m.group(1), m.group(2)) for m in JETON.finditer(texte or "")]


def jetons_invalides(texte: str) -> list[str]:
    """Les jetons qu'on ne sait pas remplacer (pour refuser la saisie d'un éditeur)."""
    invalides = []
    for correspondance in JETON.finditer(texte or ""):
        try:
            valeur_texte(correspondance.group(1), correspondance.group(2), date.today())
        except _ERREURS:
            invalides.append(correspondance.group(0))
    return invalides


def baremes_cites(texte: str) -> set[str]:
    """Les barèmes datés dont dépend un texte (pour repérer les articles à relire)."""
    return {BAREMES[nom].bareme for nom, _option in jetons(texte) if nom in BAREMES}


def remplacer(texte: str, le: date, *, html: bool = True) -> str:
    """Remplace les jetons par leur valeur du jour ``le`` (valeurs échappées si ``html``)."""

    def _valeur(correspondance: re.Match[str]) -> str:
        try:
            valeur = valeur_texte(correspondance.group(1), correspondance.group(2), le)
        except _ERREURS:
            valeur = _("(valeur légale à vérifier)")
        return escape(valeur) if html else valeur

    return JETON.sub(_valeur, texte or "")
