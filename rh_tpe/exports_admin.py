"""Les exports CSV de l'administration Wagtail, sans formule de tableur.

Un tableur exécute une cellule qui commence par ``=``, ``+``, ``-`` ou ``@`` (injection de
formule, OWASP « CSV injection ») ; un Excel français coupe aussi les lignes sur « ; », si bien
qu'un déclencheur placé après un séparateur ouvrirait une cellule de plus. Wagtail ne protège que
l'export XLSX (``SpreadsheetExportMixin.generate_xlsx_row``) et laisse le CSV tel quel, par choix
(« CSV export security considerations » de sa politique de sécurité). Or les titres de pages,
qu'un conseiller peut proposer depuis un dossier, et les commentaires des lecteurs sortent dans
ces exports.

``ExportCsvSansFormule`` met une apostrophe devant chaque déclencheur (la cellule est lue comme
du texte) et met chaque valeur entre guillemets. Wagtail n'offre pas de point d'extension pour
remplacer les vues de ses rapports : leurs sous-classes ci-dessous sont servies à l'adresse même
de Wagtail, par des URL placées avant celles de l'administration dans ``rh_tpe/urls.py``.
"""

import csv
import re

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.mixins import Echo
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView

_DECLENCHEUR = re.compile(r"(^|[;,\t\r\n])(\s*)([=+\-@])")


def sans_formule(valeur: str) -> str:
    return _DECLENCHEUR.sub(lambda m: f"{m[1]}{m[2]}'{m[3]}", valeur)


class ExportCsvSansFormule:
    """À placer avant la vue de Wagtail (``SpreadsheetExportMixin``) dont on exporte la liste."""

    def preprocess_field_value(self, field, value, export_format):
        valeur = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and isinstance(valeur, str):
            return sans_formule(valeur)
        return valeur

    def stream_csv(self, queryset):
        # Celui de Wagtail, avec des guillemets autour de chaque valeur.
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, quoting=csv.QUOTE_ALL)
        yield writer.writerow(
            {champ: self.get_heading(queryset, champ) for champ in self.list_export}
        )
        for element in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(element))


class HistoriqueDuSite(ExportCsvSansFormule, LogEntriesView):
    pass


class PagesAnciennes(ExportCsvSansFormule, AgingPagesView):
    pass


class PagesVerrouillees(ExportCsvSansFormule, LockedPagesView):
    pass


class Workflows(ExportCsvSansFormule, WorkflowView):
    pass


class TachesDeWorkflow(ExportCsvSansFormule, WorkflowTasksView):
    pass


_REMPLACANTS = {
    LogEntriesView: HistoriqueDuSite,
    AgingPagesView: PagesAnciennes,
    LockedPagesView: PagesVerrouillees,
    WorkflowView: Workflows,
    WorkflowTasksView: TachesDeWorkflow,
}


def urls_des_rapports():
    """Les rapports de Wagtail qui s'exportent (page entière et résultats seuls, qui exportent
    aussi), au chemin que Wagtail leur donne sous ``reports/``, avec les décorateurs qu'il pose
    sur ses vues d'administration."""
    # Importé ici : à l'import du module, les crochets de Wagtail ne sont pas tous enregistrés.
    from wagtail.admin.urls import reports as urls_rapports_wagtail

    return [
        path(
            str(url.pattern),
            never_cache(
                require_admin_access(
                    _REMPLACANTS[url.callback.view_class].as_view(**url.callback.view_initkwargs)
                )
            ),
        )
        for url in urls_rapports_wagtail.urlpatterns
        if getattr(url.callback, "view_class", None) in _REMPLACANTS
    ]
