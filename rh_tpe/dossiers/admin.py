"""Administration : les réponses types et le délai de chaque organisation.

Les dossiers eux-mêmes n'y figurent pas : seuls l'entreprise et les conseillers concernés les
lisent (règle de `rh_tpe.dossiers.selectors`).
"""

from django.contrib import admin

from rh_tpe.dossiers.models import ReglageGuichet, ReponseType


@admin.register(ReponseType)
class ReponseTypeAdmin(admin.ModelAdmin):
    list_display = ["titre", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["titre", "texte"]


@admin.register(ReglageGuichet)
class ReglageGuichetAdmin(admin.ModelAdmin):
    list_display = ["organisation", "delai_premiere_reponse"]
