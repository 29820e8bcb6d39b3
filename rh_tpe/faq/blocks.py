"""Les blocs du corps d'un article de la FAQ (StreamField).

Dans tous les textes, une valeur légale s'écrit par un jeton (``[[smic_horaire]]``,
``[[regle:cdd.duree_maximale.general]]``… voir ``valeurs.py``) : elle est lue dans
``rh_tpe.droit`` à l'affichage, jamais recopiée dans l'article.
"""

from __future__ import annotations

from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from rh_tpe.faq import valeurs

AIDE_JETONS = _(
    "Valeurs légales : écrivez [[smic_horaire]], [[smic_mensuel]], [[minimum_garanti]], [[pmss]], "
    "[[smic_horaire:depuis]] ou [[regle:chemin.de.la.regle]] ; la valeur du jour est affichée."
)
FONCTIONNALITES = ["bold", "italic", "link", "ol", "ul"]


def _nomme(bloc: blocks.FieldBlock) -> blocks.FieldBlock:
    """Le champ d'un bloc posé directement dans le corps ou dans une liste n'a pas de ``<label>``
    dans l'administration Wagtail (wagtail#11179) : il porte son libellé en ``aria-label``, pour
    qu'un lecteur d'écran dise ce qu'on y saisit (RGAA 11.1, règle axe « label »)."""
    bloc.field.widget.attrs["aria-label"] = bloc.label
    return bloc


def _verifier_jetons(texte: str) -> None:
    invalides = valeurs.jetons_invalides(texte)
    if invalides:
        raise ValidationError(
            _("Valeur légale inconnue : %(jetons)s.") % {"jetons": ", ".join(invalides)}
        )


class ParagrapheBlock(blocks.RichTextBlock):
    """Un paragraphe de texte, avec ses éventuelles valeurs légales."""

    def __init__(self, **kwargs):
        super().__init__(features=FONCTIONNALITES, help_text=AIDE_JETONS, **kwargs)

    @cached_property
    def field(self):
        # La zone de saisie de Draftail, sans libellé dans un StreamField : nommée par le bloc
        # (rh_tpe/editeur.py).
        champ = super().field
        champ.widget.options["ariaLabel"] = self.label
        return champ

    def clean(self, value):
        value = super().clean(value)
        _verifier_jetons(value.source)
        return value

    class Meta:
        template = "faq/blocs/paragraphe.html"
        icon = "pilcrow"
        label = _("Paragraphe")
        preview_value = "<p>Le SMIC horaire brut est de [[smic_horaire]].</p>"


class ARetenirBlock(blocks.TextBlock):
    """« À retenir » : la phrase que le lecteur doit emporter (mise en avant DSFR)."""

    @cached_property
    def field(self):
        champ = super().field
        champ.widget.attrs["aria-label"] = self.label
        return champ

    def clean(self, value):
        value = super().clean(value)
        _verifier_jetons(value)
        return value

    class Meta:
        template = "faq/blocs/a_retenir.html"
        icon = "warning"
        label = _("À retenir")
        help_text = AIDE_JETONS
        preview_value = "Le contrat d'un CDD est écrit et remis au salarié."


class EtapesBlock(blocks.StructBlock):
    """Une démarche en étapes numérotées."""

    titre = blocks.CharBlock(label=_("titre"), required=False, max_length=200)
    etapes = blocks.ListBlock(
        _nomme(blocks.TextBlock(label=_("étape"))), label=_("étapes"), min_num=1
    )

    def clean(self, value):
        value = super().clean(value)
        for etape in value["etapes"]:
            _verifier_jetons(etape)
        return value

    class Meta:
        template = "faq/blocs/etapes.html"
        icon = "list-ol"
        label = _("Étapes")
        preview_value = {"titre": "Les étapes", "etapes": ["Première étape", "Deuxième étape"]}


class TableauBlock(blocks.StructBlock):
    """Un tableau simple : une ligne d'en-têtes, puis des lignes (cellules séparées par « | »)."""

    legende = blocks.CharBlock(label=_("légende"), max_length=200)
    entetes = blocks.CharBlock(
        label=_("en-têtes"),
        help_text=_("Les titres des colonnes, séparés par « | »."),
        max_length=500,
    )
    lignes = blocks.ListBlock(
        _nomme(blocks.CharBlock(label=_("ligne"), max_length=1000)),
        label=_("lignes"),
        help_text=format_lazy(
            "{} {}", _("Une ligne par élément, cellules séparées par « | »."), AIDE_JETONS
        ),
        min_num=1,
    )

    def clean(self, value):
        value = super().clean(value)
        colonnes = len(value["entetes"].split("|"))
        for ligne in value["lignes"]:
            _verifier_jetons(ligne)
            if len(ligne.split("|")) != colonnes:
                raise StructBlockValidationError(
                    block_errors={
                        "lignes": ValidationError(
                            _("Chaque ligne doit avoir %(n)s cellules, comme les en-têtes.")
                            % {"n": colonnes}
                        )
                    }
                )
        return value

    class Meta:
        template = "faq/blocs/tableau.html"
        icon = "table"
        label = _("Tableau")
        preview_value = {
            "legende": "Durée maximale de la période d'essai",
            "entetes": "Catégorie | Durée",
            "lignes": ["Ouvriers et employés | [[regle:essai.cdi.ouvrier_employe.initiale]]"],
        }


class ArticleCodeBlock(blocks.StructBlock):
    """Un article du Code du travail cité : son numéro, son texte à une date, le lien Légifrance."""

    numero = blocks.CharBlock(label=_("numéro"), max_length=20, help_text=_("Ex. L1221-19"))
    legiarti = blocks.RegexBlock(
        regex=r"^(LEGIARTI\d{12})?$",
        label=_("identifiant Légifrance"),
        required=False,
        max_length=20,
        help_text=_("LEGIARTI suivi de 12 chiffres : donne le lien direct vers l'article."),
        error_messages={"invalid": _("Un identifiant LEGIARTI suivi de 12 chiffres.")},
    )
    texte = blocks.TextBlock(label=_("texte de l'article"))
    version_du = blocks.DateBlock(
        label=_("texte en vigueur au"), help_text=_("La date de la version recopiée.")
    )

    def get_context(self, value, parent_context=None):
        contexte = super().get_context(value, parent_context)
        contexte["lien"] = lien_legifrance(value["numero"], value["legiarti"])
        return contexte

    class Meta:
        template = "faq/blocs/article_code.html"
        icon = "doc-full"
        label = _("Article du Code du travail")


def lien_legifrance(numero: str, legiarti: str = "") -> str:
    if legiarti:
        return f"https://www.legifrance.gouv.fr/codes/article_lc/{legiarti}"
    # Le numéro saisi par un éditeur passe encodé : « L1221-19&x=y » reste une seule recherche.
    return (
        "https://www.legifrance.gouv.fr/search/code?tab_selection=code&searchField=NUM_ARTICLE"
        f"&query={quote(numero.replace(' ', ''), safe='')}"
    )


class ConventionCollectiveBlock(blocks.StaticBlock):
    """« Votre convention collective peut prévoir des règles plus favorables »."""

    class Meta:
        template = "faq/blocs/convention_collective.html"
        icon = "info-circle"
        label = _("Avertissement convention collective")
        admin_text = _(
            "Affiche : « Votre convention collective peut prévoir des règles plus favorables »."
        )


class DocumentBlock(blocks.StructBlock):
    """« Générer ce document » : lien vers un parcours guidé, affiché seulement s'il existe."""

    nom_url = blocks.CharBlock(
        label=_("parcours guidé (nom d'URL)"),
        max_length=100,
        help_text=_("Ex. embauche:accueil. Le lien n'apparaît que si ce parcours existe."),
    )
    libelle = blocks.CharBlock(label=_("libellé"), max_length=200)

    def get_context(self, value, parent_context=None):
        from django.urls import NoReverseMatch, reverse

        contexte = super().get_context(value, parent_context)
        try:
            contexte["url"] = reverse(value["nom_url"])
        except NoReverseMatch:
            contexte["url"] = None
        return contexte

    class Meta:
        template = "faq/blocs/document.html"
        icon = "doc-empty"
        label = _("Générer ce document")


class CorpsArticleBlock(blocks.StreamBlock):
    paragraphe = ParagrapheBlock()
    a_retenir = ARetenirBlock()
    etapes = EtapesBlock()
    tableau = TableauBlock()
    article = ArticleCodeBlock()
    convention = ConventionCollectiveBlock()
    document = DocumentBlock()
