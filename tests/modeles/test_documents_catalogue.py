"""Catalogue des types de documents et sa vérification système."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rh_tpe.modeles.catalogue import RACINE_TYPES, types_documents, verifier_catalogue
from rh_tpe.modeles.checks import problemes_types_documents, verifier_types_documents
from rh_tpe.modeles.pdf import DOSSIER_POLICES, RecuperateurRestreint, RessourceRefusee


def test_le_catalogue_livre_les_trois_types_avec_exemples():
    codes = {t.code for t in types_documents()}
    assert {"cdi", "cdd", "promesse_embauche"} <= codes
    for type_doc in types_documents():
        assert type_doc.version and type_doc.base_legale and type_doc.exemple
        for question in type_doc.questions.values():
            assert question.libelle and question.type


def test_la_verification_systeme_ne_signale_rien_sur_le_catalogue_livre():
    assert verifier_types_documents(None) == []


@pytest.fixture
def catalogue_temporaire(tmp_path: Path) -> Path:
    shutil.copytree(RACINE_TYPES / "promesse_embauche", tmp_path / "offre")
    return tmp_path


def test_un_modele_qui_utilise_une_reponse_non_declaree_est_signale(catalogue_temporaire):
    clauses = catalogue_temporaire / "offre" / "clauses.toml"
    clauses.write_text(
        clauses.read_text(encoding="utf-8").replace("{poste_fonctions}", "{poste_mystere}"),
        encoding="utf-8",
    )
    messages = problemes_types_documents(catalogue_temporaire)
    assert len(messages) == 1
    assert messages[0].id == "modeles.E001"
    assert "poste_mystere" in messages[0].msg and "ne déclare pas" in messages[0].msg


def test_un_type_sans_modele_de_clauses_est_signale(catalogue_temporaire):
    (catalogue_temporaire / "offre" / "clauses.toml").unlink()
    messages = problemes_types_documents(catalogue_temporaire)
    assert [m.id for m in messages] == ["modeles.E001"]
    assert "clauses.toml manquant" in messages[0].msg


def test_une_condition_hors_des_choix_est_signalee(catalogue_temporaire):
    clauses = catalogue_temporaire / "offre" / "clauses.toml"
    clauses.write_text(
        clauses.read_text(encoding="utf-8").replace('type_contrat = "cdd"', 'type_contrat = "x"'),
        encoding="utf-8",
    )
    problemes = [p for e in verifier_catalogue(catalogue_temporaire) for p in e.problemes]
    assert problemes == ["une condition attend type_contrat = 'x', hors des choix"]


def test_un_calcul_inconnu_du_moteur_est_signale(catalogue_temporaire):
    fichier_type = catalogue_temporaire / "offre" / "type.toml"
    texte = fichier_type.read_text(encoding="utf-8")
    fichier_type.write_text(
        texte.replace('calculs = ["', 'calculs = ["age_du_capitaine", "'), encoding="utf-8"
    )
    messages = [m.msg for m in problemes_types_documents(catalogue_temporaire)]
    assert messages == [
        "Type de document « offre » invalide : calcul inconnu du moteur : « age_du_capitaine »"
    ]


def test_une_cle_mal_placee_est_signalee_plutot_qu_ignoree(catalogue_temporaire):
    clauses = catalogue_temporaire / "offre" / "clauses.toml"
    clauses.write_text(
        clauses.read_text(encoding="utf-8") + '\nintroduction_oubliee = "x"\n', encoding="utf-8"
    )
    messages = " ".join(m.msg for m in problemes_types_documents(catalogue_temporaire))
    assert "introduction_oubliee" in messages


@pytest.mark.parametrize("unite", ['"heures"', '["heure"]', '["", "heures"]'])
def test_une_unite_qui_n_est_pas_singulier_et_pluriel_est_signalee(catalogue_temporaire, unite):
    fichier_type = catalogue_temporaire / "offre" / "type.toml"
    texte = fichier_type.read_text(encoding="utf-8")
    fichier_type.write_text(
        texte.replace('unite = ["heure", "heures"]', f"unite = {unite}"), encoding="utf-8"
    )
    problemes = [p for e in verifier_catalogue(catalogue_temporaire) for p in e.problemes]
    assert problemes == [
        "reponses.heures_hebdomadaires : « unite » s'écrit [singulier, pluriel], "
        "pour un nombre ou un entier"
    ]


@pytest.mark.parametrize(
    "url",
    [
        "http://exemple.fr/police.ttf",
        "https://exemple.fr/police.ttf",
        "file:///etc/passwd",
        (DOSSIER_POLICES / ".." / "pdf.css").as_uri(),
        "data:text/plain,bonjour",
    ],
)
def test_le_recuperateur_refuse_le_reseau_et_les_fichiers_hors_des_polices(url):
    with pytest.raises(RessourceRefusee):
        RecuperateurRestreint().fetch(url)


def test_le_recuperateur_sert_les_polices_du_projet():
    reponse = RecuperateurRestreint().fetch(
        (DOSSIER_POLICES / "LiberationSerif-Regular.ttf").as_uri()
    )
    try:
        assert reponse.read(4) == b"\x00\x01\x00\x00"
    finally:
        reponse.close()
