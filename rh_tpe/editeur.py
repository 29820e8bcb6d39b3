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
from django.utils.html import escape
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

    def value_from_datadict(self, data, files, name):
        """Draftail envoie son contenu en JSON (« contentstate ») ; un envoi qui n'en est pas
        (formulaire rejoué ou trafiqué) faisait lever JSONDecodeError ou TypeError : erreur 500.
        Le texte reçu est gardé, échappé, comme un paragraphe."""
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError):
            texte = data.get(name, "").strip()
            return f"<p>{escape(texte)}</p>" if texte else ""
