"""Le parcours d'embauche dans un vrai navigateur, comme le ferait la cheffe de la boulangerie :
un boulanger en CDI à temps complet, une vendeuse en CDD de remplacement à temps partiel (sur
un téléphone, avec un refus corrigé sans rien retaper), puis un brouillon repris sur un autre
appareil. Aucune violation axe-core grave à aucune étape."""

import datetime
import io

import docx
import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from rh_tpe.portail.demo import MOT_DE_PASSE_DEMO, demo_charger
from tests.e2e.conftest import TELEPHONE, boutons_tronques, se_connecter, violations_graves

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BOULANGERIE = "boulangerie@tpe.test"


def _lundi_dans(semaines):
    aujourd_hui = timezone.localdate()
    return aujourd_hui + datetime.timedelta(days=7 * semaines - aujourd_hui.weekday())


@pytest.fixture
def contextes(browser):
    ouverts = []

    def ouvrir(**options):
        contexte = browser.new_context(locale="fr-FR", accept_downloads=True, **options)
        ouverts.append(contexte)
        return contexte

    yield ouvrir
    for contexte in ouverts:
        contexte.close()


def _connecter(contextes, live_server, telephone=False):
    options = {"viewport": TELEPHONE, "is_mobile": True} if telephone else {}
    page = contextes(**options).new_page()
    se_connecter(page, live_server, BOULANGERIE, MOT_DE_PASSE_DEMO)
    expect(page.get_by_role("heading", name="Mon espace")).to_be_visible()
    return page


def _champ(page, etape, nom):
    return page.locator(f'[name="{etape}-{nom}"]')


def _etape(page, titre):
    expect(page.locator(".fr-stepper__title")).to_contain_text(titre)
    assert violations_graves(page) == []


def _cocher(page, champ):
    """Les cases et boutons radio du DSFR se cochent par leur libellé, comme à la souris."""
    page.locator(f'label[for="{champ.get_attribute("id")}"]').click()


def _remplir(page, etape, valeurs):
    for nom, valeur in valeurs.items():
        champ = _champ(page, etape, nom)
        if valeur is True:
            _cocher(page, champ)
        elif champ.first.get_attribute("type") == "radio":
            _cocher(page, page.locator(f'[name="{etape}-{nom}"][value="{valeur}"]'))
        elif champ.evaluate("e => e.tagName") == "SELECT":
            champ.select_option(valeur)
        else:
            champ.fill(valeur)


def _continuer(page):
    page.get_by_role("button", name="Continuer").click()


def _entreprise(page):
    _etape(page, "Entreprise")
    expect(_champ(page, "entreprise", "siret")).to_have_value("81234567600017")
    _remplir(
        page,
        "entreprise",
        {
            "representant_qualite": "gérante",
            "caisse_retraite": "Agirc-Arrco, 16-18 rue Jules César, 75012 Paris",
            "complementaire_sante": "Mutuelle de la boulangerie",
            "organisme_dpae": "URSSAF Midi-Pyrénées",
        },
    )
    _continuer(page)


def _salarie(page, prenom, nom, naissance):
    _etape(page, "Salarié")
    _remplir(
        page,
        "salarie",
        {
            "prenom": prenom,
            "nom": nom,
            "date_naissance": naissance,
            "nationalite": "française",
            "adresse": "3 rue Nationale, 46000 Cahors",
        },
    )
    _continuer(page)


def _poste(page, intitule, categorie, debut):
    _etape(page, "Poste")
    _remplir(
        page,
        "poste",
        {
            "intitule": intitule,
            "fonctions": "fabrication et vente",
            "categorie": categorie,
            "classification": "niveau 2",
            "date_debut": debut.isoformat(),
        },
    )
    _continuer(page)


def _telecharger(page, nom_lien):
    with page.expect_download() as telechargement:
        page.get_by_role("link", name=nom_lien).click()
    with open(telechargement.value.path(), "rb") as fichier:
        return fichier.read()


def _lire_les_deux(page):
    pdf = _telecharger(page, "Télécharger le contrat (PDF)")
    texte_pdf = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    lu = docx.Document(io.BytesIO(_telecharger(page, "Télécharger le contrat modifiable (DOCX)")))
    return texte_pdf, "\n".join(p.text for p in lu.paragraphs)


def test_un_boulanger_en_cdi_a_temps_complet(contextes, live_server):
    demo_charger()
    page = _connecter(contextes, live_server)
    page.get_by_role("link", name="Préparer une embauche").click()
    assert violations_graves(page) == []
    page.get_by_role("button", name="Commencer une embauche").click()
    _entreprise(page)
    _salarie(page, "Lucas", "Martin", "1995-03-14")
    _poste(page, "boulanger", "ouvrier", _lundi_dans(5))
    _etape(page, "Contrat")
    _remplir(page, "contrat", {"type_contrat": "cdi"})
    _continuer(page)
    _etape(page, "Temps de travail")
    _remplir(page, "temps", {"temps_de_travail": "complet"})
    _continuer(page)
    _etape(page, "Rémunération")
    expect(page.locator("#minimum-legal")).to_contain_text("brut de l'heure")
    # Avec JavaScript, le montant est comparé au minimum pendant la saisie.
    _champ(page, "remuneration", "montant").fill("1000")
    expect(page.locator("#minimum-comparaison")).to_have_text(
        "Ce montant est inférieur au minimum légal : il sera refusé."
    )
    _remplir(page, "remuneration", {"base": "mensuel", "montant": "2100"})
    expect(page.locator("#minimum-comparaison")).to_have_text(
        "Ce montant respecte le minimum légal."
    )
    _continuer(page)
    _etape(page, "Période d'essai")
    expect(_champ(page, "essai", "duree_valeur")).to_have_value("2")
    _continuer(page)
    _etape(page, "Clauses particulières")
    _continuer(page)
    _etape(page, "Récapitulatif")
    expect(page.get_by_text("Lucas", exact=True)).to_be_visible()

    # D'abord l'offre de contrat : sans date limite, elle est redemandée sous le champ.
    page.get_by_role("button", name="Préparer l'offre de contrat").click()
    expect(
        page.get_by_text("Indiquez jusqu'à quand le candidat peut accepter l'offre.")
    ).to_be_visible()
    assert violations_graves(page) == []
    # La touche Entrée dans un champ de l'offre prépare l'offre, pas le contrat.
    limite = _lundi_dans(5) - datetime.timedelta(days=7)
    page.get_by_label("Date limite pour accepter l'offre").fill(limite.isoformat())
    page.get_by_label("Offre faite à").press("Enter")
    expect(page.get_by_text("L'offre de contrat est prête")).to_be_visible()
    assert violations_graves(page) == []
    offre = _telecharger(page, "PDF — offre de contrat")
    texte_offre = "".join(p.extract_text() for p in PdfReader(io.BytesIO(offre)).pages)
    assert "Offre de contrat de travail" in texte_offre and "Lucas" in texte_offre

    page.get_by_role("button", name="Produire le contrat").click()

    expect(page.get_by_role("heading", name="Embauche de Lucas Martin")).to_be_visible()
    assert violations_graves(page) == []
    expect(page.get_by_role("link", name="PDF — offre de contrat")).to_be_visible()
    texte_pdf, texte_docx = _lire_les_deux(page)
    for texte in (texte_pdf, texte_docx):
        assert "Lucas" in texte and "boulanger" in texte and "durée indéterminée" in texte
    expect(
        page.get_by_role("heading", name="Déclaration préalable à l'embauche (DPAE)")
    ).to_be_visible()
    page.get_by_role("button", name="Marquer comme fait — Déclaration préalable").click()
    expect(page.get_by_role("button", name="Marquer comme à faire — Déclaration")).to_be_visible()
    calendrier = _telecharger(page, "Ajouter ces dates à mon agenda (.ics)")
    assert calendrier.startswith(b"BEGIN:VCALENDAR\r\n")

    # Le salarié part : une date avant son premier jour est refusée sous le champ, au clavier.
    debut = _lundi_dans(5)
    champ = page.get_by_label("Date de sortie")
    champ.fill((debut - datetime.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Noter la sortie").click()
    expect(page.get_by_text("ne peut pas précéder le premier jour de travail")).to_be_visible()
    expect(page.get_by_label("Date de sortie")).to_have_value(
        (debut - datetime.timedelta(days=1)).isoformat()
    )
    assert violations_graves(page) == []
    page.get_by_label("Date de sortie").fill((debut + datetime.timedelta(days=90)).isoformat())
    page.get_by_role("button", name="Noter la sortie").click()
    expect(page.get_by_text("Sortie notée au", exact=False).first).to_be_visible()
    assert violations_graves(page) == []

    # Une question de relecture collée avec un caractère invisible : le résumé en haut de la
    # page mène au champ, la saisie reste ; corrigée, elle part au guichet.
    page.get_by_label("Votre question (facultatif)").fill("La clause\x0b de mobilité ?")
    page.get_by_role("button", name="Faire relire par un conseiller").click()
    page.get_by_role("link", name="Corriger la question de relecture").click()
    expect(page.get_by_text("Ce texte contient un caractère invisible")).to_be_visible()
    expect(page.get_by_label("Votre question (facultatif)")).to_be_focused()
    assert violations_graves(page) == []
    page.get_by_label("Votre question (facultatif)").fill("La clause de mobilité ?")
    page.get_by_role("button", name="Faire relire par un conseiller").click()
    expect(page.get_by_text("La clause de mobilité ?")).to_be_visible()


def test_une_vendeuse_en_cdd_de_remplacement_a_temps_partiel_sur_telephone(contextes, live_server):
    demo_charger()
    page = _connecter(contextes, live_server, telephone=True)
    page.goto(f"{live_server.url}/embauche/")
    page.get_by_role("button", name="Commencer une embauche").click()
    _entreprise(page)
    _salarie(page, "Inès", "Roux", "2001-09-30")
    _poste(page, "vendeuse", "employe", _lundi_dans(4))
    _etape(page, "Contrat")
    _remplir(
        page,
        "contrat",
        {
            "type_contrat": "cdd",
            "motif": "remplacement",
            "motif_precisions": "congé de maternité de Sophie Lacoste",
            "remplace_nom": "Sophie Lacoste",
            "remplace_qualification": "vendeuse qualifiée",
            "terme": "imprecis",
            "duree_minimale_valeur": "4",
            "duree_minimale_unite": "mois",
            "evenement_fin": "le retour de Sophie Lacoste",
        },
    )
    _continuer(page)
    _etape(page, "Temps de travail")
    _remplir(
        page,
        "temps",
        {
            "temps_de_travail": "partiel",
            "heures_hebdomadaires": "20",
            "heures_mardi": "5",
            "heures_mercredi": "5",
            "heures_vendredi": "5",
            "heures_samedi": "5",
        },
    )
    _continuer(page)
    # Un refus : sous le SMIC. Le message cite l'article ; la saisie reste, on corrige.
    _etape(page, "Rémunération")
    _remplir(
        page,
        "remuneration",
        {"base": "horaire", "montant": "9", "elements_remuneration": "prime de fin d'année"},
    )
    _continuer(page)
    expect(page.get_by_text("L3231-2")).to_be_visible()
    assert violations_graves(page) == []
    expect(_champ(page, "remuneration", "elements_remuneration")).to_have_value(
        "prime de fin d'année"
    )
    _champ(page, "remuneration", "montant").fill("12.80")
    _continuer(page)
    _etape(page, "Période d'essai")
    _continuer(page)
    _etape(page, "Clauses particulières")
    _continuer(page)
    _etape(page, "Récapitulatif")
    page.get_by_role("button", name="Produire le contrat").click()

    expect(page.get_by_role("heading", name="Embauche de Inès Roux")).to_be_visible()
    # Sur téléphone, les boutons de téléchargement gardent leur libellé, pas seulement l'icône.
    assert boutons_tronques(page) == []
    texte_pdf, texte_docx = _lire_les_deux(page)
    for texte in (texte_pdf, texte_docx):
        assert "Sophie Lacoste" in texte and "durée déterminée" in texte
    expect(page.get_by_role("heading", name="Remettre le CDD signé au salarié")).to_be_visible()
    page.get_by_role("link", name="Mon espace").first.click()
    expect(page.get_by_role("link", name="Inès Roux", exact=True)).to_be_visible()
    assert boutons_tronques(page) == []


def test_un_brouillon_se_reprend_sur_un_autre_appareil(contextes, live_server):
    demo_charger()
    ordinateur = _connecter(contextes, live_server)
    ordinateur.goto(f"{live_server.url}/embauche/")
    ordinateur.get_by_role("button", name="Commencer une embauche").click()
    _entreprise(ordinateur)
    _salarie(ordinateur, "Hugo", "Bernard", "1999-01-20")
    _etape(ordinateur, "Poste")
    _champ(ordinateur, "poste", "intitule").fill("pâtissier")
    ordinateur.get_by_role("button", name="Enregistrer et finir plus tard").click()
    expect(ordinateur.get_by_text("Votre embauche est enregistrée en brouillon")).to_be_visible()

    telephone = _connecter(contextes, live_server, telephone=True)
    telephone.get_by_role("link", name="Hugo Bernard — pâtissier").click()
    _etape(telephone, "Poste")
    expect(_champ(telephone, "poste", "intitule")).to_have_value("pâtissier")
    telephone.get_by_role("button", name="Étape précédente").click()
    _etape(telephone, "Salarié")
    expect(_champ(telephone, "salarie", "nom")).to_have_value("Bernard")
