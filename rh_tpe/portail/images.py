"""Le formulaire des images de l'administration Wagtail (réglage WAGTAILIMAGES_IMAGE_FORM_BASE).

Wagtail lit les dimensions d'une image hors du bloc qui transforme un fichier illisible en
erreur du champ : un PNG ou un JPEG endommagé (en-tête correct, contenu tronqué) levait
UnidentifiedImageError, erreur 500 de l'envoi d'images. Ici, c'est le message de Django sous le
champ : « Téléversez une image valide ».

Le recadrage « fill » d'une largeur ou d'une hauteur nulle (0 est permis par « Générer une URL »
de l'administration, et l'aperçu de ce formulaire demande alors ``/preview/fill-0x0/``) divisait
par zéro : erreur 500. ``Recadrage`` le refuse comme un filtre invalide (400), voir
``wagtail_hooks.py``."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.images.image_operations import FillOperation


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


class Recadrage(FillOperation):
    def construct(self, size, *extra):
        super().construct(size, *extra)
        if self.width <= 0 or self.height <= 0:
            # Operation.__init__ en fait une InvalidFilterSpecError, que l'aperçu rend en 400.
            raise ValueError(f"Recadrage de taille nulle : {size}")
