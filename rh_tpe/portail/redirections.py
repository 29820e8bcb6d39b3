"""L'import de redirections de l'administration Wagtail face à un envoi trafiqué.

La deuxième étape de l'import (choix des colonnes) renvoie, signés, le nom du fichier déposé et
son format. Wagtail prévoit une signature fausse ou un champ manquant (« données trafiquées » :
400), mais sa vérification lisait ``BadSignature.message``, qui n'existe pas, et supposait les
deux champs présents : AttributeError ou KeyError, erreur 500. La vérification ci-dessous dit la
même chose sans erreur ; la vue de Wagtail répond alors 400, comme prévu.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.signing import BadSignature
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.forms import ConfirmImportManagementForm

from rh_tpe.portail.correctifs import poser


def _verifier(self: ConfirmImportManagementForm) -> dict[str, Any]:
    donnees = forms.Form.clean(self)
    for cle in ("import_file_name", "input_format"):
        if cle not in donnees:
            # Champ manquant : déjà une erreur du champ.
            continue
        try:
            donnees[cle] = self.signer.unsign(donnees[cle])
        except BadSignature as erreur:
            raise forms.ValidationError(
                _("Le fichier à importer n'a pas été retrouvé : déposez-le de nouveau.")
            ) from erreur
    return donnees


def installer() -> None:
    """Appelé une fois au démarrage (``PortailConfig.ready``) ; sans effet s'il est rappelé."""
    poser(ConfirmImportManagementForm, "clean", _verifier)
