from django.contrib import admin

from rh_tpe.modeles.models import DocumentGenere


@admin.register(DocumentGenere)
class DocumentGenereAdmin(admin.ModelAdmin):
    """Lecture seule : un document généré ne se modifie pas, il se génère à nouveau."""

    list_display = ["titre", "entreprise", "type_code", "type_version", "cree_le", "cree_par"]
    list_filter = ["type_code"]
    search_fields = ["entreprise__raison_sociale", "titre"]
    exclude = ["fichier_pdf", "fichier_docx"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False
