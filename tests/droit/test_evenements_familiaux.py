"""Congés pour événements familiaux : L3142-4 (jours ouvrables, minimums légaux)."""

import pytest

from rh_tpe.droit import ErreurDroit, conge_evenement_familial, regle


@pytest.mark.parametrize(
    ("evenement", "jours"),
    [
        ("mariage_pacs", 4),
        ("mariage_enfant", 1),
        ("naissance", 3),
        ("adoption", 3),
        ("deces_conjoint_parent_fratrie", 3),
        ("annonce_handicap_enfant", 5),
    ],
)
def test_durees_minimales(evenement, jours) -> None:
    assert conge_evenement_familial(evenement) == jours


def test_deces_d_un_enfant_selon_son_age() -> None:
    assert conge_evenement_familial("deces_enfant", age_defunt=24) == 14
    assert conge_evenement_familial("deces_enfant", age_defunt=25) == 12
    assert (
        conge_evenement_familial("deces_enfant", age_defunt=40, defunt_lui_meme_parent=True) == 14
    )
    assert conge_evenement_familial("deces_personne_a_charge", age_defunt=20) == 14
    with pytest.raises(ErreurDroit):
        conge_evenement_familial("deces_enfant")
    with pytest.raises(ErreurDroit):
        conge_evenement_familial("deces_personne_a_charge", age_defunt=30)


def test_jours_ouvrables_et_article() -> None:
    mariage = regle("conges.evenements_familiaux.mariage_pacs")
    assert (mariage.unite, mariage.article, mariage.legiarti) == (
        "jours ouvrables",
        "L3142-4 1°",
        "LEGIARTI000047864715",
    )
