"""L'administration Wagtail, pour tout le portail : noms accessibles de zones de saisie que
Wagtail construit sans libellé (voir ``static/portail/admin-noms.js``)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def noms_accessibles_de_l_administration():
    return format_html('<script src="{}"></script>', static("portail/admin-noms.js"))
