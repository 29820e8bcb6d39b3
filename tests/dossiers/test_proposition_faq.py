"""« Proposer pour la FAQ » : qui peut, ce qui est refusé, le brouillon créé dans Wagtail."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from rh_tpe.dossiers import services
from rh_tpe.dossiers.models import Dossier, Message
from rh_tpe.faq.models import FaqArticlePage
from tests.dossiers.factories import DossierFactory, organisation
from tests.outils import texte

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
QUESTION = "Combien de jours de congés payés un salarié acquiert-il par mois ?"
REPONSE = "Deux jours et demi ouvrables par mois de travail effectif. Voir L3141-3."


@pytest.fixture
def dossier(gens):
    """Une question de l'entreprise A sur les congés, à la DREETS, à laquelle Sophie a répondu."""
    dossier = services.dossier_creer(auteur=gens.chef_a, theme="conges", question=QUESTION)
    services.dossier_prendre(dossier=dossier, conseiller=gens.dreets)
    dossier.refresh_from_db()
    services.reponse_envoyer(dossier=dossier, conseiller=gens.dreets, texte=REPONSE)
    return dossier


def _donnees(question=QUESTION, reponse=REPONSE):
    return {"faq-question": question, "faq-reponse": reponse}


def _proposer(client, utilisateur, dossier, **donnees):
    if utilisateur is not None:
        client.force_login(utilisateur)
    return client.post(reverse("dossiers:proposer_faq", args=[dossier.pk]), _donnees(**donnees))


# Ce que chaque rôle obtient en proposant le dossier (DREETS) de l'entreprise A.
ATTENDU = {
    "anonyme": 302,  # vers la connexion
    "chef_a": 403,  # voit le dossier mais n'est pas conseiller
    "chef_b": 404,
    "cci": 404,  # ne voit pas un dossier de la DREETS
    "dreets": 302,
    "dreets2": 302,  # tout conseiller qui voit le dossier, pas seulement celui qui le suit
    "editeur": 404,
    "admin": 404,
}


@pytest.mark.parametrize("role", list(ATTENDU))
def test_proposer_pour_la_faq_par_role(client, gens, dossier, role):
    utilisateur = None if role == "anonyme" else getattr(gens, role)

    reponse = _proposer(client, utilisateur, dossier)

    assert reponse.status_code == ATTENDU[role]
    cree = FaqArticlePage.objects.filter(title=QUESTION).exists()
    assert cree == (ATTENDU[role] == 302 and role != "anonyme")
    if role == "anonyme":
        assert reponse.url.startswith(reverse("comptes:connexion"))
    elif cree:
        assert reponse.url == reverse("dossiers:detail", args=[dossier.pk])


def test_l_autre_organisation_propose_apres_le_transfert_et_l_ancienne_aussi(client, gens, dossier):
    services.dossier_transferer(dossier=dossier, conseiller=gens.dreets, motif="Aides")

    assert _proposer(client, gens.cci, dossier).status_code == 302
    assert FaqArticlePage.objects.filter(title=QUESTION).count() == 1
    # L'historique de la DREETS le montre déjà proposé : pas de second brouillon.
    assert _proposer(client, gens.dreets, dossier).status_code == 302
    assert FaqArticlePage.objects.filter(title=QUESTION).count() == 1


def test_la_proposition_est_refusee_en_get(client, gens, dossier):
    client.force_login(gens.dreets)

    assert client.get(reverse("dossiers:proposer_faq", args=[dossier.pk])).status_code == 405


def test_le_brouillon_est_cree_non_publie_sous_le_bon_theme(client, gens, dossier):
    # Sophie relit aussi la FAQ (groupe « Relecteurs juridiques ») : elle a accès à
    # l'administration Wagtail.
    gens.dreets.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    reponse = _proposer(client, gens.dreets, dossier)

    article = FaqArticlePage.objects.get(title=QUESTION)
    assert not article.live
    assert article.get_parent().slug == "conges"
    assert article.latest_revision.user == gens.dreets
    dossier.refresh_from_db()
    assert dossier.article_faq == article and dossier.propose_faq_le is not None
    # Un événement interne dans l'historique ; l'entreprise ne le voit pas.
    evenement = dossier.messages.get(genre=Message.Genre.EVENEMENT, texte__contains="FAQ")
    assert evenement.interne
    # Le message de succès mène au brouillon dans l'administration Wagtail.
    page = client.get(reponse.url)
    url_admin = reverse("wagtailadmin_pages:edit", args=[article.pk])
    assert f'href="{url_admin}"' in page.content.decode()
    assert "attend un éditeur de la FAQ" in texte(page)
    client.force_login(gens.chef_a)
    vu_par_l_entreprise = texte(client.get(reponse.url))
    assert "proposé ce dossier pour la FAQ" not in vu_par_l_entreprise
    assert url_admin not in vu_par_l_entreprise


def test_sans_acces_a_l_administration_le_conseiller_n_a_pas_de_lien_vers_le_brouillon(
    client, gens, dossier
):
    services.dossier_transferer(dossier=dossier, conseiller=gens.dreets, motif="Aides")
    assert not gens.cci.has_perm("wagtailadmin.access_admin")

    reponse = _proposer(client, gens.cci, dossier)

    article = FaqArticlePage.objects.get(title=QUESTION)
    page = client.get(reponse.url)
    assert "attend un éditeur de la FAQ, qui le relira avant publication." in texte(page)
    assert reverse("wagtailadmin_pages:edit", args=[article.pk]) not in page.content.decode()


@pytest.mark.parametrize(
    ("theme", "slug"),
    [
        ("embauche", "embauche-et-contrat"),
        ("contrat", "embauche-et-contrat"),
        ("duree_travail", "duree-du-travail"),
        ("remuneration", "salaire"),
        ("maladie", "maladie-et-absences"),
        ("rupture", "rupture-du-contrat"),
        ("aides_recrutement", "aides-et-recrutement"),
        ("autre", "embauche-et-contrat"),  # thème par défaut : l'éditeur le déplace
    ],
)
def test_chaque_theme_de_dossier_a_son_theme_de_faq(gens, theme, slug):
    dossier = DossierFactory(auteur=gens.chef_a, theme=theme, organisation=organisation("cci"))
    Message.objects.create(
        dossier=dossier, auteur=gens.cci, genre=Message.Genre.REPONSE, texte=REPONSE
    )

    article = services.dossier_proposer_pour_faq(
        dossier=dossier, conseiller=gens.cci, question_reformulee=QUESTION, reponse=REPONSE
    )

    assert article.get_parent().slug == slug


def test_proposer_deux_fois_est_refuse(client, gens, dossier):
    _proposer(client, gens.dreets, dossier)

    reponse = _proposer(client, gens.dreets2, dossier, question="Autre formulation ?")

    assert reponse.status_code == 302
    assert "déjà été proposé pour la FAQ" in texte(client.get(reponse.url))
    assert (
        FaqArticlePage.objects.count()
        == FaqArticlePage.objects.exclude(title="Autre formulation ?").count()
    )
    with pytest.raises(services.ActionRefusee, match="déjà été proposé"):
        services.dossier_proposer_pour_faq(
            dossier=dossier, conseiller=gens.dreets, question_reformulee="?", reponse="."
        )


def test_un_dossier_sans_reponse_publique_ne_se_propose_pas(client, gens):
    dossier = DossierFactory(auteur=gens.chef_a, conseiller=gens.dreets, statut="en_cours")
    services.note_ecrire(dossier=dossier, conseiller=gens.dreets, texte="Note interne")
    client.force_login(gens.dreets)

    page = texte(client.get(reverse("dossiers:detail", args=[dossier.pk])))
    reponse = _proposer(client, gens.dreets, dossier)

    assert "Proposer pour la FAQ" not in page
    assert "qui a reçu une réponse" in texte(client.get(reponse.url))
    assert not FaqArticlePage.objects.filter(title=QUESTION).exists()


def test_le_formulaire_est_prerempli_avec_la_question_et_la_derniere_reponse(client, gens, dossier):
    services.reponse_envoyer(dossier=dossier, conseiller=gens.dreets, texte="Réponse complétée.")
    client.force_login(gens.dreets2)

    page = texte(client.get(reverse("dossiers:detail", args=[dossier.pk])))

    assert "Proposer pour la FAQ" in page
    assert QUESTION in page and "Réponse complétée." in page
    assert "Retirez toute donnée personnelle" in page
    client.force_login(gens.chef_a)
    assert "Proposer pour la FAQ" not in texte(
        client.get(reverse("dossiers:detail", args=[dossier.pk]))
    )


@pytest.mark.parametrize(
    ("champ", "ajout", "message"),
    [
        ("question", "Pour la Boulangerie A, ", "la raison sociale"),
        ("reponse", "Bonjour Madame {nom}, ", "le nom du chef d'entreprise"),
        ("reponse", "Écrivez à {email}.", "l'adresse e-mail du chef d'entreprise"),
        ("reponse", "SIRET {siret}.", "le SIRET ou le SIREN"),
        ("question", "SIREN {siren} : ", "le SIRET ou le SIREN"),
        ("reponse", "Salarié 1 85 05 78 006 084 36.", "un numéro de sécurité sociale"),
    ],
)
def test_les_donnees_personnelles_sont_refusees_sans_perdre_la_saisie(
    client, gens, dossier, champ, ajout, message
):
    chef = gens.chef_a
    ajout = ajout.format(
        nom=chef.last_name,
        email=chef.email,
        siret=" ".join([chef.entreprise.siret[:3], chef.entreprise.siret[3:]]),
        siren=chef.entreprise.siret[:9],
    )
    donnees = {"question": QUESTION, "reponse": REPONSE}
    donnees[champ] = ajout + donnees[champ]

    reponse = _proposer(client, gens.dreets, dossier, **donnees)

    contenu = texte(reponse)
    assert reponse.status_code == 400
    assert message in contenu and "sera public" in contenu
    assert f'aria-describedby="id_faq-{champ}-desc-error"' in reponse.content.decode()
    assert ajout.strip() in contenu  # la saisie est gardée
    assert not FaqArticlePage.objects.filter(title__contains="Combien").exists()
    dossier.refresh_from_db()
    assert dossier.propose_faq_le is None


def test_le_service_refuse_aussi_les_donnees_personnelles(gens, dossier):
    with pytest.raises(services.ActionRefusee, match="raison sociale"):
        services.dossier_proposer_pour_faq(
            dossier=dossier,
            conseiller=gens.dreets,
            question_reformulee="La boulangerie a peut-elle… ?",
            reponse=REPONSE,
        )
    assert not Dossier.objects.filter(propose_faq_le__isnull=False).exists()


def test_un_mot_qui_contient_le_nom_n_est_pas_refuse(gens, dossier):
    gens.chef_a.last_name = "Mars"
    gens.chef_a.save()

    trouvees = services.donnees_personnelles(
        dossier=dossier, texte="Le 1er marsouin de l'année : que dit la loi ?"
    )

    assert trouvees == []


def test_le_texte_propose_est_echappe_dans_le_brouillon(client, gens, dossier):
    _proposer(client, gens.dreets, dossier, question=f"Question {SCRIPT} ?", reponse=SCRIPT)

    article = FaqArticlePage.objects.get(title=f"Question {SCRIPT} ?")
    (bloc,) = article.corps
    assert "<script" not in bloc.value.source
    assert "&lt;script&gt;" in bloc.value.source
    page = client.get(reverse("dossiers:detail", args=[dossier.pk])).content.decode()
    assert SCRIPT not in page
