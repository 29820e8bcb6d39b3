"""L'administration Wagtail de la FAQ : le rapport des articles à relire, les avis des lecteurs."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from rh_tpe.exports_admin import ExportCsvSansFormule
from rh_tpe.faq.models import AvisArticle
from rh_tpe.faq.selectors import MOIS_VALIDITE_RELECTURE, articles_a_relire


class ArticlesARelireView(WagtailAdminTemplateMixin, TemplateView):
    """Les articles dont la relecture juridique date de plus de 12 mois, ou qui citent un barème
    (SMIC, PMSS…) qui a changé depuis leur relecture."""

    template_name = "faq/admin/articles_a_relire.html"
    page_title = _("Articles de la FAQ à relire")
    header_icon = "warning"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        contexte = super().get_context_data(**kwargs)
        contexte["a_relire"] = articles_a_relire()
        contexte["mois"] = MOIS_VALIDITE_RELECTURE
        return contexte


@hooks.register("register_admin_urls")
def urls_admin_faq():
    return [path("faq/a-relire/", ArticlesARelireView.as_view(), name="faq_a_relire")]


@hooks.register("register_reports_menu_item")
def menu_articles_a_relire():
    return MenuItem(
        _("Articles de la FAQ à relire"), reverse("faq_a_relire"), icon_name="warning", order=10
    )


class AvisIndexView(ExportCsvSansFormule, IndexView):
    """La liste des avis ; son export CSV neutralise les formules qu'un lecteur anonyme aurait
    écrites dans un commentaire (l'export XLSX de Wagtail le fait déjà)."""


class AvisSansAjout(ModelPermissionPolicy):
    """Un avis vient d'un lecteur de la FAQ, jamais de l'administration : le formulaire d'ajout,
    sans article, échouait à l'enregistrement (erreur 500)."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])


class AvisArticleViewSet(ModelViewSet):
    """Les avis des lecteurs, par article (filtre « article »), en lecture seule."""

    model = AvisArticle
    index_view_class = AvisIndexView
    icon = "comment"
    menu_label = _("Avis des lecteurs")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["page", "utile", "commentaire", "cree_le"]
    list_filter = ["utile", "page"]
    search_fields = ["commentaire"]
    form_fields = ["utile", "commentaire"]
    inspect_view_enabled = True
    list_export = ["page", "utile", "commentaire", "cree_le"]

    @property
    def permission_policy(self):
        return AvisSansAjout(self.model)


@hooks.register("register_admin_viewset")
def viewset_avis():
    return AvisArticleViewSet("avis_faq")
