"""Les comptes sans connexion depuis trois ans sont prévenus par e-mail, puis vidés de leurs
données personnelles par `purger_donnees`, comme l'annonce la page « Données personnelles »."""

import datetime
import io

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from rh_tpe import droit
from rh_tpe.comptes.models import Entreprise, Utilisateur
from rh_tpe.comptes.services import (
    PREAVIS_SUPPRESSION,
    comptes_inactifs_prevenir,
    comptes_inactifs_supprimer,
)
from rh_tpe.droit.outils import ajouter_mois
from tests.dossiers.factories import DossierFactory
from tests.factories import (
    MOT_DE_PASSE,
    AdministrateurFactory,
    ChefEntrepriseFactory,
    ConseillerFactory,
    EditeurFactory,
)
from tests.outils import texte

pytestmark = pytest.mark.django_db

UN_JOUR = datetime.timedelta(days=1)


def _moment(jour: datetime.date, heure: int = 12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(jour, datetime.time(heure)))


def _connecte_le(compte: Utilisateur, jour: datetime.date) -> Utilisateur:
    Utilisateur.objects.filter(pk=compte.pk).update(
        last_login=_moment(jour, 23), date_joined=_moment(jour, 8)
    )
    compte.refresh_from_db()
    return compte


def _prevenu_le(compte: Utilisateur, jour: datetime.date) -> Utilisateur:
    Utilisateur.objects.filter(pk=compte.pk).update(prevenu_suppression_le=_moment(jour))
    compte.refresh_from_db()
    return compte


def _se_connecter(client, email: str) -> int:
    reponse = client.post(
        reverse("comptes:connexion"), {"username": email, "password": MOT_DE_PASSE}
    )
    return reponse.status_code


def _purger(*options) -> str:
    sortie = io.StringIO()
    call_command("purger_donnees", *options, stdout=sortie)
    return sortie.getvalue()


@pytest.fixture
def aujourd_hui():
    return timezone.localdate()


@pytest.fixture
def il_y_a_trois_ans(aujourd_hui):
    jour = ajouter_mois(aujourd_hui, -36)
    # Connecté ce jour-là, le compte est gardé jusqu'à aujourd'hui inclus.
    assert droit.conservation_compte_jusqu_au(dernier_acces=jour) >= aujourd_hui
    assert droit.conservation_compte_jusqu_au(dernier_acces=jour - UN_JOUR) < aujourd_hui
    return jour


def _expire_et_prevenu(compte: Utilisateur, il_y_a_trois_ans, aujourd_hui) -> Utilisateur:
    _connecte_le(compte, il_y_a_trois_ans - UN_JOUR)
    return _prevenu_le(compte, aujourd_hui - PREAVIS_SUPPRESSION)


def test_un_compte_expire_et_prevenu_depuis_le_preavis_est_vide(il_y_a_trois_ans, aujourd_hui):
    garde = _prevenu_le(_connecte_le(ChefEntrepriseFactory(), il_y_a_trois_ans), aujourd_hui)
    expire = _expire_et_prevenu(
        ChefEntrepriseFactory(first_name="Julie", last_name="Fournier", email="julie@exemple.test"),
        il_y_a_trois_ans,
        aujourd_hui,
    )
    jamais_connecte = ConseillerFactory()
    Utilisateur.objects.filter(pk=jamais_connecte.pk).update(
        last_login=None, date_joined=_moment(il_y_a_trois_ans - UN_JOUR)
    )
    _prevenu_le(jamais_connecte, aujourd_hui - PREAVIS_SUPPRESSION)
    desactive = ChefEntrepriseFactory()
    _connecte_le(desactive, il_y_a_trois_ans - UN_JOUR)
    Utilisateur.objects.filter(pk=desactive.pk).update(is_active=False)
    recent = ChefEntrepriseFactory()
    exploitant = _connecte_le(AdministrateurFactory(), il_y_a_trois_ans - 400 * UN_JOUR)

    sortie = _purger()

    supprimes = {u.pk for u in Utilisateur.objects.all() if u.est_supprime}
    # Un compte désactivé ne peut pas se connecter : il est vidé sans e-mail.
    assert supprimes == {expire.pk, jamais_connecte.pk, desactive.pk}
    for compte in (garde, recent, exploitant):
        compte.refresh_from_db()
        assert compte.is_active and not compte.est_supprime
    assert f"Compte n° {expire.pk} (chef_entreprise) supprimé" in sortie
    assert "3 compte(s) inactif(s) supprimé(s)." in sortie
    # Pas de donnée personnelle dans ce que la commande écrit.
    assert "Julie" not in sortie and "julie@" not in sortie and "Fournier" not in sortie


def test_un_compte_expire_jamais_prevenu_recoit_un_e_mail_et_garde_un_mois(
    aujourd_hui, mailoutbox, settings
):
    chef = ChefEntrepriseFactory(email="julie@exemple.test")
    pas_encore = ChefEntrepriseFactory()
    supprime_le = aujourd_hui + PREAVIS_SUPPRESSION
    # `chef` sera expiré à la date de suppression qu'annonce l'e-mail d'aujourd'hui : il est
    # prévenu. `pas_encore`, connecté un jour plus tard, ne le sera que demain.
    _connecte_le(chef, droit.dernier_acces_compte_expire(aujourd_hui=supprime_le))
    _connecte_le(pas_encore, droit.dernier_acces_compte_expire(aujourd_hui=supprime_le) + UN_JOUR)

    sortie = _purger()

    (courriel,) = mailoutbox
    assert courriel.to == ["julie@exemple.test"]
    with translation.override("fr"):
        date = date_format(supprime_le, "j F Y")
        derniere = date_format(chef.last_login.date(), "j F Y")
    assert courriel.subject == f"RH TPE : votre compte sera supprimé le {date}"
    assert f"La dernière connexion à votre espace RH TPE date du {derniere}" in courriel.body
    assert f"le vôtre le sera le {date}" in courriel.body
    assert settings.WAGTAILADMIN_BASE_URL + reverse("comptes:connexion") in courriel.body
    chef.refresh_from_db()
    assert chef.prevenu_suppression_le is not None and not chef.est_supprime
    assert f"Compte n° {chef.pk} (chef_entreprise) prévenu par e-mail" in sortie

    # Le lendemain : pas de second e-mail pour `chef`, toujours pas vidé ; `pas_encore` prévenu.
    mailoutbox.clear()
    demain = aujourd_hui + UN_JOUR
    assert [c.pk for c in comptes_inactifs_prevenir(aujourd_hui=demain)] == [pas_encore.pk]
    assert [m.to for m in mailoutbox] == [[pas_encore.email]]
    assert comptes_inactifs_supprimer(aujourd_hui=demain) == []
    # La veille de la date annoncée, toujours gardé ; le jour dit, vidé.
    assert comptes_inactifs_supprimer(aujourd_hui=supprime_le - UN_JOUR) == []
    (vide,) = comptes_inactifs_supprimer(aujourd_hui=supprime_le)
    assert vide.pk == chef.pk


def test_se_connecter_apres_l_e_mail_garde_le_compte_et_relance_le_compte_a_rebours(
    il_y_a_trois_ans, aujourd_hui, mailoutbox
):
    # Prévenu il y a quatre ans, puis connecté : ce vieil e-mail ne vaut plus.
    chef = _connecte_le(ChefEntrepriseFactory(), il_y_a_trois_ans - UN_JOUR)
    _prevenu_le(chef, ajouter_mois(aujourd_hui, -48))

    assert comptes_inactifs_supprimer(aujourd_hui=aujourd_hui) == []
    (prevenu,) = comptes_inactifs_prevenir(aujourd_hui=aujourd_hui)
    assert prevenu.pk == chef.pk and len(mailoutbox) == 1


def test_un_e_mail_qui_ne_part_pas_est_retente_et_le_compte_n_est_pas_vide(
    il_y_a_trois_ans, aujourd_hui, settings, mailoutbox
):
    chef = _connecte_le(ChefEntrepriseFactory(), il_y_a_trois_ans - 100 * UN_JOUR)
    # Un vrai client SMTP vers un port fermé : la connexion est refusée.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2

    assert comptes_inactifs_prevenir(aujourd_hui=aujourd_hui) == []
    chef.refresh_from_db()
    assert chef.prevenu_suppression_le is None

    assert comptes_inactifs_supprimer(aujourd_hui=aujourd_hui + 2 * PREAVIS_SUPPRESSION) == []
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert [c.pk for c in comptes_inactifs_prevenir(aujourd_hui=aujourd_hui)] == [chef.pk]


def test_un_compte_vide_ne_garde_ni_nom_ni_adresse_ni_acces(client, il_y_a_trois_ans, aujourd_hui):
    chef = ChefEntrepriseFactory(
        first_name="Julie", last_name="Fournier", email="julie@exemple.test"
    )
    AccessAttempt.objects.create(
        username="julie@exemple.test",
        ip_address="203.0.113.7",
        user_agent="essai",
        failures_since_start=1,
    )
    _expire_et_prevenu(chef, il_y_a_trois_ans, aujourd_hui)

    _purger()

    chef.refresh_from_db()
    assert (chef.first_name, chef.last_name) == ("", "")
    assert chef.email == f"compte-{chef.pk}@compte-supprime.invalid"
    assert not chef.is_active and not chef.has_usable_password()
    assert str(chef) == chef.get_full_name() == "Compte supprimé"
    assert not AccessAttempt.objects.filter(username="julie@exemple.test").exists()
    assert _se_connecter(client, "julie@exemple.test") == 200  # formulaire et message d'erreur
    # L'entreprise reste : ses salariés et ses contrats suivent leurs propres durées.
    assert Entreprise.objects.filter(pk=chef.entreprise_id).exists()


def test_l_adresse_d_un_compte_vide_redevient_libre(client, il_y_a_trois_ans, aujourd_hui):
    ancien = _expire_et_prevenu(
        ChefEntrepriseFactory(email="julie.fournier@exemple.test"), il_y_a_trois_ans, aujourd_hui
    )
    _purger()

    nouveau = Utilisateur.objects.create_user(
        email="julie.fournier@exemple.test", password=MOT_DE_PASSE, first_name="J", last_name="F"
    )

    assert nouveau.pk != ancien.pk
    assert _se_connecter(client, "julie.fournier@exemple.test") == 302


def test_les_dossiers_d_un_conseiller_vide_le_nomment_compte_supprime(
    il_y_a_trois_ans, aujourd_hui, client
):
    conseiller = ConseillerFactory(first_name="Claire", last_name="Martin")
    dossier = DossierFactory(organisation=conseiller.organisation, conseiller=conseiller)
    _expire_et_prevenu(conseiller, il_y_a_trois_ans, aujourd_hui)

    _purger()

    client.force_login(dossier.auteur)
    page = texte(client.get(reverse("dossiers:detail", args=[dossier.pk])))
    assert "Compte supprimé" in page
    assert "Claire" not in page and "Martin" not in page


def test_la_simulation_n_ecrit_ni_ne_vide_et_la_purge_ne_revient_pas_deux_fois(
    il_y_a_trois_ans, aujourd_hui, mailoutbox
):
    chef = _expire_et_prevenu(ChefEntrepriseFactory(), il_y_a_trois_ans, aujourd_hui)
    a_prevenir = _connecte_le(ChefEntrepriseFactory(), il_y_a_trois_ans)

    sortie = _purger("--simulation")
    assert f"Compte n° {chef.pk} (chef_entreprise) à supprimer" in sortie
    assert f"Compte n° {a_prevenir.pk} (chef_entreprise) à prévenir" in sortie
    assert not mailoutbox
    chef.refresh_from_db()
    a_prevenir.refresh_from_db()
    assert chef.is_active and not chef.est_supprime and a_prevenir.prevenu_suppression_le is None

    assert "1 compte(s) inactif(s) supprimé(s)." in _purger()
    assert "0 compte(s) inactif(s) supprimé(s)." in _purger()
    assert len(mailoutbox) == 1  # `a_prevenir`, une seule fois


URL_SUPPRESSION = reverse("comptes:supprimer_mon_compte")


def test_le_chef_d_entreprise_supprime_son_compte_avec_son_mot_de_passe(client):
    chef = ChefEntrepriseFactory(
        first_name="Julie", last_name="Fournier", email="julie@exemple.test"
    )
    client.force_login(chef)
    espace = texte(client.get(reverse("comptes:mon_espace")))
    assert "Un compte sans connexion pendant 3 ans est supprimé" in espace
    assert f"après un e-mail d'avertissement {PREAVIS_SUPPRESSION.days} jours avant" in espace
    assert "Supprimer mon compte" in espace

    page = " ".join(texte(client.get(URL_SUPPRESSION)).split())
    assert "5 ans après le départ d'un salarié pour le registre du personnel" in page
    assert "article R1221-26" in page
    assert "demandez à l'administrateur du portail de vous y rattacher" in page
    assert 'href="mailto:contact@rh-tpe.localhost"' in page

    faux = client.post(URL_SUPPRESSION, {"mot_de_passe": "pas-le-bon"})
    assert faux.status_code == 400
    assert "Ce n'est pas le mot de passe de votre compte : rien n'est supprimé." in texte(faux)
    chef.refresh_from_db()
    assert chef.is_active and not chef.est_supprime

    reponse = client.post(URL_SUPPRESSION, {"mot_de_passe": MOT_DE_PASSE}, follow=True)

    assert "Votre compte est supprimé" in texte(reponse)
    assert "_auth_user_id" not in client.session
    chef.refresh_from_db()
    assert chef.est_supprime and not chef.is_active
    assert Entreprise.objects.filter(pk=chef.entreprise_id).exists()
    assert _se_connecter(client, "julie@exemple.test") == 200


@pytest.mark.parametrize("fabrique", [ConseillerFactory, EditeurFactory, AdministrateurFactory])
def test_seul_un_chef_d_entreprise_supprime_lui_meme_son_compte(client, fabrique):
    personne = fabrique()
    client.force_login(personne)

    assert client.get(URL_SUPPRESSION).status_code == 403
    assert client.post(URL_SUPPRESSION, {"mot_de_passe": MOT_DE_PASSE}).status_code == 403
    personne.refresh_from_db()
    assert personne.is_active and not personne.est_supprime


def test_la_page_de_suppression_demande_une_connexion(client):
    reponse = client.get(URL_SUPPRESSION)
    assert reponse.status_code == 302
    assert reponse.url.startswith(reverse("comptes:connexion"))


def test_les_essais_de_mot_de_passe_sur_la_suppression_sont_comptes_et_suspendus(client, settings):
    """Une session volée ne permet pas de deviner le mot de passe sans limite."""
    chef = ChefEntrepriseFactory()
    client.force_login(chef)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(URL_SUPPRESSION, {"mot_de_passe": "devine"}).status_code == 400

    reponse = client.post(URL_SUPPRESSION, {"mot_de_passe": "devine"})
    assert reponse.status_code == 429
    # Suspendu : même le bon mot de passe ne passe plus.
    assert client.post(URL_SUPPRESSION, {"mot_de_passe": MOT_DE_PASSE}).status_code == 429
    chef.refresh_from_db()
    assert chef.is_active and not chef.est_supprime


def test_l_e_mail_d_un_compte_jamais_utilise_d_un_conseiller_le_dit_sans_parler_d_entreprise(
    il_y_a_trois_ans, aujourd_hui, mailoutbox
):
    conseiller = ConseillerFactory()
    Utilisateur.objects.filter(pk=conseiller.pk).update(
        last_login=None, date_joined=_moment(il_y_a_trois_ans - UN_JOUR)
    )

    (prevenu,) = comptes_inactifs_prevenir(aujourd_hui=aujourd_hui)

    (courriel,) = mailoutbox
    assert prevenu.pk == conseiller.pk
    assert "n'a jamais servi à vous connecter" in courriel.body
    assert "La dernière connexion" not in courriel.body
    assert "votre entreprise" not in courriel.body
