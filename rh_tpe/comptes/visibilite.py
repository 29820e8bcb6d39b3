"""Qui peut voir quoi : le seul endroit qui en décide.

Chaque vue qui montre une entreprise, un document ou un dossier passe par ces fonctions, pour
que la règle soit la même partout (page, fichier, e-mail).
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from rh_tpe.comptes.models import Entreprise, Utilisateur


def entreprises_visibles(utilisateur: Utilisateur | AnonymousUser) -> QuerySet[Entreprise]:
    """Un chef d'entreprise voit la sienne, un administrateur toutes ; les autres aucune.

    Un conseiller ne voit une entreprise qu'à travers les dossiers que traite son organisation :
    tant que le guichet des dossiers n'existe pas, il n'en voit donc aucune.
    """
    if not utilisateur.is_authenticated or not utilisateur.is_active:
        return Entreprise.objects.none()
    if utilisateur.est_chef_entreprise:
        return Entreprise.objects.filter(pk=utilisateur.entreprise_id)
    if utilisateur.est_administrateur:
        return Entreprise.objects.all()
    return Entreprise.objects.none()


def peut_voir_entreprise(utilisateur: Utilisateur | AnonymousUser, entreprise: Entreprise) -> bool:
    return entreprises_visibles(utilisateur).filter(pk=entreprise.pk).exists()


def peut_modifier_entreprise(
    utilisateur: Utilisateur | AnonymousUser, entreprise: Entreprise
) -> bool:
    """Seul le chef d'entreprise modifie le profil de son entreprise."""
    return (
        utilisateur.is_authenticated
        and utilisateur.is_active
        and utilisateur.est_chef_entreprise
        and utilisateur.entreprise_id == entreprise.pk
    )


def peut_acceder_admin_wagtail(utilisateur: Utilisateur | AnonymousUser) -> bool:
    return utilisateur.is_authenticated and (
        utilisateur.est_editeur_faq or utilisateur.est_administrateur
    )
