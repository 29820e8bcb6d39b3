from django.urls import path

from rh_tpe.faq import views

app_name = "faq"

urlpatterns = [
    path("recherche", views.recherche, name="recherche"),
    path("suggestions", views.suggestions, name="suggestions"),
]
