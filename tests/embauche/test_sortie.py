"""La sortie du salarié : notée sur l'embauche, montrée au registre, point de départ de la
durée de conservation."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from rh_tpe import droit
from rh_tpe.embauche.models import Embauche
from tests.embauche.conftest import DEBUT

pytestmark = pytest.mark.django_db


@pytest.fixture
def embauche(parcours, reponses):
    parcours.remplir(reponses)
    return Embauche.objects.get()


def _url(embauche):
    return reverse("embauche:sortie", kwargs={"uuid": embauche.uuid})


def _detail(embauche):
    return reverse("embauche:detail", kwargs={"uuid": embauche.uuid})


def test_noter_la_sortie_l_enregistre_et_la_montre_avec_la_conservation(parcours, embauche):
    sortie = DEBUT + datetime.timedelta(days=200)
    reponse = parcours.client.post(_url(embauche), {"date_sortie": sortie.isoformat()})

    assert reponse.status_code == 302
    assert reponse["Location"] == _detail(embauche) + "#sortie"
    embauche.refresh_from_db()
    assert embauche.date_sortie == sortie
    page = parcours.client.get(_detail(embauche)).content.decode()
    jusqu_au = droit.conservation_registre_jusqu_au(sortie=sortie)
    assert "Sortie notée au" in page
    assert f"gardées jusqu'au {jusqu_au.day} " in page
    assert str(jusqu_au.year) in page and "R1221-26" in page
    registre = parcours.client.get(reverse("embauche:registre")).content.decode()
    assert "sorti(e) le" in registre


def test_effacer_la_sortie(parcours, embauche):
    Embauche.objects.filter(pk=embauche.pk).update(date_sortie=DEBUT)
    reponse = parcours.client.post(_url(embauche), {"effacer": "1", "date_sortie": ""})
    assert reponse.status_code == 302
    embauche.refresh_from_db()
    assert embauche.date_sortie is None


def _erreur_du_champ(html: str) -> str:
    entree = re.search(r'<input[^>]*name="date_sortie"[^>]*>', html).group(0)
    decrit_par = re.search(r'aria-describedby="([^"]+)"', entree).group(1)
    ids = decrit_par.split()
    return " ".join(
        html[html.index(f'id="{i}"') : html.index("</", html.index(f'id="{i}"'))] for i in ids
    ), entree


@pytest.mark.parametrize(
    ("saisie", "message"),
    [
        (
            (DEBUT - datetime.timedelta(days=1)).isoformat(),
            "ne peut pas précéder le premier jour de travail",
        ),
        (
            (timezone.localdate() + datetime.timedelta(days=400)).isoformat(),
            "au plus un an à l&#x27;avance",
        ),
        ("31/02/2027", "Saisissez une date valide"),
        ("", "Champ requis."),
    ],
)
def test_une_date_refusee_revient_avec_sa_saisie_et_son_message(
    parcours, embauche, saisie, message
):
    reponse = parcours.client.post(_url(embauche), {"date_sortie": saisie})

    assert reponse.status_code == 200
    html = reponse.content.decode()
    erreur, entree = _erreur_du_champ(html)
    assert message in erreur
    assert 'aria-invalid="true"' in entree or "fr-input--error" in entree
    if saisie:
        assert f'value="{saisie}"' in entree
    embauche.refresh_from_db()
    assert embauche.date_sortie is None


def test_la_sortie_le_premier_jour_et_un_an_a_l_avance_sont_acceptees(parcours, embauche):
    for jour in (DEBUT, timezone.localdate() + datetime.timedelta(days=366)):
        reponse = parcours.client.post(_url(embauche), {"date_sortie": jour.isoformat()})
        assert reponse.status_code == 302, jour
        embauche.refresh_from_db()
        assert embauche.date_sortie == jour
