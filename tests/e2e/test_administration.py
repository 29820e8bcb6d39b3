"""L'administration Wagtail dans un vrai navigateur : les formulaires que remplissent les éditeurs
de la FAQ sont utilisables au lecteur d'écran (chaque zone de saisie a un nom)."""

import re

import pytest
from playwright.sync_api import expect

from rh_tpe.faq.models import FaqThemePage
from rh_tpe.portail.models import PageSimple
from tests.e2e.conftest import _AXE
from tests.factories import MOT_DE_PASSE, AdministrateurFactory
from tests.faq.conftest import creer_article

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Les règles axe qui vérifient qu'un champ a un nom accessible (RGAA 11.1).
REGLES_NOM = ["label", "aria-input-field-name"]


def _connecter_admin(page, live_server):
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("input[name=username]").fill(AdministrateurFactory(email="a@exemple.test").email)
    page.locator("input[name=password]").fill(MOT_DE_PASSE)
    page.locator("form [type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")


def _champs_sans_nom(page, selecteur: str) -> list[str]:
    resultats = _AXE.run(
        page, context=selecteur, options={"runOnly": {"type": "rule", "values": REGLES_NOM}}
    )
    return [
        f"{v['id']} : {[n['target'] for n in v['nodes']]}" for v in resultats.response["violations"]
    ]


def test_chaque_champ_du_corps_d_un_article_a_un_nom(page, live_server):
    """Les blocs posés directement dans le corps ou dans une liste n'ont pas de libellé rendu
    par Wagtail : sans nom accessible, un lecteur d'écran annonce « zone de texte » et rien
    d'autre."""
    article = creer_article(
        FaqThemePage.objects.get(slug="embauche-et-contrat"),
        titre="Comment déclarer une embauche ?",
        corps=[
            {"type": "paragraphe", "value": "<p>La DPAE se fait en ligne.</p>"},
            {"type": "a_retenir", "value": "La DPAE précède l'embauche."},
            {"type": "etapes", "value": {"titre": "", "etapes": ["Se connecter", "Déclarer"]}},
            {
                "type": "tableau",
                "value": {"legende": "Délais", "entetes": "Quoi | Quand", "lignes": ["DPAE | 8 j"]},
            },
        ],
    )
    _connecter_admin(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")

    expect(page.get_by_role("textbox", name="Paragraphe", exact=True)).to_be_visible()
    expect(page.get_by_role("textbox", name="À retenir", exact=True)).to_be_visible()
    expect(page.get_by_role("textbox", name="étape", exact=True)).to_have_count(2)
    expect(page.get_by_role("textbox", name="ligne", exact=True)).to_have_count(1)
    assert _champs_sans_nom(page, "[data-contentpath=corps]") == []


def test_le_texte_riche_d_une_page_simple_porte_le_nom_de_son_champ(page, live_server):
    """Draftail écrit dans une zone à part du champ que vise le libellé : elle reçoit le libellé
    du champ (« Corps »), comme les autres champs du formulaire."""
    mentions = PageSimple.objects.get(slug="mentions-legales")
    _connecter_admin(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/{mentions.pk}/edit/")

    zone = page.locator("[data-contentpath=corps] [contenteditable=true]")
    expect(zone).to_have_accessible_name("Corps*")
    assert _champs_sans_nom(page, "[data-contentpath=corps]") == []


def test_la_saisie_des_etiquettes_porte_le_libelle_du_champ(page, live_server):
    """tag-it remplace le champ des étiquettes par une zone de saisie que le <label> ne vise
    plus : elle reprend le libellé du champ (rh_tpe/portail/static/portail/admin-noms.js)."""
    article = creer_article(
        FaqThemePage.objects.get(slug="embauche-et-contrat"), titre="Comment déclarer ?"
    )
    _connecter_admin(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")

    saisie = page.locator("[data-contentpath=etiquettes] li.tagit-new input")
    expect(saisie).to_have_accessible_name("Étiquettes")
    assert _champs_sans_nom(page, "[data-contentpath=etiquettes]") == []


@pytest.mark.parametrize("collection", ["images", "documents"])
def test_le_choix_de_fichiers_de_l_envoi_multiple_a_un_nom(page, live_server, collection):
    _connecter_admin(page, live_server)
    reponse = page.goto(f"{live_server.url}/admin/{collection}/multiple/add/")
    assert reponse.status == 200, page.title()

    expect(page.locator("#fileupload")).to_have_attribute("aria-label", re.compile(r"\w"))
    assert _champs_sans_nom(page, ".replace-file-input") == []


def test_le_bouton_d_une_autre_personne_sur_la_page_porte_son_nom(page, live_server):
    """Quand une autre personne a la même page ouverte, Wagtail montre son avatar dans un bouton
    dont le texte est dans une bulle masquée : le bouton reprend ce texte (règle axe
    « button-name »). La liste arrive par le réseau ; on pose ici le balisage de Wagtail
    (wagtailadmin/shared/editing_sessions/list.html)."""
    _connecter_admin(page, live_server)
    page.goto(f"{live_server.url}/admin/")
    page.evaluate(
        """() => {
            const zone = document.createElement("ul");
            zone.id = "sessions";
            zone.innerHTML = `<li><button class="w-editing-sessions__session" type="button">
                <img src="" alt="">
                <div class="w-editing-sessions__popup" hidden>
                  <span>Marie   Dupont</span> <span class="w-sr-only">-</span>
                  <span>En train de consulter</span>
                </div></button></li>`;
            document.querySelector("main").append(zone);
        }"""
    )

    expect(page.locator("#sessions button")).to_have_accessible_name(
        "Marie Dupont - En train de consulter"
    )
    resultats = _AXE.run(
        page, context="#sessions", options={"runOnly": {"type": "rule", "values": ["button-name"]}}
    )
    assert resultats.response["violations"] == []


def test_l_annonce_des_baremes_a_prolonger_est_accessible(page, live_server, monkeypatch):
    import datetime

    from rh_tpe import droit

    fin = droit.bareme("smic_horaire").versions[-1].fin
    # Le serveur de test tourne dans ce processus : il voit la date fixée ici.
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda *a, **k: fin - datetime.timedelta(days=5)
    )
    _connecter_admin(page, live_server)

    annonce = page.locator("#baremes-a-prolonger-section")
    expect(annonce.get_by_role("heading", name="Barèmes légaux à prolonger")).to_be_visible()
    expect(annonce).to_contain_text("SMIC horaire brut : connu jusqu'au")
    resultats = _AXE.run(page, context="#baremes-a-prolonger-section")
    assert resultats.response["violations"] == []


def test_la_liste_des_workflows_est_une_vraie_liste_de_taches(page, live_server):
    """Wagtail mettait les liens des tâches directement dans la <ul>, autour des <li> : un
    lecteur d'écran n'y trouvait pas de liste (axe « list », « listitem »)."""
    _connecter_admin(page, live_server)
    page.goto(f"{live_server.url}/admin/workflows/list/")

    tache = page.get_by_role("listitem").get_by_role("link", name=re.compile("Relecture juridique"))
    expect(tache.first).to_be_visible()
    resultats = _AXE.run(
        page, options={"runOnly": {"type": "rule", "values": ["list", "listitem"]}}
    )
    assert resultats.response["violations"] == []
    tache.first.click()
    expect(page).to_have_url(re.compile(r"/admin/workflows/tasks/edit/\d+/$"))


def test_les_liens_du_fil_d_ariane_de_l_administration_django_se_distinguent(page, live_server):
    """Django écrit le fil d'Ariane en liens blancs dans un texte bleu clair, sans soulignement :
    axe « link-in-text-block » sur chaque page d'application de l'administration Django."""
    page.goto(f"{live_server.url}/django-admin/login/")
    page.locator("input[name=username]").fill(AdministrateurFactory(email="b@exemple.test").email)
    page.locator("input[name=password]").fill(MOT_DE_PASSE)
    page.locator("form [type=submit]").click()
    page.goto(f"{live_server.url}/django-admin/comptes/")

    expect(page.locator("div.breadcrumbs a").first).to_have_css("text-decoration-line", "underline")
    resultats = _AXE.run(
        page, options={"runOnly": {"type": "rule", "values": ["link-in-text-block"]}}
    )
    assert resultats.response["violations"] == []
