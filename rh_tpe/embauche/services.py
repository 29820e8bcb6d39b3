"""Les actions du parcours d'embauche : brouillon, contrat, registre, formalités, relecture."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from rh_tpe import droit
from rh_tpe.comptes.models import Entreprise, Utilisateur
from rh_tpe.embauche.formalites import Formalite, SituationEmbauche, formalites_calculer
from rh_tpe.embauche.forms import CATEGORIE_CONTRAT, JOURS, age_le, fin_pour_essai
from rh_tpe.embauche.models import BrouillonEmbauche, Embauche, Salarie
from rh_tpe.modeles.catalogue import type_document
from rh_tpe.modeles.composition import ErreurComposition, date_en_francais, heures_en_francais
from rh_tpe.modeles.models import DocumentGenere
from rh_tpe.modeles.services import document_composer, document_generer, documents_supprimer

# Où se corrige chaque réponse du contrat : pour montrer un refus du moteur de documents à
# l'étape qui l'a posée.
ETAPE_DE_LA_REPONSE = {
    "salaire_brut_mensuel": "remuneration",
    "heures_hebdomadaires": "temps",
    "derogation_temps_partiel": "temps",
    "heures_complementaires_prevues": "temps",
    "periode_essai": "essai",
    "periode_essai_renouvellement": "essai",
    "date_fin": "contrat",
    "duree_minimale": "contrat",
    "motif": "contrat",
    "date_debut": "poste",
    "categorie": "poste",
}
PREFIXES_ETAPES = {
    "entreprise_": "entreprise",
    "convention_collective": "entreprise",
    "salarie_": "salarie",
    "poste_": "poste",
    "remplace_": "contrat",
    "non_concurrence": "clauses",
    "clause_": "clauses",
    "mobilite": "clauses",
    "essai": "essai",
}


def etape_de_la_reponse(nom: str | None) -> str:
    if nom in ETAPE_DE_LA_REPONSE:
        return ETAPE_DE_LA_REPONSE[nom]
    for prefixe, etape in PREFIXES_ETAPES.items():
        if nom and nom.startswith(prefixe):
            return etape
    return "recapitulatif"


def brouillon_creer(*, auteur: Utilisateur) -> BrouillonEmbauche:
    return BrouillonEmbauche.objects.create(entreprise=auteur.entreprise, auteur=auteur)


@transaction.atomic
def brouillon_supprimer(*, brouillon: BrouillonEmbauche) -> None:
    """Supprime le brouillon et l'offre de contrat qu'il avait produite : des données d'un
    candidat qui ne sont plus utiles."""
    _supprimer_brouillons(BrouillonEmbauche.objects.filter(pk=brouillon.pk))


def _supprimer_brouillons(brouillons: QuerySet[BrouillonEmbauche]) -> None:
    # Une offre déjà reprise par une embauche reste avec elle.
    offres = list(
        DocumentGenere.objects.filter(brouillons_offre__in=brouillons)
        .exclude(embauches_offre__isnull=False)
        .distinct()
    )
    brouillons.delete()
    documents_supprimer(documents=offres)


def _duree(duree: tuple[int, str] | None) -> str | None:
    return str(droit.Duree(*duree)) if duree else None


def repartition_en_texte(temps: Mapping[str, Any]) -> str:
    """« lundi : 5 heures ; mardi : 5 heures… », seulement les jours travaillés."""
    morceaux = []
    for code, _libelle in JOURS:
        heures = temps.get(f"heures_{code}")
        if heures:
            morceaux.append(f"{code} : {heures_en_francais(heures)}")
    return " ; ".join(morceaux)


def reponses_du_contrat(etapes: Mapping[str, Mapping[str, Any]]) -> tuple[str, dict[str, Any]]:
    """Le code du type de document et ses réponses, depuis les réponses validées des étapes."""
    ent, sal, poste = etapes["entreprise"], etapes["salarie"], etapes["poste"]
    contrat, temps, remu = etapes["contrat"], etapes["temps"], etapes["remuneration"]
    essai, clauses, recap = etapes["essai"], etapes["clauses"], etapes["recapitulatif"]
    cdd = contrat.get("type_contrat") == "cdd"
    r: dict[str, Any] = {
        "entreprise_raison_sociale": ent["raison_sociale"],
        "entreprise_siret": ent["siret"],
        "entreprise_adresse": f"{ent['adresse']}, {ent['code_postal']} {ent['commune']}",
        "entreprise_representant": ent["representant"],
        "entreprise_representant_qualite": ent["representant_qualite"],
        "convention_collective_titre": ent["convention_collective"],
        "convention_collective_idcc": ent["idcc"],
        "caisse_retraite": ent["caisse_retraite"],
        "prevoyance": ent.get("prevoyance") or None,
        "complementaire_sante": ent["complementaire_sante"],
        "organisme_dpae": ent["organisme_dpae"],
        "salarie_prenom": sal["prenom"],
        "salarie_nom": sal["nom"],
        "salarie_date_naissance": sal["date_naissance"],
        "salarie_mois_experience_branche": remu.get("mois_experience_branche") or 0,
        "salarie_nationalite": sal["nationalite"],
        "salarie_adresse": sal["adresse"],
        "poste_intitule": poste["intitule"],
        "poste_fonctions": poste["fonctions"],
        "categorie": CATEGORIE_CONTRAT[poste["categorie"]],
        "classification": poste["classification"],
        "lieu_travail": poste["lieu_travail"],
        "date_debut": poste["date_debut"],
        "temps_de_travail": temps["temps_de_travail"],
        "salaire_brut_mensuel": remu["salaire_brut_mensuel"],
        "elements_remuneration": remu.get("elements_remuneration") or None,
        "mode_paiement": remu["mode_paiement"],
        "periode_essai": _duree(essai.get("periode_essai")),
        "clause_non_concurrence": bool(clauses.get("clause_non_concurrence")),
        "clause_mobilite": bool(clauses.get("clause_mobilite")),
        "clause_exclusivite": bool(clauses.get("clause_exclusivite")),
        "lieu_signature": recap["lieu_signature"],
        "date_signature": recap["date_signature"],
    }
    if clauses.get("clause_non_concurrence"):
        for nom in ("activites", "duree", "zone", "contrepartie"):
            r[f"non_concurrence_{nom}"] = clauses[f"non_concurrence_{nom}"]
    if clauses.get("clause_mobilite"):
        r["mobilite_zone"] = clauses["mobilite_zone"]
    if temps["temps_de_travail"] == "partiel":
        r.update(
            heures_hebdomadaires=temps["heures_hebdomadaires"],
            repartition="semaine",
            repartition_detail=repartition_en_texte(temps),
            cas_modification_repartition=temps["cas_modification_repartition"],
            communication_horaires=temps["communication_horaires"],
            derogation_temps_partiel=temps.get("derogation_temps_partiel") or "aucune",
            # Facultatif : une limite convenue, imprimée en plus de la limite légale ; 0 ou
            # rien = pas de limite convenue (None est retiré plus bas).
            heures_complementaires_prevues=temps.get("heures_complementaires") or None,
        )
    else:
        r["horaires"] = temps.get("horaires") or None
    if not cdd and essai.get("periode_essai"):
        r["essai_renouvelable"] = bool(essai.get("essai_renouvelable"))
        if essai.get("essai_renouvelable"):
            r["accord_branche_renouvellement"] = bool(essai.get("accord_branche_renouvellement"))
            r["periode_essai_renouvellement"] = _duree(essai.get("periode_essai_renouvellement"))
    if cdd:
        motif = droit.motif_cdd(contrat["motif"])
        r.update(
            motif=motif.code,
            motif_precisions=contrat["motif_precisions"],
            terme=contrat["terme"],
            poste_risques_particuliers=bool(poste.get("risques_particuliers")),
        )
        if motif.nom_remplace_requis:
            r["remplace_nom"] = contrat["remplace_nom"]
            r["remplace_qualification"] = contrat["remplace_qualification"]
        if contrat["terme"] == "precis":
            r["date_fin"] = contrat["date_fin"]
            r["clause_renouvellement"] = bool(contrat.get("clause_renouvellement"))
        else:
            r["duree_minimale"] = _duree(contrat["duree_minimale"])
            r["evenement_fin"] = contrat["evenement_fin"]
    return ("cdd" if cdd else "cdi"), {k: v for k, v in r.items() if v is not None}


TYPE_OFFRE = "promesse_embauche"


def reponses_de_l_offre(
    etapes: Mapping[str, Mapping[str, Any]], *, date_limite_acceptation: datetime.date
) -> dict[str, Any]:
    """Les réponses de l'offre de contrat (promesse d'embauche), depuis les mêmes étapes que le
    contrat : l'offre reprend l'emploi, la rémunération, la date d'entrée et le lieu que le
    contrat dira, et y ajoute le délai laissé au candidat pour accepter."""
    type_contrat, contrat = reponses_du_contrat(etapes)
    declarees = type_document(TYPE_OFFRE).questions
    reponses = {nom: valeur for nom, valeur in contrat.items() if nom in declarees}
    reponses["type_contrat"] = type_contrat
    reponses["date_limite_acceptation"] = date_limite_acceptation
    if type_contrat == "cdd":
        reponses["duree_cdd"] = _duree_et_motif_du_cdd(contrat)
    return reponses


def _duree_et_motif_du_cdd(contrat: Mapping[str, Any]) -> str:
    """« du 4 janvier 2027 au 30 avril 2027, motif : … » ou, à terme imprécis, « à partir du …,
    pour une durée minimale de 3 mois, jusqu'à l'événement suivant : … » : ce que le contrat
    dira, en une ligne."""
    motif = droit.motif_cdd(contrat["motif"]).libelle
    if contrat["terme"] == "precis":
        return _("du %(debut)s au %(fin)s, motif : %(motif)s") % {
            "debut": date_en_francais(contrat["date_debut"]),
            "fin": date_en_francais(contrat["date_fin"]),
            "motif": motif,
        }
    return _(
        "à partir du %(debut)s, pour une durée minimale de %(duree)s, jusqu'à l'événement "
        "suivant : %(evenement)s ; motif : %(motif)s"
    ) % {
        "debut": date_en_francais(contrat["date_debut"]),
        "duree": contrat["duree_minimale"],
        "evenement": contrat["evenement_fin"],
        "motif": motif,
    }


def _brouillon_verrouille(
    *, auteur: Utilisateur, brouillon: BrouillonEmbauche
) -> BrouillonEmbauche:
    """Le brouillon de l'entreprise de l'auteur, relu sous verrou (dans une transaction).

    Deux envois simultanés (double clic, deux onglets) : le second attend ici la fin du premier
    (verrou de la ligne, PostgreSQL) ; s'il ne trouve plus le brouillon, devenu une embauche,
    `BrouillonDejaFinalise`."""
    if brouillon.entreprise_id != auteur.entreprise_id:
        raise PermissionError("brouillon d'une autre entreprise")
    verrouille = BrouillonEmbauche.objects.select_for_update().filter(pk=brouillon.pk).first()
    if verrouille is None:
        raise BrouillonDejaFinalise(brouillon.uuid)
    return verrouille


@transaction.atomic
def offre_preparer(
    *,
    auteur: Utilisateur,
    brouillon: BrouillonEmbauche,
    etapes: Mapping[str, Mapping[str, Any]],
    date_limite_acceptation: datetime.date,
) -> DocumentGenere:
    """Produit l'offre de contrat du brouillon (PDF et DOCX) et la garde avec lui ; une offre
    refaite remplace la précédente. Lève `RefusJuridique` ou `ReponsesInvalides` sans rien
    enregistrer. Le brouillon reste : le contrat se produit ensuite, une fois l'offre
    acceptée."""
    entreprise: Entreprise = auteur.entreprise
    verrouille = _brouillon_verrouille(auteur=auteur, brouillon=brouillon)
    offre = document_generer(
        entreprise=entreprise,
        auteur=auteur,
        type_code=TYPE_OFFRE,
        reponses=reponses_de_l_offre(etapes, date_limite_acceptation=date_limite_acceptation),
    )
    precedente = verrouille.offre
    BrouillonEmbauche.objects.filter(pk=brouillon.pk).update(offre=offre)
    brouillon.offre = offre
    if precedente is not None:
        documents_supprimer(documents=[precedente])
    return offre


# Ce que l'offre tient du récapitulatif (où et quand elle est faite) : changer la date de
# signature du contrat ne change pas l'offre remise.
_REPONSES_DE_L_ACTE = {"lieu_signature", "date_signature", "date_limite_acceptation"}


def offre_differe_des_reponses(
    *, offre: DocumentGenere, etapes: Mapping[str, Mapping[str, Any]]
) -> bool:
    """Vrai si les réponses du parcours ne disent plus ce que dit l'offre préparée (poste,
    salaire, date d'entrée…), ou si elles ne permettent plus de la produire. Une offre acceptée
    engage l'employeur : le contrat doit reprendre ses conditions."""
    faite = offre.reponses
    try:
        etapes_de_l_offre = {
            **etapes,
            "recapitulatif": {
                "lieu_signature": faite["lieu_signature"],
                "date_signature": datetime.date.fromisoformat(faite["date_signature"]),
            },
        }
        actuelles = document_composer(
            type_code=TYPE_OFFRE,
            reponses=reponses_de_l_offre(
                etapes_de_l_offre,
                date_limite_acceptation=datetime.date.fromisoformat(
                    faite["date_limite_acceptation"]
                ),
            ),
            cree_le=offre.cree_le,
        ).reponses
    except (ErreurComposition, droit.ErreurDroit, KeyError, ValueError):
        return True

    def sans_l_acte(reponses: Mapping[str, Any]) -> dict[str, Any]:
        return {nom: v for nom, v in reponses.items() if nom not in _REPONSES_DE_L_ACTE}

    return sans_l_acte(actuelles) != sans_l_acte(faite)


class BrouillonDejaFinalise(Exception):
    """Le brouillon est déjà devenu une embauche (récapitulatif envoyé deux fois) : l'embauche
    porte l'identifiant public du brouillon."""


@transaction.atomic
def embauche_finaliser(
    *,
    auteur: Utilisateur,
    brouillon: BrouillonEmbauche,
    etapes: Mapping[str, Mapping[str, Any]],
) -> Embauche:
    """Produit le contrat, met à jour le profil de l'entreprise et le registre des salariés,
    enregistre l'embauche et supprime le brouillon.

    Lève `RefusJuridique` ou `ReponsesInvalides` (du moteur de documents) sans rien
    enregistrer : tout se passe dans une transaction.
    """
    entreprise: Entreprise = auteur.entreprise
    # Sous SQLite, qui n'a pas le verrou de ligne, l'unicité de l'identifiant de l'embauche,
    # repris du brouillon, refuse le doublon d'un récapitulatif envoyé deux fois.
    verrouille = _brouillon_verrouille(auteur=auteur, brouillon=brouillon)
    type_code, reponses = reponses_du_contrat(etapes)
    for champ in (
        "raison_sociale",
        "siret",
        "code_naf",
        "idcc",
        "convention_collective",
        "effectif",
        "adresse",
        "code_postal",
        "commune",
    ):
        if champ in etapes["entreprise"]:
            setattr(entreprise, champ, etapes["entreprise"][champ])
    entreprise.save()
    sal = etapes["salarie"]
    identite = {
        nom: sal[nom] for nom in ("prenom", "nom", "date_naissance", "nationalite", "adresse")
    }
    existant = sal.get("salarie_existant")
    if existant is not None and existant.entreprise_id == entreprise.pk:
        salarie = existant
        for nom, valeur in identite.items():
            setattr(salarie, nom, valeur)
        salarie.save()
    else:
        salarie = Salarie.objects.create(entreprise=entreprise, **identite)
    document = document_generer(
        entreprise=entreprise, auteur=auteur, type_code=type_code, reponses=reponses
    )
    poste, contrat, temps = etapes["poste"], etapes["contrat"], etapes["temps"]
    cdd = type_code == "cdd"
    date_fin = fin_pour_essai({**poste, **contrat}) if cdd else None
    age = age_le(sal["date_naissance"], poste["date_debut"])
    embauche = Embauche.objects.create(
        # L'adresse du brouillon mène à l'embauche une fois celle-ci enregistrée.
        uuid=brouillon.uuid,
        entreprise=entreprise,
        salarie=salarie,
        type_contrat=type_code,
        poste=poste["intitule"],
        date_debut=poste["date_debut"],
        date_fin=date_fin,
        temps_partiel=temps["temps_de_travail"] == "partiel",
        reponses={
            "mineur": age < droit.regle("mineurs.age.majorite").entier,
            "moins_de_16_ans": age < droit.regle("mineurs.age.minimum_embauche").entier,
            "travail_nuit": bool(poste.get("travail_nuit")),
            "etranger_hors_ue": bool(sal.get("hors_ue")),
        },
        document=document,
        # L'offre de contrat préparée avant, s'il y en a une, reste avec l'embauche.
        offre=verrouille.offre,
        cree_par=auteur,
    )
    brouillon.delete()
    return embauche


def embauche_formalites(embauche: Embauche) -> list[Formalite]:
    return formalites_calculer(
        SituationEmbauche(
            date_debut=embauche.date_debut,
            cdd=embauche.type_contrat == Embauche.TypeContrat.CDD,
            temps_partiel=embauche.temps_partiel,
            mineur=bool(embauche.reponses.get("mineur")),
            moins_de_16_ans=bool(embauche.reponses.get("moins_de_16_ans")),
            travail_nuit=bool(embauche.reponses.get("travail_nuit")),
            etranger_hors_ue=bool(embauche.reponses.get("etranger_hors_ue")),
        ),
        faites=frozenset(embauche.formalites_faites),
    )


def formalite_cocher(*, embauche: Embauche, code: str, faite: bool) -> None:
    """Coche ou décoche une formalité ; un code inconnu pour cette embauche est refusé."""
    codes = {f.code for f in embauche_formalites(embauche)}
    if code not in codes:
        raise ValueError(code)
    faites = set(embauche.formalites_faites)
    if faite:
        faites.add(code)
    else:
        faites.discard(code)
    embauche.formalites_faites = sorted(faites)
    embauche.save(update_fields=["formalites_faites"])


def embauche_faire_relire(*, embauche: Embauche, auteur: Utilisateur, question: str = ""):
    """Envoie le contrat à la CCI comme un dossier du guichet, avec le document joint."""
    from rh_tpe.dossiers.models import Theme
    from rh_tpe.dossiers.services import dossier_creer

    texte = question.strip() or _(
        "Pouvez-vous relire le contrat de %(salarie)s (%(contrat)s, %(poste)s) avant que je le "
        "fasse signer ?"
    ) % {
        "salarie": embauche.salarie,
        "contrat": embauche.get_type_contrat_display(),
        "poste": embauche.poste,
    }
    return dossier_creer(
        auteur=auteur,
        theme=Theme.CONTRAT,
        question=texte,
        type_contrat=embauche.type_contrat,
        date_debut_contrat=embauche.date_debut,
        date_fin_contrat=embauche.date_fin,
        document=embauche.document,
        organisation_code="cci",
    )


def embauche_noter_sortie(*, embauche: Embauche, date_sortie: datetime.date | None) -> None:
    """Note (ou efface, avec None) le jour où le salarié a quitté l'entreprise pour ce contrat.
    La date est vérifiée par `forms.SortieForm` ; elle fait partir le délai de conservation."""
    embauche.date_sortie = date_sortie
    embauche.save(update_fields=["date_sortie"])


def conservation_embauche_jusqu_au(embauche: Embauche) -> datetime.date | None:
    """Jusqu'à quand les données de ce contrat se gardent, si le salarié est sorti."""
    if embauche.date_sortie is None:
        return None
    return droit.conservation_registre_jusqu_au(sortie=embauche.date_sortie)


# --- Conservation des données (RGPD, référentiel « gestion du personnel » de la CNIL) -----------


@dataclass(frozen=True)
class BrouillonPurge:
    """Ce qui est dit d'un brouillon supprimé : pas de nom, seulement son numéro et sa date."""

    pk: int
    modifie_le: datetime.date
    conserve_jusqu_au: datetime.date


def brouillons_purger(
    *, aujourd_hui: datetime.date, simulation: bool = False
) -> list[BrouillonPurge]:
    """Supprime les brouillons d'embauche dont la durée de conservation est passée : un
    brouillon jamais terminé contient les données d'un candidat non retenu, gardées après la
    dernière modification le temps que fixe le référentiel CNIL
    (`droit.conservation_candidat_jusqu_au`). Sans effet la seconde fois : idempotent."""
    # Modifiés au plus tard le dernier jour dont la conservation est finie (jour local).
    dernier_jour = droit.dernier_contact_candidat_expire(aujourd_hui=aujourd_hui)
    seuil = timezone.make_aware(
        datetime.datetime.combine(dernier_jour + datetime.timedelta(days=1), datetime.time())
    )
    purges = []
    for pk, modifie_le in BrouillonEmbauche.objects.filter(modifie_le__lt=seuil).values_list(
        "pk", "modifie_le"
    ):
        jour = timezone.localtime(modifie_le).date()
        limite = droit.conservation_candidat_jusqu_au(dernier_contact=jour)
        purges.append(BrouillonPurge(pk=pk, modifie_le=jour, conserve_jusqu_au=limite))
    if purges and not simulation:
        with transaction.atomic():
            _supprimer_brouillons(BrouillonEmbauche.objects.filter(pk__in=[p.pk for p in purges]))
    return purges


@dataclass(frozen=True)
class SalariePurge:
    """Ce qui est dit d'un salarié supprimé : son numéro, sa dernière sortie, pas son nom."""

    pk: int
    entreprise_id: int
    derniere_sortie: datetime.date
    conserve_jusqu_au: datetime.date
    embauches: int


def salaries_purger(*, aujourd_hui: datetime.date, simulation: bool = False) -> list[SalariePurge]:
    """Supprime les salariés sortis depuis plus longtemps que la durée de conservation, avec
    leurs embauches et leurs contrats (fiches et fichiers) : toutes leurs embauches ont une date
    de sortie et la plus récente a dépassé `droit.conservation_registre_jusqu_au`
    (R1221-26). Un salarié revenu dans l'entreprise (une embauche sans sortie) est gardé.
    Un dossier du guichet qui citait un de ces contrats le perd (il garde ses messages)."""
    candidats = (
        Salarie.objects.annotate(
            embauches_total=Count("embauches"),
            sans_sortie=Count("embauches", filter=Q(embauches__date_sortie__isnull=True)),
            derniere_sortie=Max("embauches__date_sortie"),
        )
        .filter(
            embauches_total__gt=0,
            sans_sortie=0,
            derniere_sortie__lte=droit.derniere_sortie_expiree(aujourd_hui=aujourd_hui),
        )
        .order_by("pk")
    )
    purges = [
        SalariePurge(
            pk=salarie.pk,
            entreprise_id=salarie.entreprise_id,
            derniere_sortie=salarie.derniere_sortie,
            conserve_jusqu_au=droit.conservation_registre_jusqu_au(sortie=salarie.derniere_sortie),
            embauches=salarie.embauches_total,
        )
        for salarie in candidats
    ]
    if purges and not simulation:
        _supprimer_salaries([p.pk for p in purges])
    return purges


def _supprimer_salaries(pks: list[int]) -> None:
    with transaction.atomic():
        embauches = Embauche.objects.filter(salarie_id__in=pks)
        # Les contrats et les offres de contrat de ces embauches.
        documents = list(
            DocumentGenere.objects.filter(
                Q(embauches__in=embauches) | Q(embauches_offre__in=embauches)
            )
            .exclude(embauches__in=Embauche.objects.exclude(salarie_id__in=pks))
            .distinct()
        )
        embauches.delete()
        documents_supprimer(documents=documents)
        Salarie.objects.filter(pk__in=pks).delete()
