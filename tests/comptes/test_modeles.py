import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from rh_tpe.comptes.models import Organisation, Utilisateur
from rh_tpe.comptes.validators import valider_siret
from tests.factories import EntrepriseFactory, siret_valide

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("siret", ["81234567600017", "35600000000048", siret_valide(3)])
def test_un_siret_valide_est_accepte(siret):
    valider_siret(siret)


@pytest.mark.parametrize("siret", ["81234567600018", "1234", "8123456760001A", ""])
def test_un_siret_invalide_est_refuse_en_francais(siret):
    with pytest.raises(ValidationError, match="Ce numéro SIRET n'est pas valide"):
        valider_siret(siret)


def test_les_deux_organisations_existent_des_la_migration():
    assert set(Organisation.objects.values_list("nom", flat=True)) == {
        "CCI du Lot",
        "DREETS Occitanie — unité départementale du Lot",
    }


def test_un_conseiller_sans_organisation_est_refuse_par_la_base():
    with pytest.raises(IntegrityError):
        Utilisateur.objects.create_user(
            email="c@exemple.test", password="x", role=Utilisateur.Role.CONSEILLER
        )


def test_un_conseiller_sans_organisation_est_refuse_par_le_modele():
    conseiller = Utilisateur(
        email="c@exemple.test", first_name="A", last_name="B", role=Utilisateur.Role.CONSEILLER
    )
    with pytest.raises(ValidationError) as erreur:
        conseiller.full_clean()
    assert "Un conseiller appartient à une organisation." in str(erreur.value)


def test_seul_un_chef_est_rattache_a_une_entreprise():
    with pytest.raises(IntegrityError):
        Utilisateur.objects.create_user(
            email="e@exemple.test",
            password="x",
            role=Utilisateur.Role.EDITEUR_FAQ,
            entreprise=EntrepriseFactory(),
        )


def test_l_e_mail_est_l_identifiant_et_il_est_unique_sans_casse():
    Utilisateur.objects.create_user(email="Chef@Exemple.TEST", password="x")

    assert Utilisateur.objects.get_by_natural_key("chef@exemple.test").email == "chef@exemple.test"
