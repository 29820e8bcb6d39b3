"""Les fichiers statiques de `make run` : servis par WhiteNoise, comme en production. Le serveur
de fichiers de runserver (`--insecure`) répondait 500 à un chemin qui remonte hors du dossier."""

from wsgiref.util import setup_testing_defaults

import pytest
from django.core.management import get_commands, load_command_class
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

pytestmark = pytest.mark.django_db


def _serveur_de_make_run(*arguments: str):
    """L'application WSGI que `manage.py runserver` sert, options lues comme en ligne de
    commande (les anciennes options de `make run` comprises)."""
    commande = load_command_class(get_commands()["runserver"], "runserver")
    options = vars(commande.create_parser("manage.py", "runserver").parse_args(list(arguments)))
    return commande.get_handler(**options)


def _obtenir(application, chemin: str) -> tuple[str, dict[str, str], bytes]:
    environ: dict = {}
    setup_testing_defaults(environ)
    environ["PATH_INFO"] = chemin
    recu: dict = {}

    def commencer(statut, entetes, exc_info=None):
        recu["statut"], recu["entetes"] = statut, dict(entetes)

    # Comme le client de test de Django : la connexion à la base du test n'est pas refermée à
    # la fin de la requête (sous PostgreSQL, la transaction du test serait perdue).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        reponse = application(environ, commencer)
        try:
            corps = b"".join(reponse)
        finally:
            reponse.close()  # comme tout serveur WSGI : le fichier servi est refermé
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return recu["statut"], recu["entetes"], corps


@pytest.mark.parametrize("arguments", [(), ("--insecure",)])
@pytest.mark.parametrize(
    "chemin",
    [
        "/static/../../settings.py",
        "/static/../x",
        "/static/dsfr/../../etc/passwd",
        "/static//etc/passwd",
        "/static/",
    ],
)
def test_un_chemin_qui_remonte_hors_des_fichiers_statiques_est_introuvable(arguments, chemin):
    statut, _entetes, corps = _obtenir(_serveur_de_make_run(*arguments), chemin)

    assert statut.startswith("404")
    assert "Page introuvable" in corps.decode()


def test_les_fichiers_statiques_sont_servis_sans_collectstatic():
    statut, entetes, corps = _obtenir(_serveur_de_make_run(), "/static/portail/admin-noms.js")

    assert statut.startswith("200")
    assert entetes["Content-Type"].startswith("text/javascript")
    assert b"aria-label" in corps or b"setAttribute" in corps
