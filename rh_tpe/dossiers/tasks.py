"""Tâches de fond du guichet : elles prennent des identifiants et appellent un service."""

from django_tasks import task

from rh_tpe.dossiers import services


@task()
def notifier(evenement: str, dossier_id: int) -> int:
    return services.notification_envoyer(evenement=evenement, dossier_id=dossier_id)
