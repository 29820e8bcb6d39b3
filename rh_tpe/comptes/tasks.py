"""Tâches de fond des comptes : elles prennent des identifiants et appellent un service."""

from django_tasks import task

from rh_tpe.comptes import services


@task()
def envoyer_lien_reinitialisation(utilisateur_id: int) -> int:
    return services.lien_reinitialisation_envoyer(utilisateur_id=utilisateur_id)


@task()
def envoyer_avis_mot_de_passe_modifie(utilisateur_id: int) -> int:
    return services.avis_mot_de_passe_modifie_envoyer(utilisateur_id=utilisateur_id)


@task()
def envoyer_lien_confirmation(utilisateur_id: int) -> int:
    return services.lien_confirmation_envoyer(utilisateur_id=utilisateur_id)


@task()
def envoyer_avis_inscription_existante(utilisateur_id: int) -> int:
    return services.avis_inscription_existante_envoyer(utilisateur_id=utilisateur_id)
