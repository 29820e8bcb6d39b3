"""Le guichet dans « Mon espace » : les dossiers de l'entreprise, ou l'accès à la file."""

from django import template

from rh_tpe.dossiers import selectors

register = template.Library()

DERNIERS = 10


@register.inclusion_tag("dossiers/_mon_espace.html")
def guichet_mon_espace(utilisateur):
    contexte = {"utilisateur": utilisateur, "dossiers": None, "nombre": 0}
    if selectors.est_chef_actif(utilisateur):
        dossiers = selectors.dossiers_visibles(utilisateur).select_related("organisation")
        contexte["dossiers"] = list(dossiers[:DERNIERS])
        contexte["nombre"] = (
            dossiers.count() if len(contexte["dossiers"]) == DERNIERS else len(contexte["dossiers"])
        )
        contexte["chef"] = True
    elif selectors.est_conseiller_actif(utilisateur):
        contexte["conseiller"] = True
    return contexte
