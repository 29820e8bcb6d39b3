"""Le stockage des fichiers privés (documents générés, pièces jointes).

Un dossier local hors de MEDIA_ROOT, jamais servi par une URL : seules les vues qui vérifient
les droits lisent ces fichiers. Son emplacement est relu quand `PRIVATE_ROOT` change (les tests
écrivent ainsi dans un dossier temporaire). En production à plusieurs serveurs, remplacer
STORAGES["prive"] par un stockage objet privé (django-storages).
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class StockagePrive(FileSystemStorage):
    def __init__(self, **options: object) -> None:
        options["base_url"] = None
        super().__init__(**options)

    @cached_property
    def base_location(self) -> str:
        return str(self._value_or_setting(self._location, settings.PRIVATE_ROOT))

    def _clear_cached_properties(self, setting: str, **kwargs: object) -> None:
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)
