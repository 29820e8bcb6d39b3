from django.urls import path

from rh_tpe.comptes import views

app_name = "comptes"

urlpatterns = [
    path("inscription/", views.inscription, name="inscription"),
    path("inscription/envoyee/", views.inscription_envoyee, name="inscription_envoyee"),
    path(
        "inscription/confirmer/<str:jeton>/",
        views.inscription_confirmer,
        name="inscription_confirmer",
    ),
    path(
        "inscription/nouveau-lien/",
        views.inscription_nouveau_lien,
        name="inscription_nouveau_lien",
    ),
    path("connexion/", views.Connexion.as_view(), name="connexion"),
    path("deconnexion/", views.Deconnexion.as_view(), name="deconnexion"),
    path("mot-de-passe/oublie/", views.MotDePasseOublie.as_view(), name="mot_de_passe_oublie"),
    path("mot-de-passe/envoye/", views.MotDePasseEnvoye.as_view(), name="mot_de_passe_envoye"),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        views.NouveauMotDePasse.as_view(),
        name="nouveau_mot_de_passe",
    ),
    path("mot-de-passe/change/", views.MotDePasseChange.as_view(), name="mot_de_passe_change"),
    path(
        "mon-espace/mot-de-passe/",
        views.ModifierMotDePasse.as_view(),
        name="modifier_mot_de_passe",
    ),
    path("mon-espace/", views.mon_espace, name="mon_espace"),
    path("mon-espace/entreprise/", views.mon_entreprise, name="mon_entreprise"),
    path("mon-espace/supprimer/", views.supprimer_mon_compte, name="supprimer_mon_compte"),
]
