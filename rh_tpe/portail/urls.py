from django.urls import path

from rh_tpe.portail import views

app_name = "portail"

urlpatterns = [
    path("favicon.ico", views.favicon, name="favicon"),
    path("au-revoir/", views.accueil_apres_deconnexion, name="accueil_apres_deconnexion"),
]
