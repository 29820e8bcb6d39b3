"""Les pages de la FAQ (accueil, thèmes, articles), les avis des lecteurs, les consultations."""

from __future__ import annotations

from datetime import date

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from rh_tpe.faq import valeurs
from rh_tpe.faq.blocks import CorpsArticleBlock
from rh_tpe.faq.recherche import texte_indexe


class FaqIndexPage(Page):
    """L'accueil de la FAQ (/faq/) : les thèmes, les articles les plus consultés, la recherche."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["portail.PageAccueil"]
    subpage_types = ["faq.FaqThemePage"]
    max_count = 1

    class Meta:
        verbose_name = _("accueil de la FAQ")

    def get_context(self, request, *args, **kwargs):
        from rh_tpe.faq.selectors import articles_populaires

        contexte = super().get_context(request, *args, **kwargs)
        contexte["themes"] = FaqThemePage.objects.child_of(self).live().public().specific()
        contexte["populaires"] = articles_populaires(limite=6)
        return contexte


class FaqThemePage(Page):
    """Un thème (Embauche et contrat, Salaire…) et ses articles."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["faq.FaqIndexPage"]
    subpage_types = ["faq.FaqArticlePage"]

    class Meta:
        verbose_name = _("thème de la FAQ")
        verbose_name_plural = _("thèmes de la FAQ")

    def get_context(self, request, *args, **kwargs):
        contexte = super().get_context(request, *args, **kwargs)
        contexte["ancetres_faq"] = ancetres_faq(self)
        contexte["articles"] = (
            FaqArticlePage.objects.child_of(self)
            .live()
            .public()
            .order_by("title")
            .only("title", "en_bref")
        )
        return contexte


class EtiquetteArticle(TaggedItemBase):
    content_object = ParentalKey(
        "faq.FaqArticlePage", on_delete=models.CASCADE, related_name="etiquettes_liees"
    )


class FaqArticlePage(Page):
    """Une question et sa réponse : « En bref », le corps en blocs, la dernière relecture."""

    en_bref = models.TextField(
        _("en bref"),
        validators=[MaxLengthValidator(600)],
        help_text=_("La réponse en deux ou trois phrases. Valeurs légales : [[…]]."),
    )
    corps = StreamField(CorpsArticleBlock(), verbose_name=_("corps"))
    relu_le = models.DateField(_("date de la dernière relecture juridique"))
    relu_par = models.CharField(
        _("relu par"), max_length=200, help_text=_("Nom et service, ex. « Sophie Bernard, DREETS »")
    )
    etiquettes = ClusterTaggableManager(
        through=EtiquetteArticle, blank=True, verbose_name=_("étiquettes")
    )
    # L'empreinte du contenu chargé depuis `contenu/*.toml` : relancer le chargement ne republie
    # que les articles dont la source a changé.
    empreinte_chargement = models.CharField(max_length=64, blank=True, editable=False)

    content_panels = [
        HelpPanel(content=_("Le titre est la question, posée comme un chef d'entreprise la pose.")),
        *Page.content_panels,
        FieldPanel("en_bref"),
        FieldPanel("corps"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("relu_le"), FieldPanel("relu_par")])],
            heading=_("Relecture juridique"),
        ),
        FieldPanel("etiquettes"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("titre_recherche", boost=3),
        index.SearchField("texte_recherche"),
    ]
    parent_page_types = ["faq.FaqThemePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article de la FAQ")
        verbose_name_plural = _("articles de la FAQ")

    # -- Texte --------------------------------------------------------------------------------

    def textes_sources(self) -> list[str]:
        """Les textes saisis (jetons non remplacés), pour la recherche et la relecture."""
        textes = [self.en_bref]
        for bloc in self.corps:
            if bloc.block_type == "paragraphe":
                textes.append(strip_tags(bloc.value.source))
            elif bloc.block_type == "a_retenir":
                textes.append(bloc.value)
            elif bloc.block_type == "etapes":
                textes.extend([bloc.value["titre"] or "", *bloc.value["etapes"]])
            elif bloc.block_type == "tableau":
                textes.extend([bloc.value["legende"], bloc.value["entetes"], *bloc.value["lignes"]])
        return textes

    def texte_brut(self, le: date | None = None) -> str:
        """Le texte lisible de l'article (valeurs légales du jour), pour les extraits."""
        le = le or timezone.localdate()
        texte = " ".join(t.replace("|", " ") for t in self.textes_sources() if t)
        return valeurs.remplacer(texte, le, html=False)

    def en_bref_du_jour(self) -> str:
        return valeurs.remplacer(self.en_bref, timezone.localdate(), html=False)

    def articles_cites(self) -> list[str]:
        return [bloc.value["numero"] for bloc in self.corps if bloc.block_type == "article"]

    def baremes_cites(self) -> set[str]:
        cites: set[str] = set()
        for texte in self.textes_sources():
            cites |= valeurs.baremes_cites(texte)
        return cites

    # -- Recherche ----------------------------------------------------------------------------

    def titre_recherche(self) -> str:
        return texte_indexe(self.title)

    def texte_recherche(self) -> str:
        parent = self.get_parent() if self.pk and self.depth else None
        etiquettes = " ".join(e.name for e in self.etiquettes.all()) if self.pk else ""
        return texte_indexe(
            " ".join(
                [
                    parent.title if parent else "",
                    etiquettes,
                    " ".join(self.articles_cites()),
                    self.texte_brut(),
                ]
            )
        )

    # -- Affichage ----------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        from rh_tpe.faq.forms import AvisForm
        from rh_tpe.faq.services import visiteur_identifiant

        contexte = super().get_context(request, *args, **kwargs)
        contexte["ancetres_faq"] = ancetres_faq(self)
        contexte["theme"] = contexte["ancetres_faq"][-1]
        utilisateur = getattr(request, "user", None)
        # Seul un chef d'entreprise ouvre un dossier ; un visiteur anonyme se connecte d'abord.
        peut_demander = not (utilisateur and utilisateur.is_authenticated) or getattr(
            utilisateur, "est_chef_entreprise", False
        )
        contexte["lien_conseiller"] = lien_conseiller(self) if peut_demander else None
        identifiant = visiteur_identifiant(request, creer=False)
        contexte["avis_deja_donne"] = bool(
            identifiant
            and self.pk
            and AvisArticle.objects.filter(page_id=self.pk, visiteur=identifiant).exists()
        )
        contexte.setdefault("avis_form", AvisForm())
        contexte["donnees_structurees"] = donnees_structurees(self, request)
        return contexte

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            from rh_tpe.faq.views import avis_recevoir

            return avis_recevoir(request, self)
        if not getattr(request, "is_preview", False):
            from rh_tpe.faq.services import consultation_compter

            consultation_compter(page_id=self.pk)
        return super().serve(request, *args, **kwargs)

    def relecture_ancienne(self, aujourd_hui: date | None = None) -> bool:
        from rh_tpe.faq.selectors import relecture_perimee

        return relecture_perimee(self, aujourd_hui)


def ancetres_faq(page: Page) -> list[Page]:
    """Les pages de la FAQ au-dessus de ``page`` (fil d'Ariane), de l'accueil de la FAQ au thème."""
    return list(page.get_ancestors().type(FaqIndexPage, FaqThemePage).specific().order_by("depth"))


def lien_conseiller(page: Page) -> str | None:
    """« Poser la question à un conseiller » : seulement quand le guichet des dossiers existe."""
    from django.urls import NoReverseMatch, reverse

    try:
        return f"{reverse('dossiers:nouveau')}?faq={page.pk}"
    except NoReverseMatch:
        return None


def donnees_structurees(page: FaqArticlePage, request) -> dict[str, object]:
    """Les données schema.org (FAQPage) de l'article."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "dateModified": page.relu_le.isoformat() if page.relu_le else None,
        "mainEntity": [
            {
                "@type": "Question",
                "name": page.title,
                "acceptedAnswer": {
                    "@type": "Answer",
                    "text": page.en_bref_du_jour(),
                    "url": page.get_full_url(request),
                },
            }
        ],
    }


class AvisArticle(models.Model):
    """« Cette réponse vous a-t-elle aidé ? » : un avis par visiteur et par article."""

    page = models.ForeignKey(
        FaqArticlePage, on_delete=models.CASCADE, related_name="avis", verbose_name=_("article")
    )
    utile = models.BooleanField(_("réponse utile"))
    commentaire = models.TextField(_("commentaire"), blank=True, max_length=1000)
    # Un identifiant opaque : compte (« u42 ») ou empreinte de la session, jamais l'adresse IP.
    visiteur = models.CharField(_("visiteur"), max_length=80, editable=False)
    cree_le = models.DateTimeField(_("donné le"), auto_now_add=True)

    class Meta:
        verbose_name = _("avis d'un lecteur")
        verbose_name_plural = _("avis des lecteurs")
        ordering = ["-cree_le"]
        constraints = [
            models.UniqueConstraint(fields=["page", "visiteur"], name="un_avis_par_visiteur")
        ]

    def __str__(self) -> str:
        return f"{self.page} — {'oui' if self.utile else 'non'}"


class ConsultationArticle(models.Model):
    """Le nombre de consultations d'un article (pour « les plus consultés »)."""

    page = models.OneToOneField(
        FaqArticlePage, on_delete=models.CASCADE, primary_key=True, related_name="consultation"
    )
    nombre = models.PositiveIntegerField(_("consultations"), default=0)

    class Meta:
        verbose_name = _("consultations d'un article")
        verbose_name_plural = _("consultations des articles")

    def __str__(self) -> str:
        return f"{self.page_id} : {self.nombre}"
