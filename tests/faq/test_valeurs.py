"""Les valeurs légales des articles viennent de rh_tpe.droit au moment de l'affichage."""

from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError

from rh_tpe import droit
from rh_tpe.faq import valeurs
from rh_tpe.faq.blocks import ParagrapheBlock, lien_legifrance
from tests.faq.conftest import creer_article
from tests.outils import texte


def _euros(montant) -> str:
    return valeurs._euros(montant)


def test_le_smic_affiche_suit_le_bareme_du_jour():
    veille, jour = date(2026, 5, 31), date(2026, 6, 1)

    avant = valeurs.remplacer("[[smic_horaire]]", veille)
    apres = valeurs.remplacer("[[smic_horaire]]", jour)

    assert avant == _euros(droit.smic_horaire(veille))
    assert apres == _euros(droit.smic_horaire(jour))
    assert avant != apres


def test_une_regle_s_affiche_avec_son_unite():
    assert valeurs.remplacer("[[regle:cdd.duree_maximale.general]]", date(2026, 11, 1)) == (
        f"{droit.regle('cdd.duree_maximale.general').entier}\u00a0mois"
    )
    assert valeurs.remplacer("[[regle:cdd.indemnite_fin_contrat.taux]]", date(2026, 11, 1)) == (
        f"{int(droit.regle('cdd.indemnite_fin_contrat.taux').valeur * 100)}\u00a0%"
    )


def test_un_jeton_inconnu_est_refuse_a_la_saisie_et_prudent_a_l_affichage():
    assert valeurs.jetons_invalides("[[smic_horaire]] [[inconnu]] [[regle:pas.une.regle]]") == [
        "[[inconnu]]",
        "[[regle:pas.une.regle]]",
    ]
    assert "valeur légale à vérifier" in valeurs.remplacer("[[inconnu]]", date(2026, 11, 1))
    with pytest.raises(ValidationError):
        ParagrapheBlock().clean(ParagrapheBlock().to_python("<p>[[smic_horair]]</p>"))


def test_une_date_hors_bareme_n_affiche_pas_d_erreur():
    assert "valeur légale à vérifier" in valeurs.remplacer("[[smic_horaire]]", date(1990, 1, 1))


def test_les_baremes_cites_sont_reperes():
    assert valeurs.baremes_cites("[[smic_mensuel]] et [[pmss]] [[regle:cdd.x]]") == {
        "smic_horaire",
        "plafond_mensuel_securite_sociale",
    }


def test_un_nouveau_smic_met_a_jour_l_article_affiche(client, theme, monkeypatch):
    article = creer_article(
        theme, titre="Quel est le montant du SMIC ?", en_bref="[[smic_horaire]]"
    )

    for jour in (date(2026, 5, 31), date(2026, 6, 1)):
        monkeypatch.setattr("django.utils.timezone.localdate", lambda jour=jour: jour)
        page = texte(client.get(article.url))
        attendu = _euros(droit.smic_horaire(jour))
        assert page.count(attendu) >= 2  # « En bref » et le paragraphe
        assert "[[" not in page


def test_le_lien_de_recherche_legifrance_encode_le_numero_saisi():
    lien = lien_legifrance("L 1221-19&searchField=ALL#x")

    requete = parse_qs(urlsplit(lien).query)
    assert requete["query"] == ["L1221-19&searchField=ALL#x"]
    assert requete["searchField"] == ["NUM_ARTICLE"]
    assert lien_legifrance("L1221-19", "LEGIARTI000006901204").endswith("/LEGIARTI000006901204")
