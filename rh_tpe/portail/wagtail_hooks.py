"""L'administration Wagtail, pour tout le portail : noms accessibles de zones de saisie que
Wagtail construit sans libellé (voir ``static/portail/admin-noms.js``) ; l'annonce des barèmes
légaux à prolonger sur l'accueil ; copie d'une page vers une page parente qui n'existe plus ;
suppression d'un compte que des dossiers retiennent ; recadrage d'image de taille nulle."""

import re

from django.contrib import messages
from django.db.models.deletion import Collector, ProtectedError
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from rh_tpe.portail.checks import baremes_a_annoncer
from rh_tpe.portail.images import Recadrage


@hooks.register("insert_global_admin_js")
def noms_accessibles_de_l_administration():
    return format_html('<script src="{}"></script>', static("portail/admin-noms.js"))


class BaremesAProlonger(Component):
    """En tête de l'accueil de l'administration : les barèmes qui s'arrêtent bientôt, pour
    que l'équipe éditoriale prévienne l'équipe technique avant que les embauches ne soient
    refusées et que la FAQ n'affiche « (valeur légale à vérifier) »."""

    name = "baremes_a_prolonger"
    order = 10
    template_name = "portail/admin/baremes_a_prolonger.html"

    def __init__(self, baremes) -> None:
        self.baremes = baremes

    def get_context_data(self, parent_context=None):
        return {"baremes": self.baremes}


@hooks.register("construct_homepage_panels")
def annoncer_les_baremes_a_prolonger(request, panels):
    if baremes := baremes_a_annoncer():
        panels.insert(0, BaremesAProlonger(baremes))


@hooks.register("before_copy_page")
def page_parente_de_la_copie_introuvable(request, page):
    """La vue de copie de Wagtail lit la page parente envoyée avant de valider le formulaire :
    une page parente supprimée entre-temps (ou un identifiant vide, trafiqué) était une
    erreur 500. La copie est redemandée, avec un message."""
    if request.method != "POST":
        return None
    identifiant = request.POST.get("new_parent_page", "")
    if re.fullmatch(r"[0-9]{1,12}", identifiant) and Page.objects.filter(pk=identifiant).exists():
        return None
    messages.error(request, _("La page parente choisie n'existe plus : choisissez-en une autre."))
    return redirect("wagtailadmin_pages:copy", page.pk)


@hooks.register("before_delete_user")
def compte_retenu_par_des_dossiers(request, utilisateur):
    """Un chef d'entreprise qui a posé des questions au guichet ne se supprime pas (ses dossiers
    le retiennent) : la suppression de Wagtail levait ProtectedError, erreur 500. Le compte se
    désactive, ou se vide depuis « Mon espace » (droit à l'effacement)."""
    if request.method != "POST":
        return None
    try:
        Collector(using="default").collect([utilisateur])
    except ProtectedError:
        messages.error(
            request,
            _(
                "Ce compte ne peut pas être supprimé : des dossiers du guichet le citent. "
                "Désactivez-le plutôt (case « Actif » du compte)."
            ),
        )
        return redirect("wagtailusers_users:delete", utilisateur.pk)
    return None


# Après celui de Wagtail (ordre 0), qui enregistre « fill » : le dernier enregistré l'emporte.
@hooks.register("register_image_operations", order=100)
def recadrage_de_taille_nulle_refuse():
    return [("fill", Recadrage)]
