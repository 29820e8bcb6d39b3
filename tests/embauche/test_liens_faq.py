"""Sous un refus légal : le lien vers l'article de la FAQ qui explique la règle, s'il existe, et
un message que le chef d'entreprise comprend."""

import re
from datetime import date

import pytest

from rh_tpe.faq.models import FaqThemePage
from tests.faq.conftest import creer_article

pytestmark = pytest.mark.django_db

TITRE = "Quel salaire minimum pour mon salarié ?"


def _article_citant(numero: str, *, publier: bool = True):
    return creer_article(
        FaqThemePage.objects.get(slug="embauche-et-contrat"),
        titre=TITRE,
        publier=publier,
        corps=[
            {
                "type": "article",
                "value": {
                    "numero": numero,
                    "legiarti": "",
                    "texte": "Texte de l'article.",
                    "version_du": date(2026, 3, 27),
                },
            }
        ],
    )


def _salaire_refuse(parcours, reponses):
    parcours.remplir(reponses, jusqu_a="remuneration")
    reponse = parcours.poster("remuneration", {**reponses["remuneration"], "montant": "900"})
    assert reponse.status_code == 200
    return reponse.content.decode()


def _conteneur_d_erreur(html: str, champ: str) -> str:
    """Le conteneur d'erreur du champ, celui que le champ cite par aria-describedby."""
    entree = re.search(rf'<input[^>]*name="{champ}"[^>]*>', html).group(0)
    decrit_par = re.search(r'aria-describedby="([^"]+)"', entree).group(1)
    debut = html.index(f'id="{decrit_par}"')
    return html[debut : html.index("</div>", debut)]


def test_un_refus_dont_l_article_est_explique_par_la_faq_en_donne_le_lien(parcours, reponses):
    article = _article_citant("L3231-2")
    conteneur = _conteneur_d_erreur(_salaire_refuse(parcours, reponses), "remuneration-montant")
    # Le message du refus est inchangé, le lien est à côté, dans le même conteneur.
    assert "(article L3231-2)" in conteneur
    lien = re.search(r'<a class="fr-link fr-link--sm" href="([^"]+)">([^<]+)</a>', conteneur)
    assert lien.group(1) == article.url
    assert lien.group(2) == f"En savoir plus : {TITRE}".replace("'", "&#x27;")


def test_sans_article_de_la_faq_pas_de_lien(parcours, reponses):
    html = _salaire_refuse(parcours, reponses)
    assert "(article L3231-2)" in _conteneur_d_erreur(html, "remuneration-montant")
    assert "En savoir plus" not in html


def test_un_article_de_la_faq_non_publie_ne_donne_pas_de_lien(parcours, reponses):
    _article_citant("L3231-2", publier=False)
    html = _salaire_refuse(parcours, reponses)
    assert "(article L3231-2)" in html
    assert "En savoir plus" not in html


def test_une_erreur_qui_n_est_pas_un_refus_legal_n_a_pas_de_lien(parcours, reponses):
    _article_citant("L3231-2")
    parcours.remplir(reponses, jusqu_a="remuneration")
    reponse = parcours.poster("remuneration", {**reponses["remuneration"], "montant": "abc"})
    assert reponse.status_code == 200
    assert "En savoir plus" not in reponse.content.decode()


def test_un_refus_au_recapitulatif_donne_aussi_le_lien_de_la_faq(
    parcours, reponses, moteur_qui_refuse
):
    """Le moteur de documents refuse au dernier moment (ses propres vérifications) : l'alerte
    du récapitulatif porte le lien, comme sous un champ."""
    article = _article_citant("L3231-2")
    fin = parcours.remplir(reponses)
    html = parcours.client.get(fin["Location"]).content.decode()
    alerte = html[html.index('class="fr-alert fr-alert--error') :]
    alerte = alerte[: alerte.index("</div>")]
    assert "Salaire trop bas." in alerte
    assert f'href="{article.url}"' in alerte
    assert f"En savoir plus : {TITRE}".replace("'", "&#x27;") in alerte


def test_un_refus_au_recapitulatif_sans_article_de_la_faq_n_a_pas_de_lien(
    parcours, reponses, moteur_qui_refuse
):
    fin = parcours.remplir(reponses)
    html = parcours.client.get(fin["Location"]).content.decode()
    assert "Salaire trop bas." in html
    assert "En savoir plus" not in html


def test_un_premier_jour_apres_le_dernier_smic_connu_est_explique_au_chef(parcours, reponses):
    """Le SMIC de l'année suivante n'est publié qu'en décembre : le chef d'entreprise lit
    pourquoi sa date est refusée et quoi faire, pas un message pour qui tient les barèmes."""
    import datetime

    from django.utils import timezone

    from rh_tpe import droit

    derniere = droit.bareme("smic_horaire").versions[-1].fin
    debut = max(derniere, timezone.localdate()) + datetime.timedelta(days=30)
    parcours.remplir(reponses, jusqu_a="poste")
    reponse = parcours.poster("poste", {**reponses["poste"], "date_debut": debut.isoformat()})

    assert reponse.status_code == 200
    conteneur = _conteneur_d_erreur(reponse.content.decode(), "poste-date_debut")
    assert "Le portail ne connaît pas encore le SMIC en vigueur le" in conteneur
    assert f"au plus tard le {derniere.day} " in conteneur and str(derniere.year) in conteneur
    assert "L3231-6" in conteneur
    assert "Mettez à jour le barème" not in conteneur
    assert f'value="{debut.isoformat()}"' in reponse.content.decode()
