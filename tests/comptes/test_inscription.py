import base64
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from rh_tpe.comptes.models import Entreprise, Utilisateur
from tests.factories import MOT_DE_PASSE, ChefEntrepriseFactory
from tests.outils import texte

pytestmark = pytest.mark.django_db

URL = reverse("comptes:inscription")


def donnees_inscription(**modifs):
    donnees = {
        "compte-first_name": "Julie",
        "compte-last_name": "Fournier",
        "compte-email": "Julie.Fournier@Exemple.test",
        "compte-password1": "Pain-au-levain-2026",
        "compte-password2": "Pain-au-levain-2026",
        "entreprise-raison_sociale": "Boulangerie du Lot",
        "entreprise-siret": "812 345 676 00017",
        "entreprise-code_naf": "10.71c",
        "entreprise-idcc": "843",
        "entreprise-convention_collective": "Boulangerie-pâtisserie",
        "entreprise-effectif": "2",
        "entreprise-adresse": "12 rue Wilson",
        "entreprise-code_postal": "46000",
        "entreprise-commune": "Cahors",
    }
    donnees.update(modifs)
    return donnees


# Le mot de passe choisi à l'inscription, qui active l'espace avec le lien reçu.
ACTIVATION = {"password": "Pain-au-levain-2026"}


def lien_recu(message) -> str:
    """Le chemin du lien de confirmation d'un e-mail."""
    (lien,) = re.findall(r"https?://\S+/comptes/inscription/confirmer/\S+/", message.body)
    return urlsplit(lien).path


def test_un_chef_d_entreprise_cree_son_espace_puis_l_active_par_le_lien_recu(client):
    reponse = client.post(URL, donnees_inscription())

    assert reponse.status_code == 302
    assert reponse.url == reverse("comptes:inscription_envoyee")
    utilisateur = Utilisateur.objects.get(email="julie.fournier@exemple.test")
    assert utilisateur.role == Utilisateur.Role.CHEF_ENTREPRISE
    assert utilisateur.entreprise.siret == "81234567600017"
    assert utilisateur.entreprise.code_naf == "10.71C"
    assert list(utilisateur.entreprise.membres.all()) == [utilisateur]
    assert utilisateur.email_confirme_le is None
    # Pas encore de session : l'adresse doit d'abord être confirmée.
    assert client.get(reverse("comptes:mon_espace")).status_code == 302
    page = texte(client.get(reponse.url))
    assert "envoyé à <strong>julie.fournier@exemple.test</strong>" in page
    assert "valable 3 jours" in page

    (message,) = mail.outbox
    assert message.to == ["julie.fournier@exemple.test"]
    assert "confirmez votre adresse" in message.subject
    assert "l'espace de l'entreprise SIRET 812 345 676 00017" in message.body
    lien = lien_recu(message)
    # Le lien (qui finit dans des journaux) ne porte pas l'adresse, même encodée.
    charge = lien.split("/")[-2].split(":")[0]
    assert b"julie" not in base64.urlsafe_b64decode(charge + "=" * (-len(charge) % 4))

    # Ouvrir le lien (ce que font aussi les logiciels de messagerie qui l'analysent) ne
    # confirme rien : c'est le bouton qui le fait.
    page = client.get(lien)
    assert page.status_code == 200
    assert "Activer mon espace" in texte(page)
    utilisateur.refresh_from_db()
    assert utilisateur.email_confirme_le is None

    reponse = client.post(lien, ACTIVATION)
    assert reponse.status_code == 302
    assert reponse.url == reverse("comptes:mon_espace")
    utilisateur.refresh_from_db()
    assert utilisateur.email_confirme_le is not None
    assert "Bienvenue Julie" in texte(client.get(reverse("comptes:mon_espace")))
    # Le lien a servi : rouvert, il renvoie vers la connexion.
    client.logout()
    assert client.get(lien).url == reverse("comptes:connexion")


def test_tant_que_l_adresse_n_est_pas_confirmee_la_connexion_dit_quoi_faire(client):
    client.post(URL, donnees_inscription())

    reponse = client.post(
        reverse("comptes:connexion"),
        {"username": "julie.fournier@exemple.test", "password": "Pain-au-levain-2026"},
    )

    assert reponse.status_code == 200
    contenu = texte(reponse)
    assert "Votre adresse e-mail n'est pas encore confirmée" in contenu
    assert reverse("comptes:inscription_nouveau_lien") in contenu
    assert client.get(reverse("comptes:mon_espace")).status_code == 302


@pytest.mark.parametrize("connexion", ["wagtailadmin_login", "admin:login"])
def test_les_connexions_des_administrations_n_ouvrent_pas_un_espace_non_confirme(client, connexion):
    """Sans le lien, pas de session : ni par la connexion du portail, ni par celles des
    administrations (sinon n'importe qui ouvrirait un espace avec l'adresse d'un autre)."""
    client.post(URL, donnees_inscription())

    reponse = client.post(
        reverse(connexion),
        {"username": "julie.fournier@exemple.test", "password": "Pain-au-levain-2026"},
    )

    assert reponse.status_code == 200
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("comptes:mon_espace")).status_code == 302
    if connexion == "wagtailadmin_login":
        # Le message renvoie au lien « ci-dessous » : il y est aussi sur cette page.
        assert "Votre adresse e-mail n'est pas encore confirmée" in texte(reponse)
        assert reverse("comptes:inscription_nouveau_lien") in texte(reponse)


@pytest.mark.parametrize(
    "abime",
    [
        lambda jeton: jeton[:-2],
        lambda jeton: jeton.replace(":", ":0", 1),
        lambda jeton: "n'importe quoi",
        lambda jeton: "é" * 300,
    ],
)
def test_un_lien_abime_est_explique_sans_rien_confirmer(client, abime):
    client.post(URL, donnees_inscription())
    jeton = lien_recu(mail.outbox[0]).split("/")[-2]

    chemin = reverse("comptes:inscription_confirmer", kwargs={"jeton": abime(jeton)})
    for reponse in (client.get(chemin), client.post(chemin)):
        assert reponse.status_code == 404
        assert "Ce lien n'est plus valable" in texte(reponse)
    assert Utilisateur.objects.get().email_confirme_le is None


def test_un_lien_de_plus_de_trois_jours_est_perime(client):
    import time
    from unittest import mock

    il_y_a_plus_de_trois_jours = time.time() - 3 * 24 * 3600 - 60
    with mock.patch("time.time", return_value=il_y_a_plus_de_trois_jours):
        client.post(URL, donnees_inscription())
    reponse = client.get(lien_recu(mail.outbox[0]))

    assert reponse.status_code == 404
    assert "Recevoir un nouveau lien de confirmation" in texte(reponse)


def test_une_adresse_deja_inscrite_recoit_un_avis_et_la_page_ne_le_dit_pas(client):
    """Même page qu'une nouvelle inscription : seule la boîte de l'adresse apprend qu'elle a
    déjà un espace."""
    ChefEntrepriseFactory(email="julie.fournier@exemple.test")

    reponse = client.post(URL, donnees_inscription())

    assert reponse.status_code == 302
    assert reponse.url == reverse("comptes:inscription_envoyee")
    assert Utilisateur.objects.filter(email="julie.fournier@exemple.test").count() == 1
    assert not Entreprise.objects.filter(siret="81234567600017").exists()
    (message,) = mail.outbox
    assert message.to == ["julie.fournier@exemple.test"]
    assert "vous avez déjà un espace" in message.subject
    assert "/comptes/connexion/" in message.body and "/mot-de-passe/oublie/" in message.body
    assert "confirmer" not in message.body

    # Même page, mot pour mot, qu'après l'inscription d'une adresse nouvelle.
    deja_inscrite = texte(client.get(reponse.url))
    autre = Client()
    autre.post(URL, donnees_inscription(**{"compte-email": "julie.fournier@exemple.test"}))
    assert texte(autre.get(reponse.url)) == deja_inscrite


def test_l_e_mail_et_la_page_du_lien_ne_portent_aucun_texte_libre_de_l_inscription(client):
    """Le lien part vers une adresse que personne n'a encore prouvée : quiconque peut y faire
    envoyer, par le portail de l'État, le texte libre saisi à l'inscription (hameçonnage par
    le formulaire d'inscription). L'e-mail, et la page que le lien ouvre sur le portail,
    désignent l'espace par son SIRET, fait de chiffres."""
    appat = "Compte bloqué, régularisez sur https://arnaque.example/ avant 48 h"
    client.post(
        URL,
        donnees_inscription(
            **{
                "entreprise-raison_sociale": appat,
                "compte-first_name": "Payez",
                "compte-last_name": "sur arnaque.example",
            }
        ),
    )

    (message,) = mail.outbox
    assert "arnaque" not in message.body and "arnaque" not in message.subject
    assert "SIRET 812 345 676 00017" in message.body
    page = texte(client.get(lien_recu(message)))
    assert "arnaque" not in page
    assert "SIRET 812 345 676 00017" in page


def test_une_inscription_repetee_avec_l_adresse_d_un_autre_n_inonde_pas_sa_boite(client):
    ChefEntrepriseFactory(email="julie.fournier@exemple.test")

    for _ in range(3):
        assert client.post(URL, donnees_inscription()).status_code == 302

    assert len(mail.outbox) == 1


def test_une_seconde_inscription_avant_confirmation_renvoie_le_lien_du_premier_espace(client):
    client.post(URL, donnees_inscription())
    from tests.factories import siret_valide

    autre_entreprise = {
        "entreprise-raison_sociale": "Autre nom",
        "entreprise-siret": siret_valide(5),
    }
    assert client.post(URL, donnees_inscription(**autre_entreprise)).status_code == 302

    assert Entreprise.objects.count() == 1
    premier, second = mail.outbox
    assert second.subject == premier.subject
    assert "SIRET 812 345 676 00017" in second.body
    assert client.post(lien_recu(second), ACTIVATION).url == reverse("comptes:mon_espace")


def test_un_tiers_qui_inscrit_l_adresse_d_un_autre_n_entre_pas_dans_son_espace(client):
    """Pré-appropriation d'un compte : un tiers inscrit l'adresse de Julie avec un mot de passe
    à lui. Quand Julie s'inscrit à son tour, elle reçoit le lien de cet espace en attente ; le
    suivre ne doit pas activer l'espace avec le mot de passe du tiers (qui y entrerait ensuite,
    et lirait tout ce que Julie y déposera)."""
    tiers = Client()
    du_tiers = "Mot-de-passe-du-tiers-2026"
    tiers.post(
        URL, donnees_inscription(**{"compte-password1": du_tiers, "compte-password2": du_tiers})
    )
    cache.clear()  # Julie s'inscrit plus tard, après l'intervalle entre deux avis.
    client.post(URL, donnees_inscription())
    lien = lien_recu(mail.outbox[-1])

    reponse = client.post(lien, {"password": "Pain-au-levain-2026"})

    assert reponse.status_code == 400
    contenu = texte(reponse)
    assert "Ce n'est pas le mot de passe choisi à la création de cet espace" in contenu
    assert reverse("comptes:mot_de_passe_oublie") in contenu
    assert "_auth_user_id" not in client.session
    assert Utilisateur.objects.get().email_confirme_le is None
    connexion = tiers.post(
        reverse("comptes:connexion"),
        {"username": "julie.fournier@exemple.test", "password": du_tiers},
    )
    assert connexion.status_code == 200
    assert "_auth_user_id" not in tiers.session


def test_deviner_le_mot_de_passe_sur_le_lien_suspend_comme_a_la_connexion(client, settings):
    """Le formulaire du lien n'est pas un moyen d'essayer des mots de passe en série : après
    AXES_FAILURE_LIMIT échecs, la page « Connexion suspendue », et le bon mot de passe lui-même
    n'active plus rien pendant la suspension."""
    client.post(URL, donnees_inscription())
    lien = lien_recu(mail.outbox[0])

    for essai in range(settings.AXES_FAILURE_LIMIT):
        client.post(lien, {"password": f"Essai-{essai}-2026"})
    reponse = client.post(lien, {"password": "Pain-au-levain-2026"})

    assert reponse.status_code == 429
    assert "Connexion suspendue" in texte(reponse)
    assert Utilisateur.objects.get().email_confirme_le is None
    assert "_auth_user_id" not in client.session


def test_un_nouveau_lien_part_pour_une_inscription_a_confirmer_seulement(client):
    client.post(URL, donnees_inscription())
    ChefEntrepriseFactory(email="confirme@exemple.test")
    mail.outbox.clear()
    cache.clear()
    adresse = reverse("comptes:inscription_nouveau_lien")

    reponses = [
        client.post(adresse, {"email": email})
        for email in (
            "Julie.Fournier@exemple.test",
            "confirme@exemple.test",
            "inconnu@exemple.test",
        )
    ]

    assert {(r.status_code, r.url) for r in reponses} == {
        (302, reverse("comptes:inscription_envoyee"))
    }
    (message,) = mail.outbox
    assert message.to == ["julie.fournier@exemple.test"]
    assert client.post(lien_recu(message), ACTIVATION).url == reverse("comptes:mon_espace")


def test_suivre_le_lien_mot_de_passe_oublie_confirme_aussi_l_adresse(client):
    client.post(URL, donnees_inscription())
    mail.outbox.clear()
    client.post(reverse("comptes:mot_de_passe_oublie"), {"email": "julie.fournier@exemple.test"})
    (lien,) = re.findall(r"https?://\S+(/comptes/mot-de-passe/nouveau/\S+/)", mail.outbox[0].body)
    formulaire = client.get(lien, follow=True)
    nouveau = {"new_password1": "Croissant-beurre-2026", "new_password2": "Croissant-beurre-2026"}
    client.post(formulaire.redirect_chain[-1][0], nouveau)

    assert Utilisateur.objects.get().email_confirme_le is not None
    reponse = client.post(
        reverse("comptes:connexion"),
        {"username": "julie.fournier@exemple.test", "password": "Croissant-beurre-2026"},
    )
    assert reponse.status_code == 302


def test_un_siret_dont_la_cle_est_fausse_est_refuse_sans_perdre_la_saisie(client):
    reponse = client.post(URL, donnees_inscription(**{"entreprise-siret": "81234567600018"}))

    assert reponse.status_code == 200
    contenu = texte(reponse)
    assert "Ce numéro SIRET n'est pas valide" in contenu
    assert 'aria-describedby="id_entreprise-siret-desc-error"' in contenu
    assert 'value="Boulangerie du Lot"' in contenu
    assert 'value="Julie.Fournier@Exemple.test"' in contenu
    # Les mots de passe ne sont jamais renvoyés dans la page.
    assert "Pain-au-levain-2026" not in contenu
    assert not Entreprise.objects.exists()
    assert not Utilisateur.objects.filter(email="julie.fournier@exemple.test").exists()


def test_un_siret_deja_inscrit_est_refuse(client):
    ChefEntrepriseFactory(entreprise__siret="81234567600017")

    reponse = client.post(URL, donnees_inscription())

    assert "Une entreprise avec ce SIRET a déjà un espace" in texte(reponse)
    assert (
        "demandez à l'administrateur du portail (contact@rh-tpe.localhost) de vous y rattacher"
        in texte(reponse)
    )


@pytest.mark.parametrize(
    ("mot_de_passe", "message"),
    [
        ("court-2026", "Ce mot de passe est trop court"),
        ("123456789012345", "Ce mot de passe est entièrement numérique"),
        ("qwerty123456", "Ce mot de passe est trop courant"),
    ],
)
def test_un_mot_de_passe_faible_est_refuse_en_francais(client, mot_de_passe, message):
    reponse = client.post(
        URL,
        donnees_inscription(**{"compte-password1": mot_de_passe, "compte-password2": mot_de_passe}),
    )

    assert reponse.status_code == 200
    assert message in texte(reponse)
    assert not Utilisateur.objects.filter(email="julie.fournier@exemple.test").exists()


def test_deux_mots_de_passe_differents_sont_refuses(client):
    reponse = client.post(URL, donnees_inscription(**{"compte-password2": "Autre-chose-2026"}))

    assert "Les deux mots de passe ne sont pas identiques" in texte(reponse)


def test_chaque_champ_sur_la_personne_dit_au_navigateur_ce_qu_il_attend(client):
    """WCAG 1.3.5 (RGAA 11.13) : les champs qui portent sur la personne qui s'inscrit ont leur
    valeur d'autocomplete, pour être remplis par le navigateur, surtout sur téléphone."""
    page = texte(client.get(URL))

    for nom, valeur in {
        "compte-first_name": "given-name",
        "compte-last_name": "family-name",
        "compte-email": "email",
        "compte-password1": "new-password",
        "compte-password2": "new-password",
    }.items():
        champ = re.search(rf'<input[^>]*name="{nom}"[^>]*>', page).group(0)
        assert f'autocomplete="{valeur}"' in champ, champ


def test_un_formulaire_vide_ne_donne_pas_d_erreur_serveur(client):
    reponse = client.post(URL, {})

    assert reponse.status_code == 200
    assert "Champ requis" in texte(reponse)


def test_connexion_par_e_mail_sans_tenir_compte_de_la_casse(client):
    ChefEntrepriseFactory(email="chef@exemple.test")

    reponse = client.post(
        reverse("comptes:connexion"), {"username": "Chef@Exemple.test", "password": MOT_DE_PASSE}
    )

    assert reponse.status_code == 302
    assert reponse.url == reverse("comptes:mon_espace")


def test_un_mauvais_mot_de_passe_donne_un_message_clair(client):
    ChefEntrepriseFactory(email="chef@exemple.test")

    reponse = client.post(
        reverse("comptes:connexion"), {"username": "chef@exemple.test", "password": "faux"}
    )

    assert reponse.status_code == 200
    contenu = texte(reponse)
    assert "Adresse e-mail ou mot de passe incorrect" in contenu
    assert 'value="chef@exemple.test"' in contenu


def test_la_deconnexion_se_fait_en_post_et_ramene_a_l_accueil(client):
    chef = ChefEntrepriseFactory()
    client.force_login(chef)

    assert client.get(reverse("comptes:deconnexion")).status_code == 405
    reponse = client.post(reverse("comptes:deconnexion"), follow=True)

    assert "Vous êtes déconnecté" in texte(reponse)
    assert client.get(reverse("comptes:mon_espace")).status_code == 302


def test_reinitialisation_du_mot_de_passe_par_e_mail(client, settings):
    ChefEntrepriseFactory(email="chef@exemple.test")

    client.post(reverse("comptes:mot_de_passe_oublie"), {"email": "chef@exemple.test"})

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "RH TPE : choisir un nouveau mot de passe"
    lien = next(ligne for ligne in message.body.splitlines() if "/mot-de-passe/nouveau/" in ligne)
    chemin = lien.removeprefix(settings.WAGTAILADMIN_BASE_URL.rstrip("/"))
    assert chemin.startswith("/")
    formulaire = client.get(chemin, follow=True)
    assert "Nouveau mot de passe" in texte(formulaire)
    reponse = client.post(
        formulaire.redirect_chain[-1][0],
        {"new_password1": "Croissant-beurre-2027", "new_password2": "Croissant-beurre-2027"},
    )
    assert reponse.status_code == 302
    # Par le vrai formulaire de connexion (protégé contre les essais en série).
    connexion = client.post(
        reverse("comptes:connexion"),
        {"username": "chef@exemple.test", "password": "Croissant-beurre-2027"},
    )
    assert connexion.status_code == 302 and "_auth_user_id" in client.session


def test_le_lien_de_reinitialisation_part_de_l_adresse_du_portail_pas_de_la_requete(
    client, settings
):
    settings.ALLOWED_HOSTS = ["rh-tpe.gouv.test", "autre-nom.test"]
    settings.WAGTAILADMIN_BASE_URL = "https://rh-tpe.gouv.test"
    ChefEntrepriseFactory(email="chef@exemple.test")

    client.post(
        reverse("comptes:mot_de_passe_oublie"),
        {"email": "chef@exemple.test"},
        HTTP_HOST="autre-nom.test",
    )

    (message,) = mail.outbox
    assert "https://rh-tpe.gouv.test/comptes/mot-de-passe/nouveau/" in message.body
    assert "autre-nom.test" not in message.body


def test_un_lien_de_reinitialisation_perime_est_explique(client):
    reponse = client.get(
        reverse("comptes:nouveau_mot_de_passe", kwargs={"uidb64": "MQ", "token": "perime-123"})
    )

    assert reponse.status_code == 200
    assert "Ce lien n'est plus valable" in texte(reponse)


def test_une_adresse_inconnue_ne_revele_pas_l_existence_d_un_compte(client):
    reponse = client.post(
        reverse("comptes:mot_de_passe_oublie"), {"email": "inconnu@exemple.test"}, follow=True
    )

    assert "Si un compte existe avec cette adresse" in texte(reponse)
    assert mail.outbox == []


def test_la_duree_du_lien_de_reinitialisation_vient_du_reglage(client, settings, mailoutbox):
    settings.PASSWORD_RESET_TIMEOUT = 2 * 60 * 60
    chef = ChefEntrepriseFactory()
    reponse = client.post(
        reverse("comptes:mot_de_passe_oublie"), {"email": chef.email}, follow=True
    )

    assert "un lien valable 2 heures" in texte(reponse)
    assert "Ouvrez ce lien, valable 2 heures :" in mailoutbox[0].body


def test_les_inscriptions_en_serie_depuis_une_adresse_sont_arretees_sans_perdre_la_saisie(
    client, monkeypatch
):
    from rh_tpe.comptes import views
    from tests.factories import siret_valide

    monkeypatch.setattr(views, "INSCRIPTIONS_PAR_ADRESSE", 2)
    for numero in range(2):
        donnees = donnees_inscription(
            **{
                "compte-email": f"robot{numero}@exemple.test",
                "entreprise-siret": siret_valide(numero),
            }
        )
        assert client.post(URL, donnees).status_code == 302

    donnees = donnees_inscription(
        **{"compte-email": "robot9@exemple.test", "entreprise-siret": siret_valide(9)}
    )
    reponse = client.post(URL, donnees)

    assert reponse.status_code == 429
    contenu = texte(reponse)
    assert "Trop d'espaces créés depuis cette connexion" in contenu
    assert 'value="robot9@exemple.test"' in contenu and 'value="Boulangerie du Lot"' in contenu
    assert not Utilisateur.objects.filter(email="robot9@exemple.test").exists()
    # Une autre adresse IP n'est pas concernée.
    reponse = client.post(URL, donnees, REMOTE_ADDR="198.51.100.20")
    assert reponse.status_code == 302


def test_avec_la_file_en_base_le_lien_part_par_le_worker_et_la_file_ne_le_garde_pas(
    client, settings
):
    """En production, la page répond avant l'envoi : même temps, compte connu ou non."""
    import json

    from django_tasks_db.models import DBTaskResult

    from rh_tpe.comptes.tasks import envoyer_lien_reinitialisation

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    chef = ChefEntrepriseFactory(email="chef@exemple.test")

    client.post(reverse("comptes:mot_de_passe_oublie"), {"email": "inconnu@exemple.test"})
    client.post(reverse("comptes:mot_de_passe_oublie"), {"email": "chef@exemple.test"})

    assert mail.outbox == []
    (tache,) = DBTaskResult.objects.all()
    arguments = json.dumps(tache.args_kwargs)
    assert str(chef.pk) in arguments
    assert "mot-de-passe" not in arguments and chef.email not in arguments
    # Ce que ferait `db_worker` avec la tâche enregistrée (le worker lui-même ferme la connexion
    # à la base, ce qu'un test dans une transaction ne permet pas sur PostgreSQL).
    assert tache.task_path == "rh_tpe.comptes.tasks.envoyer_lien_reinitialisation"
    envoyer_lien_reinitialisation.call(*tache.args_kwargs["args"], **tache.args_kwargs["kwargs"])
    (message,) = mail.outbox
    assert message.to == ["chef@exemple.test"]
    assert "/mot-de-passe/nouveau/" in message.body


def test_la_purge_efface_les_espaces_jamais_confirmes_apres_sept_jours(client):
    import datetime
    import io

    from django.core.management import call_command
    from django.utils import timezone

    from tests.factories import siret_valide

    client.post(URL, donnees_inscription())
    recent = donnees_inscription(
        **{"compte-email": "recent@exemple.test", "entreprise-siret": siret_valide(3)}
    )
    client.post(URL, recent)
    confirme = ChefEntrepriseFactory(email="confirme@exemple.test")
    il_y_a_huit_jours = timezone.now() - datetime.timedelta(days=8)
    Utilisateur.objects.exclude(email="recent@exemple.test").update(date_joined=il_y_a_huit_jours)
    ancien = Utilisateur.objects.get(email="julie.fournier@exemple.test")

    simulation = io.StringIO()
    call_command("purger_donnees", "--simulation", stdout=simulation)
    assert f"Compte n° {ancien.pk} à supprimer, avec son entreprise" in simulation.getvalue()
    assert Utilisateur.objects.filter(pk=ancien.pk).exists()

    sortie = io.StringIO()
    call_command("purger_donnees", stdout=sortie)

    assert "1 inscription(s) non confirmée(s) supprimé(s)." in sortie.getvalue()
    assert "julie" not in sortie.getvalue().lower()
    assert set(Utilisateur.objects.values_list("email", flat=True)) == {
        "recent@exemple.test",
        "confirme@exemple.test",
    }
    assert not Entreprise.objects.filter(siret="81234567600017").exists()
    assert Entreprise.objects.filter(pk=confirme.entreprise_id).exists()
    # Le SIRET est de nouveau libre pour le vrai chef de l'entreprise.
    assert client.post(URL, donnees_inscription()).status_code == 302


@pytest.mark.parametrize("role", ["anonyme", "chef", "conseiller", "administrateur"])
def test_les_pages_de_l_inscription_sont_publiques_et_le_lien_n_active_que_son_compte(client, role):
    """Quel que soit qui les ouvre : le lien prouve la boîte e-mail, il active le compte qu'il
    désigne et rien d'autre, et n'ouvre la session que de ce compte."""
    from tests.factories import AdministrateurFactory, ConseillerFactory

    client.post(URL, donnees_inscription())
    lien = lien_recu(mail.outbox[0])
    fabriques = {
        "chef": ChefEntrepriseFactory,
        "conseiller": ConseillerFactory,
        "administrateur": AdministrateurFactory,
    }
    autre = fabriques[role]() if role in fabriques else None
    if autre:
        client.force_login(autre)

    assert client.get(reverse("comptes:inscription_envoyee")).status_code == 200
    assert client.get(reverse("comptes:inscription_nouveau_lien")).status_code == 200
    faux = reverse("comptes:inscription_confirmer", kwargs={"jeton": "faux"})
    assert client.get(faux).status_code == 404
    assert client.post(faux).status_code == 404
    assert "SIRET 812 345 676 00017" in texte(client.get(lien))

    client.post(lien, ACTIVATION)

    julie = Utilisateur.objects.get(email="julie.fournier@exemple.test")
    assert julie.email_confirme_le is not None
    assert int(client.session["_auth_user_id"]) == julie.pk
