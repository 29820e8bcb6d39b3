from django.apps import AppConfig


class ModelesConfig(AppConfig):
    name = "rh_tpe.modeles"
    label = "modeles"
    verbose_name = "Modèles de documents"

    def ready(self) -> None:
        from django.core import checks

        from rh_tpe.modeles.checks import verifier_types_documents

        # Un type de document incohérent (réponse non déclarée, gabarit manquant) bloque le
        # démarrage plutôt que de produire un contrat faux.
        checks.register(verifier_types_documents)
