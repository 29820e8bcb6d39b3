"""Les embauches dans « Mon espace » : brouillons à reprendre, embauches et leurs documents."""

from django import template

from rh_tpe.embauche import selectors

register = template.Library()

DERNIERES = 10


@register.inclusion_tag("embauche/_mon_espace.html")
def embauche_mon_espace(utilisateur):
    if not selectors.est_chef_actif(utilisateur):
        return {"chef": False}
    return {
        "chef": True,
        "brouillons": list(selectors.brouillons_visibles(utilisateur)),
        "embauches": list(selectors.embauches_visibles(utilisateur)[:DERNIERES]),
    }
