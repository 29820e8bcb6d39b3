"""Chaque rôle remplit chaque formulaire du portail de valeurs trafiquées : jamais d'erreur 500.

L'exploration (test_exploration.py) suit les liens ; celle-ci parcourt une adresse par motif
d'adresse (toutes les pages d'un même modèle se ressemblent), relève les formulaires rencontrés
et les envoie avec des valeurs qu'aucun navigateur n'enverrait : caractère nul, nombre de trente
chiffres, texte de plusieurs milliers de caractères, nombre négatif, chiffres pleine chasse. Un
champ à la fois, puis tous ensemble. C'est ainsi qu'ont été trouvées les erreurs 500 de Wagtail
corrigées dans rh_tpe/portail (recherche avec le filtre « A des pages enfants », avec le filtre
« Nombre d'utilisations »).

Les formulaires de suppression et de déconnexion ne sont pas envoyés : ils défont ce que le
parcours visite ensuite.
"""

import io
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve

from rh_tpe.comptes.models import Utilisateur
from tests.portail.test_exploration import DEPARTS, EXCLUS, _liens_internes

pytestmark = pytest.mark.django_db

ADRESSES_MAX = 400
# Quelques adresses par motif : un dossier clos n'a pas les formulaires d'un dossier ouvert.
ADRESSES_PAR_MOTIF = 3
# Ce qui défait le parcours (sortie de session, suppression) n'est pas envoyé.
ACTIONS_ECARTEES = ("deconnexion", "logout", "supprimer", "delete", "suppression")
VALEURS_TRAFIQUEES = ["\x00", "9" * 30, "x" * 3000, "-1", "１２"]
CHAMPS_UN_A_UN = 12


class _Formulaires(HTMLParser):
    """Les formulaires d'une page : action, méthode et champs, avec leur première valeur."""

    def __init__(self) -> None:
        super().__init__()
        self.formulaires: list[dict] = []
        self._courant: dict | None = None
        self._liste: str | None = None

    def handle_starttag(self, tag, attrs):
        attributs = dict(attrs)
        if tag == "form":
            self._courant = {
                "action": attributs.get("action") or "",
                "methode": (attributs.get("method") or "get").lower(),
                "champs": {},
            }
            self.formulaires.append(self._courant)
        elif self._courant is None:
            return
        elif tag in ("input", "textarea", "select") and attributs.get("name"):
            type_ = attributs.get("type", tag)
            champs = self._courant["champs"]
            if type_ not in ("file", "submit", "button", "image", "reset"):
                # Des boutons radio ou des cases : la première valeur non vide.
                champs[attributs["name"]] = champs.get(attributs["name"]) or (
                    attributs.get("value") or ""
                )
            self._liste = attributs["name"] if tag == "select" else None
        elif tag == "option" and self._liste and not self._courant["champs"].get(self._liste):
            self._courant["champs"][self._liste] = attributs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._courant = None
        elif tag == "select":
            self._liste = None


def _route(url: str) -> str:
    """Le motif d'adresse de Django ; pour les pages de Wagtail (un seul motif pour toutes),
    leur profondeur dans l'arborescence."""
    chemin = urlsplit(url).path
    try:
        correspondance = resolve(chemin)
    except Resolver404:
        return chemin
    if correspondance.url_name == "wagtail_serve":
        return f"page de profondeur {chemin.count('/')}"
    return correspondance.route


def _motif(url: str) -> str:
    """Le motif d'adresse et les noms des paramètres : quelques adresses par motif suffisent."""
    parametres = sorted({p.split("=")[0] for p in urlsplit(url).query.split("&") if p})
    return f"{_route(url)}?{'&'.join(parametres)}"


def _envoyer(client, methode: str, url: str, donnees: dict[str, str]):
    """La réponse, lue jusqu'au bout (un fichier servi en flux est ainsi refermé)."""
    reponse = (client.post if methode == "post" else client.get)(url, donnees)
    if reponse.streaming:
        b"".join(reponse.streaming_content)
    return reponse


def _envois(methode: str, champs: dict[str, str]):
    """Les données envoyées : chaque champ trafiqué seul, puis tous les champs ensemble. Un à un,
    c'est ainsi qu'un filtre valable croise une recherche illisible ; pas dans les longs
    formulaires d'enregistrement, où cela coûterait des minutes."""
    modifiables = [nom for nom in champs if not nom.startswith("csrf")]
    if methode == "get" or len(modifiables) <= CHAMPS_UN_A_UN:
        for nom in modifiables:
            yield {**champs, nom: "\x00"}
            yield {**champs, nom: "9" * 30}
    for valeur in VALEURS_TRAFIQUEES:
        yield {**champs, **dict.fromkeys(modifiables, valeur)}


def _parcourir(client) -> tuple[dict[str, int], dict[tuple, tuple[str, dict]]]:
    vus: dict[str, int] = {}
    motifs: Counter[str] = Counter()
    formulaires: dict[tuple, tuple[str, dict]] = {}
    a_voir = deque(DEPARTS)
    while a_voir and len(vus) < ADRESSES_MAX:
        url = a_voir.popleft()
        motif = _motif(url)
        if url in vus or url.startswith(EXCLUS) or motifs[motif] >= ADRESSES_PAR_MOTIF:
            continue
        motifs[motif] += 1
        reponse = _envoyer(client, "get", url, {})
        vus[url] = reponse.status_code
        if (
            reponse.streaming
            or reponse.status_code != 200
            or "html" not in reponse.get("Content-Type", "")
        ):
            continue
        html = reponse.content.decode(errors="replace")
        a_voir.extend(_liens_internes(url, html))
        lecteur = _Formulaires()
        lecteur.feed(html)
        for formulaire in lecteur.formulaires:
            action = urldefrag(urljoin(url, formulaire["action"]))[0]
            if any(mot in action for mot in ACTIONS_ECARTEES) or not formulaire["champs"]:
                continue
            cle = (formulaire["methode"], _route(action), tuple(sorted(formulaire["champs"])))
            if cle in formulaires:
                continue
            formulaires[cle] = (action, formulaire)
            # Envoyé tel quel, un formulaire peut mener plus loin (la première étape d'une
            # embauche) : l'adresse où il renvoie est parcourue à son tour.
            suite = _envoyer(client, formulaire["methode"], action, formulaire["champs"])
            if suite.status_code >= 500:
                vus[f"{formulaire['methode'].upper()} {action}"] = suite.status_code
            elif 300 <= suite.status_code < 400:
                a_voir.extend(_liens_internes(action, f'<a href="{suite["Location"]}">'))
    return vus, formulaires


@pytest.mark.parametrize(
    "email",
    # Le conseiller de la DREETS : les dossiers ouverts de la démonstration sont dans sa file.
    [None, "boulangerie@tpe.test", "sophie.bernard@dreets.test", "admin@rh-tpe.test"],
    ids=["anonyme", "chef", "conseiller", "administrateur"],
)
def test_aucun_formulaire_trafique_ne_fait_d_erreur_500(client, email):
    call_command("demo", stdout=io.StringIO())
    client.raise_request_exception = False
    utilisateur = Utilisateur.objects.get(email=email) if email else None
    if utilisateur:
        client.force_login(utilisateur)

    vus, formulaires = _parcourir(client)
    erreurs = {url: statut for url, statut in vus.items() if statut >= 500}
    for (methode, _route_action, _champs), (action, formulaire) in formulaires.items():
        for donnees in _envois(methode, formulaire["champs"]):
            reponse = _envoyer(client, methode, action, donnees)
            if reponse.status_code >= 500:
                champs = sorted(n for n, v in donnees.items() if v != formulaire["champs"][n])
                erreurs[f"{methode.upper()} {action} {champs}"] = reponse.status_code
            if utilisateur:
                # Un formulaire peut changer le mot de passe ou fermer la session.
                client.force_login(utilisateur)

    assert erreurs == {}
    assert len(formulaires) >= 3
