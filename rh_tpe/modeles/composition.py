"""Composer un document : type de document + réponses (+ valeurs du moteur du droit) → `Document`.

Ordre des opérations :

1. les réponses brutes sont converties selon leur type déclaré (erreurs → `ReponsesInvalides`) ;
2. les valeurs calculées déclarées par le type sont demandées au moteur `rh_tpe.droit` ;
3. les contrôles juridiques déclarés par le type sont appliqués : une limite légale dépassée lève
   `RefusJuridique` (message en français et article), le document n'est jamais produit ;
4. les gabarits sont remplis : chaque réponse est insérée comme texte, jamais interprétée.

Le résultat (`Composition`) garde les réponses normalisées, les valeurs calculées et les versions
des barèmes et du type : un `DocumentGenere` peut les figer et rendre à nouveau le même texte.

Aucun nombre légal n'est écrit ici : tout vient de `rh_tpe.droit`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.text import slugify
from django.utils.translation import gettext as _

from rh_tpe import droit
from rh_tpe.droit.outils import (
    ESPACE_INSECABLE,
    ajouter_mois,
    montant_en_francais,
    nombre_en_francais,
)

from .catalogue import (
    Condition,
    Gabarit,
    ModeleBloc,
    TypeDocument,
    Variante,
    convertir_reponse,
    type_document,
)
from .structure import (
    Article,
    Bloc,
    Document,
    Liste,
    Metadonnees,
    Paragraphe,
    Partie,
    Segment,
    Signataire,
    Signature,
)

# --- Erreurs du domaine ---------------------------------------------------------------------------


class ErreurComposition(Exception):
    """Les réponses ne permettent pas de produire le document."""


class ReponsesInvalides(ErreurComposition):
    """Réponses manquantes ou mal formées ; `erreurs` associe un message à chaque réponse."""

    def __init__(self, erreurs: Mapping[str, str]) -> None:
        self.erreurs = dict(erreurs)
        super().__init__("; ".join(f"{nom} : {message}" for nom, message in self.erreurs.items()))


class RefusJuridique(ErreurComposition):
    """Les réponses enfreignent une règle du Code du travail : le document n'est pas produit."""

    def __init__(self, message: str, article: str, champ: str | None = None) -> None:
        self.message = message
        self.article = article
        self.champ = champ
        super().__init__(message, article)

    def __str__(self) -> str:
        return _("%(message)s (article %(article)s du Code du travail)") % {
            "message": self.message,
            "article": self.article,
        }


# --- Mise en forme française des valeurs ----------------------------------------------------------

MOIS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def date_en_francais(jour: datetime.date) -> str:
    quantieme = "1er" if jour.day == 1 else str(jour.day)
    return f"{quantieme} {MOIS[jour.month - 1]} {jour.year}"


def quantite_en_francais(nombre: Decimal | int, singulier: str, pluriel: str) -> str:
    """Le nombre et son unité accordée : en français, le pluriel commence à 2 (« 1,5 heure »)."""
    return f"{nombre_en_francais(nombre)} {singulier if abs(nombre) < 2 else pluriel}"


def heures_en_francais(heures: Decimal | int) -> str:
    """24 → « 24 heures » ; 2,4 → « 2 heures 24 minutes » (plus lisible qu'une fraction d'heure) ;
    0,15 → « 9 minutes »."""
    total_minutes = int((Decimal(heures) * 60).to_integral_value(rounding=ROUND_HALF_UP))
    h, minutes = divmod(total_minutes, 60)
    morceaux = []
    if h or not minutes:
        morceaux.append(f"{h} heure" + ("s" if h > 1 else ""))
    if minutes:
        morceaux.append(f"{minutes} minute" + ("s" if minutes > 1 else ""))
    return " ".join(morceaux)


def taux_en_francais(taux: Decimal) -> str:
    return f"{nombre_en_francais(taux * 100)}{ESPACE_INSECABLE}%"


def duree_en_francais(duree: droit.Duree | tuple[int, str]) -> str:
    if isinstance(duree, tuple):
        duree = droit.Duree(*duree)
    return str(duree)


# --- Valeurs calculées par le moteur du droit -----------------------------------------------------


def _heures(valeurs: Mapping[str, Any]) -> Decimal:
    """Durée hebdomadaire du contrat : celle saisie à temps partiel, la durée légale sinon."""
    if valeurs.get("temps_de_travail") == "partiel":
        return Decimal(valeurs["heures_hebdomadaires"])
    return droit.duree_legale_hebdomadaire()


def _fin_pour_essai(valeurs: Mapping[str, Any]) -> datetime.date:
    """Dernier jour prévu d'un CDD ; à terme imprécis, celui de la durée minimale (L1242-10)."""
    if valeurs.get("terme") == "imprecis":
        debut = valeurs["date_debut"]
        minimum = droit.Duree(*valeurs["duree_minimale"])
        jours = minimum.en_jours()
        if jours is not None:
            return debut + datetime.timedelta(days=jours - 1)
        return ajouter_mois(debut, minimum.valeur) - datetime.timedelta(days=1)
    return valeurs["date_fin"]


def _contrat(valeurs: Mapping[str, Any]) -> str:
    return "CDD" if "motif" in valeurs else "CDI"


def _periode_essai_maximale(valeurs: Mapping[str, Any]) -> droit.Duree:
    if _contrat(valeurs) == "CDD":
        return droit.periode_essai_max(
            contrat="CDD", debut=valeurs["date_debut"], fin=_fin_pour_essai(valeurs)
        )
    return droit.periode_essai_max(contrat="CDI", categorie=valeurs["categorie"])


def _periode_essai_maximale_renouvellement(valeurs: Mapping[str, Any]) -> droit.Duree:
    return droit.periode_essai_max(
        contrat="CDI", categorie=valeurs["categorie"], renouvellement=True
    )


def _heures_complementaires_max(valeurs: Mapping[str, Any]) -> Decimal | None:
    if valeurs.get("temps_de_travail") != "partiel":
        return None
    return droit.heures_complementaires_max(heures_contractuelles=_heures(valeurs)).maximum


@dataclass(frozen=True)
class Calcul:
    fonction: Callable[[Mapping[str, Any]], Any]
    format: Callable[[Any], str]


def _oui_non(valeur: bool) -> str:
    return "oui" if valeur else "non"


def _duree_legale_hebdomadaire(valeurs: Mapping[str, Any]) -> Decimal:
    return droit.duree_legale_hebdomadaire()


def _heures_mensuelles(valeurs: Mapping[str, Any]) -> Decimal:
    return droit.heures_mensuelles(_heures(valeurs))


def _duree_legale_mensuelle(valeurs: Mapping[str, Any]) -> Decimal:
    return droit.heures_mensuelles(droit.duree_legale_hebdomadaire())


def _heures_complementaires_max_mensuelles(valeurs: Mapping[str, Any]) -> Decimal | None:
    """Un temps partiel réparti sur le mois compte ses heures complémentaires au mois : un
    dixième de la durée mensuelle (L3123-28, « au cours d'un même mois »)."""
    if valeurs.get("temps_de_travail") != "partiel" or valeurs.get("repartition") != "mois":
        return None
    return droit.heures_complementaires_max(
        heures_contractuelles=_heures_mensuelles(valeurs), periode="mois"
    ).maximum


def _duree_minimale_temps_partiel(valeurs: Mapping[str, Any]) -> Decimal:
    return droit.duree_minimale_temps_partiel()


def _taux_majoration_heures_complementaires(valeurs: Mapping[str, Any]) -> Decimal:
    return droit.regle("temps_travail.temps_partiel.taux_heures_complementaires_dixieme").valeur


def _smic_mensuel_applicable(valeurs: Mapping[str, Any]) -> Decimal:
    return droit.smic_mensuel(valeurs["date_debut"], _heures(valeurs))


def _motif_libelle(valeurs: Mapping[str, Any]) -> str:
    return droit.motif_cdd(valeurs["motif"]).libelle


def _motif_article(valeurs: Mapping[str, Any]) -> str:
    return droit.motif_cdd(valeurs["motif"]).article


def _remplacement(valeurs: Mapping[str, Any]) -> bool:
    """Le motif exige-t-il le nom et la qualification de la personne remplacée (L1242-12 1°) ?"""
    return droit.motif_cdd(valeurs["motif"]).nom_remplace_requis


def _indemnite_fin_contrat_due(valeurs: Mapping[str, Any]) -> bool:
    return droit.motif_cdd(valeurs["motif"]).indemnite_fin_contrat


def _taux_indemnite_fin_contrat(valeurs: Mapping[str, Any]) -> Decimal:
    return droit.regle("cdd.indemnite_fin_contrat.taux").valeur


def _taux_indemnite_conges_fin_contrat(valeurs: Mapping[str, Any]) -> Decimal:
    return droit.regle("cdd.conges_fin_contrat.taux_minimum").valeur


def _duree_maximale_cdd(valeurs: Mapping[str, Any]) -> droit.Duree | None:
    return droit.duree_maximale_cdd(
        motif=valeurs["motif"], terme_precis=valeurs["terme"] == "precis"
    )


def _date_remise_contrat(valeurs: Mapping[str, Any]) -> datetime.date:
    return droit.cdd_transmis_au_plus_tard(embauche=valeurs["date_debut"])


def _duree_ou_rien(duree: droit.Duree | None) -> str:
    return str(duree) if duree is not None else ""


# Les noms qu'un type peut déclarer dans `calculs` et utiliser dans ses clauses et conditions.
CALCULS: dict[str, Calcul] = {
    "duree_legale_hebdomadaire": Calcul(_duree_legale_hebdomadaire, heures_en_francais),
    "duree_minimale_temps_partiel": Calcul(_duree_minimale_temps_partiel, heures_en_francais),
    "heures_mensuelles": Calcul(_heures_mensuelles, heures_en_francais),
    "heures_complementaires_max": Calcul(_heures_complementaires_max, heures_en_francais),
    "duree_legale_mensuelle": Calcul(_duree_legale_mensuelle, heures_en_francais),
    "heures_complementaires_max_mensuelles": Calcul(
        _heures_complementaires_max_mensuelles, heures_en_francais
    ),
    "taux_majoration_heures_complementaires": Calcul(
        _taux_majoration_heures_complementaires, taux_en_francais
    ),
    "smic_mensuel_applicable": Calcul(_smic_mensuel_applicable, montant_en_francais),
    "periode_essai_maximale": Calcul(_periode_essai_maximale, duree_en_francais),
    "periode_essai_maximale_renouvellement": Calcul(
        _periode_essai_maximale_renouvellement, duree_en_francais
    ),
    "motif_libelle": Calcul(_motif_libelle, str),
    "motif_article": Calcul(_motif_article, str),
    "remplacement": Calcul(_remplacement, _oui_non),
    "indemnite_fin_contrat_due": Calcul(_indemnite_fin_contrat_due, _oui_non),
    "taux_indemnite_fin_contrat": Calcul(_taux_indemnite_fin_contrat, taux_en_francais),
    "taux_indemnite_conges_fin_contrat": Calcul(
        _taux_indemnite_conges_fin_contrat, taux_en_francais
    ),
    "duree_maximale_cdd": Calcul(_duree_maximale_cdd, _duree_ou_rien),
    "date_remise_contrat": Calcul(_date_remise_contrat, date_en_francais),
}


# --- Contrôles juridiques -------------------------------------------------------------------------


def _refuser_si_invalide(verification: droit.Verification, champ: str) -> None:
    if not verification.valide:
        raise RefusJuridique(verification.message, verification.article, champ)


def _controle_periode_essai(valeurs: Mapping[str, Any]) -> None:
    if not valeurs.get("periode_essai"):
        return
    duree = droit.Duree(*valeurs["periode_essai"])
    contrat = _contrat(valeurs)
    commun: dict[str, Any] = {"contrat": contrat, "debut": valeurs["date_debut"]}
    if contrat == "CDD":
        commun["fin"] = _fin_pour_essai(valeurs)
    else:
        commun["categorie"] = valeurs["categorie"]
    _refuser_si_invalide(droit.verifier_periode_essai(duree=duree, **commun), "periode_essai")
    if contrat == "CDI" and valeurs.get("essai_renouvelable"):
        renouvellement = droit.Duree(*valeurs["periode_essai_renouvellement"])
        if renouvellement.unite != duree.unite:
            raise RefusJuridique(
                _("Exprimez la période d'essai et son renouvellement dans la même unité."),
                "L1221-21",
                "periode_essai_renouvellement",
            )
        total = droit.Duree(duree.valeur + renouvellement.valeur, duree.unite)
        _refuser_si_invalide(
            droit.verifier_periode_essai(
                duree=total,
                renouvellement=True,
                accord_branche_renouvellement=bool(valeurs.get("accord_branche_renouvellement")),
                clause_renouvellement=True,
                **commun,
            ),
            "periode_essai_renouvellement",
        )


def _age_au_debut(valeurs: Mapping[str, Any]) -> int | None:
    """L'âge du salarié le premier jour du contrat ; `None` sans date de naissance."""
    naissance = valeurs.get("salarie_date_naissance")
    return droit.age_le(naissance=naissance, le=valeurs["date_debut"]) if naissance else None


def _controle_salaire_minimum(valeurs: Mapping[str, Any]) -> None:
    # Un mineur peut être payé au minimum des jeunes travailleurs (D3231-3) : l'âge au premier
    # jour du contrat décide. Sans date de naissance, le SMIC adulte s'applique.
    _refuser_si_invalide(
        droit.verifier_salaire_minimum(
            le=valeurs["date_debut"],
            salaire_mensuel_brut=valeurs["salaire_brut_mensuel"],
            heures_hebdomadaires=_heures(valeurs),
            age=_age_au_debut(valeurs),
            mois_experience_branche=valeurs.get("salarie_mois_experience_branche") or 0,
        ),
        "salaire_brut_mensuel",
    )


def _controle_temps_partiel(valeurs: Mapping[str, Any]) -> None:
    if valeurs.get("temps_de_travail") != "partiel":
        return
    derogation = valeurs.get("derogation_temps_partiel", "aucune")
    cdd = "motif" in valeurs
    _refuser_si_invalide(
        droit.verifier_duree_temps_partiel(
            heures_hebdomadaires=valeurs["heures_hebdomadaires"],
            contrat="CDD" if cdd else "CDI",
            motif_cdd=valeurs["motif"] if cdd else None,
            duree_contrat_jours=_duree_cdd_jours(valeurs) if cdd else None,
            derogation=None if derogation == "aucune" else derogation,
            # La dérogation de l'étudiant ne vaut qu'avant 26 ans (L3123-7) : un contrat produit
            # hors du parcours (manage.py generer_document) est contrôlé de la même façon.
            age=_age_au_debut(valeurs),
        ),
        "derogation_temps_partiel" if derogation != "aucune" else "heures_hebdomadaires",
    )


def _controle_heures_complementaires(valeurs: Mapping[str, Any]) -> None:
    # Une limite d'heures complémentaires convenue au contrat (L3123-6) reste dans la limite
    # légale : un dixième de la durée prévue (L3123-28), sans atteindre la durée légale (L3123-9).
    prevues = valeurs.get("heures_complementaires_prevues")
    if prevues is None or valeurs.get("temps_de_travail") != "partiel":
        return
    _refuser_si_invalide(
        droit.verifier_heures_complementaires(
            heures_contractuelles=_heures(valeurs), heures_complementaires=prevues
        ),
        "heures_complementaires_prevues",
    )


def _duree_cdd_jours(valeurs: Mapping[str, Any]) -> int:
    return (_fin_pour_essai(valeurs) - valeurs["date_debut"]).days + 1


def _controle_duree_cdd(valeurs: Mapping[str, Any]) -> None:
    motif, debut = valeurs["motif"], valeurs["date_debut"]
    if valeurs["terme"] == "imprecis":
        # Lève ErreurDroit (L1242-7) si ce motif exige un terme précis.
        droit.duree_maximale_cdd(motif=motif, terme_precis=False)
        return
    fin = valeurs["date_fin"]
    if fin < debut:
        raise RefusJuridique(
            _("La date de fin précède la date de début du contrat."), "L1242-7", "date_fin"
        )
    jours = _duree_cdd_jours(valeurs)
    _refuser_si_invalide(
        droit.verifier_renouvellements_cdd(
            motif=motif, duree_initiale=droit.Duree(jours, "jours"), debut=debut
        ),
        "date_fin",
    )


def _controle_offre(valeurs: Mapping[str, Any]) -> None:
    # L'offre doit laisser au candidat un délai pour accepter, avant l'entrée en fonction
    # (Cass. soc. 21 sept. 2017, C. civ. 1116).
    if valeurs["date_limite_acceptation"] < valeurs["date_signature"]:
        raise RefusJuridique(
            _("Le délai d'acceptation doit se terminer après la date de l'offre."),
            "C. civ. 1116",
            "date_limite_acceptation",
        )
    if valeurs["date_limite_acceptation"] >= valeurs["date_debut"]:
        raise RefusJuridique(
            _("Le délai d'acceptation doit se terminer avant la date d'entrée en fonction."),
            "C. civ. 1116",
            "date_limite_acceptation",
        )


CONTROLES: dict[str, Callable[[Mapping[str, Any]], None]] = {
    "periode_essai": _controle_periode_essai,
    "salaire_minimum": _controle_salaire_minimum,
    "temps_partiel": _controle_temps_partiel,
    "heures_complementaires": _controle_heures_complementaires,
    "duree_cdd": _controle_duree_cdd,
    "offre": _controle_offre,
}


# --- Le résultat --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Composition:
    """Le document et tout ce qu'il faut figer pour le reproduire à l'identique."""

    type_code: str
    type_version: str
    document: Document
    reponses: dict[str, Any]
    valeurs_calculees: dict[str, str]
    versions: dict[str, str]


def _normaliser(valeur: Any) -> Any:
    """Une valeur de réponse en JSON : dates ISO, nombres en texte, durées « 2 mois »."""
    if isinstance(valeur, datetime.date):
        return valeur.isoformat()
    if isinstance(valeur, Decimal):
        return str(valeur)
    if isinstance(valeur, tuple):
        return duree_en_francais(valeur)
    return valeur


def lire_reponses(
    type_doc: TypeDocument, brutes: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Convertit les réponses connues ; renvoie les valeurs et les erreurs par réponse."""
    valeurs: dict[str, Any] = {}
    erreurs: dict[str, str] = {}
    for nom, question in type_doc.questions.items():
        brute = brutes.get(nom)
        if brute is None or brute == "":
            continue
        try:
            valeur = convertir_reponse(question, brute)
        except ValueError as erreur:
            erreurs[nom] = str(erreur)
            continue
        # « 0 jour » d'essai, c'est l'absence d'essai : le contrat n'imprime pas une clause vide
        # de sens (« période d'essai de 0 jour ») ; une durée obligatoire nulle reste manquante.
        if question.type == "duree" and valeur[0] == 0:
            continue
        valeurs[nom] = valeur
    inconnues = sorted(set(brutes) - set(type_doc.questions))
    for nom in inconnues:
        erreurs[nom] = _("réponse inconnue pour ce document")
    return valeurs, erreurs


def _manquantes(type_doc: TypeDocument, valeurs: Mapping[str, Any], *, avec_calculs: bool) -> dict:
    """Réponses obligatoires absentes, parmi celles dont la condition peut déjà être évaluée."""
    erreurs = {}
    for nom, question in type_doc.questions.items():
        if not question.obligatoire or nom in valeurs:
            continue
        depend_d_un_calcul = bool(question.condition.noms & set(type_doc.calculs))
        if depend_d_un_calcul and not avec_calculs:
            continue
        if question.condition.verifiee(valeurs):
            erreurs[nom] = _("réponse obligatoire : %(libelle)s") % {"libelle": question.libelle}
    return erreurs


def composer(
    code_ou_type: str | TypeDocument,
    reponses: Mapping[str, Any],
    *,
    cree_le: datetime.datetime | None = None,
    modifie_le: datetime.datetime | None = None,
    auteur: str = "RH TPE",
) -> Composition:
    """Construit le document ; lève `ReponsesInvalides` ou `RefusJuridique` sinon.

    `cree_le` et `modifie_le` sont les dates inscrites dans les propriétés du fichier : les
    repasser depuis l'enregistrement redonne les mêmes octets.
    """
    type_doc = (
        code_ou_type if isinstance(code_ou_type, TypeDocument) else type_document(code_ou_type)
    )
    inconnus = [n for n in type_doc.calculs if n not in CALCULS]
    inconnus += [n for n in type_doc.controles if n not in CONTROLES]
    if inconnus:
        raise ErreurComposition(f"{type_doc.code} : calculs ou contrôles inconnus : {inconnus}")
    valeurs, erreurs = lire_reponses(type_doc, reponses)
    manquantes = _manquantes(type_doc, valeurs, avec_calculs=False)
    erreurs.update({nom: message for nom, message in manquantes.items() if nom not in erreurs})
    if erreurs:
        raise ReponsesInvalides(erreurs)
    # Une réponse dont la condition est fausse (le nom de la personne remplacée pour un
    # accroissement d'activité) ne doit pas s'imprimer : on l'écarte.
    try:
        calculees = {nom: CALCULS[nom].fonction(valeurs) for nom in type_doc.calculs}
        tout = {**valeurs, **calculees}
        valeurs = {
            nom: valeur
            for nom, valeur in valeurs.items()
            if type_doc.questions[nom].condition.verifiee(tout)
        }
        tout = {**valeurs, **calculees}
        erreurs = _manquantes(type_doc, tout, avec_calculs=True)
        if erreurs:
            raise ReponsesInvalides(erreurs)
        for controle in type_doc.controles:
            CONTROLES[controle](tout)
    except droit.ErreurDroit as erreur:
        raise RefusJuridique(erreur.message, erreur.article) from erreur

    textes = {nom: _texte_de_reponse(type_doc, nom, valeur) for nom, valeur in valeurs.items()}
    textes.update(
        {
            nom: CALCULS[nom].format(valeur)
            for nom, valeur in calculees.items()
            if valeur is not None
        }
    )
    maintenant = datetime.datetime.now(tz=datetime.UTC).replace(microsecond=0)
    cree_le = cree_le or maintenant
    document = _construire(
        type_doc,
        tout,
        textes,
        Metadonnees(
            titre=type_doc.titre,
            auteur=auteur,
            sujet=type_doc.description,
            cree_le=cree_le,
            modifie_le=modifie_le or cree_le,
        ),
    )
    return Composition(
        type_code=type_doc.code,
        type_version=type_doc.version,
        document=document,
        reponses={nom: _normaliser(valeur) for nom, valeur in valeurs.items()},
        valeurs_calculees={nom: textes.get(nom, "") for nom in calculees},
        versions=_versions(type_doc, valeurs),
    )


def _versions(type_doc: TypeDocument, valeurs: Mapping[str, Any]) -> dict[str, str]:
    """Version du type, des règles et des barèmes en vigueur à la date d'effet du document."""
    versions = {"type_document": f"{type_doc.code}@{type_doc.version}"}
    versions.update(droit.versions_baremes(valeurs.get("date_debut")))
    return versions


def _texte_de_reponse(type_doc: TypeDocument, nom: str, valeur: Any) -> str:
    question = type_doc.questions[nom]
    if question.type == "date":
        return date_en_francais(valeur)
    if question.type == "montant":
        return montant_en_francais(valeur)
    if question.type in ("nombre", "entier"):
        if question.unite:
            return quantite_en_francais(valeur, *question.unite)
        return nombre_en_francais(valeur)
    if question.type == "choix":
        return question.choix[valeur]
    if question.type == "booleen":
        return _oui_non(valeur)
    if question.type == "duree":
        return duree_en_francais(valeur)
    return str(valeur)


# --- Remplissage des gabarits -------------------------------------------------------------------


class _Remplisseur:
    def __init__(self, valeurs: Mapping[str, Any], textes: Mapping[str, str]) -> None:
        self.valeurs = valeurs
        self.textes = textes

    def vrai(self, condition: Condition) -> bool:
        return condition.verifiee(self.valeurs)

    def paragraphe(self, gabarit: Gabarit) -> Paragraphe:
        segments: list[Segment] = []
        for morceau in gabarit.morceaux:
            if morceau.variable is None:
                texte = morceau.texte
            else:
                if morceau.variable not in self.textes:
                    # Le modèle imprime une réponse absente : sa condition est à revoir.
                    raise ErreurComposition(
                        f"le modèle utilise « {morceau.variable} » sans condition qui garantisse "
                        "sa présence"
                    )
                texte = self.textes[morceau.variable]
            # Les segments voisins de même graisse sont fusionnés : moins de runs dans le DOCX.
            if segments and segments[-1].gras == morceau.gras:
                segments[-1] = Segment(segments[-1].texte + texte, morceau.gras)
            else:
                segments.append(Segment(texte, morceau.gras))
        return Paragraphe(tuple(segments))

    def texte(self, gabarit: Gabarit) -> str:
        return self.paragraphe(gabarit).texte

    def premiere(self, variantes: tuple[Variante, ...]) -> str:
        for variante in variantes:
            if self.vrai(variante.condition):
                return self.texte(variante.gabarit)
        return ""

    def lignes(self, variantes: tuple[Variante, ...]) -> tuple[Paragraphe, ...]:
        return tuple(self.paragraphe(v.gabarit) for v in variantes if self.vrai(v.condition))

    def blocs(self, modeles: tuple[ModeleBloc, ...]) -> tuple[Bloc, ...]:
        blocs: list[Bloc] = []
        for modele in modeles:
            if not self.vrai(modele.condition):
                continue
            elements = self.lignes(modele.elements)
            if modele.est_liste:
                if elements:
                    blocs.append(Liste(elements))
            else:
                blocs.extend(elements)
        return tuple(blocs)


def _construire(
    type_doc: TypeDocument,
    valeurs: Mapping[str, Any],
    textes: Mapping[str, str],
    metadonnees: Metadonnees,
) -> Document:
    modele = type_doc.modele
    remplir = _Remplisseur(valeurs, textes)
    articles = []
    for modele_article in modele.articles:
        if not remplir.vrai(modele_article.condition):
            continue
        articles.append(
            Article(
                numero=len(articles) + 1,
                titre=remplir.texte(modele_article.titre),
                blocs=remplir.blocs(modele_article.blocs),
            )
        )
    return Document(
        titre=type_doc.titre,
        sous_titre=remplir.premiere(modele.sous_titre),
        entete=tuple(p.texte for p in remplir.lignes(modele.entete)),
        introduction=remplir.texte(modele.introduction),
        parties=tuple(
            Partie(lignes=remplir.lignes(p.lignes), denomination=remplir.texte(p.denomination))
            for p in modele.parties
        ),
        liaison_parties=remplir.texte(modele.liaison_parties),
        preambule=remplir.blocs(modele.preambule),
        articles=tuple(articles),
        signature=Signature(
            lieu=remplir.texte(modele.lieu),
            date=remplir.texte(modele.date),
            exemplaires=remplir.texte(modele.exemplaires),
            signataires=tuple(
                Signataire(
                    role=remplir.texte(s.role),
                    nom=remplir.texte(s.nom),
                    mention=remplir.texte(s.mention),
                )
                for s in modele.signataires
            ),
        ),
        metadonnees=metadonnees,
        nom_fichier=slugify(remplir.texte(modele.nom_fichier)) or type_doc.code,
    )
