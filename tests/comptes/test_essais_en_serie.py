"""Essais de mots de passe en série : après cinq échecs pour un même compte depuis une même
adresse, la connexion est suspendue (django-axes), sur le portail comme dans l'administration."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import MOT_DE_PASSE, ChefEntrepriseFactory
from tests.outils import texte

pytestmark = pytest.mark.django_db

CONNEXION = "comptes:connexion"


def _essayer(client, email, mot_de_passe, url=None, adresse="203.0.113.7"):
    return client.post(
        url or reverse(CONNEXION),
        {"username": email, "password": mot_de_passe},
        REMOTE_ADDR=adresse,
    )


def test_cinq_echecs_suspendent_le_compte_meme_avec_le_bon_mot_de_passe(client, settings):
    chef = ChefEntrepriseFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        reponse = _essayer(client, chef.email, "mauvais-mot-de-passe")
        assert reponse.status_code == 200
        assert "Adresse e-mail ou mot de passe incorrect" in texte(reponse)

    bloquee = _essayer(client, chef.email, "mauvais-mot-de-passe")
    assert bloquee.status_code == 429
    page = texte(bloquee)
    assert "Trop d'essais de mot de passe" in page
    assert "15 minutes" in page
    assert reverse("comptes:mot_de_passe_oublie") in bloquee.content.decode()

    # Même le bon mot de passe ne passe plus pendant la suspension.
    assert _essayer(client, chef.email, MOT_DE_PASSE).status_code == 429
    assert "_auth_user_id" not in client.session


def test_la_suspension_ne_vise_que_ce_compte_depuis_cette_adresse(client, settings):
    chef, autre = ChefEntrepriseFactory(), ChefEntrepriseFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _essayer(client, chef.email, "mauvais-mot-de-passe")

    assert _essayer(client, autre.email, MOT_DE_PASSE).status_code == 302
    client.logout()
    assert _essayer(client, chef.email, MOT_DE_PASSE, adresse="198.51.100.4").status_code == 302


def test_la_suspension_prend_fin_apres_le_delai(client, settings):
    from axes.models import AccessAttempt

    chef = ChefEntrepriseFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _essayer(client, chef.email, "mauvais-mot-de-passe")
    assert _essayer(client, chef.email, MOT_DE_PASSE).status_code == 429

    # Le délai passé (on vieillit les échecs enregistrés plutôt que l'horloge).
    passe = datetime.timedelta(minutes=16)
    for essai in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=essai.pk).update(attempt_time=essai.attempt_time - passe)
    assert _essayer(client, chef.email, MOT_DE_PASSE).status_code == 302


def test_un_succes_remet_le_compteur_a_zero(client, settings):
    chef = ChefEntrepriseFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _essayer(client, chef.email, "mauvais-mot-de-passe")
    assert _essayer(client, chef.email, MOT_DE_PASSE).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _essayer(client, chef.email, "mauvais-mot-de-passe").status_code == 200


def test_l_administration_wagtail_est_protegee_aussi(client, settings):
    from tests.factories import AdministrateurFactory

    admin = AdministrateurFactory()
    url = reverse("wagtailadmin_login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _essayer(client, admin.email, "mauvais-mot-de-passe", url=url)
    assert _essayer(client, admin.email, MOT_DE_PASSE, url=url).status_code == 429


def _pulveriser(client, adresse, nombre, url=None):
    """Un même mauvais mot de passe essayé sur `nombre` comptes différents, chacun une fois :
    axes, qui compte par compte et adresse, ne voit rien."""
    comptes = ChefEntrepriseFactory.create_batch(nombre)
    for compte in comptes:
        _essayer(client, compte.email, "Printemps2026!", url=url, adresse=adresse)
    return comptes


def test_un_meme_mot_de_passe_essaye_sur_beaucoup_de_comptes_suspend_l_adresse(client):
    from rh_tpe.comptes.securite import ECHECS_PAR_ADRESSE

    comptes = _pulveriser(client, "203.0.113.7", ECHECS_PAR_ADRESSE - 1)
    # Juste sous la limite, un compte se connecte encore depuis cette adresse.
    assert _essayer(client, comptes[0].email, MOT_DE_PASSE).status_code == 302
    client.logout()
    _essayer(client, comptes[1].email, "encore-faux")

    bloquee = _essayer(client, comptes[2].email, MOT_DE_PASSE)
    assert bloquee.status_code == 429
    page = texte(bloquee)
    assert "les connexions depuis cette adresse sont suspendues pendant 15 minutes" in page
    assert "_auth_user_id" not in client.session
    # Ailleurs, le même compte se connecte : seule l'adresse est suspendue.
    assert (
        _essayer(client, comptes[2].email, MOT_DE_PASSE, adresse="198.51.100.4").status_code == 302
    )


def test_la_suspension_par_adresse_vaut_pour_les_administrations(client):
    from rh_tpe.comptes.securite import ECHECS_PAR_ADRESSE
    from tests.factories import AdministrateurFactory

    admin = AdministrateurFactory()
    _pulveriser(client, "203.0.113.7", ECHECS_PAR_ADRESSE, url=reverse("wagtailadmin_login"))
    for url in (reverse("wagtailadmin_login"), reverse("admin:login")):
        assert _essayer(client, admin.email, MOT_DE_PASSE, url=url).status_code == 429


def test_la_suspension_par_adresse_prend_fin_avec_sa_fenetre(client):
    from django.core.cache import cache

    from rh_tpe.comptes.securite import ECHECS_PAR_ADRESSE

    comptes = _pulveriser(client, "203.0.113.7", ECHECS_PAR_ADRESSE)
    assert _essayer(client, comptes[0].email, MOT_DE_PASSE).status_code == 429
    # La fenêtre expirée (le compteur vit dans le cache, avec la durée de suspension d'axes).
    cache.delete("echecs-connexion:203.0.113.7")
    assert _essayer(client, comptes[0].email, MOT_DE_PASSE).status_code == 302


def test_les_echecs_expires_sont_supprimes_par_la_purge(client, settings):
    import io

    from axes.models import AccessAttempt
    from django.core.management import call_command

    ancien, recent = ChefEntrepriseFactory(), ChefEntrepriseFactory()
    _essayer(client, ancien.email, "mauvais-mot-de-passe")
    _essayer(client, recent.email, "mauvais-mot-de-passe")
    vieux = AccessAttempt.objects.get(username=ancien.email)
    AccessAttempt.objects.filter(pk=vieux.pk).update(
        attempt_time=vieux.attempt_time - settings.AXES_COOLOFF_TIME - datetime.timedelta(1)
    )

    sortie = io.StringIO()
    call_command("purger_donnees", stdout=sortie)

    assert list(AccessAttempt.objects.values_list("username", flat=True)) == [recent.email]
    assert "1 échec(s) de connexion expiré(s) supprimé(s)." in sortie.getvalue()


def test_un_seul_lien_de_reinitialisation_par_compte_et_par_intervalle(client, mailoutbox):
    chef, autre = ChefEntrepriseFactory(), ChefEntrepriseFactory()
    url = reverse("comptes:mot_de_passe_oublie")
    for _ in range(3):
        reponse = client.post(url, {"email": chef.email})
        # Toujours la même suite : rien ne dit si un lien est parti ou non.
        assert reponse.status_code == 302
        assert reponse["Location"] == reverse("comptes:mot_de_passe_envoye")
    client.post(url, {"email": autre.email})

    assert [m.to for m in mailoutbox] == [[chef.email], [autre.email]]


@pytest.mark.parametrize(
    ("mandataires", "transmises", "attendue"),
    [
        (0, "198.51.100.9", "10.0.0.1"),  # sans mandataire déclaré, l'en-tête est ignoré
        (1, "198.51.100.9", "198.51.100.9"),
        (1, "6.6.6.6, 198.51.100.9", "198.51.100.9"),  # le début, écrit par le visiteur, non lu
        (2, "6.6.6.6, 198.51.100.9, 10.0.0.2", "198.51.100.9"),
        (2, "198.51.100.9", "10.0.0.1"),  # moins d'adresses que de mandataires : pas de confiance
        (1, "", "10.0.0.1"),
        # Pas une adresse (mandataire mal compté, valeur écrite par le visiteur) : pas de confiance.
        (1, "198.51.100.9, pas-une-adresse", "10.0.0.1"),
        (2, "x" * 300 + ", 10.0.0.2", "10.0.0.1"),
    ],
)
def test_l_adresse_du_visiteur_derriere_les_mandataires(
    settings, mandataires, transmises, attendue
):
    from django.test import RequestFactory

    from rh_tpe.comptes.securite import adresse_du_client

    settings.RH_TPE_MANDATAIRES = mandataires
    requete = RequestFactory().post(
        "/comptes/connexion/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=transmises
    )
    assert adresse_du_client(requete) == attendue


def test_derriere_un_mandataire_la_suspension_vise_le_visiteur_sans_se_laisser_tromper(
    client, settings
):
    settings.RH_TPE_MANDATAIRES = 1
    chef = ChefEntrepriseFactory()
    url = reverse(CONNEXION)

    def essayer(mot_de_passe, transmises):
        return client.post(
            url,
            {"username": chef.email, "password": mot_de_passe},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=transmises,
        )

    for numero in range(settings.AXES_FAILURE_LIMIT):
        # Le visiteur change le début de l'en-tête à chaque essai : peine perdue.
        essayer("mauvais-mot-de-passe", f"6.6.6.{numero}, 198.51.100.9")
    assert essayer(MOT_DE_PASSE, "198.51.100.9").status_code == 429
    # Un autre visiteur, derrière le même mandataire, se connecte.
    assert essayer(MOT_DE_PASSE, "203.0.113.50").status_code == 302


@pytest.mark.parametrize("url", [CONNEXION, "wagtailadmin_login", "admin:login"])
def test_un_identifiant_demesure_est_refuse_sans_erreur_500(client, url):
    """django-axes enregistrait l'identifiant saisi tel quel à chaque échec : 300 caractères ne
    tiennent pas dans sa colonne (255), PostgreSQL refusait l'écriture, erreur 500. L'échec est
    compté avec l'identifiant coupé à la longueur de la colonne."""
    from axes.models import AccessAttempt

    identifiant = "x" * 300 + "@tpe.test"

    reponse = _essayer(client, identifiant, "mauvais-mot-de-passe", url=reverse(url))

    assert reponse.status_code == 200
    # Le formulaire de Wagtail refuse un identifiant si long avant tout essai ; ceux du portail
    # et de l'administration Django l'essaient, et l'échec est compté.
    comptes = [] if url == "wagtailadmin_login" else [identifiant[:255]]
    assert [essai.username for essai in AccessAttempt.objects.all()] == comptes


def test_une_adresse_transmise_illisible_ne_fait_pas_d_erreur_500(client, settings):
    """Derrière un mandataire de moins que réglé, l'en-tête X-Forwarded-For vient du visiteur :
    « pas-une-adresse » enregistrée par django-axes dans sa colonne d'adresses IP faisait échouer
    l'écriture sur PostgreSQL. L'échec est compté pour l'adresse du mandataire."""
    from axes.models import AccessAttempt

    settings.RH_TPE_MANDATAIRES = 1
    chef = ChefEntrepriseFactory()

    reponse = client.post(
        reverse(CONNEXION),
        {"username": chef.email, "password": "mauvais-mot-de-passe"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="pas-une-adresse",
    )

    assert reponse.status_code == 200
    assert [essai.ip_address for essai in AccessAttempt.objects.all()] == ["10.0.0.1"]
