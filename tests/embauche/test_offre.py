"""L'offre de contrat (promesse d'embauche), préparée au récapitulatif du parcours avant le
contrat : produite en PDF et en DOCX, gardée avec le brouillon, reprise par l'embauche, supprimée
avec le brouillon abandonné."""

import datetime
import io
from decimal import ROUND_CEILING, Decimal
from pathlib import Path

import docx
import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from rh_tpe import droit
from rh_tpe.embauche import services
from rh_tpe.embauche.models import BrouillonEmbauche, Embauche
from rh_tpe.modeles.composition import date_en_francais
from rh_tpe.modeles.models import DocumentGenere
from tests.embauche.conftest import DEBUT
from tests.embauche.test_liens_faq import _conteneur_d_erreur
from tests.embauche.test_parcours import _cdd_temps_partiel
from tests.factories import ChefEntrepriseFactory
from tests.modeles.test_documents_generes import telecharger
from tests.outils import texte

pytestmark = pytest.mark.django_db

DATE_LIMITE = DEBUT - datetime.timedelta(days=10)


def _demander_l_offre(parcours, reponses, date_limite: datetime.date | None = DATE_LIMITE, **offre):
    """Remplit le parcours jusqu'au récapitulatif et envoie le formulaire de l'offre."""
    parcours.remplir(reponses, jusqu_a="recapitulatif")
    champs = {"lieu": "Cahors", "date": timezone.localdate().isoformat(), **offre}
    if date_limite is not None:
        champs["date_limite_acceptation"] = date_limite.isoformat()
    envoi = {f"offre-{nom}": valeur for nom, valeur in champs.items()}
    envoi[f"embauche_{parcours.brouillon.uuid}-current_step"] = "recapitulatif"
    envoi["preparer_offre"] = "1"
    return parcours.client.post(parcours.url("recapitulatif"), envoi)


def _textes(client, document: DocumentGenere) -> tuple[str, str]:
    """Le texte du PDF et celui du DOCX, téléchargés comme le chef d'entreprise les reçoit."""
    contenus = []
    for format in ("pdf", "docx"):
        reponse, contenu = telecharger(client, document, format)
        assert reponse.status_code == 200
        contenus.append(contenu)
    pdf = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(contenus[0])).pages)
    docx_ = " ".join(p.text for p in docx.Document(io.BytesIO(contenus[1])).paragraphs)
    return " ".join(pdf.split()), " ".join(docx_.split())


def test_l_offre_se_prepare_au_recapitulatif_et_le_brouillon_reste_pour_le_contrat(
    parcours, reponses
):
    reponse = _demander_l_offre(parcours, reponses)

    assert reponse.status_code == 302
    assert reponse["Location"] == parcours.url("recapitulatif")
    parcours.brouillon.refresh_from_db()
    offre = parcours.brouillon.offre
    assert offre.type_code == "promesse_embauche"
    assert offre.entreprise == parcours.brouillon.entreprise
    assert not Embauche.objects.exists()
    for contenu in _textes(parcours.client, offre):
        assert "Offre de contrat de travail" in contenu
        assert "Lucas Martin" in contenu
        assert "boulanger" in contenu
        assert "contrat à durée indéterminée" in contenu
        assert "2 100,00 €" in contenu
        assert f"valable jusqu'au {date_en_francais(DATE_LIMITE)} inclus" in contenu
        assert f"L'entrée en fonction est fixée au {date_en_francais(DEBUT)}" in contenu
    page = parcours.client.get(reponse["Location"])
    assert "L'offre de contrat est prête" in texte(page)
    html = page.content.decode()
    assert f"/documents-generes/{offre.uuid}/pdf/" in html
    assert f"/documents-generes/{offre.uuid}/docx/" in html
    assert "Refaire l'offre de contrat" in html
    # La date limite reste affichée : l'offre peut être refaite sans la retaper.
    assert f'value="{DATE_LIMITE.isoformat()}"' in html
    # « Mon espace » dit que l'offre du brouillon est faite.
    assert "offre de contrat préparée" in texte(parcours.client.get("/comptes/mon-espace/"))


def test_sans_date_limite_l_offre_est_redemandee_sous_le_champ_sans_perdre_la_saisie(
    parcours, reponses
):
    reponse = _demander_l_offre(parcours, reponses, date_limite=None, lieu="Figeac")

    assert reponse.status_code == 200
    form = reponse.context["offre_form"]
    assert form.errors["date_limite_acceptation"] == [
        "Indiquez jusqu'à quand le candidat peut accepter l'offre."
    ]
    html = reponse.content.decode()
    assert 'value="Figeac"' in html
    # Le message est dans le conteneur que le champ cite (aria-describedby).
    conteneur = _conteneur_d_erreur(html, "offre-date_limite_acceptation")
    assert "Indiquez jusqu&#x27;à quand le candidat peut accepter l&#x27;offre." in conteneur
    assert not DocumentGenere.objects.exists()


@pytest.mark.parametrize("ecart", [0, 3])
def test_une_date_limite_qui_n_est_pas_avant_l_entree_en_fonction_est_refusee_avec_son_article(
    parcours, reponses, ecart
):
    reponse = _demander_l_offre(
        parcours, reponses, date_limite=DEBUT + datetime.timedelta(days=ecart)
    )

    assert reponse.status_code == 200
    (erreur,) = reponse.context["offre_form"].errors["date_limite_acceptation"]
    assert "avant la date d'entrée en fonction" in erreur
    assert "C. civ. 1116" in erreur
    assert not DocumentGenere.objects.exists()


def test_une_date_limite_passee_avant_la_date_de_l_offre_est_refusee(parcours, reponses):
    hier = timezone.localdate() - datetime.timedelta(days=1)

    reponse = _demander_l_offre(parcours, reponses, date_limite=hier)

    assert reponse.status_code == 200
    (erreur,) = reponse.context["offre_form"].errors["date_limite_acceptation"]
    assert "après la date de l'offre" in erreur
    assert not DocumentGenere.objects.exists()


def test_refaire_l_offre_remplace_la_precedente_et_ses_fichiers(
    parcours, reponses, django_capture_on_commit_callbacks
):
    _demander_l_offre(parcours, reponses)
    parcours.brouillon.refresh_from_db()
    premiere = parcours.brouillon.offre
    fichiers = [Path(premiere.fichier_pdf.path), Path(premiere.fichier_docx.path)]

    with django_capture_on_commit_callbacks(execute=True):
        _demander_l_offre(parcours, reponses, date_limite=DATE_LIMITE + datetime.timedelta(days=2))

    parcours.brouillon.refresh_from_db()
    seconde = parcours.brouillon.offre
    assert seconde.pk != premiere.pk
    assert list(DocumentGenere.objects.all()) == [seconde]
    assert not any(f.exists() for f in fichiers)
    pdf, _docx = _textes(parcours.client, seconde)
    assert date_en_francais(DATE_LIMITE + datetime.timedelta(days=2)) in pdf


def test_le_contrat_produit_ensuite_garde_l_offre_avec_l_embauche(parcours, reponses):
    _demander_l_offre(parcours, reponses)
    offre = BrouillonEmbauche.objects.get().offre

    fin = parcours.poster("recapitulatif", reponses["recapitulatif"])

    embauche = Embauche.objects.get()
    assert fin["Location"] == reverse("embauche:detail", kwargs={"uuid": embauche.uuid})
    assert embauche.document.type_code == "cdi"
    assert embauche.offre == offre
    page = parcours.client.get(fin["Location"]).content.decode()
    assert f"/documents-generes/{offre.uuid}/pdf/" in page
    assert f"/documents-generes/{embauche.document.uuid}/pdf/" in page


def test_supprimer_le_brouillon_supprime_son_offre_et_ses_fichiers(
    parcours, reponses, django_capture_on_commit_callbacks
):
    _demander_l_offre(parcours, reponses)
    offre = BrouillonEmbauche.objects.get().offre
    fichiers = [Path(offre.fichier_pdf.path), Path(offre.fichier_docx.path)]

    with django_capture_on_commit_callbacks(execute=True):
        parcours.client.post(
            reverse("embauche:supprimer", kwargs={"brouillon": parcours.brouillon.uuid})
        )

    assert not BrouillonEmbauche.objects.exists()
    assert not DocumentGenere.objects.exists()
    assert not any(f.exists() for f in fichiers)


def test_un_brouillon_abandonne_est_purge_avec_son_offre(
    parcours, reponses, django_capture_on_commit_callbacks
):
    _demander_l_offre(parcours, reponses)
    il_y_a_trois_ans = timezone.now() - datetime.timedelta(days=3 * 365)
    BrouillonEmbauche.objects.update(modifie_le=il_y_a_trois_ans)

    with django_capture_on_commit_callbacks(execute=True):
        purges = services.brouillons_purger(aujourd_hui=timezone.localdate())

    assert len(purges) == 1
    assert not DocumentGenere.objects.exists()


def test_un_salarie_purge_part_avec_son_offre(parcours, reponses):
    _demander_l_offre(parcours, reponses)
    parcours.poster("recapitulatif", reponses["recapitulatif"])
    embauche = Embauche.objects.get()
    Embauche.objects.update(date_sortie=datetime.date(2000, 1, 1))

    services.salaries_purger(aujourd_hui=timezone.localdate())

    assert not DocumentGenere.objects.filter(pk=embauche.offre_id).exists()
    assert not DocumentGenere.objects.exists()


def test_l_offre_d_un_cdd_dit_sa_duree_minimale_son_terme_et_son_motif(parcours, reponses):
    _demander_l_offre(parcours, _cdd_temps_partiel(reponses))

    offre = BrouillonEmbauche.objects.get().offre
    for contenu in _textes(parcours.client, offre):
        assert "Inès Roux" in contenu
        assert "contrat à durée déterminée" in contenu
        assert "pour une durée minimale de 3 mois" in contenu
        assert "le retour de Sophie Lacoste" in contenu
        assert "remplacement" in contenu.lower()
        assert "temps partiel, pour une durée de travail de 20 heures par semaine" in contenu


def test_l_offre_d_une_autre_entreprise_ne_se_telecharge_pas(parcours, reponses, client):
    _demander_l_offre(parcours, reponses)
    offre = BrouillonEmbauche.objects.get().offre
    client.force_login(ChefEntrepriseFactory())

    for format in ("pdf", "docx"):
        assert client.get(f"/documents-generes/{offre.uuid}/{format}/").status_code == 404


def test_un_candidat_mineur_paye_au_minimum_des_jeunes_travailleurs_a_son_offre(parcours, reponses):
    """L'offre contrôle le salaire comme le contrat : l'âge du candidat au premier jour décide
    du minimum (D3231-3)."""
    naissance = DEBUT.replace(year=DEBUT.year - 17) - datetime.timedelta(days=30)
    reponses["salarie"]["date_naissance"] = naissance.isoformat()
    parcours.remplir(reponses, jusqu_a="remuneration")
    etape = parcours.client.get(parcours.url("remuneration")).context["wizard"]["form"]
    # Le minimum mensuel d'un mineur sans six mois de pratique dans la branche, au centime.
    minimum = etape.minima_debutant[1]
    assert minimum < droit.smic_mensuel(DEBUT)
    reponses["remuneration"]["montant"] = str(minimum.quantize(Decimal("0.01"), ROUND_CEILING))

    reponse = _demander_l_offre(parcours, reponses)

    assert reponse.status_code == 302, reponse.context and reponse.context["offre_form"].errors
    assert BrouillonEmbauche.objects.get().offre is not None


AVERTISSEMENT = "Vos réponses ont changé depuis cette offre"


def test_le_recapitulatif_previent_quand_les_reponses_ne_disent_plus_ce_que_dit_l_offre(
    parcours, reponses
):
    _demander_l_offre(parcours, reponses)
    assert AVERTISSEMENT not in texte(parcours.client.get(parcours.url("recapitulatif")))

    # Changer la date de signature du contrat ne change pas l'offre remise.
    recap = {**reponses["recapitulatif"], "date_signature": DATE_LIMITE.isoformat()}
    parcours.poster("recapitulatif", recap, wizard_goto_step="clauses")
    assert AVERTISSEMENT not in texte(parcours.client.get(parcours.url("recapitulatif")))

    # Le salaire, lui, est une condition de l'offre.
    parcours.poster("remuneration", {**reponses["remuneration"], "montant": "2200.00"})
    assert AVERTISSEMENT in texte(parcours.client.get(parcours.url("recapitulatif")))

    # L'offre refaite avec le nouveau salaire : plus d'avertissement.
    _demander_l_offre(
        parcours, {**reponses, "remuneration": {**reponses["remuneration"], "montant": "2200.00"}}
    )
    assert AVERTISSEMENT not in texte(parcours.client.get(parcours.url("recapitulatif")))


@pytest.mark.parametrize("saisie", ["abc", "2026-02-31", "99999-01-01", "1e999", "\x00"])
def test_une_date_limite_illisible_est_redemandee_sous_le_champ(parcours, reponses, saisie):
    reponse = _demander_l_offre(
        parcours, reponses, date_limite=None, date_limite_acceptation=saisie
    )

    assert reponse.status_code == 200
    assert reponse.context["offre_form"].errors["date_limite_acceptation"]
    assert not DocumentGenere.objects.exists()
    assert not Embauche.objects.exists()
