"""Le formulaire des images de l'administration Wagtail (réglage WAGTAILIMAGES_IMAGE_FORM_BASE).

Wagtail lit les dimensions d'une image hors du bloc qui transforme un fichier illisible en
erreur du champ : un PNG ou un JPEG endommagé (en-tête correct, contenu tronqué) levait
UnidentifiedImageError, erreur 500 de l'envoi d'images. Ici, c'est le message de Django sous le
champ : « Téléversez une image valide »."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class ChampImage(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except OSError as erreur:  # UnidentifiedImageError, fichier tronqué
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from erreur


class FormulaireImage(BaseImageForm):
    file = ChampImage(label=_("Fichier"))
