"""Rendu PDF d'un `Document` avec WeasyPrint.

Le HTML est construit ici, élément par élément, et chaque texte passe par `html.escape` : aucune
réponse n'est jamais compilée comme gabarit, un `<script>` saisi s'imprime tel quel.

WeasyPrint ne va chercher que les ressources du projet (polices livrées dans `polices/`) : le
`RecuperateurRestreint` refuse le réseau et tout fichier hors de ce dossier.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import io
import threading
import zlib
from html import escape
from importlib import resources
from pathlib import Path

import pydyf
from weasyprint import CSS, HTML, URLFetcher
from weasyprint import Document as RenduWeasyPrint
from weasyprint.css import ColorProfile
from weasyprint.text.fonts import FontConfiguration

from .structure import Bloc, Document, Liste, Paragraphe

MIME_PDF = "application/pdf"
DOSSIER_RESSOURCES = Path(__file__).resolve().parent
DOSSIER_POLICES = DOSSIER_RESSOURCES / "polices"
FEUILLE_DE_STYLE = DOSSIER_RESSOURCES / "pdf.css"
FEUILLE_AGENT = DOSSIER_RESSOURCES / "pdf-agent.css"

# PDF/A-3b : archivable (polices incorporées, profil de couleur, métadonnées XMP) pour un coût
# de rendu négligeable ; un contrat se conserve des années.
VARIANTE_PDF = "pdf/a-3b"


class RessourceRefusee(ValueError):
    pass


class RecuperateurRestreint(URLFetcher):
    """Ne sert que les fichiers du dossier des polices : ni réseau, ni autre fichier."""

    def __init__(self, racine: Path = DOSSIER_POLICES) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self._racine = racine.resolve()

    def fetch(self, url: str, headers: object = None) -> object:
        if not url.startswith("file://"):
            raise RessourceRefusee(f"ressource externe refusée : {url}")
        chemin = Path(url.removeprefix("file://").split("?")[0].split("#")[0]).resolve()
        if not chemin.is_relative_to(self._racine) or not chemin.is_file():
            raise RessourceRefusee(f"fichier hors des ressources du projet refusé : {url}")
        return super().fetch(chemin.as_uri())


# Profil de couleur de l'« output intent » PDF/A, sous un nom à nous : WeasyPrint 70 ouvrirait
# son propre profil sRGB à chaque rendu sans refermer le fichier (ResourceWarning).
PROFIL_SRGB = "srgb-rh-tpe"


class ProfilDeCouleur(ColorProfile):
    """Un profil de couleur qui incorpore toujours les octets de son fichier.

    `ColorProfile.content` fait réécrire le profil par littleCMS ; une fois que WeasyPrint a lu
    son nom (pour l'« output intent »), cette réécriture change (3 024 → 3 116 octets) : le
    premier PDF d'un processus différait des suivants pour le même document.
    """

    def __init__(self, contenu: bytes, nom_de_fichier: str) -> None:
        super().__init__(
            io.BytesIO(contenu), nom_de_fichier, "relative-colorimetric", (["r"], ["g"], ["b"])
        )
        self._contenu = contenu

    @property
    def content(self) -> bytes:
        return self._contenu


@dataclasses.dataclass(frozen=True)
class Outils:
    configuration: FontConfiguration
    feuille: CSS
    agent: CSS
    recuperateur: RecuperateurRestreint
    profils: dict[str, ColorProfile]


@functools.cache
def _outils() -> Outils:
    # Lus une fois par processus : l'analyse de la feuille de style, le chargement des polices et
    # du profil de couleur coûtent plus cher que la mise en page d'un contrat.
    configuration = FontConfiguration()
    recuperateur = RecuperateurRestreint()
    feuille = CSS(
        filename=str(FEUILLE_DE_STYLE), font_config=configuration, url_fetcher=recuperateur
    )
    agent = CSS(filename=str(FEUILLE_AGENT), font_config=configuration)
    srgb = (resources.files("weasyprint.pdf") / "sRGB2014.icc").read_bytes()
    profils: dict[str, ColorProfile] = {PROFIL_SRGB: ProfilDeCouleur(srgb, "sRGB2014.icc")}
    return Outils(configuration, feuille, agent, recuperateur, profils)


class HTMLDuDocument(HTML):
    """Le HTML d'un document, mis en forme avec la feuille « agent utilisateur » réduite
    (`pdf-agent.css`) au lieu de la feuille HTML complète de WeasyPrint."""

    def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
        return [_outils().agent]


def _compresser_une_fois(_rendu: RenduWeasyPrint, pdf: pydyf.PDF) -> None:
    """Compresse chaque flux une seule fois, au niveau par défaut de zlib.

    pydyf compresse les flux au niveau 9 au moment d'écrire le fichier, et les compresse une
    seconde fois pour calculer l'identifiant du fichier qu'exige le PDF/A. Compressés ici, une
    fois, au niveau 6, les flux ne sont plus que recopiés : ~12 ms de moins par contrat (10 % du
    rendu, bench/documents.py) pour un fichier plus lourd de 1 %. Même contenu, mêmes octets d'un
    rendu à l'autre. Un flux fait d'autre chose que d'octets est laissé à pydyf.
    """
    for objet in pdf.objects:
        if (
            isinstance(objet, pydyf.Stream)
            and objet.compress
            and "Filter" not in objet.extra
            and all(isinstance(morceau, bytes) for morceau in objet.stream)
        ):
            objet.stream = [zlib.compress(b"\n".join(objet.stream))]
            objet.extra["Filter"] = "/FlateDecode"
            objet.compress = False


# Pango et fontconfig ne sont pas sûrs entre fils d'exécution : un rendu à la fois par processus,
# pour tous les PDF du portail (contrats, réponses écrites du guichet).
_VERROU = threading.Lock()


def ecrire_pdf(html: HTML, **options: object) -> bytes:
    """Les octets du PDF de ``html`` : un rendu à la fois par processus, chaque flux compressé
    une fois. Tout rendu WeasyPrint du portail passe par ici."""
    with _VERROU:
        return html.write_pdf(finisher=_compresser_une_fois, **options)


def _date_w3c(moment: datetime.datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _paragraphe(paragraphe: Paragraphe, classe: str = "") -> str:
    attribut = f' class="{classe}"' if classe else ""
    return f"<p{attribut}>{_segments(paragraphe)}</p>"


def _segments(paragraphe: Paragraphe) -> str:
    return "".join(
        f"<strong>{escape(s.texte)}</strong>" if s.gras else escape(s.texte)
        for s in paragraphe.segments
    )


def _blocs(blocs: tuple[Bloc, ...]) -> str:
    morceaux = []
    for bloc in blocs:
        if isinstance(bloc, Liste):
            elements = "".join(f"<li>{_segments(e)}</li>" for e in bloc.elements)
            morceaux.append(f"<ul>{elements}</ul>")
        else:
            morceaux.append(_paragraphe(bloc))
    return "".join(morceaux)


def document_html(document: Document) -> str:
    """Le HTML du document ; tout texte est échappé ici et nulle part ailleurs."""
    meta = document.metadonnees
    tete = (
        f'<meta charset="utf-8"><title>{escape(meta.titre)}</title>'
        f'<meta name="author" content="{escape(meta.auteur)}">'
        f'<meta name="description" content="{escape(meta.sujet)}">'
        f'<meta name="generator" content="RH TPE">'
        f'<meta name="dcterms.created" content="{_date_w3c(meta.cree_le)}">'
        f'<meta name="dcterms.modified" content="{_date_w3c(meta.modifie_le)}">'
    )
    corps = ['<div class="entete">']
    corps += [f"<p>{escape(ligne)}</p>" for ligne in document.entete]
    corps.append("</div>")
    corps.append(f"<h1>{escape(document.titre)}</h1>")
    if document.sous_titre:
        corps.append(f'<p class="sous-titre">{escape(document.sous_titre)}</p>')
    corps.append(f'<p class="introduction">{escape(document.introduction)}</p>')
    for index, partie in enumerate(document.parties):
        if index:
            corps.append(f'<p class="liaison">{escape(document.liaison_parties)}</p>')
        corps.append('<div class="partie">')
        corps += [_paragraphe(ligne) for ligne in partie.lignes]
        corps.append(f'<p class="denomination">{escape(partie.denomination)}</p></div>')
    corps.append(f'<div class="preambule">{_blocs(document.preambule)}</div>')
    # Pas d'élément autour de chaque article : l'intitulé suffit, et 12 blocs imbriqués de
    # plus coûtaient ~5 % du rendu (bench/documents.py).
    for article in document.articles:
        corps.append(f"<h2>{escape(article.intitule)}</h2>{_blocs(article.blocs)}")
    signature = document.signature
    corps.append(f'<section class="signature"><p>{escape(signature.formule)}</p><table>')
    for classe, attribut in (("role", "role"), ("nom", "nom"), ("mention", "mention")):
        cellules = "".join(
            f"<td>{escape(getattr(s, attribut))}</td>" for s in signature.signataires
        )
        corps.append(f'<tr class="{classe}">{cellules}</tr>')
    vides = "<td></td>" * len(signature.signataires)
    corps.append(f'<tr class="espace">{vides}</tr></table></section>')
    langue = escape(meta.langue)
    return (
        f'<!DOCTYPE html><html lang="{langue}"><head>{tete}</head>'
        f"<body>{''.join(corps)}</body></html>"
    )


def rendre_pdf(document: Document) -> tuple[str, str, bytes]:
    """Rend le document en PDF : (nom de fichier, type MIME, octets), comme les rendus de pretix.

    Mêmes document et dates de métadonnées → mêmes octets.
    """
    outils = _outils()
    html = HTMLDuDocument(
        string=document_html(document),
        base_url=DOSSIER_POLICES.as_uri() + "/",
        url_fetcher=outils.recuperateur,
    )
    contenu = ecrire_pdf(
        html,
        stylesheets=[outils.feuille],
        font_config=outils.configuration,
        pdf_variant=VARIANTE_PDF,
        color_profiles=outils.profils,
        output_intent=PROFIL_SRGB,
    )
    return f"{document.nom_fichier}.pdf", MIME_PDF, contenu
