"""`manage.py generer_document` : exemple, fichier JSON, erreurs en français."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command


def test_la_commande_produit_le_pdf_et_le_docx_de_l_exemple(tmp_path: Path):
    sortie = io.StringIO()
    call_command("generer_document", "cdd", "--exemple", "--sortie", str(tmp_path), stdout=sortie)
    chemins = [Path(ligne) for ligne in sortie.getvalue().split()]
    assert [c.suffix for c in chemins] == [".pdf", ".docx"]
    assert chemins[0].read_bytes().startswith(b"%PDF")
    assert chemins[1].read_bytes().startswith(b"PK")


def test_la_commande_lit_les_reponses_d_un_fichier_json(tmp_path: Path):
    from rh_tpe.modeles.catalogue import type_document

    reponses = {**type_document("cdi").exemple, "salarie_nom": "Lafon"}
    donnees = tmp_path / "reponses.json"
    donnees.write_text(json.dumps(reponses), encoding="utf-8")
    sortie = io.StringIO()
    call_command(
        "generer_document",
        "cdi",
        "--donnees",
        str(donnees),
        "--sortie",
        str(tmp_path),
        stdout=sortie,
    )
    assert "cdi-lafon-marie.pdf" in sortie.getvalue()


@pytest.mark.parametrize(
    ("arguments", "contenu", "message"),
    [
        (["inconnu", "--exemple"], None, "Type de document inconnu"),
        (["cdi", "--donnees", "{fichier}"], "pas du json", "n'est pas un JSON valide"),
        (["cdi", "--donnees", "{fichier}"], "[1, 2]", "doit contenir un objet JSON"),
        (["cdi", "--donnees", "{fichier}"], '{"salarie_nom": 3}', "Réponses invalides"),
        (["cdi", "--donnees", "{absent}"], None, "Impossible de lire"),
    ],
)
def test_une_mauvaise_entree_donne_une_erreur_claire(tmp_path, arguments, contenu, message):
    fichier = tmp_path / "reponses.json"
    if contenu is not None:
        fichier.write_text(contenu, encoding="utf-8")
    arguments = [a.format(fichier=fichier, absent=tmp_path / "absent.json") for a in arguments]
    with pytest.raises(CommandError, match=message):
        call_command("generer_document", *arguments, "--sortie", str(tmp_path))


def test_un_contrat_hors_la_loi_est_refuse_avec_l_article(tmp_path: Path):
    from rh_tpe.modeles.catalogue import type_document

    reponses = {**type_document("cdi").exemple, "periode_essai": "6 mois"}
    donnees = tmp_path / "reponses.json"
    donnees.write_text(json.dumps(reponses), encoding="utf-8")
    with pytest.raises(CommandError, match="L1221-19"):
        call_command(
            "generer_document", "cdi", "--donnees", str(donnees), "--sortie", str(tmp_path)
        )
