from django.urls import path

from rh_tpe.modeles import views

app_name = "modeles"

urlpatterns = [
    path("<uuid:uuid>/<str:format>/", views.telecharger, name="telecharger"),
]
