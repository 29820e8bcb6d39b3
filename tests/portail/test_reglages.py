"""Les réglages de production refusent de démarrer sans secret ni hôtes autorisés."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parents[2]


def charger_reglages(**env):
    environnement = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environnement.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import rh_tpe.settings"],
        cwd=RACINE,
        env=environnement,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_ENV": "production", "DJANGO_ALLOWED_HOSTS": "a.fr"}, "DJANGO_SECRET_KEY"),
        (
            {"DJANGO_ENV": "production", "DJANGO_SECRET_KEY": "x" * 60},
            "DJANGO_ALLOWED_HOSTS",
        ),
        (
            {
                "DJANGO_ENV": "production",
                "DJANGO_SECRET_KEY": "x" * 60,
                "DJANGO_ALLOWED_HOSTS": "a.fr",
                "DJANGO_DEBUG": "1",
            },
            "DJANGO_DEBUG",
        ),
        ({"DJANGO_ENV": "prod"}, "DJANGO_ENV"),
    ],
)
def test_la_production_refuse_une_configuration_dangereuse(env, message):
    resultat = charger_reglages(**env)

    assert resultat.returncode != 0
    assert "ImproperlyConfigured" in resultat.stderr
    assert message in resultat.stderr


def test_la_production_demarre_avec_un_secret_et_des_hotes(tmp_path):
    resultat = charger_reglages(
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY="k" * 64,
        DJANGO_ALLOWED_HOSTS="rh-tpe.example.org",
        RH_TPE_VAR_DIR=str(tmp_path),
    )

    assert resultat.returncode == 0, resultat.stderr


def test_check_deploy_signale_des_taches_executees_dans_la_requete(settings):
    from rh_tpe.portail.checks import taches_en_file_en_production

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    (avertissement,) = taches_en_file_en_production()
    assert avertissement.id == "rh_tpe.W001" and "TASKS_BACKEND=database" in avertissement.hint

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert taches_en_file_en_production() == []


def test_check_deploy_signale_l_adresse_de_contact_du_developpement(settings):
    from rh_tpe.portail.checks import adresse_de_contact_en_production

    settings.RH_TPE_EMAIL_CONTACT = "contact@rh-tpe.localhost"
    (avertissement,) = adresse_de_contact_en_production()
    assert avertissement.id == "rh_tpe.W002"

    settings.RH_TPE_EMAIL_CONTACT = "rh-tpe@lot.gouv.example"
    assert adresse_de_contact_en_production() == []


def test_check_deploy_signale_des_liens_d_e_mail_hors_https(settings):
    """Un lien de réinitialisation vers l'adresse de développement, ou en http (jeton lisible
    sur le réseau), est signalé avant la mise en production."""
    from rh_tpe.portail.checks import adresse_du_portail_en_production

    for adresse in ("http://127.0.0.1:8000", "http://rh-tpe.example.org"):
        settings.WAGTAILADMIN_BASE_URL = adresse
        (avertissement,) = adresse_du_portail_en_production()
        assert avertissement.id == "rh_tpe.W003" and "RH_TPE_URL_BASE" in avertissement.hint

    settings.WAGTAILADMIN_BASE_URL = "https://rh-tpe.example.org"
    assert adresse_du_portail_en_production() == []
