"""Relecture juridique : workflow Wagtail, rapport des articles à relire, avis dans l'admin."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Workflow

from rh_tpe import droit
from rh_tpe.faq.models import FaqArticlePage, FaqIndexPage
from rh_tpe.faq.selectors import articles_a_relire
from tests.factories import ChefEntrepriseFactory, ConseillerFactory, EditeurFactory
from tests.faq.conftest import creer_article


@pytest.fixture
def editeur(db):
    utilisateur = EditeurFactory()
    utilisateur.groups.add(Group.objects.get(name="Editors"))
    return utilisateur


@pytest.fixture
def relecteur(db):
    from rh_tpe.comptes.models import Organisation

    utilisateur = ConseillerFactory(organisation=Organisation.objects.get(code="dreets"))
    utilisateur.groups.add(Group.objects.get(name="Relecteurs juridiques"))
    return utilisateur


def test_le_workflow_relecture_juridique_couvre_les_articles(theme):
    article = creer_article(theme, titre="Question")

    workflow = article.get_workflow()
    assert workflow == Workflow.objects.get(name="Relecture juridique")
    assert FaqIndexPage.objects.get().get_workflow() == workflow
    groupes = workflow.tasks.get().specific.groups.all()
    assert [g.name for g in groupes] == ["Relecteurs juridiques"]


def test_une_modification_passe_par_la_relecture_puis_est_publiee(theme, editeur, relecteur):
    article = creer_article(theme, titre="Faut-il une DPAE ?")
    article.en_bref = "Nouvelle réponse courte."
    revision = article.save_revision(user=editeur)

    etat = article.get_workflow().start(article, editeur)
    article.refresh_from_db()
    assert FaqArticlePage.objects.get(pk=article.pk).en_bref == "Une réponse courte."
    tache = etat.current_task_state
    assert tache.task.specific.user_can_access_editor(article, relecteur)
    assert not tache.task.specific.user_can_access_editor(article, ChefEntrepriseFactory())

    tache.task.specific.on_action(tache, relecteur, "approve", comment="Conforme.")

    article.refresh_from_db()
    assert article.live and article.en_bref == "Nouvelle réponse courte."
    assert article.live_revision_id == revision.pk


def test_le_relecteur_peut_renvoyer_l_article_avec_un_commentaire(theme, editeur, relecteur):
    article = creer_article(theme, titre="Faut-il une DPAE ?")
    article.en_bref = "Réponse fausse."
    article.save_revision(user=editeur)
    etat = article.get_workflow().start(article, editeur)
    tache = etat.current_task_state

    tache.task.specific.on_action(tache, relecteur, "reject", comment="Citez L1221-10.")

    etat.refresh_from_db()
    tache.refresh_from_db()
    assert etat.status == "needs_changes"
    assert tache.comment == "Citez L1221-10."
    assert FaqArticlePage.objects.get(pk=article.pk).en_bref == "Une réponse courte."


def test_le_relecteur_et_l_editeur_accedent_a_l_admin_pas_le_chef(client, editeur, relecteur):
    for utilisateur, attendu in ((editeur, 200), (relecteur, 200)):
        client.force_login(utilisateur)
        assert client.get("/admin/").status_code == attendu
        assert client.get("/admin/faq/a-relire/").status_code == attendu
    client.force_login(ChefEntrepriseFactory())
    assert client.get("/admin/faq/a-relire/").status_code == 302


def test_le_rapport_liste_les_relectures_anciennes_et_les_baremes_changes(client, theme, editeur):
    ancien = creer_article(theme, titre="Relu il y a longtemps", relu_le=date(2025, 10, 1))
    smic = creer_article(theme, titre="Cite le SMIC", relu_le=date(2026, 5, 15))
    a_jour = creer_article(theme, titre="Relu récemment", relu_le=date(2026, 11, 20))
    sans_bareme = creer_article(
        theme,
        titre="Sans barème",
        relu_le=date(2026, 5, 15),
        corps=[{"type": "paragraphe", "value": "<p>[[regle:cdd.duree_maximale.general]]</p>"}],
    )
    assert droit.smic_horaire(date(2026, 5, 15)) != droit.smic_horaire(date(2026, 11, 26))

    lignes = {ligne.article.pk: ligne for ligne in articles_a_relire(date(2026, 11, 26))}

    assert lignes[ancien.pk].relecture_perimee
    assert lignes[smic.pk].baremes_changes == ["SMIC horaire brut"]
    assert not lignes[smic.pk].relecture_perimee
    assert a_jour.pk not in lignes and sans_bareme.pk not in lignes

    client.force_login(editeur)
    page = client.get("/admin/faq/a-relire/").content.decode()
    assert ancien.title in page and smic.title in page and a_jour.title not in page


def test_les_avis_sont_visibles_des_editeurs_par_article(client, theme, editeur):
    article = creer_article(theme, titre="Faut-il une DPAE ?")
    client.post(article.url, {"utile": "non", "commentaire": "Pas clair sur le délai."})

    client.force_login(editeur)
    reponse = client.get("/admin/avis_faq/", {"page": article.pk})

    assert reponse.status_code == 200
    assert "Pas clair sur le délai." in reponse.content.decode()
    client.force_login(ChefEntrepriseFactory())
    assert client.get("/admin/avis_faq/").status_code == 302
