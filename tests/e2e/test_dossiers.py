"""Le guichet dans un vrai navigateur : une question de la boulangerie, prise par la DREETS,
complétée, transférée à la CCI, répondue, close et évaluée ; chaque étape prévient par e-mail."""

import re

import pytest
from playwright.sync_api import expect

from rh_tpe.portail.demo import MOT_DE_PASSE_DEMO, demo_charger
from tests.e2e.conftest import (
    ESPACEMENT_DU_TEXTE,
    ETROIT,
    TELEPHONE,
    deborde,
    se_connecter,
    violations_graves,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BOULANGERIE = "boulangerie@tpe.test"
SOPHIE = "sophie.bernard@dreets.test"
CLAIRE = "claire.martin@cci-lot.test"


@pytest.fixture
def contextes(browser):
    """Un contexte de navigateur par personne, tous refermés à la fin (sinon leurs connexions
    restent ouvertes quand le serveur de test s'arrête)."""
    ouverts = []

    def ouvrir(**options):
        contexte = browser.new_context(locale="fr-FR", **options)
        ouverts.append(contexte)
        return contexte

    yield ouvrir
    for contexte in ouverts:
        contexte.close()


def _connecter(contextes, live_server, email, telephone=False):
    options = {"viewport": TELEPHONE, "is_mobile": True} if telephone else {}
    page = contextes(**options).new_page()
    se_connecter(page, live_server, email, MOT_DE_PASSE_DEMO)
    expect(page.get_by_role("heading", name="Mon espace")).to_be_visible()
    return page


def _derniers(mailoutbox):
    envoyes = [(m.to[0], m.subject) for m in mailoutbox]
    mailoutbox.clear()
    return envoyes


def test_une_question_passe_de_la_dreets_a_la_cci_jusqu_a_l_evaluation(
    contextes, live_server, mailoutbox
):
    demo_charger()

    # 1. La cheffe de la boulangerie pose sa question, depuis son téléphone.
    cheffe = _connecter(contextes, live_server, BOULANGERIE, telephone=True)
    cheffe.get_by_role("link", name="Poser une question").first.click()
    expect(cheffe.get_by_role("heading", name="Poser une question")).to_be_visible()
    cheffe.get_by_label("Thème").select_option(label="Durée du travail")
    cheffe.get_by_role("button", name="Envoyer ma question").click()
    # Une erreur d'abord : la question manque, le thème choisi reste.
    expect(cheffe.get_by_text("Champ requis")).to_be_visible()
    expect(cheffe.get_by_label("Thème")).to_have_value("duree_travail")
    assert violations_graves(cheffe) == []
    cheffe.get_by_label("Votre question").fill(
        "Ma vendeuse peut-elle faire 44 heures la semaine de Noël ? <b>urgent</b>"
    )
    cheffe.get_by_label("Type de contrat du salarié concerné").select_option(label="CDI")
    cheffe.get_by_role("button", name="Envoyer ma question").click()
    expect(cheffe.get_by_role("heading", name=re.compile(r"Dossier n° \d+"))).to_be_visible()
    expect(cheffe.get_by_text("<b>urgent</b>", exact=False)).to_be_visible()
    url_dossier = cheffe.url
    assert {a for a, _ in _derniers(mailoutbox)} == {SOPHIE, "marc.lefebvre@dreets.test"}

    # 2. Sophie (DREETS) voit la question dans sa file, la prend et demande une précision.
    sophie = _connecter(contextes, live_server, SOPHIE)
    sophie.get_by_role("link", name="Ouvrir la file des dossiers").click()
    expect(sophie.get_by_role("heading", name=re.compile("File des dossiers"))).to_be_visible()
    assert violations_graves(sophie) == []
    # La démo a déjà deux questions de la boulangerie : on ouvre celle qui vient d'être posée.
    sophie.get_by_role("link", name=f"n° {url_dossier.rstrip('/').rsplit('/', 1)[-1]}").click()
    assert violations_graves(sophie) == []
    sophie.get_by_role("button", name="Prendre le dossier").click()
    expect(sophie.get_by_text("Vous avez pris le dossier.")).to_be_visible()
    sophie.get_by_label("Informations demandées à l'entreprise").fill(
        "Quelle est la durée prévue au contrat ?"
    )
    sophie.get_by_role("button", name="Demander à l'entreprise").click()
    expect(sophie.get_by_text("le dossier attend la réponse de l'entreprise")).to_be_visible()
    assert _derniers(mailoutbox)[0][0] == BOULANGERIE
    assert violations_graves(sophie) == []

    # 3. La cheffe répond.
    cheffe.goto(url_dossier)
    expect(cheffe.get_by_text("Quelle est la durée prévue au contrat ?")).to_be_visible()
    cheffe.get_by_label("Votre message").fill("35 heures par semaine, du mardi au samedi.")
    cheffe.get_by_role("button", name="Envoyer les informations").click()
    expect(cheffe.get_by_text("Votre message est envoyé.")).to_be_visible()
    assert _derniers(mailoutbox) == [
        (SOPHIE, _sujet(url_dossier, "nouveau message de l'entreprise"))
    ]

    # 4. Sophie transfère à la CCI, avec un motif.
    sophie.reload()
    sophie.get_by_label("Motif du transfert").fill("La CCI l'aide à organiser les plannings.")
    sophie.get_by_role("button", name="Transférer le dossier").click()
    expect(sophie.get_by_text("Le dossier est transféré")).to_be_visible()
    assert {a for a, _ in _derniers(mailoutbox)} == {
        BOULANGERIE,
        CLAIRE,
        "paul.durand@cci-lot.test",
    }

    # 5. Claire (CCI) le prend, répond et clôt.
    claire = _connecter(contextes, live_server, CLAIRE)
    claire.goto(url_dossier)
    expect(claire.get_by_text("La CCI l'aide à organiser les plannings.")).to_be_visible()
    claire.get_by_role("button", name="Prendre le dossier").click()
    claire.get_by_label("Réponse à l'entreprise").fill(
        "Oui, dans la limite de 48 heures sur une semaine : prévoyez le repos compensateur."
    )
    claire.get_by_role("button", name="Envoyer la réponse").click()
    expect(claire.get_by_text("La réponse est envoyée")).to_be_visible()
    assert _derniers(mailoutbox) == [
        (BOULANGERIE, _sujet(url_dossier, "vous avez reçu une réponse"))
    ]
    claire.get_by_label("Résolution").fill("Réponse donnée sur les heures de décembre.")
    claire.get_by_role("button", name="Clore le dossier").click()
    expect(claire.get_by_text("Le dossier est clos.").first).to_be_visible()
    assert _derniers(mailoutbox)[0][0] == BOULANGERIE

    # 5 bis. Claire en fait un brouillon d'article de la FAQ, sans rien qui identifie
    # l'entreprise : la raison sociale laissée dans la réponse est refusée, la saisie reste.
    question_faq = claire.get_by_label("Question, reformulée pour la FAQ")
    expect(question_faq).to_have_value(re.compile("Ma vendeuse peut-elle faire 44 heures"))
    question_faq.fill("Un salarié peut-il travailler 44 heures la semaine de Noël ?")
    reponse_faq = claire.locator("#id_faq-reponse")
    reponse_faq.fill("Pour la Boulangerie-Pâtisserie du Pont Valentré : oui, 48 heures au plus.")
    claire.get_by_role("button", name="Proposer pour la FAQ").click()
    expect(claire.get_by_text("retirez la raison sociale de l'entreprise")).to_be_visible()
    expect(question_faq).to_have_value(
        "Un salarié peut-il travailler 44 heures la semaine de Noël ?"
    )
    assert violations_graves(claire) == []
    reponse_faq.fill("Oui, dans la limite de 48 heures sur une semaine.")
    claire.get_by_role("button", name="Proposer pour la FAQ").click()
    expect(claire.get_by_text("attend un éditeur de la FAQ")).to_be_visible()
    # Claire (CCI) n'a pas accès à l'administration de la FAQ : pas de lien vers le brouillon.
    expect(claire.get_by_role("link", name=re.compile("brouillon"))).to_have_count(0)
    expect(claire.get_by_role("button", name="Proposer pour la FAQ")).to_have_count(0)

    # 6. La cheffe lit la réponse et l'évalue ; elle ne voit pas le motif interne.
    cheffe.goto(url_dossier)
    expect(cheffe.get_by_text("dans la limite de 48 heures")).to_be_visible()
    expect(cheffe.get_by_text("La CCI l'aide à organiser les plannings.")).to_have_count(0)
    cheffe.locator("input[name='evaluation-note'][value='5']").check(force=True)
    cheffe.get_by_label("Commentaire").fill("Réponse rapide, merci !")
    cheffe.get_by_role("button", name="Envoyer mon évaluation").click()
    expect(cheffe.get_by_text("Merci pour votre évaluation.")).to_be_visible()
    expect(cheffe.get_by_text("Réponse évaluée 5 / 5.")).to_be_visible()
    assert violations_graves(cheffe) == []


def _sujet(url_dossier, quoi):
    numero = url_dossier.rstrip("/").rsplit("/", 1)[-1]
    return f"[RH TPE] Dossier n° {numero} : {quoi}"


def test_sur_un_ecran_de_320_px_le_champ_des_fichiers_tient_dans_la_page(contextes, live_server):
    """WCAG 1.4.10 et 1.4.12 : à 320 px, même avec le texte espacé, le champ « Pièces jointes »
    (composant d'ajout de fichier du DSFR) ne fait pas défiler la page de côté."""
    demo_charger()
    # Les espacements sont un style ajouté par l'utilisateur : la politique de sécurité du
    # contenu du portail bloquerait ce style en ligne.
    page = contextes(viewport=ETROIT, is_mobile=True, bypass_csp=True).new_page()
    se_connecter(page, live_server, BOULANGERIE, MOT_DE_PASSE_DEMO)
    page.goto(f"{live_server.url}/dossiers/nouveau/")
    page.add_style_tag(content=ESPACEMENT_DU_TEXTE)

    assert not deborde(page)
    expect(page.get_by_label("Pièces jointes")).to_have_class("fr-upload")
