"""Chaque rôle parcourt le portail en suivant les liens : aucune page ne doit répondre 500.

C'est le filet qui attrape une vue oubliée : un lien ajouté n'importe où est visité ici, par
chaque rôle, avec les données de démonstration.
"""

import io
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.core.management import call_command

from rh_tpe.comptes.models import Utilisateur

pytestmark = pytest.mark.django_db

DEPARTS = ["/", "/comptes/mon-espace/", "/faq/", "/dossiers/", "/embauche/", "/admin/"]
# Ce qui ne se visite pas en suivant des liens : sortie de session, pages d'autres sites.
EXCLUS = ("/comptes/deconnexion/", "/admin/logout/", "/django-admin/logout/")
PAGES_MAX = 80


class _Liens(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.liens: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.liens.append(href)


def _liens_internes(base: str, html: str) -> list[str]:
    lecteur = _Liens()
    lecteur.feed(html)
    internes = []
    for href in lecteur.liens:
        url = urldefrag(urljoin(base, href))[0]
        morceaux = urlsplit(url)
        if morceaux.scheme in ("", "http") and morceaux.netloc in ("", "testserver"):
            internes.append(morceaux.path + (f"?{morceaux.query}" if morceaux.query else ""))
    return internes


def explorer(client) -> dict[str, int]:
    vus: dict[str, int] = {}
    a_voir = deque(DEPARTS)
    while a_voir and len(vus) < PAGES_MAX:
        url = a_voir.popleft()
        if url in vus or url.startswith(EXCLUS):
            continue
        reponse = client.get(url)
        vus[url] = reponse.status_code
        if reponse.status_code == 200 and "html" in reponse.get("Content-Type", ""):
            a_voir.extend(_liens_internes(url, reponse.content.decode(errors="replace")))
        if reponse.streaming:
            # Lire le flux ferme la réponse (fichier compris) sans fermer la connexion à la base.
            b"".join(reponse.streaming_content)
    return vus


@pytest.mark.parametrize(
    "email",
    [
        None,
        "boulangerie@tpe.test",
        "claire.martin@cci-lot.test",
        "sophie.bernard@dreets.test",
        "editeur@rh-tpe.test",
        "admin@rh-tpe.test",
    ],
    ids=["anonyme", "chef", "conseiller CCI", "conseiller DREETS", "éditeur", "administrateur"],
)
def test_aucune_page_ne_repond_500(client, email):
    call_command("demo", stdout=io.StringIO())
    if email:
        client.force_login(Utilisateur.objects.get(email=email))

    vus = explorer(client)

    erreurs = {url: statut for url, statut in vus.items() if statut >= 500}
    assert erreurs == {}
    assert len(vus) > 5
