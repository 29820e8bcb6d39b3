"""L'administration Wagtail : une image endommagée est refusée en français ; une copie vers une
page parente introuvable, un sélecteur de page qui reçoit autre chose qu'un identifiant sont
redemandés."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.search import index

from tests.factories import AdministrateurFactory
from tests.faq.conftest import creer_article

pytestmark = pytest.mark.django_db

# L'en-tête d'un PNG, sans image derrière : Wagtail le reconnaît comme PNG, Pillow ne l'ouvre pas.
PNG_ENDOMMAGE = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


def _trafiquer(donnees: dict, trafic: dict) -> None:
    """Applique le trafic à l'envoi : une valeur remplace celle du champ, None retire le champ."""
    for cle, valeur in trafic.items():
        if valeur is None:
            donnees.pop(cle)
        else:
            donnees[cle] = valeur


def _png_endommage() -> SimpleUploadedFile:
    return SimpleUploadedFile("photo.png", PNG_ENDOMMAGE, content_type="image/png")


def test_un_png_endommage_envoye_par_lot_est_refuse_avec_un_message(client):
    client.force_login(AdministrateurFactory())

    reponse = client.post("/admin/images/multiple/add/", {"files[]": _png_endommage()})

    assert reponse.status_code == 200
    resultat = reponse.json()
    assert resultat["success"] is False
    assert "Téléversez une image valide." in resultat["error_message"]


def test_un_png_endommage_envoye_seul_est_refuse_sans_perdre_le_titre(client):
    client.force_login(AdministrateurFactory())

    reponse = client.post(
        "/admin/images/add/", {"title": "Façade de la boulangerie", "file": _png_endommage()}
    )

    assert reponse.status_code == 200
    page = reponse.content.decode()
    assert "Téléversez une image valide." in page
    assert 'value="Façade de la boulangerie"' in page


@pytest.mark.parametrize("parente", ["", "abc", "0", "99999999999999999999", None])
def test_copier_une_page_vers_une_page_parente_introuvable_redemande_la_copie(client, parente):
    """La vue de copie de Wagtail lisait la page parente avant de valider : erreur 500."""
    from wagtail.models import Page

    client.force_login(AdministrateurFactory())
    page = Page.objects.filter(depth=2).first()
    adresse = f"/admin/pages/{page.pk}/copy/"
    donnees = {"new_title": "Copie", "new_slug": "copie"}
    if parente is not None:
        donnees["new_parent_page"] = parente

    reponse = client.post(adresse, donnees)

    assert reponse.status_code == 302
    assert reponse["Location"] == adresse
    assert [str(m) for m in reponse.wsgi_request._messages] == [
        "La page parente choisie n'existe plus : choisissez-en une autre."
    ]
    assert client.get(adresse).status_code == 200


def _formulaires_a_selecteur():
    """Trois formulaires de Wagtail dont un champ est un sélecteur de page."""
    from wagtail.models import Page

    page = Page.objects.filter(depth=2).first()
    return [
        (f"/admin/pages/{page.pk}/move/", {}, "new_parent_page"),
        ("/admin/redirects/add/", {"old_path": "/ancienne", "is_permanent": "on"}, "redirect_page"),
        (
            "/admin/sites/new/",
            {"hostname": "cahors.test", "port": "80", "site_name": "Cahors"},
            "root_page",
        ),
    ]


@pytest.mark.parametrize("valeur", ["abc", "1e5", "4.2", "99999999999999999999"])
def test_un_selecteur_de_page_qui_recoit_autre_chose_qu_un_identifiant_redemande_le_choix(
    client, valeur
):
    """Le sélecteur relisait la valeur envoyée pour se réafficher : ValueError, erreur 500."""
    client.force_login(AdministrateurFactory())

    for adresse, donnees, champ in _formulaires_a_selecteur():
        reponse = client.post(adresse, {**donnees, champ: valeur})

        assert reponse.status_code == 200, adresse
        page = reponse.content.decode()
        assert "Sélectionnez un choix valide" in page, adresse
        # Le reste de ce qui a été saisi est gardé.
        for saisie in donnees.values():
            if saisie != "on":
                assert f'value="{saisie}"' in page, (adresse, saisie)


def test_supprimer_un_compte_que_des_dossiers_retiennent_est_refuse_avec_un_message(client):
    """Wagtail levait ProtectedError (erreur 500) ; le compte reste, un message dit pourquoi."""
    from rh_tpe.comptes.models import Utilisateur
    from tests.dossiers.factories import DossierFactory

    dossier = DossierFactory()
    client.force_login(AdministrateurFactory())
    adresse = f"/admin/users/delete/{dossier.auteur.pk}/"

    reponse = client.post(adresse)

    assert reponse.status_code == 302
    assert reponse["Location"] == adresse
    assert [str(m) for m in reponse.wsgi_request._messages] == [
        "Ce compte ne peut pas être supprimé : des dossiers du guichet le citent. "
        "Désactivez-le plutôt (case « Actif » du compte)."
    ]
    assert Utilisateur.objects.filter(pk=dossier.auteur.pk).exists()


def test_un_compte_sans_dossier_se_supprime_toujours(client):
    from rh_tpe.comptes.models import Utilisateur
    from tests.factories import EditeurFactory

    editeur = EditeurFactory()
    client.force_login(AdministrateurFactory())

    reponse = client.post(f"/admin/users/delete/{editeur.pk}/")

    assert reponse.status_code == 302
    assert not Utilisateur.objects.filter(pk=editeur.pk).exists()


def test_un_avis_de_lecteur_ne_s_ajoute_pas_depuis_l_administration(client):
    """Le formulaire d'ajout d'un avis, sans article, faisait une erreur 500 à l'envoi."""
    from rh_tpe.faq.models import AvisArticle

    client.force_login(AdministrateurFactory())

    reponse = client.post("/admin/avis_faq/new/", {"utile": "True"})

    assert reponse.status_code == 302
    assert reponse["Location"] == "/admin/"
    (message,) = [str(m) for m in reponse.wsgi_request._messages]
    assert "pas les autorisations pour accéder à cette zone" in message
    assert not AvisArticle.objects.exists()
    liste = client.get("/admin/avis_faq/")
    assert liste.status_code == 200
    assert "/admin/avis_faq/new/" not in liste.content.decode()


@pytest.mark.parametrize("identifiant", ["abc", "4.2", "%00"])
@pytest.mark.parametrize("fenetre", ["images", "documents"])
def test_la_fenetre_de_choix_d_un_identifiant_illisible_repond_page_introuvable(
    client, fenetre, identifiant
):
    """La fenêtre de choix lisait « abc » comme un identifiant : ValueError, erreur 500."""
    client.force_login(AdministrateurFactory())

    reponse = client.get(f"/admin/{fenetre}/chooser/chosen/{identifiant}/")

    assert reponse.status_code == 404


def _article_en_edition():
    from rh_tpe.faq.models import FaqThemePage
    from tests.faq.conftest import creer_article

    theme = FaqThemePage.objects.get(slug="embauche-et-contrat")
    article = creer_article(theme, titre="Comment rédiger un CDD ?", slug="cdd")
    donnees = {
        "title": "Comment rédiger un CDD, pas à pas ?",
        "slug": "cdd",
        "en_bref": "Par écrit, remis sous deux jours ouvrables.",
        "relu_le": "2026-11-20",
        "relu_par": "Sophie Bernard, DREETS",
        "corps-count": "1",
        "corps-0-type": "a_retenir",
        "corps-0-value": "Le contrat est écrit.",
        "corps-0-deleted": "",
        "corps-0-order": "0",
        "corps-0-id": "",
    }
    return article, donnees


@pytest.mark.parametrize(
    "trafic",
    [
        {"corps-count": None},
        {"corps-count": "abc"},
        {"corps-count": "99999999999999999999"},
        {"corps-0-order": "abc"},
        {"corps-0-deleted": None},
        {"corps-0-value": None, "corps-0-type": "etapes"},
        {"corps-0-id": "a\x00b"},
    ],
    ids=[
        "sans nombre",
        "nombre illisible",
        "nombre immense",
        "ordre illisible",
        "sans suppression",
        "bloc incomplet",
        "identifiant à caractère nul",
    ],
)
def test_un_corps_en_blocs_recu_incomplet_est_refuse_avec_un_message(client, trafic):
    """Wagtail relisait les clés du corps sans vérifier qu'elles étaient là : erreur 500."""
    article, donnees = _article_en_edition()
    _trafiquer(donnees, trafic)
    client.force_login(AdministrateurFactory())

    reponse = client.post(f"/admin/pages/{article.pk}/edit/", donnees)

    assert reponse.status_code == 200
    page = reponse.content.decode()
    assert "Rechargez la page pour retrouver le contenu" in page
    assert 'value="Comment rédiger un CDD, pas à pas ?"' in page
    article.refresh_from_db()
    assert article.title == "Comment rédiger un CDD ?"


def test_un_corps_en_blocs_complet_s_enregistre_toujours(client):
    article, donnees = _article_en_edition()
    client.force_login(AdministrateurFactory())

    reponse = client.post(f"/admin/pages/{article.pk}/edit/", donnees)

    assert reponse.status_code == 302
    article.refresh_from_db()
    brouillon = article.get_latest_revision_as_object()
    assert brouillon.title == "Comment rédiger un CDD, pas à pas ?"
    assert [bloc.value for bloc in brouillon.corps] == ["Le contrat est écrit."]


@pytest.mark.parametrize("retour", ["abc", "99999", '{"x":', "a\x00b"])
def test_une_adresse_de_retour_qui_n_en_est_pas_une_ne_fait_pas_echouer_l_action(client, retour):
    """Wagtail passait « next » à redirect(), qui le prenait pour un nom de vue : l'action était
    faite, puis NoReverseMatch, erreur 500."""
    from rh_tpe.faq.models import FaqThemePage
    from tests.faq.conftest import creer_article

    theme = FaqThemePage.objects.get(slug="embauche-et-contrat")
    article = creer_article(theme, titre="Comment rédiger un CDD ?", slug="cdd")
    client.force_login(AdministrateurFactory())

    verrou = client.post(f"/admin/pages/{article.pk}/lock/", {"next": retour})
    depublication = client.post(f"/admin/pages/{article.pk}/unpublish/", {"next": retour})
    suppression = client.post(f"/admin/pages/{article.pk}/delete/", {"next": retour})

    for reponse in (verrou, depublication, suppression):
        assert reponse.status_code == 302
        assert reponse["Location"].startswith("/admin/")
    assert not type(article).objects.filter(pk=article.pk).exists()


def test_une_adresse_de_retour_valable_est_toujours_suivie(client):
    from rh_tpe.faq.models import FaqThemePage
    from tests.faq.conftest import creer_article

    theme = FaqThemePage.objects.get(slug="embauche-et-contrat")
    article = creer_article(theme, titre="Comment rédiger un CDD ?", slug="cdd")
    client.force_login(AdministrateurFactory())

    reponse = client.post(f"/admin/pages/{article.pk}/lock/", {"next": "/admin/reports/locked/"})

    assert reponse.status_code == 302
    assert reponse["Location"] == "/admin/reports/locked/"
    article.refresh_from_db()
    assert article.locked


@pytest.mark.parametrize("numero", ["abc", "4.2", "", "-1", "0", "99999999999999999999"])
def test_la_fiche_d_un_workflow_s_ouvre_quel_que_soit_le_numero_de_page(client, numero):
    """La liste des pages du workflow lisait « ?p= » par int() : erreur 500."""
    from wagtail.models import Workflow

    workflow = Workflow.objects.get(name="Relecture juridique")
    client.force_login(AdministrateurFactory())

    reponse = client.get(f"/admin/workflows/edit/{workflow.pk}/", {"p": numero})

    assert reponse.status_code == 200
    assert "Relecture juridique" in reponse.content.decode()


def _fiche_du_workflow():
    """Le workflow « Relecture juridique » et son formulaire, tel que le navigateur l'envoie."""
    from wagtail.models import Workflow, WorkflowPage, WorkflowTask

    workflow = Workflow.objects.get(name="Relecture juridique")
    taches = list(WorkflowTask.objects.filter(workflow=workflow).order_by("sort_order"))
    pages = list(WorkflowPage.objects.filter(workflow=workflow))
    donnees = {"name": "Relecture juridique et sociale"}
    for prefixe, nombre in (("workflow_tasks", len(taches)), ("pages", len(pages))):
        donnees |= {
            f"{prefixe}-TOTAL_FORMS": str(nombre),
            f"{prefixe}-INITIAL_FORMS": str(nombre),
            f"{prefixe}-MIN_NUM_FORMS": "0",
            f"{prefixe}-MAX_NUM_FORMS": "1000",
        }
    for i, tache in enumerate(taches):
        donnees |= {
            f"workflow_tasks-{i}-task": str(tache.task_id),
            f"workflow_tasks-{i}-id": str(tache.pk),
            f"workflow_tasks-{i}-ORDER": str(i + 1),
            f"workflow_tasks-{i}-DELETE": "",
        }
    for i, page in enumerate(pages):
        donnees |= {f"pages-{i}-page": str(page.page_id), f"pages-{i}-DELETE": ""}
    return workflow, donnees


@pytest.mark.parametrize("identifiant", [None, "abc", "4.2", "1e5"])
def test_une_tache_de_workflow_a_l_identifiant_absent_ou_illisible_ne_fait_pas_d_erreur_500(
    client, identifiant
):
    """modelcluster relisait l'identifiant de chaque tâche sans vérifier qu'il était là ni que
    c'était un nombre : MultiValueDictKeyError ou ValidationError, erreur 500."""
    workflow, donnees = _fiche_du_workflow()
    if identifiant is None:
        del donnees["workflow_tasks-0-id"]
    else:
        donnees["workflow_tasks-0-id"] = identifiant
    client.force_login(AdministrateurFactory())

    reponse = client.post(f"/admin/workflows/edit/{workflow.pk}/", donnees)

    workflow.refresh_from_db()
    if identifiant is None:
        # Comme Django : sans identifiant, la tâche est celle de même rang.
        assert reponse.status_code == 302
        assert workflow.name == "Relecture juridique et sociale"
    else:
        # Le champ caché de l'identifiant refuse la valeur ; Wagtail l'annonce en tête de page.
        assert reponse.status_code == 200
        page = reponse.content.decode()
        assert "workflow n&#x27;a pas pu être enregistré(e) à cause d&#x27;erreurs" in page
        assert 'value="Relecture juridique et sociale"' in page
        assert workflow.name == "Relecture juridique"
    assert workflow.workflow_tasks.count() == 1


@pytest.mark.parametrize(
    "trafic", [{"workflow_tasks-0-id": ""}, {"workflow_tasks-INITIAL_FORMS": "0"}]
)
def test_une_tache_existante_renvoyee_comme_nouvelle_est_refusee_avec_un_message(client, trafic):
    """La tâche déjà dans le workflow, renvoyée sans son identifiant, violait l'unicité
    (workflow, tâche) de la base : IntegrityError, erreur 500."""
    workflow, donnees = _fiche_du_workflow()
    _trafiquer(donnees, trafic)
    client.force_login(AdministrateurFactory())

    reponse = client.post(f"/admin/workflows/edit/{workflow.pk}/", donnees)

    assert reponse.status_code == 200
    page = reponse.content.decode()
    assert "figure deux fois dans ce workflow" in page
    assert 'value="Relecture juridique et sociale"' in page
    workflow.refresh_from_db()
    assert workflow.name == "Relecture juridique"
    assert workflow.workflow_tasks.count() == 1


def test_plus_de_taches_annoncees_qu_il_n_en_existe_est_redemande(client):
    workflow, donnees = _fiche_du_workflow()
    donnees |= {"workflow_tasks-TOTAL_FORMS": "3", "workflow_tasks-INITIAL_FORMS": "3"}
    client.force_login(AdministrateurFactory())

    reponse = client.post(f"/admin/workflows/edit/{workflow.pk}/", donnees)

    assert reponse.status_code == 200
    workflow.refresh_from_db()
    assert workflow.name == "Relecture juridique"


@pytest.mark.parametrize("identifiant", ["abc", "", "4.2", "{}"])
def test_choisir_plusieurs_objets_avec_un_identifiant_illisible_ne_garde_que_les_lisibles(
    client, identifiant
):
    """« chosen-multiple/?id=abc » passait « abc » à filter(pk__in=…) : erreur 500."""
    from wagtail.models import Page

    page = Page.objects.filter(depth=2).first()
    client.force_login(AdministrateurFactory())

    pages = client.get("/admin/choose-page/chosen-multiple/", {"id": [str(page.pk), identifiant]})
    images = client.get("/admin/images/chooser/chosen-multiple/", {"id": identifiant})
    documents = client.get("/admin/documents/chooser/chosen-multiple/", {"id": identifiant})
    arbre = client.get("/admin/choose-page/", {"target_pages[]": identifiant})

    assert pages.status_code == 200
    assert [p["id"] for p in pages.json()["result"]] == [page.pk]
    assert images.status_code == 200
    assert images.json()["result"] == []
    assert documents.status_code == 200
    assert documents.json()["result"] == []
    assert arbre.status_code == 200


@pytest.mark.parametrize("racine", ["{racine}", "0{racine}"])
def test_choisir_plusieurs_pages_ecarte_la_page_racine(client, racine):
    """La racine ne se choisit pas ; Wagtail lisait sa page parente : erreur 500."""
    from wagtail.models import Page

    page = Page.objects.filter(depth=2).first()
    identifiant = racine.format(racine=Page.get_first_root_node().pk)
    client.force_login(AdministrateurFactory())

    seule = client.get("/admin/choose-page/chosen-multiple/", {"id": identifiant})
    avec = client.get("/admin/choose-page/chosen-multiple/", {"id": [identifiant, str(page.pk)]})

    assert seule.status_code == avec.status_code == 200
    assert seule.json()["result"] == []
    assert [p["id"] for p in avec.json()["result"]] == [page.pk]


@pytest.mark.parametrize(
    "parametres",
    [
        "id=abc",
        "id=&id=4.2",
        "id=all&childOf=abc",
        "id=all&childOf=99999",
    ],
)
@pytest.mark.parametrize("action", ["delete", "unpublish", "move"])
def test_une_action_groupee_sur_des_identifiants_illisibles_repond_page_introuvable(
    client, action, parametres
):
    """La confirmation passait « abc » à filter(pk__in=…), ou lisait une page parente
    illisible ou disparue : erreur 500."""
    from wagtail.models import Page

    client.force_login(AdministrateurFactory())
    avant = Page.objects.count()

    reponse = client.get(f"/admin/bulk/wagtailcore/page/{action}/?{parametres}")
    envoi = client.post(f"/admin/bulk/wagtailcore/page/{action}/?{parametres}")

    assert reponse.status_code == 404
    assert envoi.status_code == 404
    assert Page.objects.count() == avant


def test_une_action_groupee_garde_les_identifiants_lisibles(client):
    from wagtail.models import Page

    page = Page.objects.filter(depth=2).first()
    client.force_login(AdministrateurFactory())

    reponse = client.get(f"/admin/bulk/wagtailcore/page/unpublish/?id={page.pk}&id=abc")

    assert reponse.status_code == 200
    assert page.title in reponse.content.decode()


def _image(titre: str = "Façade"):
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as ImagePil
    from wagtail.images.models import Image

    contenu = io.BytesIO()
    ImagePil.new("RGB", (40, 20), "red").save(contenu, "PNG")
    return Image.objects.create(title=titre, file=ImageFile(contenu, name="facade.png"))


@pytest.mark.parametrize("filtre", ["fill-0x0", "fill-10x0", "fill-0x10-c50"])
def test_l_apercu_d_un_recadrage_de_taille_nulle_est_refuse_sans_erreur_500(
    client, filtre, settings, tmp_path
):
    """« Générer une URL » accepte une largeur de 0 ; l'aperçu « fill-0x0 » divisait par zéro."""
    settings.MEDIA_ROOT = tmp_path
    image = _image()
    client.force_login(AdministrateurFactory())

    reponse = client.get(f"/admin/images/{image.pk}/preview/{filtre}/")

    assert reponse.status_code == 400


def test_l_apercu_d_un_recadrage_ordinaire_est_toujours_servi(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = _image()
    client.force_login(AdministrateurFactory())

    reponse = client.get(f"/admin/images/{image.pk}/preview/fill-10x10/")

    assert reponse.status_code == 200
    assert reponse["Content-Type"] == "image/png"
    reponse.close()


@pytest.mark.parametrize(
    "trafic",
    [
        {"import_file_name": "abc"},
        {"input_format": "0"},
        {"input_format": None},
        {"import_file_name": None},
    ],
    ids=["nom non signé", "format non signé", "sans format", "sans nom"],
)
def test_un_import_de_redirections_trafique_est_refuse_sans_erreur_500(client, trafic):
    """La vérification de Wagtail lisait BadSignature.message, qui n'existe pas, et supposait
    les deux champs signés présents : erreur 500 au lieu du refus prévu (400)."""
    from django.core.signing import Signer
    from wagtail.contrib.redirects.models import Redirect

    signataire = Signer()
    donnees = {
        "import_file_name": signataire.sign("redirections.csv"),
        "input_format": signataire.sign("0"),
        "original_file_name": "redirections.csv",
        "from_index": "0",
        "to_index": "1",
    }
    _trafiquer(donnees, trafic)
    client.force_login(AdministrateurFactory())

    reponse = client.post("/admin/redirects/import/process/", donnees)

    assert reponse.status_code == 400
    assert not Redirect.objects.exists()


def test_un_lien_externe_envoye_sans_adresse_est_redemande(client):
    """Le champ de l'adresse lisait None.startswith("/") : erreur 500."""
    client.force_login(AdministrateurFactory())

    reponse = client.post(
        "/admin/choose-external-link/", {"external-link-chooser-link_text": "Le guide"}
    )

    assert reponse.status_code == 200
    fragment = reponse.json()["html"]
    assert "Champ requis." in fragment
    assert 'value="Le guide"' in fragment


@pytest.mark.parametrize("adresse", ["/faq/", "https://travail-emploi.gouv.fr/"])
def test_un_lien_externe_ou_un_chemin_se_choisit_toujours(client, adresse):
    client.force_login(AdministrateurFactory())

    reponse = client.post("/admin/choose-external-link/", {"external-link-chooser-url": adresse})

    assert reponse.status_code == 200
    assert reponse.json()["result"]["url"] == adresse


@pytest.mark.parametrize(
    "adresse",
    [
        "/admin/images/chooser/results/?tag=fa%00cade",
        "/admin/tag-autocomplete/?term=fa%00cade",
        "/admin/api/main/pages/find/?html_path=%00",
        "/admin/pages/search/?q=cdd%00",
        "/django-admin/comptes/utilisateur/?q=%00",
    ],
)
def test_une_adresse_a_caractere_nul_est_refusee_avec_la_page_400(client, adresse):
    """PostgreSQL refusait le caractère nul passé du paramètre à la base : DataError, erreur
    500 (filtre d'étiquette du choix d'image, complétion des étiquettes, API des pages)."""
    client.force_login(AdministrateurFactory())

    reponse = client.get(adresse)

    assert reponse.status_code == 400
    assert "Requête invalide" in reponse.content.decode()


def _themes():
    """Les thèmes de la FAQ, pages sœurs, dans l'ordre de l'explorateur."""
    from rh_tpe.faq.models import FaqThemePage

    theme = FaqThemePage.objects.get(slug="embauche-et-contrat")
    return list(theme.get_parent().get_children())


@pytest.mark.parametrize("position", ["99999999999999999999", "abc", "-1", "1.5", ""])
def test_une_position_illisible_dans_l_explorateur_est_une_requete_invalide(client, position):
    """Le glisser-déposer d'une page passait la position à int() puis à la base : 20 chiffres
    débordaient l'entier de SQLite, erreur 500."""
    avant = _themes()
    client.force_login(AdministrateurFactory())

    reponse = client.post(f"/admin/pages/{avant[-1].pk}/set_position/?position={position}")

    assert reponse.status_code == 400
    assert _themes() == avant


def test_la_page_racine_n_a_pas_de_position_parmi_des_soeurs(client):
    """La racine n'a pas de parente : AttributeError, erreur 500."""
    from wagtail.models import Page

    client.force_login(AdministrateurFactory())

    reponse = client.post(f"/admin/pages/{Page.get_first_root_node().pk}/set_position/?position=0")

    assert reponse.status_code == 404


def test_une_page_glissee_en_tete_de_ses_soeurs_y_reste(client):
    avant = _themes()
    assert len(avant) >= 2
    client.force_login(AdministrateurFactory())

    reponse = client.post(f"/admin/pages/{avant[-1].pk}/set_position/?position=0")

    assert reponse.status_code == 200
    assert _themes() == [avant[-1], *avant[:-1]]


@pytest.mark.parametrize("objet", ["abc", "4.2", "99999999999999999999"])
def test_le_signal_d_edition_d_un_objet_illisible_repond_page_introuvable(client, objet):
    """« Un autre éditeur a cette page ouverte » : l'identifiant de la page passait tel quel à
    la base, ValueError pour « abc », erreur 500."""
    client.force_login(AdministrateurFactory())

    reponse = client.post(f"/admin/editing-sessions/ping/wagtailcore/page/{objet}/1/")

    assert reponse.status_code == 404


def test_le_signal_d_edition_d_une_page_ouverte_est_toujours_recu(client):
    page = _themes()[0]
    client.force_login(AdministrateurFactory())

    reponse = client.post(f"/admin/editing-sessions/ping/wagtailcore/page/{page.pk}/0/")

    assert reponse.status_code == 200
    assert "session_id" in reponse.json()


def _theme_et_article_indexes():
    """Un thème de la FAQ (créé par migration, donc absent de l'index de recherche : on l'y
    ajoute) et un nouvel article sans sous-page, dont le titre reprend celui du thème."""
    theme = _themes()[0]
    index.insert_or_update_object(theme)
    article = creer_article(theme, titre=f"{theme.title} : première embauche")
    return theme, article


def test_la_recherche_de_l_explorateur_filtre_les_pages_qui_ont_des_sous_pages(client):
    """L'API de l'explorateur filtrait ``has_children`` après la recherche, dont le résultat ne
    se filtre plus : erreur 500. La recherche passe en dernier, comme dans l'API publique de
    Wagtail, et ``numchild`` est déclaré filtrable : la recherche filtrée répond."""
    theme, article = _theme_et_article_indexes()
    client.force_login(AdministrateurFactory())

    def titres(**parametres: str) -> set[str]:
        reponse = client.get("/admin/api/main/pages/", {"search": theme.title, **parametres})
        assert reponse.status_code == 200
        return {page["title"] for page in reponse.json()["items"]}

    assert {theme.title, article.title} <= titres()
    assert theme.title in titres(has_children="1")
    assert article.title not in titres(has_children="1")
    assert article.title in titres(has_children="0")
    assert theme.title not in titres(has_children="0")


def test_un_filtre_de_l_api_sur_un_champ_non_indexe_est_refuse_en_400(client):
    """Un filtre que la recherche ne sait pas appliquer est refusé avec le message de Wagtail,
    pas par une erreur 500."""
    client.force_login(AdministrateurFactory())

    reponse = client.get("/admin/api/main/pages/", {"search": "contrat", "slug": "essai"})

    assert reponse.status_code == 400
    assert "slug" in reponse.json()["message"]


@pytest.mark.parametrize("adresse", ["/admin/pages/{parente}/", "/admin/pages/{parente}/results/"])
def test_chercher_parmi_les_pages_qui_ont_des_sous_pages_ne_fait_pas_d_erreur_500(client, adresse):
    """Le filtre « A des pages enfants » avec une recherche, dans la liste des pages, levait
    FilterFieldError (``numchild`` non filtrable) : erreur 500 au premier clic."""
    theme, article = _theme_et_article_indexes()
    client.force_login(AdministrateurFactory())
    url = adresse.format(parente=theme.get_parent().pk)

    def titres(filtre: str) -> list[str]:
        obtenue = client.get(url, {"q": theme.title, "has_child_pages": filtre})
        assert obtenue.status_code == 200
        html = obtenue.content.decode()
        # Le titre suit l'icône de la page dans son <span id="page_…_title">.
        return re.findall(r'id="page_\d+_title">(?:\s*<svg.*?</svg>)?\s*([^<]*?)\s*</span>', html)

    assert theme.title in titres("true")
    assert article.title not in titres("true")
    assert article.title in titres("false")
    assert theme.title not in titres("false")


# Wagtail ne referme pas le fichier temporaire de la vignette qu'il crée (Image.generate_rendition
# _file) : l'avertissement vient de Wagtail, pas du correctif essayé ici.
@pytest.mark.filterwarnings(
    "ignore:Exception ignored in.*SpooledTemporaryFile:pytest.PytestUnraisableExceptionWarning"
)
def test_le_choix_d_image_cherche_parmi_les_images_d_une_etiquette(client, settings, tmp_path):
    """Une recherche avec une étiquette levait FilterFieldError : erreur 500."""
    settings.MEDIA_ROOT = tmp_path
    etiquetee, autre = _image(), _image()
    etiquetee.tags.add("boulangerie")
    client.force_login(AdministrateurFactory())

    reponse = client.get("/admin/images/chooser/results/", {"q": "Façade", "tag": "boulangerie"})
    etiquette_seule = client.get("/admin/images/chooser/results/", {"tag": "boulangerie"})
    recherche_seule = client.get("/admin/images/chooser/results/", {"q": "Façade"})

    for page in (reponse, etiquette_seule):
        assert page.status_code == 200
        assert f"/admin/images/chooser/chosen/{etiquetee.pk}/" in page.content.decode()
        assert f"/admin/images/chooser/chosen/{autre.pk}/" not in page.content.decode()
    assert f"/admin/images/chooser/chosen/{autre.pk}/" in recherche_seule.content.decode()


def _document(titre: str):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    return get_document_model().objects.create(
        title=titre, file=ContentFile(b"Horaires d'ouverture", name="horaires.txt")
    )


# La liste des images crée leurs vignettes : même fichier temporaire que Wagtail ne referme pas.
@pytest.mark.filterwarnings(
    "ignore:Exception ignored in.*SpooledTemporaryFile:pytest.PytestUnraisableExceptionWarning"
)
@pytest.mark.parametrize(
    ("liste", "creer"),
    [("/admin/images/results/", _image), ("/admin/documents/results/", _document)],
    ids=["images", "documents"],
)
def test_chercher_en_filtrant_par_nombre_d_utilisations_ne_fait_pas_d_erreur_500(
    client, settings, tmp_path, liste, creer
):
    """Le filtre « Nombre d'utilisations » avec une recherche levait AttributeError (la recherche
    ne relit pas ce nombre calculé) : erreur 500. Il passe par les identifiants des objets."""
    settings.MEDIA_ROOT = tmp_path
    cherche, autre = creer("Vitrine de Noël"), creer("Affiche des horaires")
    client.force_login(AdministrateurFactory())

    def trouves(**filtre: str) -> set[int]:
        reponse = client.get(liste, {"q": "vitrine", **filtre})
        assert reponse.status_code == 200
        html = reponse.content.decode()
        return {o.pk for o in (cherche, autre) if f"/{o.pk}/" in html}

    assert trouves() == {cherche.pk}
    # Ni l'un ni l'autre n'est encore utilisé dans une page.
    assert trouves(usage_count_max="0") == {cherche.pk}
    assert trouves(usage_count_min="1") == set()
