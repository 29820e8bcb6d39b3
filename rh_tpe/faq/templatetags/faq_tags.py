"""Gabarits de la FAQ : valeurs légales du jour, données structurées, tableaux."""

import json

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from rh_tpe.faq import valeurs

register = template.Library()

_ECHAPPEMENTS_JSON = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def valeurs_legales(html: str) -> str:
    """Remplace les jetons [[…]] d'un HTML déjà sûr par les valeurs légales du jour (échappées)."""
    return mark_safe(valeurs.remplacer(str(html), timezone.localdate()))  # noqa: S308


@register.filter
def valeurs_legales_texte(texte: str) -> str:
    """Idem pour un texte brut : le texte est échappé, puis les valeurs sont insérées."""
    from django.utils.html import conditional_escape

    return mark_safe(valeurs.remplacer(str(conditional_escape(texte)), timezone.localdate()))  # noqa: S308


@register.filter
def cellules(ligne: str) -> list[str]:
    return [cellule.strip() for cellule in str(ligne).split("|")]


@register.simple_tag
def json_ld(donnees: dict) -> str:
    """Un bloc <script type="application/ld+json"> sûr (< > & échappés comme json_script)."""
    texte = json.dumps(donnees, ensure_ascii=False).translate(_ECHAPPEMENTS_JSON)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(texte))  # noqa: S308
