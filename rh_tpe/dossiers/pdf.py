"""La « Réponse écrite » de la DREETS en PDF (WeasyPrint).

Le HTML vient d'un gabarit Django (échappement automatique : un `<script>` écrit par quelqu'un
s'imprime tel quel). WeasyPrint ne charge rien d'autre que les polices livrées avec le projet
(le `RecuperateurRestreint` des documents refuse le réseau et tout autre fichier). Le texte ne
dépend que du message et du dossier, qui ne changent plus : le même PDF se télécharge toujours.
Il est donc gardé en cache une fois rendu : des téléchargements répétés ne refont pas le rendu
(jusqu'à une seconde pour une longue question), qui bloquerait pendant ce temps les autres
rendus PDF du processus.
"""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from rh_tpe.dossiers.models import Dossier, Message
from rh_tpe.modeles.pdf import DOSSIER_POLICES, MIME_PDF, RecuperateurRestreint, ecrire_pdf


def reponse_ecrite_html(dossier: Dossier, message: Message) -> str:
    return render_to_string(
        "dossiers/reponse_ecrite.html",
        {
            "dossier": dossier,
            "message": message,
            "date_reponse": timezone.localtime(message.cree_le),
            "date_w3c": message.cree_le.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
    )


GARDE_EN_CACHE = datetime.timedelta(days=1)


def reponse_ecrite_pdf(dossier: Dossier, message: Message) -> tuple[str, str, bytes]:
    """(nom de fichier, type MIME, octets) de la réponse écrite, datée du jour de la réponse."""
    cle = f"reponse-ecrite:{dossier.pk}:{message.pk}"
    contenu = cache.get(cle)
    if contenu is None:
        html = HTML(
            string=reponse_ecrite_html(dossier, message),
            base_url=DOSSIER_POLICES.as_uri() + "/",
            url_fetcher=RecuperateurRestreint(),
        )
        contenu = ecrire_pdf(html)
        cache.set(cle, contenu, timeout=int(GARDE_EN_CACHE.total_seconds()))
    date = timezone.localtime(message.cree_le).strftime("%Y-%m-%d")
    return f"reponse-ecrite-dossier-{dossier.pk}-{date}.pdf", MIME_PDF, contenu
