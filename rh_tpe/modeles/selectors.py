"""Lectures qui appliquent la visibilité des documents générés."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from rh_tpe.comptes.models import Utilisateur
from rh_tpe.comptes.visibilite import dossiers_visibles, entreprises_visibles
from rh_tpe.modeles.models import DocumentGenere


def documents_visibles(utilisateur: Utilisateur | AnonymousUser) -> QuerySet[DocumentGenere]:
    """Le chef d'entreprise voit les documents de son entreprise, l'administrateur tous.

    Un conseiller ne voit que les documents joints à un dossier qu'il voit : voir une
    entreprise par un dossier ne donne pas accès à tous ses contrats.
    """
    if not utilisateur.is_authenticated or not utilisateur.is_active:
        return DocumentGenere.objects.none()
    if utilisateur.est_conseiller:
        joints = dossiers_visibles(utilisateur).exclude(document=None).values("document_id")
        return DocumentGenere.objects.filter(pk__in=joints)
    return DocumentGenere.objects.filter(entreprise__in=entreprises_visibles(utilisateur))
