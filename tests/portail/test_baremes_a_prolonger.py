"""Un barème qui s'arrête bientôt s'annonce : `manage.py check` (information) et l'accueil de
l'administration Wagtail. Les dates partent de la fin réelle des séries : le test vaut encore
quand on ajoute le SMIC de l'année suivante."""

import datetime

import pytest
from django.urls import reverse
from django.utils.formats import date_format

from rh_tpe import droit
from rh_tpe.portail.checks import DELAI_BAREMES_JOURS, baremes_a_prolonger
from tests.factories import AdministrateurFactory
from tests.outils import texte

SMIC = droit.bareme("smic_horaire")
FIN_SMIC = SMIC.versions[-1].fin


def _aujourd_hui(monkeypatch, jour):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: jour)


def test_check_annonce_le_smic_qui_s_arrete_sans_bloquer_un_deploiement(monkeypatch):
    from django.core.checks import WARNING

    _aujourd_hui(monkeypatch, FIN_SMIC - datetime.timedelta(days=10))

    messages = {m.hint: m for m in baremes_a_prolonger()}
    smic = messages["Ajoutez la valeur suivante dans rh_tpe/droit/baremes/smic_horaire.toml."]
    assert smic.id == "rh_tpe.I001"
    assert smic.level < WARNING
    assert smic.msg == (
        f"Le barème « SMIC horaire brut » s'arrête le {FIN_SMIC:%d/%m/%Y} (dans 10 jours)."
    )


def test_check_ne_dit_rien_longtemps_avant_la_fin(monkeypatch):
    premiere_fin = min(
        droit.bareme(nom).versions[-1].fin for nom in droit.versions_baremes() if nom != "regles"
    )
    _aujourd_hui(monkeypatch, premiere_fin - datetime.timedelta(days=DELAI_BAREMES_JOURS + 1))

    assert baremes_a_prolonger() == []


@pytest.mark.django_db
def test_l_accueil_de_l_administration_annonce_les_baremes_a_prolonger(client, monkeypatch):
    client.force_login(AdministrateurFactory())
    accueil = reverse("wagtailadmin_home")

    _aujourd_hui(monkeypatch, FIN_SMIC - datetime.timedelta(days=1))
    avant = texte(client.get(accueil))
    _aujourd_hui(monkeypatch, FIN_SMIC + datetime.timedelta(days=3))
    apres = texte(client.get(accueil))
    _aujourd_hui(monkeypatch, FIN_SMIC - datetime.timedelta(days=400))
    longtemps_avant = texte(client.get(accueil))

    assert "Barèmes légaux à prolonger" in avant
    assert (
        f"SMIC horaire brut : connu jusqu'au {date_format(FIN_SMIC, 'j F Y')} (dans 1 jour)."
        in avant
    )
    lendemain = date_format(FIN_SMIC + datetime.timedelta(days=1), "j F Y")
    assert f"SMIC horaire brut : valeur inconnue depuis le {lendemain}." in apres
    assert "Barèmes légaux à prolonger" not in longtemps_avant
