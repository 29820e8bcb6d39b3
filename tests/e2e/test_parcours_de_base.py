"""Le squelette, vu par un vrai navigateur : accueil, inscription, connexion, accessibilité."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from rh_tpe.portail.demo import MOT_DE_PASSE_DEMO, demo_charger
from tests.e2e.conftest import se_connecter, violations_graves

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_l_accueil_s_affiche_avec_le_systeme_de_design_de_l_etat(page, live_server):
    page.goto(live_server.url)

    expect(page).to_have_title(re.compile("RH TPE"))
    expect(page.locator("header .fr-logo")).to_contain_text("République")
    police = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Marianne" in police
    expect(page.get_by_role("link", name="Mentions légales")).to_be_visible()


def test_un_chef_d_entreprise_cree_son_espace_se_deconnecte_et_se_reconnecte(
    telephone, live_server
):
    page = telephone
    page.goto(f"{live_server.url}/comptes/inscription/")
    page.get_by_label("Prénom").fill("Julie")
    page.locator("#id_compte-last_name").fill("Fournier")
    page.get_by_label("Adresse e-mail").fill("julie@boulangerie.test")
    page.locator("#id_compte-password1").fill("Pain-au-levain-2026")
    page.get_by_label("Confirmation du mot de passe").fill("Pain-au-levain-2026")
    page.get_by_label("Raison sociale").fill("Boulangerie du Lot")
    # Une clé de contrôle fausse d'abord : le message s'affiche, la saisie reste.
    page.get_by_label("SIRET").fill("812 345 676 00018")
    page.get_by_label("IDCC de la convention collective").fill("843")
    page.locator("#id_entreprise-adresse").fill("12 rue Wilson")
    page.get_by_label("Code postal").fill("46000")
    page.get_by_label("Commune").fill("Cahors")
    page.get_by_role("button", name="Créer mon espace").click()

    expect(page.get_by_text("Ce numéro SIRET n'est pas valide")).to_be_visible()
    expect(page.get_by_label("Raison sociale")).to_have_value("Boulangerie du Lot")
    assert violations_graves(page) == []

    page.get_by_label("SIRET").fill("812 345 676 00017")
    page.locator("#id_compte-password1").fill("Pain-au-levain-2026")
    page.get_by_label("Confirmation du mot de passe").fill("Pain-au-levain-2026")
    page.get_by_role("button", name="Créer mon espace").click()

    # L'espace s'active par le lien reçu par e-mail.
    expect(page.get_by_role("heading", name="Consultez vos e-mails")).to_be_visible()
    expect(page.get_by_text("julie@boulangerie.test")).to_be_visible()
    assert violations_graves(page) == []
    (message,) = mail.outbox
    (lien,) = re.findall(r"https?://\S+(/comptes/inscription/confirmer/\S+/)", message.body)
    page.goto(f"{live_server.url}{lien}")
    expect(page.get_by_text("SIRET 812 345 676 00017")).to_be_visible()
    assert violations_graves(page) == []
    # Un mot de passe mal tapé : le message est lié au champ, la page reste accessible.
    page.get_by_label("Le mot de passe choisi à l'inscription").fill("Pain-au-levain")
    page.get_by_role("button", name="Activer mon espace").click()
    expect(page.get_by_text("Ce n'est pas le mot de passe choisi")).to_be_visible()
    expect(
        page.get_by_label("Le mot de passe choisi à l'inscription")
    ).to_have_accessible_description(re.compile("Ce n'est pas le mot de passe choisi"))
    assert violations_graves(page) == []
    page.get_by_label("Le mot de passe choisi à l'inscription").fill("Pain-au-levain-2026")
    page.get_by_role("button", name="Activer mon espace").click()

    expect(page.get_by_role("heading", name="Mon espace")).to_be_visible()
    expect(page.get_by_role("heading", name="Boulangerie du Lot")).to_be_visible()

    # Sur téléphone, les boutons du compte sont dans le menu.
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("button", name="Se déconnecter").last.click()
    expect(page.get_by_text("Vous êtes déconnecté")).to_be_visible()

    se_connecter(page, live_server, "julie@boulangerie.test", "Pain-au-levain-2026")
    expect(page.get_by_role("heading", name="Boulangerie du Lot")).to_be_visible()


def test_un_chef_d_entreprise_supprime_son_compte_depuis_son_telephone(telephone, live_server):
    from tests.factories import MOT_DE_PASSE, ChefEntrepriseFactory

    ChefEntrepriseFactory(email="julie@boulangerie.test", entreprise__raison_sociale="Fournil")
    page = telephone
    se_connecter(page, live_server, "julie@boulangerie.test", MOT_DE_PASSE)
    page.get_by_role("link", name="Supprimer mon compte").click()

    expect(page.get_by_role("heading", name="Supprimer mon compte")).to_be_visible()
    page.get_by_label("Votre mot de passe, pour confirmer").fill("pas-le-bon")
    page.get_by_role("button", name="Supprimer définitivement mon compte").click()
    expect(page.get_by_text("Ce n'est pas le mot de passe de votre compte")).to_be_visible()
    assert violations_graves(page) == []

    page.get_by_label("Votre mot de passe, pour confirmer").fill(MOT_DE_PASSE)
    page.get_by_role("button", name="Supprimer définitivement mon compte").click()
    expect(page.get_by_text("Votre compte est supprimé")).to_be_visible()

    se_connecter(page, live_server, "julie@boulangerie.test", MOT_DE_PASSE)
    expect(page.get_by_text("Adresse e-mail ou mot de passe incorrect")).to_be_visible()


def test_un_conseiller_change_son_mot_de_passe_au_clavier(page, live_server):
    from tests.factories import MOT_DE_PASSE, ConseillerFactory

    ConseillerFactory(email="claire@cci.test")
    se_connecter(page, live_server, "claire@cci.test", MOT_DE_PASSE)
    page.get_by_role("link", name="Modifier mon mot de passe").click()

    ancien = page.get_by_label("Mot de passe actuel")
    expect(ancien).to_be_focused()
    ancien.fill("pas-le-bon")
    page.locator("#id_new_password1").fill("Quercy-Cahors-2027!")
    page.get_by_label("Confirmation du nouveau mot de passe").fill("Quercy-Cahors-2027!")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Ce n'est pas le mot de passe actuel de votre compte")).to_be_visible()
    expect(ancien).to_be_focused()
    assert violations_graves(page) == []

    ancien.fill(MOT_DE_PASSE)
    page.locator("#id_new_password1").fill("Quercy-Cahors-2027!")
    page.get_by_label("Confirmation du nouveau mot de passe").fill("Quercy-Cahors-2027!")
    page.get_by_role("button", name="Enregistrer le nouveau mot de passe").click()
    expect(page.get_by_text("Votre nouveau mot de passe est enregistré")).to_be_visible()
    assert violations_graves(page) == []


def test_un_conseiller_se_connecte_et_voit_mon_espace(page, live_server):
    demo_charger()

    page.goto(f"{live_server.url}/comptes/mon-espace/")
    expect(page).to_have_url(re.compile("/comptes/connexion/"))
    page.get_by_label("Adresse e-mail").fill("sophie.bernard@dreets.test")
    page.get_by_label("Mot de passe").fill(MOT_DE_PASSE_DEMO)
    page.get_by_role("button", name="Se connecter").click()

    expect(page.get_by_role("heading", name="Mon espace")).to_be_visible()
    expect(page.get_by_text("Conseiller — DREETS Occitanie")).to_be_visible()


def test_la_page_de_connexion_suspendue_est_accessible(telephone, live_server, settings):
    """Après trop d'échecs, la page de suspension remplace la connexion : une page que seuls des
    essais ratés affichent, vue sur téléphone."""
    from tests.factories import ChefEntrepriseFactory

    chef = ChefEntrepriseFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        se_connecter(telephone, live_server, chef.email, "pas-le-bon")
        expect(telephone.get_by_text("Adresse e-mail ou mot de passe incorrect")).to_be_visible()
    se_connecter(telephone, live_server, chef.email, "pas-le-bon")

    expect(telephone.get_by_role("heading", name="Connexion suspendue")).to_be_visible()
    assert violations_graves(telephone) == []


@pytest.mark.parametrize(
    "chemin",
    [
        "/",
        "/comptes/connexion/",
        "/comptes/inscription/",
        "/comptes/inscription/envoyee/",
        "/comptes/inscription/nouveau-lien/",
        "/comptes/inscription/confirmer/lien-perime/",
        "/accessibilite/",
        # Les pages d'étape et d'erreur, qu'aucun parcours ci-dessus n'affiche.
        "/comptes/mot-de-passe/envoye/",
        "/comptes/mot-de-passe/change/",
        "/comptes/mot-de-passe/nouveau/MQ/lien-perime/",
        "/page-qui-n-existe-pas/",
        pytest.param(f"/faq/recherche?q={'a' * 17 * 1024}", id="adresse-trop-longue"),
    ],
)
def test_pas_de_violation_grave_d_accessibilite(page, live_server, chemin):
    page.goto(f"{live_server.url}{chemin}")

    assert violations_graves(page) == []
