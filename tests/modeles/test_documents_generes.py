"""Le document généré : réponses figées, fichiers privés, empreintes, téléchargement contrôlé."""

import hashlib

import pytest
from django.urls import reverse

from rh_tpe.comptes.models import Organisation
from rh_tpe.modeles.catalogue import type_document
from rh_tpe.modeles.composition import RefusJuridique
from rh_tpe.modeles.models import DocumentGenere
from rh_tpe.modeles.services import (
    RenduNonReproductible,
    document_generer,
    document_rendre_a_nouveau,
)
from tests.factories import (
    AdministrateurFactory,
    ChefEntrepriseFactory,
    ConseillerFactory,
    EditeurFactory,
)
from tests.modeles.test_documents_rendu import normaliser, texte_docx, texte_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def chef():
    return ChefEntrepriseFactory()


@pytest.fixture
def document(chef):
    return document_generer(
        entreprise=chef.entreprise,
        auteur=chef,
        type_code="cdi",
        reponses=type_document("cdi").exemple,
    )


def telecharger(client, document, format):
    reponse = client.get(reverse("modeles:telecharger", args=[document.uuid, format]))
    # Lire tout le flux suffit : le client de test ferme alors la réponse (et le fichier) sans
    # fermer la connexion à la base, ce que ferait un `reponse.close()` explicite sur PostgreSQL.
    contenu = b"".join(reponse.streaming_content) if reponse.streaming else reponse.content
    return reponse, contenu


def test_le_document_fige_ce_qui_l_a_produit(document, chef):
    assert document.type_code == "cdi"
    assert document.type_version == type_document("cdi").version
    assert document.entreprise == chef.entreprise
    assert document.cree_par == chef
    assert document.versions["type_document"] == f"cdi@{document.type_version}"
    assert any(cle.startswith("smic_horaire") for cle in document.versions.values()) or any(
        "smic" in cle for cle in document.versions
    )
    assert "periode_essai_maximale" in document.valeurs_calculees
    assert document.reponses["salarie_nom"] == type_document("cdi").exemple["salarie_nom"]


def test_les_empreintes_sont_celles_des_fichiers_enregistres(document):
    with document.fichier_pdf.open("rb") as fichier:
        pdf = fichier.read()
    with document.fichier_docx.open("rb") as fichier:
        docx = fichier.read()

    assert pdf.startswith(b"%PDF")
    assert hashlib.sha256(pdf).hexdigest() == document.sha256_pdf
    assert hashlib.sha256(docx).hexdigest() == document.sha256_docx


def test_rendre_de_nouveau_l_enregistrement_redonne_les_memes_octets(document):
    document = DocumentGenere.objects.get(pk=document.pk)

    pdf, docx = document_rendre_a_nouveau(document=document)

    assert hashlib.sha256(pdf).hexdigest() == document.sha256_pdf
    assert hashlib.sha256(docx).hexdigest() == document.sha256_docx


def test_un_document_d_une_ancienne_version_du_modele_n_est_pas_rendu_autrement(document):
    """Les clauses d'une version ancienne ne sont pas gardées : plutôt qu'un texte différent
    sous le même nom, un refus qui renvoie aux fichiers d'origine."""
    actuelle = document.type_version
    DocumentGenere.objects.filter(pk=document.pk).update(type_version="2025.1")
    document = DocumentGenere.objects.get(pk=document.pk)

    with pytest.raises(RenduNonReproductible) as refus:
        document_rendre_a_nouveau(document=document)

    assert str(refus.value) == (
        "Ce document a été produit avec la version 2025.1 du modèle « cdi », la version "
        f"actuelle est la {actuelle} : ses fichiers d'origine, vérifiés par leur empreinte "
        "SHA-256, font foi."
    )


def test_un_document_dont_les_valeurs_legales_ont_change_n_est_pas_rendu_autrement(document):
    valeurs = {**document.valeurs_calculees, "smic_mensuel_applicable": "1 766,92 €"}
    DocumentGenere.objects.filter(pk=document.pk).update(valeurs_calculees=valeurs)
    document = DocumentGenere.objects.get(pk=document.pk)

    with pytest.raises(RenduNonReproductible, match=r"\(smic_mensuel_applicable\)"):
        document_rendre_a_nouveau(document=document)


def test_une_reponse_hors_la_loi_n_enregistre_rien(chef):
    reponses = {**type_document("cdi").exemple, "periode_essai": "9 mois"}

    with pytest.raises(RefusJuridique) as refus:
        document_generer(
            entreprise=chef.entreprise, auteur=chef, type_code="cdi", reponses=reponses
        )

    assert refus.value.article
    assert not DocumentGenere.objects.exists()


@pytest.mark.parametrize("format", ["pdf", "docx"])
def test_le_chef_telecharge_les_documents_de_son_entreprise(client, document, chef, format):
    client.force_login(chef)

    reponse, contenu = telecharger(client, document, format)

    assert reponse.status_code == 200
    assert hashlib.sha256(contenu).hexdigest() == getattr(document, f"sha256_{format}")
    assert reponse["Content-Disposition"].startswith("attachment;")
    assert reponse["Cache-Control"] == "private, no-store"


def test_le_pdf_et_le_docx_telecharges_disent_les_memes_mots(client, document, chef):
    client.force_login(chef)

    _, pdf = telecharger(client, document, "pdf")
    _, docx = telecharger(client, document, "docx")

    assert normaliser(texte_pdf(pdf)) == normaliser(texte_docx(docx))
    assert document.reponses["salarie_nom"] in texte_docx(docx)


@pytest.mark.parametrize(
    "fabrique",
    [ChefEntrepriseFactory, ConseillerFactory, EditeurFactory],
    ids=["chef d'une autre entreprise", "conseiller", "éditeur"],
)
def test_personne_d_autre_ne_telecharge_le_document(client, document, fabrique):
    client.force_login(fabrique())

    for format in ("pdf", "docx"):
        assert (
            client.get(reverse("modeles:telecharger", args=[document.uuid, format])).status_code
            == 404
        )


def test_l_administrateur_peut_telecharger(client, document):
    client.force_login(AdministrateurFactory())

    reponse, contenu = telecharger(client, document, "pdf")

    assert reponse.status_code == 200
    assert contenu.startswith(b"%PDF")


def test_un_anonyme_est_renvoye_vers_la_connexion(client, document):
    reponse = client.get(reverse("modeles:telecharger", args=[document.uuid, "pdf"]))

    assert reponse.status_code == 302
    assert reponse.url.startswith(reverse("comptes:connexion"))


def test_un_format_ou_un_identifiant_inconnu_donne_404(client, document, chef):
    client.force_login(chef)

    assert (
        client.get(reverse("modeles:telecharger", args=[document.uuid, "exe"])).status_code == 404
    )
    assert client.get(f"/documents-generes/{document.pk}/pdf/").status_code == 404
    assert (
        client.get(
            reverse("modeles:telecharger", args=["00000000-0000-0000-0000-000000000000", "pdf"])
        ).status_code
        == 404
    )


def test_un_conseiller_ne_voit_que_le_document_joint_a_un_dossier_de_son_organisation(
    client, document, chef
):
    from rh_tpe.dossiers.services import dossier_creer

    autre_document = document_generer(
        entreprise=chef.entreprise,
        auteur=chef,
        type_code="promesse_embauche",
        reponses=type_document("promesse_embauche").exemple,
    )
    dossier_creer(
        auteur=chef, theme="contrat", question="Ce contrat est-il correct ?", document=document
    )
    conseiller = ConseillerFactory(organisation=Organisation.objects.get(code="dreets"))
    client.force_login(conseiller)

    assert telecharger(client, document, "pdf")[0].status_code == 200
    assert telecharger(client, autre_document, "pdf")[0].status_code == 404
    client.force_login(ConseillerFactory(organisation=Organisation.objects.get(code="cci")))
    assert telecharger(client, document, "pdf")[0].status_code == 404
