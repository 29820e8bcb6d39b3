"""Administration Django : c'est ici qu'un administrateur crée les comptes des conseillers."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserCreationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rh_tpe.comptes.models import Entreprise, Organisation, Utilisateur


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["nom", "code", "email_contact"]


@admin.register(Entreprise)
class EntrepriseAdmin(admin.ModelAdmin):
    list_display = ["raison_sociale", "siret", "idcc", "effectif", "commune"]
    search_fields = ["raison_sociale", "siret", "commune"]
    list_filter = ["idcc"]


class CreationUtilisateurForm(UserCreationForm):
    class Meta:
        model = Utilisateur
        fields = ["email", "first_name", "last_name", "role", "organisation", "entreprise"]


@admin.register(Utilisateur)
class UtilisateurAdmin(UserAdmin):
    add_form = CreationUtilisateurForm
    ordering = ["last_name", "first_name"]
    list_display = ["email", "first_name", "last_name", "role", "organisation", "is_active"]
    list_filter = [
        "role",
        "organisation",
        "is_active",
        ("email_confirme_le", admin.EmptyFieldListFilter),
    ]
    search_fields = ["email", "first_name", "last_name"]
    actions = ["confirmer_les_adresses"]
    # Des dates que l'on consulte sans les corriger. Saisissables, Django les coupait en deux
    # zones « Date » et « Heure » sans libellé (RGAA 11.1).
    readonly_fields = ["last_login", "date_joined", "email_confirme_le"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Identité"), {"fields": ["first_name", "last_name"]}),
        (_("Rôle"), {"fields": ["role", "organisation", "entreprise"]}),
        (
            _("Droits"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined", "email_confirme_le"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "email",
                    "first_name",
                    "last_name",
                    "role",
                    "organisation",
                    "entreprise",
                    "password1",
                    "password2",
                ],
            },
        )
    ]

    @admin.action(
        description=_("Confirmer l'adresse e-mail (inscription dont le lien n'arrive pas)"),
        permissions=["change"],
    )
    def confirmer_les_adresses(self, request, queryset):
        confirmes = queryset.filter(email_confirme_le__isnull=True).update(
            email_confirme_le=timezone.now()
        )
        self.message_user(
            request,
            _("%(nombre)d adresse(s) confirmée(s) : ces comptes peuvent se connecter.")
            % {"nombre": confirmes},
        )
