"""Le catalogue des types de documents, lus depuis `documents_types/<code>/`.

Chaque type est un dossier de données qu'un juriste peut lire et modifier sans toucher au Python :

- `type.toml` : titre, version, base légale, réponses attendues (libellé, type, exemple), valeurs
  calculées par le moteur du droit et contrôles juridiques à appliquer ;
- `clauses.toml` : l'en-tête, les parties, les articles et le bloc de signature, en texte français
  avec des variables `{nom}` et des passages en gras `**…**`.

Une clause peut être conditionnelle : `si = { temps_de_travail = "partiel" }` (toutes les égalités
doivent être vraies ; une liste de valeurs vaut « l'une de ») et `si_renseigne = ["nom"]` (la
réponse facultative a été donnée). Aucune condition n'est évaluée comme du code.

Le gabarit est analysé une fois, au chargement ; les réponses sont ensuite insérées comme du texte.
Une réponse qui contient `{x}` ou `**` n'est donc jamais relue comme un gabarit.
"""

from __future__ import annotations

import datetime
import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rh_tpe.comptes.validators import CARACTERES_INVISIBLES_INTERDITS

RACINE_TYPES = Path(__file__).resolve().parents[2] / "documents_types"

FICHIER_TYPE = "type.toml"
FICHIER_CLAUSES = "clauses.toml"

TYPES_DE_REPONSE = ("texte", "entier", "nombre", "montant", "date", "choix", "booleen", "duree")

_VARIABLE = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_NOM_VALIDE = re.compile(r"^[a-z_][a-z0-9_]*$")

# Bornes des dates acceptées dans les réponses (des documents d'aujourd'hui, pas d'archives).
ANNEE_MIN, ANNEE_MAX = 1900, 2100


class TypeDocumentInvalide(Exception):
    """Un dossier de `documents_types` ne respecte pas le format attendu."""

    def __init__(self, code: str, problemes: list[str]) -> None:
        self.code = code
        self.problemes = list(dict.fromkeys(problemes))  # sans doublons, dans l'ordre
        super().__init__(f"{code} : " + " ; ".join(problemes))


class TypeDocumentInconnu(KeyError):
    pass


# --- Gabarits : un texte découpé une fois pour toutes en morceaux ---------------------------------


@dataclass(frozen=True)
class Morceau:
    """Un morceau de gabarit : du texte fixe ou le nom d'une variable à insérer."""

    texte: str = ""
    variable: str | None = None
    gras: bool = False


@dataclass(frozen=True)
class Gabarit:
    source: str
    morceaux: tuple[Morceau, ...]

    @property
    def variables(self) -> set[str]:
        return {m.variable for m in self.morceaux if m.variable}


def analyser_gabarit(source: str) -> Gabarit:
    """Découpe `source` en texte fixe, variables `{nom}` et passages en gras `**…**`.

    Lève `ValueError` (message en français) si une accolade ou un `**` est mal formé : mieux vaut
    refuser le type au démarrage que d'imprimer une accolade dans un contrat.
    """
    morceaux: list[Morceau] = []
    gras = False
    for partie_index, partie in enumerate(source.split("**")):
        if partie_index:
            gras = not gras
        position = 0
        for trouve in _VARIABLE.finditer(partie):
            if trouve.start() > position:
                morceaux.append(Morceau(texte=partie[position : trouve.start()], gras=gras))
            morceaux.append(Morceau(variable=trouve.group(1), gras=gras))
            position = trouve.end()
        if position < len(partie):
            morceaux.append(Morceau(texte=partie[position:], gras=gras))
    if gras:
        raise ValueError(f"« ** » ouvert sans être refermé dans : {source!r}")
    for morceau in morceaux:
        if "{" in morceau.texte or "}" in morceau.texte:
            raise ValueError(f"accolade qui n'entoure pas un nom de variable dans : {source!r}")
    return Gabarit(source=source, morceaux=tuple(morceaux))


# --- Conditions déclaratives ---------------------------------------------------------------------


@dataclass(frozen=True)
class Condition:
    egalites: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    renseignees: tuple[str, ...] = ()

    @property
    def noms(self) -> set[str]:
        return {nom for nom, _ in self.egalites} | set(self.renseignees)

    def verifiee(self, valeurs: Mapping[str, Any]) -> bool:
        for nom, attendues in self.egalites:
            if valeurs.get(nom) not in attendues:
                return False
        return all(valeurs.get(nom) not in (None, "") for nom in self.renseignees)


TOUJOURS = Condition()


def _lire_condition(table: Mapping[str, Any], ou: str, problemes: list[str]) -> Condition:
    si = table.get("si", {})
    renseigne = table.get("si_renseigne", [])
    if not isinstance(si, dict):
        problemes.append(f'{ou} : « si » doit être une table, par ex. si = {{ nom = "valeur" }}')
        si = {}
    if isinstance(renseigne, str):
        renseigne = [renseigne]
    if not isinstance(renseigne, list) or not all(isinstance(n, str) for n in renseigne):
        problemes.append(f"{ou} : « si_renseigne » doit être une liste de noms de réponses")
        renseigne = []
    egalites = tuple(
        (nom, tuple(valeur) if isinstance(valeur, list) else (valeur,))
        for nom, valeur in si.items()
    )
    return Condition(egalites=egalites, renseignees=tuple(renseigne))


# --- Le modèle de document (clauses.toml) ---------------------------------------------------------


@dataclass(frozen=True)
class Variante:
    """Un texte (gabarit) qui ne s'imprime que si sa condition est vraie."""

    gabarit: Gabarit
    condition: Condition = TOUJOURS


@dataclass(frozen=True)
class ModeleBloc:
    """Un paragraphe (une variante) ou une liste (plusieurs variantes, une par puce)."""

    est_liste: bool
    elements: tuple[Variante, ...]
    condition: Condition = TOUJOURS


@dataclass(frozen=True)
class ModeleArticle:
    titre: Gabarit
    blocs: tuple[ModeleBloc, ...]
    condition: Condition = TOUJOURS


@dataclass(frozen=True)
class ModelePartie:
    lignes: tuple[Variante, ...]
    denomination: Gabarit


@dataclass(frozen=True)
class ModeleSignataire:
    role: Gabarit
    nom: Gabarit
    mention: Gabarit


@dataclass(frozen=True)
class ModeleDocument:
    nom_fichier: Gabarit
    entete: tuple[Variante, ...]
    sous_titre: tuple[Variante, ...]
    introduction: Gabarit
    parties: tuple[ModelePartie, ...]
    liaison_parties: Gabarit
    preambule: tuple[ModeleBloc, ...]
    articles: tuple[ModeleArticle, ...]
    lieu: Gabarit
    date: Gabarit
    exemplaires: Gabarit
    signataires: tuple[ModeleSignataire, ...]

    def gabarits(self) -> Iterable[tuple[Gabarit, Condition]]:
        """Chaque gabarit avec sa condition la plus proche (pour les vérifications)."""
        yield self.nom_fichier, TOUJOURS
        for variante in (*self.entete, *self.sous_titre):
            yield variante.gabarit, variante.condition
        yield self.introduction, TOUJOURS
        yield self.liaison_parties, TOUJOURS
        for partie in self.parties:
            for variante in partie.lignes:
                yield variante.gabarit, variante.condition
            yield partie.denomination, TOUJOURS
        blocs = list(self.preambule)
        for article in self.articles:
            yield article.titre, article.condition
            blocs.extend(article.blocs)
        for bloc in blocs:
            for variante in bloc.elements:
                yield variante.gabarit, variante.condition
        yield self.lieu, TOUJOURS
        yield self.date, TOUJOURS
        yield self.exemplaires, TOUJOURS
        for signataire in self.signataires:
            yield signataire.role, TOUJOURS
            yield signataire.nom, TOUJOURS
            yield signataire.mention, TOUJOURS

    def conditions(self) -> Iterable[Condition]:
        for variante in (*self.entete, *self.sous_titre):
            yield variante.condition
        for partie in self.parties:
            for variante in partie.lignes:
                yield variante.condition
        blocs = list(self.preambule)
        for article in self.articles:
            yield article.condition
            blocs.extend(article.blocs)
        for bloc in blocs:
            yield bloc.condition
            for variante in bloc.elements:
                yield variante.condition


# --- Le type de document (type.toml) --------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """Une réponse attendue par le type : son nom, son libellé, son type et un exemple."""

    nom: str
    libelle: str
    type: str
    exemple: Any
    obligatoire: bool = True
    aide: str = ""
    choix: Mapping[str, str] = field(default_factory=dict)
    condition: Condition = TOUJOURS
    # Un nombre imprimé avec son unité accordée : (« heure », « heures ») donne « 1,5 heure »,
    # « 28 heures ». Vide : le nombre seul.
    unite: tuple[str, str] | None = None


@dataclass(frozen=True)
class TypeDocument:
    code: str
    titre: str
    version: str
    base_legale: tuple[str, ...]
    description: str
    questions: Mapping[str, Question]
    calculs: tuple[str, ...]
    controles: tuple[str, ...]
    modele: ModeleDocument
    dossier: Path

    @property
    def exemple(self) -> dict[str, Any]:
        """Les réponses d'exemple déclarées, telles qu'un formulaire ou un JSON les donnerait."""
        return {nom: q.exemple for nom, q in self.questions.items() if q.exemple is not None}

    def variables_utilisees(self) -> set[str]:
        noms: set[str] = set()
        for gabarit, _ in self.modele.gabarits():
            noms |= gabarit.variables
        return noms


# --- Lecture ------------------------------------------------------------------------------------


def _lire_toml(chemin: Path, problemes: list[str]) -> dict[str, Any]:
    try:
        with chemin.open("rb") as fichier:
            return tomllib.load(fichier)
    except tomllib.TOMLDecodeError as erreur:
        problemes.append(f"{chemin.name} n'est pas un TOML valide : {erreur}")
    except OSError as erreur:
        problemes.append(f"{chemin.name} illisible : {erreur}")
    return {}


def _gabarit(valeur: Any, ou: str, problemes: list[str]) -> Gabarit:
    if not isinstance(valeur, str):
        problemes.append(f"{ou} : un texte est attendu")
        return Gabarit(source="", morceaux=())
    try:
        return analyser_gabarit(valeur)
    except ValueError as erreur:
        problemes.append(f"{ou} : {erreur}")
        return Gabarit(source=valeur, morceaux=())


def _variante(valeur: Any, ou: str, problemes: list[str]) -> Variante:
    if isinstance(valeur, dict):
        return Variante(
            gabarit=_gabarit(valeur.get("texte"), ou, problemes),
            condition=_lire_condition(valeur, ou, problemes),
        )
    return Variante(gabarit=_gabarit(valeur, ou, problemes))


def _variantes(valeur: Any, ou: str, problemes: list[str]) -> tuple[Variante, ...]:
    if valeur is None:
        return ()
    if not isinstance(valeur, list):
        valeur = [valeur]
    return tuple(_variante(v, f"{ou}[{i}]", problemes) for i, v in enumerate(valeur))


def _blocs(valeur: Any, ou: str, problemes: list[str]) -> tuple[ModeleBloc, ...]:
    if not isinstance(valeur, list):
        problemes.append(f"{ou} : une liste de blocs est attendue")
        return ()
    blocs = []
    for index, brut in enumerate(valeur):
        ici = f"{ou}[{index}]"
        if isinstance(brut, dict) and "liste" in brut:
            blocs.append(
                ModeleBloc(
                    est_liste=True,
                    elements=_variantes(brut["liste"], ici, problemes),
                    condition=_lire_condition(brut, ici, problemes),
                )
            )
        else:
            variante = _variante(brut, ici, problemes)
            blocs.append(
                ModeleBloc(est_liste=False, elements=(variante,), condition=variante.condition)
            )
    return tuple(blocs)


_CLES_MODELE = {
    "nom_fichier",
    "entete",
    "sous_titre",
    "introduction",
    "liaison_parties",
    "preambule",
    "partie",
    "article",
    "signature",
}
_CLES_PARTIE = {"lignes", "denomination"}
_CLES_SIGNATURE = {"lieu", "date", "exemplaires", "signataire"}
_CLES_SIGNATAIRE = {"role", "nom", "mention"}
_CLES_ARTICLE = {"titre", "blocs", "si", "si_renseigne"}
_CLES_QUESTION = {
    "libelle",
    "type",
    "exemple",
    "obligatoire",
    "aide",
    "choix",
    "si",
    "si_renseigne",
    "unite",
}


def _cles_inconnues(table: Any, connues: set[str], ou: str, problemes: list[str]) -> None:
    # Une clé mal placée en TOML (une clé écrite après [[partie]] appartient à cette partie)
    # serait ignorée en silence : on la signale.
    if isinstance(table, dict):
        for cle in sorted(set(table) - connues):
            problemes.append(f"{ou} : clé inconnue « {cle} »")


def _lire_modele(donnees: dict[str, Any], problemes: list[str]) -> ModeleDocument:
    _cles_inconnues(donnees, _CLES_MODELE, FICHIER_CLAUSES, problemes)
    parties = []
    for index, partie in enumerate(donnees.get("partie", [])):
        ici = f"partie[{index}]"
        _cles_inconnues(partie, _CLES_PARTIE, ici, problemes)
        parties.append(
            ModelePartie(
                lignes=_variantes(partie.get("lignes"), f"{ici}.lignes", problemes),
                denomination=_gabarit(partie.get("denomination"), ici, problemes),
            )
        )
    articles = []
    for index, article in enumerate(donnees.get("article", [])):
        ici = f"article[{index}]"
        _cles_inconnues(article, _CLES_ARTICLE, ici, problemes)
        articles.append(
            ModeleArticle(
                titre=_gabarit(article.get("titre"), f"{ici}.titre", problemes),
                blocs=_blocs(article.get("blocs"), f"{ici}.blocs", problemes),
                condition=_lire_condition(article, ici, problemes),
            )
        )
    if not articles:
        problemes.append("clauses.toml ne contient aucun article ([[article]])")
    signature = donnees.get("signature", {})
    _cles_inconnues(signature, _CLES_SIGNATURE, "signature", problemes)
    for index, signataire in enumerate(signature.get("signataire", [])):
        _cles_inconnues(signataire, _CLES_SIGNATAIRE, f"signataire[{index}]", problemes)
    signataires = tuple(
        ModeleSignataire(
            role=_gabarit(s.get("role"), f"signataire[{i}].role", problemes),
            nom=_gabarit(s.get("nom"), f"signataire[{i}].nom", problemes),
            mention=_gabarit(s.get("mention"), f"signataire[{i}].mention", problemes),
        )
        for i, s in enumerate(signature.get("signataire", []))
    )
    if not signataires:
        problemes.append("clauses.toml : le bloc [signature] n'a aucun [[signature.signataire]]")
    return ModeleDocument(
        nom_fichier=_gabarit(donnees.get("nom_fichier", "document"), "nom_fichier", problemes),
        entete=_variantes(donnees.get("entete", []), "entete", problemes),
        sous_titre=_variantes(donnees.get("sous_titre", []), "sous_titre", problemes),
        introduction=_gabarit(donnees.get("introduction", ""), "introduction", problemes),
        parties=tuple(parties),
        liaison_parties=_gabarit(donnees.get("liaison_parties", ""), "liaison", problemes),
        preambule=_blocs(donnees.get("preambule", []), "preambule", problemes),
        articles=tuple(articles),
        lieu=_gabarit(signature.get("lieu"), "signature.lieu", problemes),
        date=_gabarit(signature.get("date"), "signature.date", problemes),
        exemplaires=_gabarit(signature.get("exemplaires"), "signature.exemplaires", problemes),
        signataires=signataires,
    )


def _lire_question(nom: str, brut: Any, problemes: list[str]) -> Question | None:
    ici = f"reponses.{nom}"
    if not _NOM_VALIDE.match(nom):
        problemes.append(f"{ici} : nom invalide (minuscules, chiffres et _ seulement)")
        return None
    if not isinstance(brut, dict):
        problemes.append(f"{ici} : une table est attendue")
        return None
    _cles_inconnues(brut, _CLES_QUESTION, ici, problemes)
    type_ = brut.get("type")
    if type_ not in TYPES_DE_REPONSE:
        problemes.append(
            f"{ici} : type {type_!r} inconnu (attendu : {', '.join(TYPES_DE_REPONSE)})"
        )
        return None
    if not brut.get("libelle"):
        problemes.append(f"{ici} : libellé manquant")
    choix = brut.get("choix", {})
    if type_ == "choix" and (not isinstance(choix, dict) or not choix):
        problemes.append(
            f"{ici} : une réponse « choix » doit lister ses choix (table clé = libellé)"
        )
        choix = {}
    unite = brut.get("unite")
    if unite is not None and (
        type_ not in ("nombre", "entier")
        or not isinstance(unite, list)
        or len(unite) != 2
        or not all(isinstance(forme, str) and forme for forme in unite)
    ):
        problemes.append(
            f"{ici} : « unite » s'écrit [singulier, pluriel], pour un nombre ou un entier"
        )
        unite = None
    question = Question(
        nom=nom,
        libelle=str(brut.get("libelle", "")),
        type=type_,
        exemple=brut.get("exemple"),
        obligatoire=bool(brut.get("obligatoire", True)),
        aide=str(brut.get("aide", "")),
        choix=dict(choix),
        condition=_lire_condition(brut, ici, problemes),
        unite=(unite[0], unite[1]) if unite else None,
    )
    if question.exemple is None and question.obligatoire:
        problemes.append(f"{ici} : exemple manquant (il sert à l'aperçu et aux tests)")
    elif question.exemple is not None:
        try:
            convertir_reponse(question, question.exemple)
        except ValueError as erreur:
            problemes.append(f"{ici} : exemple invalide : {erreur}")
    return question


def charger_type(dossier: Path) -> TypeDocument:
    """Lit et vérifie un dossier de type ; lève `TypeDocumentInvalide` avec tous les problèmes."""
    code = dossier.name
    problemes: list[str] = []
    if not (dossier / FICHIER_TYPE).is_file():
        raise TypeDocumentInvalide(code, [f"{FICHIER_TYPE} manquant"])
    meta = _lire_toml(dossier / FICHIER_TYPE, problemes)
    if not (dossier / FICHIER_CLAUSES).is_file():
        problemes.append(f"aucun modèle de clauses : {FICHIER_CLAUSES} manquant")
        clauses: dict[str, Any] = {}
    else:
        clauses = _lire_toml(dossier / FICHIER_CLAUSES, problemes)
    for cle in ("titre", "version"):
        if not isinstance(meta.get(cle), str) or not meta.get(cle):
            problemes.append(f"{FICHIER_TYPE} : « {cle} » manquant")
    questions: dict[str, Question] = {}
    for nom, brut in meta.get("reponses", {}).items():
        question = _lire_question(nom, brut, problemes)
        if question:
            questions[nom] = question
    if not questions:
        problemes.append(f"{FICHIER_TYPE} : aucune réponse déclarée ([reponses.<nom>])")
    modele = _lire_modele(clauses, problemes) if clauses else None
    type_document = TypeDocument(
        code=code,
        titre=str(meta.get("titre", "")),
        version=str(meta.get("version", "")),
        base_legale=tuple(meta.get("base_legale", ())),
        description=str(meta.get("description", "")),
        questions=questions,
        calculs=tuple(meta.get("calculs", ())),
        controles=tuple(meta.get("controles", ())),
        modele=modele or _MODELE_VIDE,
        dossier=dossier,
    )
    if modele is not None:
        problemes.extend(_problemes_de_coherence(type_document))
    if problemes:
        raise TypeDocumentInvalide(code, problemes)
    return type_document


def _problemes_de_coherence(type_document: TypeDocument) -> list[str]:
    """Chaque variable d'un gabarit et chaque condition doivent viser une réponse déclarée."""
    problemes = []
    questions = type_document.questions
    connus = set(questions) | set(type_document.calculs)
    for nom in sorted(type_document.variables_utilisees() - connus):
        problemes.append(
            f"le modèle utilise la réponse « {nom} » que {FICHIER_TYPE} ne déclare pas "
            "(ni comme réponse, ni comme calcul)"
        )
    conditions = [*type_document.modele.conditions(), *(q.condition for q in questions.values())]
    for condition in conditions:
        for nom in sorted(condition.noms - connus):
            problemes.append(f"une condition vise la réponse « {nom} », non déclarée")
        for nom, valeurs in condition.egalites:
            question = questions.get(nom)
            if question and question.type == "choix":
                for valeur in valeurs:
                    if valeur not in question.choix:
                        problemes.append(f"une condition attend {nom} = {valeur!r}, hors des choix")
    return problemes


_MODELE_VIDE = ModeleDocument(
    nom_fichier=Gabarit("document", (Morceau("document"),)),
    entete=(),
    sous_titre=(),
    introduction=Gabarit("", ()),
    parties=(),
    liaison_parties=Gabarit("", ()),
    preambule=(),
    articles=(),
    lieu=Gabarit("", ()),
    date=Gabarit("", ()),
    exemplaires=Gabarit("", ()),
    signataires=(),
)


def _dossiers_de_types(racine: Path) -> list[Path]:
    # Les dossiers qui commencent par « _ » ou « . » ne sont pas des types (brouillons, communs).
    return sorted(d for d in racine.iterdir() if d.is_dir() and not d.name.startswith(("_", ".")))


@functools.cache
def _catalogue(racine: Path) -> dict[str, TypeDocument | TypeDocumentInvalide]:
    # Un type invalide n'empêche pas les autres de servir : la vérification système
    # (`checks.verifier_types_documents`) le signale au démarrage, et le demander lève l'erreur.
    types: dict[str, TypeDocument | TypeDocumentInvalide] = {}
    for dossier in _dossiers_de_types(racine):
        try:
            types[dossier.name] = charger_type(dossier)
        except TypeDocumentInvalide as erreur:
            types[dossier.name] = erreur
    return types


def types_documents(racine: Path | None = None) -> list[TypeDocument]:
    """Les types valides du catalogue, par code ; lus une fois puis gardés en mémoire."""
    catalogue = _catalogue((racine or RACINE_TYPES).resolve())
    return [t for t in catalogue.values() if isinstance(t, TypeDocument)]


def type_document(code: str, racine: Path | None = None) -> TypeDocument:
    """Le type `code` ; `TypeDocumentInconnu` s'il n'existe pas, `TypeDocumentInvalide` s'il
    est mal formé."""
    try:
        trouve = _catalogue((racine or RACINE_TYPES).resolve())[code]
    except KeyError:
        raise TypeDocumentInconnu(code) from None
    if isinstance(trouve, TypeDocumentInvalide):
        raise trouve
    return trouve


def vider_cache() -> None:
    """À appeler après avoir modifié un dossier de type sans redémarrer (tests, outils)."""
    _catalogue.cache_clear()


def verifier_catalogue(
    racine: Path | None = None,
    *,
    calculs_connus: Iterable[str] = (),
    controles_connus: Iterable[str] = (),
) -> list[TypeDocumentInvalide]:
    """Tous les problèmes du catalogue, type par type, sans s'arrêter au premier."""
    racine = racine or RACINE_TYPES
    if not racine.is_dir():
        return [TypeDocumentInvalide("documents_types", [f"dossier introuvable : {racine}"])]
    calculs, controles = set(calculs_connus), set(controles_connus)
    erreurs = []
    for dossier in _dossiers_de_types(racine):
        try:
            type_doc = charger_type(dossier)
        except TypeDocumentInvalide as erreur:
            erreurs.append(erreur)
            continue
        problemes = [
            f"calcul inconnu du moteur : « {nom} »"
            for nom in type_doc.calculs
            if nom not in calculs
        ] + [
            f"contrôle inconnu du moteur : « {nom} »"
            for nom in type_doc.controles
            if nom not in controles
        ]
        if problemes:
            erreurs.append(TypeDocumentInvalide(type_doc.code, problemes))
    return erreurs


# --- Réponses : conversion des valeurs brutes (formulaire, JSON) ----------------------------------


def convertir_reponse(question: Question, brute: Any) -> Any:
    """Convertit une valeur brute selon le type déclaré ; `ValueError` en français sinon."""
    type_ = question.type
    if type_ == "texte":
        if not isinstance(brute, str):
            raise ValueError("un texte est attendu")
        if CARACTERES_INVISIBLES_INTERDITS.search(brute):
            raise ValueError("un texte sans caractère de contrôle (invisible) est attendu")
        return brute.strip()
    if type_ == "booleen":
        if isinstance(brute, bool):
            return brute
        if isinstance(brute, str) and brute.lower() in {"oui", "vrai", "true", "1"}:
            return True
        if isinstance(brute, str) and brute.lower() in {"non", "faux", "false", "0"}:
            return False
        raise ValueError("oui ou non est attendu")
    if type_ == "entier":
        if isinstance(brute, bool) or not isinstance(brute, int | str):
            raise ValueError("un nombre entier est attendu")
        try:
            return int(brute)
        except ValueError:
            raise ValueError("un nombre entier est attendu") from None
    if type_ in ("nombre", "montant"):
        if isinstance(brute, bool) or not isinstance(brute, int | float | str | Decimal):
            raise ValueError("un nombre est attendu")
        texte = str(brute).replace("\u202f", "").replace(" ", "").replace(",", ".")
        try:
            nombre = Decimal(texte)
        except InvalidOperation:
            raise ValueError("un nombre est attendu (par ex. 1850,00)") from None
        if not nombre.is_finite() or nombre < 0:
            raise ValueError("un nombre positif est attendu")
        return nombre.quantize(Decimal("0.01")) if type_ == "montant" else nombre
    if type_ == "date":
        if isinstance(brute, datetime.date) and not isinstance(brute, datetime.datetime):
            jour = brute
        else:
            try:
                jour = datetime.date.fromisoformat(str(brute))
            except ValueError:
                raise ValueError("une date au format AAAA-MM-JJ est attendue") from None
        # Une date absurde (an 1 ou 9999) ferait déborder les calculs de délais : on la refuse
        # ici, avec un message, plutôt qu'une erreur au fond du moteur du droit.
        if not ANNEE_MIN <= jour.year <= ANNEE_MAX:
            raise ValueError(f"une date entre {ANNEE_MIN} et {ANNEE_MAX} est attendue")
        return jour
    if type_ == "choix":
        if brute not in question.choix:
            raise ValueError("choix inconnu (attendu : " + ", ".join(question.choix) + ")")
        return brute
    if type_ == "duree":
        return lire_duree(brute)
    raise ValueError(f"type de réponse inconnu : {type_}")


_UNITES = {
    "jour": "jours",
    "jours": "jours",
    "semaine": "semaines",
    "semaines": "semaines",
    "mois": "mois",
}
_DUREE = re.compile(r"^\s*(\d{1,3})\s*([a-z]+)\s*$")


def lire_duree(brute: Any) -> tuple[int, str]:
    """« 2 mois », « 14 jours », « 1 semaine » → (2, "mois"), (14, "jours"), (1, "semaines")."""
    if isinstance(brute, dict) and {"valeur", "unite"} <= brute.keys():
        brute = f"{brute['valeur']} {brute['unite']}"
    trouve = _DUREE.match(str(brute).lower()) if isinstance(brute, str | dict) else None
    if not trouve or trouve.group(2) not in _UNITES:
        raise ValueError("une durée est attendue, par ex. « 2 mois », « 14 jours », « 1 semaine »")
    return int(trouve.group(1)), _UNITES[trouve.group(2)]
