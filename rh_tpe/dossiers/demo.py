"""Données de démonstration du guichet : réponses types et un dossier déjà traité.

Créées directement (sans passer par les services) : la démo n'envoie pas d'e-mails.
"""

import datetime

from django.utils import timezone

from rh_tpe.comptes.models import Entreprise, Organisation, Utilisateur
from rh_tpe.dossiers.models import Dossier, Message, ReponseType, Theme
from rh_tpe.dossiers.services import echeance_premiere_reponse

REPONSES_TYPES = [
    (
        "cci",
        "Aides à l'embauche",
        "Bonjour [nom],\n\nPour [entreprise], plusieurs aides peuvent s'appliquer selon le profil "
        "de la personne recrutée (apprentissage, jeune, demandeur d'emploi). Nous pouvons en faire "
        "le point ensemble lors d'un rendez-vous à la CCI.\n\nBien cordialement,",
    ),
    (
        "dreets",
        "Renvoi vers la convention collective",
        "Bonjour [nom],\n\nLa réponse dépend de la convention collective applicable à "
        "[entreprise] : elle peut prévoir des règles plus favorables que le Code du travail.\n\n"
        "Cordialement,",
    ),
]


def dossiers_demo_charger() -> None:
    dossiers_boulangerie_charger()
    for code, titre, texte in REPONSES_TYPES:
        ReponseType.objects.update_or_create(
            organisation=Organisation.objects.get(code=code),
            titre=titre,
            defaults={"texte": texte},
        )
    garage = Entreprise.objects.filter(siret="84512378500014").first()
    chef = Utilisateur.objects.filter(email="garage@tpe.test").first()
    conseiller = Utilisateur.objects.filter(email="claire.martin@cci-lot.test").first()
    if not (garage and chef and conseiller) or garage.dossiers.exists():
        return
    cci = conseiller.organisation
    pose = timezone.now() - datetime.timedelta(days=6)
    dossier = Dossier.objects.create(
        entreprise=garage,
        auteur=chef,
        organisation=cci,
        conseiller=conseiller,
        theme=Theme.AIDES_RECRUTEMENT,
        question="Je voudrais recruter un apprenti mécanicien en septembre : par où commencer ?",
        raison_sociale=garage.raison_sociale,
        siret=garage.siret,
        idcc=garage.idcc,
        effectif=garage.effectif,
        cree_le=pose,
        derniere_activite=pose + datetime.timedelta(days=1),
        echeance=echeance_premiere_reponse(organisation=cci, depuis=timezone.localdate(pose)),
        premiere_reponse_le=pose + datetime.timedelta(days=1),
        statut=Dossier.Statut.CLOS,
        clos_le=pose + datetime.timedelta(days=1),
        resolution="Rendez-vous pris avec le point A de la CCI.",
    )
    Message.objects.create(
        dossier=dossier,
        auteur=conseiller,
        organisation=cci,
        genre=Message.Genre.REPONSE,
        texte="Bonjour, le point A de la CCI vous accompagne : trouver un candidat, le contrat, "
        "les aides. Je vous propose un rendez-vous mardi prochain.",
        cree_le=pose + datetime.timedelta(days=1),
    )


QUESTIONS_BOULANGERIE = [
    (
        Theme.DUREE_TRAVAIL,
        4,
        "Ma vendeuse à temps partiel (24 h) peut-elle faire des heures en plus pendant les fêtes "
        "de fin d'année ? Combien, et comment les payer ?",
    ),
    (
        Theme.CONGES,
        1,
        "Mon boulanger veut poser trois semaines de congés en août : puis-je lui imposer deux "
        "semaines seulement ?",
    ),
]


def dossiers_boulangerie_charger() -> None:
    """Deux questions ouvertes dans la file de la DREETS, dont une en retard : la file de
    démonstration n'est pas vide."""
    boulangerie = Entreprise.objects.filter(siret="81234567600017").first()
    chef = Utilisateur.objects.filter(email="boulangerie@tpe.test").first()
    if not (boulangerie and chef) or boulangerie.dossiers.exists():
        return
    dreets = Organisation.objects.get(code="dreets")
    for theme, jours, question in QUESTIONS_BOULANGERIE:
        pose = timezone.now() - datetime.timedelta(days=jours)
        Dossier.objects.create(
            entreprise=boulangerie,
            auteur=chef,
            organisation=dreets,
            theme=theme,
            question=question,
            raison_sociale=boulangerie.raison_sociale,
            siret=boulangerie.siret,
            idcc=boulangerie.idcc,
            effectif=boulangerie.effectif,
            cree_le=pose,
            derniere_activite=pose,
            echeance=echeance_premiere_reponse(
                organisation=dreets, depuis=timezone.localdate(pose)
            ),
        )
