"""Qui voit quoi : chaque URL du guichet, pour chaque rôle, et les identifiants devinés."""

import pytest
from django.urls import reverse

from rh_tpe.comptes import visibilite
from rh_tpe.dossiers import services
from rh_tpe.dossiers.models import Message
from tests.dossiers.factories import DossierFactory, organisation
from tests.dossiers.outils import lire_jusqu_au_bout, pdf

pytestmark = pytest.mark.django_db

ROLES = ["anonyme", "chef_a", "chef_b", "cci", "dreets", "dreets2", "editeur", "admin"]


@pytest.fixture
def monde(gens):
    """Un dossier de l'entreprise A à la DREETS, pris par Sophie, avec une pièce de
    l'entreprise, une réponse écrite et une note interne avec sa pièce."""
    dossier = services.dossier_creer(
        auteur=gens.chef_a, theme="contrat", question="Question A", pieces=[pdf()]
    )
    services.dossier_prendre(dossier=dossier, conseiller=gens.dreets)
    dossier.refresh_from_db()
    reponse = services.reponse_envoyer(dossier=dossier, conseiller=gens.dreets, texte="Réponse")
    note = services.note_ecrire(dossier=dossier, conseiller=gens.dreets, texte="Note interne")
    piece_note = services.piece_ajouter(
        dossier=dossier, par=gens.dreets, fichier=pdf("interne.pdf"), message=note
    )
    return {
        "dossier": dossier,
        "piece": dossier.pieces.get(message__isnull=True),
        "piece_note": piece_note,
        "reponse": reponse,
    }


def _client(client, gens, role):
    if role != "anonyme":
        client.force_login(getattr(gens, role))
    return client


def _urls_du_dossier(m):
    d = m["dossier"].pk
    return {
        "detail": ("get", reverse("dossiers:detail", args=[d])),
        "piece": ("get", reverse("dossiers:piece", args=[d, m["piece"].pk])),
        "reponse_ecrite": (
            "get",
            reverse("dossiers:reponse_ecrite", args=[d, m["reponse"].pk]),
        ),
    }


# Ce que chaque rôle obtient sur les pages du dossier de l'entreprise A (DREETS).
ATTENDU_DOSSIER = {
    "anonyme": 302,
    "chef_a": 200,
    "chef_b": 404,
    "cci": 404,
    "dreets": 200,
    "dreets2": 200,
    "editeur": 404,
    "admin": 404,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("quoi", ["detail", "piece", "reponse_ecrite"])
def test_pages_du_dossier_par_role(client, gens, monde, role, quoi):
    methode, url = _urls_du_dossier(monde)[quoi]

    reponse = lire_jusqu_au_bout(getattr(_client(client, gens, role), methode)(url))

    assert reponse.status_code == ATTENDU_DOSSIER[role]
    if role == "anonyme":
        assert reponse.url.startswith(reverse("comptes:connexion"))


ACTIONS = [
    "prendre",
    "ecrire",
    "note",
    "demander",
    "transferer",
    "clore",
    "rouvrir",
    "evaluer",
    "joindre",
    "proposer_faq",
]


@pytest.mark.parametrize("role", ["anonyme", "chef_b", "cci", "editeur", "admin"])
@pytest.mark.parametrize("action", ACTIONS)
def test_les_actions_sur_le_dossier_d_un_autre_repondent_404(client, gens, monde, role, action):
    dossier = monde["dossier"]
    avant = dossier.messages.count()

    reponse = _client(client, gens, role).post(
        reverse(f"dossiers:{action}", args=[dossier.pk]),
        {
            "message-texte": "intrusion",
            "reponse-texte": "intrusion",
            "note-texte": "intrusion",
            "demande-texte": "intrusion",
            "transfert-motif": "x",
            "cloture-resolution": "x",
            "evaluation-note": "1",
            "faq-question": "intrusion ?",
            "faq-reponse": "intrusion",
        },
    )

    assert reponse.status_code == (302 if role == "anonyme" else 404)
    assert dossier.messages.count() == avant


@pytest.mark.parametrize(
    ("role", "transfere"),
    [("dreets", False), ("dreets2", False), ("dreets", True), ("cci", True)],
)
def test_un_conseiller_ne_depose_pas_de_fichier_pour_l_entreprise_hors_de_ses_messages(
    client, gens, monde, role, transfere
):
    """Même celui qui suit le dossier : ses fichiers accompagnent une réponse, une demande ou une
    note. Après un transfert, l'organisation d'origine voit encore le dossier, sans y agir."""
    dossier = monde["dossier"]
    if transfere:
        services.dossier_transferer(dossier=dossier, conseiller=gens.dreets, motif="Aide pratique")
    avant = dossier.pieces.count()
    client.force_login(getattr(gens, role))

    reponse = client.post(reverse("dossiers:joindre", args=[dossier.pk]), {"pieces-pieces": pdf()})

    assert reponse.status_code == 403
    assert dossier.pieces.count() == avant


def test_le_chef_d_entreprise_ajoute_un_fichier_a_son_dossier(client, gens, monde):
    dossier = monde["dossier"]
    avant = dossier.pieces.count()
    client.force_login(gens.chef_a)

    reponse = client.post(reverse("dossiers:joindre", args=[dossier.pk]), {"pieces-pieces": pdf()})

    assert reponse.status_code == 302
    assert dossier.pieces.count() == avant + 1


@pytest.mark.parametrize("action", ACTIONS)
def test_les_actions_refusent_le_get(client, gens, monde, action):
    client.force_login(gens.dreets)

    reponse = client.get(reverse(f"dossiers:{action}", args=[monde["dossier"].pk]))

    assert reponse.status_code == 405


@pytest.mark.parametrize(
    ("role", "liste", "nouveau", "statistiques"),
    [
        ("anonyme", 302, 302, 302),
        ("chef_a", 200, 200, 403),
        ("chef_b", 200, 200, 403),
        ("cci", 200, 403, 200),
        ("dreets", 200, 403, 200),
        ("editeur", 403, 403, 403),
        ("admin", 403, 403, 403),
    ],
)
def test_pages_generales_par_role(client, gens, role, liste, nouveau, statistiques):
    c = _client(client, gens, role)

    assert c.get(reverse("dossiers:liste")).status_code == liste
    assert c.get(reverse("dossiers:nouveau")).status_code == nouveau
    assert c.get(reverse("dossiers:statistiques")).status_code == statistiques


def test_deviner_l_identifiant_d_un_autre_dossier_donne_404(client, gens, monde):
    autre = DossierFactory(auteur=gens.chef_b)
    client.force_login(gens.chef_a)

    assert client.get(reverse("dossiers:detail", args=[autre.pk])).status_code == 404
    assert client.get(reverse("dossiers:detail", args=[autre.pk + 1000])).status_code == 404
    assert client.get(f"/dossiers/{10**30}/").status_code == 404
    # La pièce d'un dossier, demandée à travers un autre dossier visible.
    mien = DossierFactory(auteur=gens.chef_a)
    url = reverse("dossiers:piece", args=[mien.pk, monde["piece"].pk])
    assert client.get(url).status_code == 404


def test_la_liste_de_l_entreprise_ne_montre_que_ses_dossiers(client, gens, monde):
    DossierFactory(auteur=gens.chef_b, question="Question du garage B")
    client.force_login(gens.chef_a)

    contenu = client.get(reverse("dossiers:liste")).content.decode()

    assert f"Dossier n° {monde['dossier'].pk}" in contenu
    assert "Garage B" not in contenu


def test_l_entreprise_ne_voit_ni_les_notes_internes_ni_leurs_pieces(client, gens, monde):
    client.force_login(gens.chef_a)

    contenu = client.get(reverse("dossiers:detail", args=[monde["dossier"].pk])).content.decode()
    url_piece_note = reverse("dossiers:piece", args=[monde["dossier"].pk, monde["piece_note"].pk])

    assert "Note interne" not in contenu
    assert "interne.pdf" not in contenu
    assert client.get(url_piece_note).status_code == 404
    client.force_login(gens.dreets2)
    assert (
        "Note interne"
        in client.get(reverse("dossiers:detail", args=[monde["dossier"].pk])).content.decode()
    )
    reponse = lire_jusqu_au_bout(client.get(url_piece_note))
    assert reponse.status_code == 200


def test_une_note_interne_est_lue_par_l_autre_organisation_apres_transfert(client, gens, monde):
    dossier = monde["dossier"]
    services.dossier_transferer(dossier=dossier, conseiller=gens.dreets, motif="Aides")
    client.force_login(gens.cci)

    contenu = client.get(reverse("dossiers:detail", args=[dossier.pk])).content.decode()

    assert "Note interne" in contenu and "Aides" in contenu


def test_la_file_ne_montre_que_l_organisation_et_ses_transferts(client, gens):
    a_la_cci = DossierFactory(
        auteur=gens.chef_a, organisation=organisation("cci"), question="Question pour la CCI"
    )
    a_la_dreets = DossierFactory(auteur=gens.chef_b, question="Question pour la DREETS")
    client.force_login(gens.cci)

    contenu = client.get(reverse("dossiers:liste")).content.decode()

    assert "Question pour la CCI" in contenu
    assert "Question pour la DREETS" not in contenu
    assert a_la_dreets.pk != a_la_cci.pk


def test_un_conseiller_voit_les_entreprises_de_ses_dossiers_seulement(gens, monde):
    assert list(visibilite.entreprises_visibles(gens.dreets)) == [gens.chef_a.entreprise]
    assert not visibilite.entreprises_visibles(gens.cci).exists()
    services.dossier_transferer(dossier=monde["dossier"], conseiller=gens.dreets, motif="CCI")
    # Après le transfert, les deux organisations la voient (l'une traite, l'autre a traité).
    assert list(visibilite.entreprises_visibles(gens.cci)) == [gens.chef_a.entreprise]
    assert list(visibilite.entreprises_visibles(gens.dreets)) == [gens.chef_a.entreprise]
    assert not visibilite.dossiers_visibles(gens.editeur).exists()
    assert not visibilite.dossiers_visibles(gens.admin).exists()


def test_un_compte_desactive_ne_voit_plus_rien(client, gens, monde):
    gens.dreets.is_active = False
    gens.dreets.save()

    assert not visibilite.dossiers_visibles(gens.dreets).exists()


def test_la_reponse_ecrite_n_existe_que_pour_une_reponse_de_la_dreets(client, gens, monde):
    dossier = monde["dossier"]
    note = dossier.messages.get(genre=Message.Genre.NOTE)
    client.force_login(gens.dreets)

    assert (
        client.get(reverse("dossiers:reponse_ecrite", args=[dossier.pk, note.pk])).status_code
        == 404
    )
