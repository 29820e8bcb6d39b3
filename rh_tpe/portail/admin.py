"""L'administration Django du portail : ce qui n'y a pas sa place.

django-dsfr inscrit son modèle de configuration (titre du site, bandeau, pied de page, réseaux
sociaux) dans l'administration Django. Le portail ne le lit pas : son en-tête et son pied de page
viennent de ses gabarits et de `rh_tpe.context_processors.portail`. Une fiche qu'on peut remplir
sans effet tromperait l'administrateur (et ses lignes « réseaux sociaux » n'avaient pas de
libellé, RGAA 11.1) : elle est retirée.
"""

import dsfr.admin  # noqa: F401  (inscrit DsfrConfig : ce module-ci est importé avant le sien)
from django.contrib import admin
from dsfr.models import DsfrConfig

if admin.site.is_registered(DsfrConfig):
    admin.site.unregister(DsfrConfig)
