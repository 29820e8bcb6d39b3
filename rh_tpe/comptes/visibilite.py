"""Qui peut voir quoi : le seul endroit qui en décide.

Chaque vue qui montre une entreprise, un document ou un dossier passe par ces fonctions, pour
que la règle soit la même partout (page, fichier, e-mail).
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from rh_tpe.comptes.models import Entreprise, Utilisateur


def entreprises_visibles(utilisateur: Utilisateur | AnonymousUser) -> QuerySet[Entreprise]:
    """Un chef d'entreprise voit la sienne, un administrateur toutes ; les autres aucune.

    Un conseiller ne voit une entreprise qu'à travers les dossiers que traite ou qu'a traités
    son organisation (la règle des dossiers est dans `rh_tpe.dossiers.selectors`, importée ici
    au dernier moment : comptes ne dépend pas du guichet au chargement).
    """
    if not utilisateur.is_authenticated or not utilisateur.is_active:
        return Entreprise.objects.none()
    if utilisateur.est_chef_entreprise:
        return Entreprise.objects.filter(pk=utilisateur.entreprise_id)
    if utilisateur.est_administrateur:
        return Entreprise.objects.all()
    if utilisateur.est_conseiller:
        from rh_tpe.dossiers.selectors import entreprises_ids_du_conseiller

        return Entreprise.objects.filter(pk__in=entreprises_ids_du_conseiller(utilisateur))
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


def dossiers_visibles(utilisateur: Utilisateur | AnonymousUser):
    """Les dossiers du guichet que la personne voit (règle dans `rh_tpe.dossiers.selectors`)."""
    from rh_tpe.dossiers.selectors import dossiers_visibles as selection

    return selection(utilisateur)


def peut_acceder_admin_wagtail(utilisateur: Utilisateur | AnonymousUser) -> bool:
    return utilisateur.is_authenticated and (
        utilisateur.est_editeur_faq or utilisateur.est_administrateur
    )
