"""Pages Wagtail du portail : l'accueil et les pages simples (mentions légales…)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class PageAccueil(Page):
    """La page d'accueil du portail, racine du site."""

    accroche = models.CharField(
        _("accroche"),
        max_length=255,
        default=_("Vos questions RH, des réponses sûres, au même guichet."),
    )
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("accroche"), FieldPanel("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portail.PageSimple", "faq.FaqIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")


class PageSimple(Page):
    """Une page de texte : mentions légales, données personnelles, accessibilité…"""

    corps = RichTextField(_("corps"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("corps")]

    parent_page_types = ["portail.PageAccueil"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("page simple")
        verbose_name_plural = _("pages simples")
