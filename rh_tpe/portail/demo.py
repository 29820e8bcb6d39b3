"""Les données de démonstration : deux organisations, leurs conseillers, deux TPE du Lot."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction

from rh_tpe.comptes.models import Entreprise, Organisation, Utilisateur

# Mot de passe de développement de tous les comptes de démonstration (listé dans le README).
MOT_DE_PASSE_DEMO = "Demo-RH-TPE-2026!"


@dataclass(frozen=True)
class CompteDemo:
    email: str
    prenom: str
    nom: str
    role: str
    organisation: str | None = None
    entreprise_siret: str | None = None


ENTREPRISES = [
    {
        "siret": "81234567600017",
        "raison_sociale": "Boulangerie-Pâtisserie du Pont Valentré",
        "code_naf": "10.71C",
        "idcc": "843",
        "convention_collective": (
            "Convention collective nationale de la boulangerie-pâtisserie (entreprises artisanales)"
        ),
        "effectif": 4,
        "adresse": "12 rue du Président Wilson",
        "code_postal": "46000",
        "commune": "Cahors",
    },
    {
        "siret": "84512378500014",
        "raison_sociale": "Garage Champollion",
        "code_naf": "45.20A",
        "idcc": "1090",
        "convention_collective": (
            "Convention collective nationale du commerce et de la réparation de l'automobile, "
            "du cycle et du motocycle et des activités connexes, ainsi que du contrôle technique "
            "automobile"
        ),
        "effectif": 6,
        "adresse": "5 avenue Bernard Fontanges",
        "code_postal": "46100",
        "commune": "Figeac",
    },
]

R = Utilisateur.Role
COMPTES = [
    CompteDemo("claire.martin@cci-lot.test", "Claire", "Martin", R.CONSEILLER, "cci"),
    CompteDemo("paul.durand@cci-lot.test", "Paul", "Durand", R.CONSEILLER, "cci"),
    CompteDemo("sophie.bernard@dreets.test", "Sophie", "Bernard", R.CONSEILLER, "dreets"),
    CompteDemo("marc.lefebvre@dreets.test", "Marc", "Lefebvre", R.CONSEILLER, "dreets"),
    CompteDemo(
        "boulangerie@tpe.test", "Julie", "Fournier", R.CHEF_ENTREPRISE, None, "81234567600017"
    ),
    CompteDemo("garage@tpe.test", "Karim", "Benali", R.CHEF_ENTREPRISE, None, "84512378500014"),
    CompteDemo("editeur@rh-tpe.test", "Élise", "Roux", R.EDITEUR_FAQ),
    CompteDemo("admin@rh-tpe.test", "Alain", "Garrigues", R.ADMINISTRATEUR),
]


@transaction.atomic
def demo_charger() -> list[Utilisateur]:
    """Crée ou remet à jour les données de démonstration ; relancer ne crée pas de doublon."""
    for donnees in ENTREPRISES:
        Entreprise.objects.update_or_create(siret=donnees["siret"], defaults=donnees)
    editeurs = Group.objects.filter(name="Editors").first()
    # Les conseillers de la DREETS relisent la FAQ (workflow « Relecture juridique »).
    relecteurs = Group.objects.filter(name="Relecteurs juridiques").first()
    utilisateurs = []
    for compte in COMPTES:
        utilisateur, cree = Utilisateur.objects.update_or_create(
            email=compte.email,
            defaults={
                "first_name": compte.prenom,
                "last_name": compte.nom,
                "role": compte.role,
                "organisation": (
                    Organisation.objects.get(code=compte.organisation)
                    if compte.organisation
                    else None
                ),
                "entreprise": (
                    Entreprise.objects.get(siret=compte.entreprise_siret)
                    if compte.entreprise_siret
                    else None
                ),
                "is_staff": compte.role == R.ADMINISTRATEUR,
                "is_superuser": compte.role == R.ADMINISTRATEUR,
            },
        )
        if cree:
            utilisateur.set_password(MOT_DE_PASSE_DEMO)
            utilisateur.save(update_fields=["password"])
        if compte.role == R.EDITEUR_FAQ and editeurs is not None:
            utilisateur.groups.add(editeurs)
        if compte.organisation == "dreets" and relecteurs is not None:
            utilisateur.groups.add(relecteurs)
        utilisateurs.append(utilisateur)
    from rh_tpe.dossiers.demo import dossiers_demo_charger

    dossiers_demo_charger()
    return utilisateurs
