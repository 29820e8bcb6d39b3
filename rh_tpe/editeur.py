"""L'éditeur de texte riche de l'administration Wagtail (Draftail), avec un nom accessible.

Draftail écrit dans une zone ``contenteditable`` (rôle « textbox ») et laisse le ``<label>`` du
champ pointer sur le champ caché qui garde la valeur : la zone de saisie n'a pas de nom pour un
lecteur d'écran (RGAA 11.1, règle axe « aria-input-field-name »). Réglé par
``WAGTAILADMIN_RICH_TEXT_EDITORS`` : la zone est nommée par le libellé du champ, que Wagtail
identifie « <id du champ>-label ». Dans un StreamField, où aucun libellé n'est rendu, le bloc
donne son nom par l'option ``ariaLabel`` (voir ``rh_tpe.faq.blocks.ParagrapheBlock``).
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from wagtail.admin.rich_text import DraftailRichTextArea


class DraftailNomme(DraftailRichTextArea):
    def get_context(self, name, value, attrs):
        contexte = super().get_context(name, value, attrs)
        identifiant = contexte["widget"]["attrs"].get("id")
        if identifiant:
            options = {**self.options, "ariaLabelledBy": f"{identifiant}-label"}
            contexte["widget"]["attrs"]["data-w-init-detail-value"] = json.dumps(
                options, cls=DjangoJSONEncoder
            )
        return contexte
