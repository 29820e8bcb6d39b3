from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from rh_tpe.exports_admin import urls_des_rapports

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Avant l'administration : ses rapports, exportés en CSV sans formule (voir exports_admin).
    path("admin/reports/", include(urls_des_rapports())),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("comptes/", include("rh_tpe.comptes.urls")),
    path("faq/", include("rh_tpe.faq.urls")),
    path("dossiers/", include("rh_tpe.dossiers.urls")),
    path("documents-generes/", include("rh_tpe.modeles.urls")),
    path("embauche/", include("rh_tpe.embauche.urls")),
    path("", include("rh_tpe.portail.urls")),
]

if not settings.PRODUCTION:
    # En développement (`make run`, avec ou sans debug), runserver sert les médias publics de
    # Wagtail (avatars, images) ; en production, le proxy ou le stockage objet s'en charge.
    from django.views.static import serve

    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Les pages Wagtail (accueil, pages simples, FAQ) en dernier : elles prennent le reste des URL.
urlpatterns += [path("", include(wagtail_urls))]

# Les pages d'erreur dans le gabarit du portail (gabarits 400, 403, 404 et 500 dans templates/).
handler500 = "rh_tpe.portail.views.erreur_serveur"
