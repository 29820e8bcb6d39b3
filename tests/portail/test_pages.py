import pytest
from django.urls import reverse

from tests.factories import ChefEntrepriseFactory
from tests.outils import texte

pytestmark = pytest.mark.django_db


def test_l_accueil_est_une_page_dsfr_en_francais(client):
    reponse = client.get("/")

    assert reponse.status_code == 200
    contenu = texte(reponse)
    assert '<html lang="fr"' in contenu
    assert contenu.count("<main") == 1
    assert 'href="#contenu"' in contenu  # lien d'évitement
    assert "dsfr/dist/dsfr.min.css" in contenu or "dsfr.min.css" in contenu
    assert "République<br>française" in contenu
    assert "Préfecture du Lot" in contenu


def test_le_nom_de_l_operateur_vient_des_reglages(client, settings):
    settings.RH_TPE_OPERATEUR = "Préfecture de test"

    assert "Préfecture de test" in texte(client.get("/"))


@pytest.mark.parametrize(
    ("url", "titre", "extrait"),
    [
        ("/mentions-legales/", "Mentions légales", "Directeur de la publication"),
        ("/donnees-personnelles/", "Données personnelles", "numéro de sécurité sociale"),
        ("/accessibilite/", "Déclaration d'accessibilité", "non conforme"),
    ],
)
def test_les_pages_obligatoires_d_un_site_public_existent(client, url, titre, extrait):
    reponse = client.get(url)

    assert reponse.status_code == 200
    contenu = texte(reponse)
    assert f"<h1>{titre}</h1>" in contenu
    assert extrait in contenu


def test_la_page_donnees_personnelles_dit_les_durees_que_la_purge_applique(client):
    contenu = " ".join(texte(client.get("/donnees-personnelles/")).split())

    assert "supprimé deux ans après sa dernière modification" in contenu
    assert "supprimés cinq ans après son départ" in contenu
    assert "après un e-mail d'avertissement un mois avant" in contenu
    assert "n'a jamais été confirmée" in contenu
    assert "est supprimé sept jours après l'inscription" in contenu
    assert "Vous pouvez supprimer vous-même votre compte depuis « Mon espace »" in contenu


def test_le_pied_de_page_donne_l_adresse_de_l_administrateur(client, settings):
    settings.RH_TPE_EMAIL_CONTACT = "rh-tpe@lot.gouv.example"

    contenu = texte(client.get("/"))

    assert "Un problème d'accès à votre espace ? Écrivez à l'administrateur du portail" in contenu
    assert '<a href="mailto:rh-tpe@lot.gouv.example">rh-tpe@lot.gouv.example</a>' in contenu


def test_le_pied_de_page_mene_aux_pages_obligatoires(client):
    contenu = texte(client.get("/"))

    for url in ["/mentions-legales/", "/donnees-personnelles/", "/accessibilite/"]:
        assert f'href="{url}"' in contenu
    assert "Accessibilité : non conforme" in contenu


def test_la_navigation_ne_montre_que_ce_qui_fonctionne(client):
    anonyme = texte(client.get("/"))
    assert "Se connecter" in anonyme
    assert "Mon espace</a>" not in anonyme

    client.force_login(ChefEntrepriseFactory())
    connecte = texte(client.get("/"))
    assert f'href="{reverse("comptes:mon_espace")}"' in connecte
    assert "Se déconnecter" in connecte


def test_une_page_inconnue_donne_une_404(client):
    assert client.get("/cette-page-n-existe-pas/").status_code == 404


@pytest.mark.parametrize("url", ["/", "/admin/", "/django-admin/"])
def test_un_nom_de_site_inconnu_donne_la_page_400_pas_une_500(client, url):
    """Un en-tête Host hors de ALLOWED_HOSTS est refusé avant que la session ne soit lue : la
    page 400 du portail s'affiche sans utilisateur connu."""
    reponse = client.get(url, HTTP_HOST="inconnu.example")
    assert reponse.status_code == 400
    assert "Requête invalide" in texte(reponse)


def test_le_portail_porte_une_politique_de_securite_du_contenu_stricte(client):
    politique = client.get("/")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in politique.split(";") if d.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in politique and "unsafe-eval" not in politique
    # Aucune page du portail ne s'en remet à un script ou un style en ligne.
    client.force_login(ChefEntrepriseFactory())
    for url in ("/", reverse("comptes:mon_espace"), reverse("comptes:connexion")):
        html = client.get(url, follow=True).content.decode()
        assert " onclick=" not in html and " style=" not in html, url


def test_les_administrations_ont_leurs_scripts_et_ne_portent_pas_la_politique(client):
    assert "Content-Security-Policy" not in client.get("/admin/login/")
    assert "Content-Security-Policy" not in client.get("/django-admin/login/")


def test_une_page_vue_en_compte_n_est_pas_gardee_par_le_navigateur(client):
    # Poste partagé : après la déconnexion, « Précédent » ne doit pas réafficher l'espace.
    client.force_login(ChefEntrepriseFactory())

    reponse = client.get(reverse("comptes:mon_espace"))

    assert reponse.status_code == 200
    assert "no-store" in reponse["Cache-Control"]
    assert "private" in reponse["Cache-Control"]


def test_une_page_publique_reste_cachable(client):
    assert not client.get("/faq/").has_header("Cache-Control")


@pytest.mark.parametrize(
    ("recu", "enregistre"),
    [
        ("", ""),
        ("-1", "<p>-1</p>"),
        ("[1, 2]", "<p>[1, 2]</p>"),
        ('{"blocks": 3}', "<p>{&quot;blocks&quot;: 3}</p>"),
        ("Texte <b>collé</b>", "<p>Texte &lt;b&gt;collé&lt;/b&gt;</p>"),
    ],
)
def test_un_texte_riche_qui_n_est_pas_du_json_de_draftail_est_garde_en_paragraphe(recu, enregistre):
    """Un envoi trafiqué de l'éditeur de texte riche faisait une erreur 500 dans
    l'administration ; le texte reçu est gardé, échappé."""
    from rh_tpe.editeur import DraftailNomme

    assert DraftailNomme().value_from_datadict({"corps": recu}, {}, "corps") == enregistre


def test_le_json_de_draftail_est_converti_comme_avant():
    from rh_tpe.editeur import DraftailNomme

    contenu = '{"blocks": [{"key": "a", "type": "unstyled", "text": "Bonjour", "depth": 0, '
    contenu += '"inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}'
    resultat = DraftailNomme().value_from_datadict({"corps": contenu}, {}, "corps")
    assert resultat == '<p data-block-key="a">Bonjour</p>'
