"""Une embauche de démonstration pour la boulangerie : un vendeur en CDI à temps complet, offre de
contrat et contrat produits (PDF et DOCX), formalités datées, au registre du personnel.

Elle passe par les formulaires du parcours et par le service de fin, comme une vraie embauche :
ce que la démo montre est ce que le parcours produit. Sans effet si la boulangerie a déjà une
embauche ; sautée (et dite) si le droit refuse la date, par exemple quand le SMIC de l'année du
premier jour n'est pas encore dans les barèmes.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from rh_tpe.comptes.models import Utilisateur
from rh_tpe.droit import ErreurDroit
from rh_tpe.embauche import services
from rh_tpe.embauche.models import BrouillonEmbauche, Embauche
from rh_tpe.modeles.composition import ErreurComposition


def _lundi_dans(semaines: int) -> datetime.date:
    aujourd_hui = timezone.localdate()
    return aujourd_hui + datetime.timedelta(days=7 * semaines - aujourd_hui.weekday())


def _reponses(chef: Utilisateur) -> dict[str, dict[str, Any]]:
    entreprise = chef.entreprise
    return {
        "entreprise": {
            "raison_sociale": entreprise.raison_sociale,
            "siret": entreprise.siret,
            "code_naf": entreprise.code_naf,
            "idcc": entreprise.idcc,
            "convention_collective": entreprise.convention_collective,
            "effectif": str(entreprise.effectif),
            "adresse": entreprise.adresse,
            "code_postal": entreprise.code_postal,
            "commune": entreprise.commune,
            "representant": chef.get_full_name(),
            "representant_qualite": "gérante",
            "caisse_retraite": "Agirc-Arrco, 16-18 rue Jules César, 75012 Paris",
            "prevoyance": "",
            "complementaire_sante": "Mutuelle de la boulangerie",
            "organisme_dpae": "URSSAF Midi-Pyrénées",
        },
        "salarie": {
            "prenom": "Théo",
            "nom": "Delpech",
            "date_naissance": "2001-09-21",
            "nationalite": "française",
            "adresse": "8 rue Wilson, 46000 Cahors",
        },
        "poste": {
            "intitule": "vendeur en boulangerie",
            "fonctions": "accueil et conseil de la clientèle, vente, tenue de la caisse",
            "categorie": "employe",
            "classification": "niveau 2, coefficient 160",
            "lieu_travail": entreprise.adresse_complete,
            "date_debut": _lundi_dans(2).isoformat(),
        },
        "contrat": {"type_contrat": "cdi"},
        "temps": {"temps_de_travail": "complet", "derogation_temps_partiel": "aucune"},
        "remuneration": {"base": "mensuel", "montant": "1950.00", "mode_paiement": "virement"},
        "essai": {"duree_valeur": "2", "duree_unite": "mois"},
        "clauses": {},
        "recapitulatif": {
            "lieu_signature": entreprise.commune,
            "date_signature": timezone.localdate().isoformat(),
        },
    }


def embauche_demo_charger(chef: Utilisateur) -> Embauche | None:
    """L'embauche de démonstration de l'entreprise du chef, ou None si elle existe déjà ou si le
    droit la refuse aujourd'hui : `DemoRefusee` en dit la raison."""
    from rh_tpe.embauche.views import ETAPES

    entreprise = chef.entreprise
    if entreprise is None or Embauche.objects.filter(entreprise=entreprise).exists():
        return None
    reponses = _reponses(chef)
    etapes: dict[str, dict[str, Any]] = {}
    contexte: dict[str, Any] = {}
    for code, formulaire, _titre in ETAPES:
        donnees = {f"{code}-{nom}": valeur for nom, valeur in reponses[code].items()}
        options: dict[str, Any] = {"data": donnees, "prefix": code, "contexte": dict(contexte)}
        if code == "entreprise":
            options["instance"] = entreprise
        if code == "salarie":
            options["entreprise"] = entreprise
        etape = formulaire(**options)
        try:
            valide = etape.is_valid()
        except ErreurDroit as erreur:
            raise DemoRefusee(str(erreur)) from erreur
        if not valide:
            raise DemoRefusee(f"étape « {code} » : {etape.errors.as_text()}")
        etapes[code] = etape.cleaned_data
        contexte.update(etape.cleaned_data)
    brouillon = BrouillonEmbauche.objects.create(entreprise=entreprise, auteur=chef)
    try:
        # Comme au récapitulatif : l'offre de contrat d'abord, à accepter sous cinq jours (le
        # premier jour est au moins huit jours plus tard), puis le contrat.
        services.offre_preparer(
            auteur=chef,
            brouillon=brouillon,
            etapes=etapes,
            date_limite_acceptation=timezone.localdate() + datetime.timedelta(days=5),
        )
        return services.embauche_finaliser(auteur=chef, brouillon=brouillon, etapes=etapes)
    except (ErreurComposition, ErreurDroit) as erreur:
        services.brouillon_supprimer(brouillon=brouillon)
        raise DemoRefusee(str(erreur)) from erreur


class DemoRefusee(Exception):
    """Le parcours refuse l'embauche de démonstration aujourd'hui (date, barème manquant)."""
