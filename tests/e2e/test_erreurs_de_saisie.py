"""Après un envoi refusé, le focus va au résumé des erreurs ou au premier champ en erreur.

Sans cela, la page se recharge en haut, le focus sur le corps de la page : une personne aveugle
ou au clavier ne sait pas que l'envoi a échoué ni où corriger (RGAA 11.10 et 11.11, WCAG 3.3.1).
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import se_connecter, violations_graves
from tests.factories import MOT_DE_PASSE, ChefEntrepriseFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_inscription_vide_le_focus_va_au_resume_des_erreurs(telephone, live_server):
    page = telephone
    page.goto(f"{live_server.url}/comptes/inscription/")
    page.get_by_label("Prénom").fill("😀 مرحبا")
    page.get_by_role("button", name="Créer mon espace").click()

    resume = page.locator("#resume-erreurs")
    expect(resume).to_be_visible()
    expect(resume).to_be_focused()
    expect(page.get_by_label("Prénom")).to_have_value("😀 مرحبا")
    assert violations_graves(page) == []


def test_mot_de_passe_oublie_le_focus_va_au_champ_en_erreur(page, live_server):
    page.goto(f"{live_server.url}/comptes/mot-de-passe/oublie/")
    champ = page.get_by_label("Adresse e-mail de votre compte")
    champ.fill("<script>alert(1)</script>")
    page.get_by_role("button", name="Recevoir le lien").click()

    expect(page.get_by_text("Saisissez une adresse de courriel valide")).to_be_visible()
    expect(champ).to_be_focused()
    expect(champ).to_have_value("<script>alert(1)</script>")
    assert champ.get_attribute("aria-describedby")


def test_une_question_vide_au_guichet_le_focus_va_au_resume(page, live_server):
    ChefEntrepriseFactory(email="julie@fournil.test")
    se_connecter(page, live_server, "julie@fournil.test", MOT_DE_PASSE)
    page.goto(f"{live_server.url}/dossiers/nouveau/")
    page.get_by_role("button", name="Envoyer ma question").click()

    resume = page.get_by_role("alert").filter(has_text="Le formulaire contient des erreurs")
    expect(resume).to_be_focused()
    assert violations_graves(page) == []


def test_un_message_refuse_par_le_guichet_recoit_le_focus_et_le_texte_reste(page, live_server):
    """Le dossier a été clos pendant que la cheffe d'entreprise écrivait (deux onglets, ou le
    conseiller qui clôt entre-temps) : la page revient avec son texte et le refus en message
    d'erreur ; le focus doit aller au refus, sinon rien n'annonce que rien n'est parti."""
    from rh_tpe.dossiers.models import Dossier
    from rh_tpe.portail.demo import MOT_DE_PASSE_DEMO, demo_charger

    demo_charger()
    dossier = (
        Dossier.objects.filter(entreprise__siret="81234567600017")
        .exclude(statut=Dossier.Statut.CLOS)
        .first()
    )
    se_connecter(page, live_server, "boulangerie@tpe.test", MOT_DE_PASSE_DEMO)
    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/")
    texte = page.locator('[name="message-texte"]')
    texte.fill("Une précision 😀 : שלום")
    Dossier.objects.filter(pk=dossier.pk).update(statut=Dossier.Statut.CLOS)
    page.locator(f'form[action$="/{dossier.pk}/ecrire/"] button[type="submit"]').click()

    refus = page.locator(".fr-alert--error").filter(has_text="Le dossier est clos")
    expect(refus).to_be_visible()
    expect(refus).to_be_focused()
    expect(texte).to_have_value("Une précision 😀 : שלום")
    assert violations_graves(page) == []
