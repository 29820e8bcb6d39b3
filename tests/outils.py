"""Petits outils partagés par les tests."""

import html


def texte(reponse) -> str:
    """Le HTML d'une réponse, entités décodées : on compare au texte que lit la personne."""
    return html.unescape(reponse.content.decode())
