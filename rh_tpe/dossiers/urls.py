from django.urls import path

from rh_tpe.dossiers import views

app_name = "dossiers"

urlpatterns = [
    path("", views.liste, name="liste"),
    path("nouveau/", views.nouveau, name="nouveau"),
    path("statistiques/", views.statistiques, name="statistiques"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/prendre/", views.prendre, name="prendre"),
    path("<int:pk>/ecrire/", views.ecrire, name="ecrire"),
    path("<int:pk>/note/", views.noter, name="note"),
    path("<int:pk>/demander/", views.demander, name="demander"),
    path("<int:pk>/transferer/", views.transferer, name="transferer"),
    path("<int:pk>/clore/", views.clore, name="clore"),
    path("<int:pk>/rouvrir/", views.rouvrir, name="rouvrir"),
    path("<int:pk>/evaluer/", views.evaluer, name="evaluer"),
    path("<int:pk>/fichiers/", views.joindre, name="joindre"),
    path("<int:pk>/proposer-faq/", views.proposer_faq, name="proposer_faq"),
    path("<int:pk>/fichiers/<int:piece_pk>/", views.piece, name="piece"),
    path(
        "<int:pk>/reponses/<int:message_pk>/reponse-ecrite.pdf",
        views.reponse_ecrite,
        name="reponse_ecrite",
    ),
]
