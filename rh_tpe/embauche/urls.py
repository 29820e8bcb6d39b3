from django.urls import path

from rh_tpe.embauche import views

app_name = "embauche"

parcours = views.ParcoursEmbauche.as_view(url_name="embauche:etape", done_step_name="termine")

urlpatterns = [
    path("", views.accueil, name="accueil"),
    path("brouillon/<uuid:brouillon>/supprimer/", views.brouillon_supprimer, name="supprimer"),
    path("brouillon/<uuid:brouillon>/<str:step>/", parcours, name="etape"),
    path("salaries/", views.registre, name="registre"),
    path("embauches/<uuid:uuid>/", views.detail, name="detail"),
    path("embauches/<uuid:uuid>/formalites/<slug:code>/", views.formalite, name="formalite"),
    path("embauches/<uuid:uuid>/formalites.ics", views.calendrier, name="calendrier"),
    path("embauches/<uuid:uuid>/relecture/", views.relecture, name="relecture"),
    path("embauches/<uuid:uuid>/sortie/", views.sortie, name="sortie"),
]
