"""La structure unique d'un document généré.

La composition (`composition.py`) construit un `Document` à partir d'un type de document et des
réponses ; `pdf.py` et `docx.py` le rendent chacun à sa manière. Tout le texte imprimé est ici, déjà
substitué : un moteur de rendu ne fabrique aucune phrase, il ne fait que mettre en forme. C'est ce
qui garantit que le PDF et le DOCX disent les mêmes mots.

Le texte est toujours de la donnée (des chaînes Python), jamais un gabarit : chaque moteur
l'échappe à sa façon (entités HTML pour WeasyPrint, texte brut pour python-docx).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Segment:
    """Un morceau de texte d'un paragraphe, avec sa mise en valeur."""

    texte: str
    gras: bool = False


@dataclass(frozen=True)
class Paragraphe:
    segments: tuple[Segment, ...]

    @property
    def texte(self) -> str:
        return "".join(segment.texte for segment in self.segments)

    @classmethod
    def simple(cls, texte: str, *, gras: bool = False) -> Paragraphe:
        return cls((Segment(texte, gras=gras),))


@dataclass(frozen=True)
class Liste:
    """Une liste à puces ; la puce est un dessin, pas un caractère, dans les deux formats."""

    elements: tuple[Paragraphe, ...]


Bloc = Paragraphe | Liste


@dataclass(frozen=True)
class Article:
    numero: int
    titre: str
    blocs: tuple[Bloc, ...]

    @property
    def intitule(self) -> str:
        # Le numéro fait partie du texte (et non d'une numérotation automatique de Word) : les
        # deux formats impriment ainsi exactement le même intitulé.
        return f"Article {self.numero} – {self.titre}"


@dataclass(frozen=True)
class Partie:
    """Une partie au contrat : son rôle, son identité, la façon dont le texte la nomme ensuite."""

    lignes: tuple[Paragraphe, ...]
    denomination: str


@dataclass(frozen=True)
class Signataire:
    role: str
    nom: str
    mention: str


@dataclass(frozen=True)
class Signature:
    lieu: str
    date: str
    exemplaires: str
    signataires: tuple[Signataire, ...]

    @property
    def formule(self) -> str:
        return f"Fait à {self.lieu}, le {self.date}, en {self.exemplaires}."


@dataclass(frozen=True)
class Metadonnees:
    """Propriétés du fichier (titre, auteur, dates).

    Les dates sont données par l'appelant : un document enregistré se rend de nouveau à
    l'identique, octet pour octet, s'il repasse les mêmes dates.
    """

    titre: str
    auteur: str
    sujet: str
    cree_le: datetime.datetime
    modifie_le: datetime.datetime
    langue: str = "fr"


@dataclass(frozen=True)
class Document:
    titre: str
    sous_titre: str
    entete: tuple[str, ...]
    introduction: str
    parties: tuple[Partie, ...]
    liaison_parties: str
    preambule: tuple[Bloc, ...]
    articles: tuple[Article, ...]
    signature: Signature
    metadonnees: Metadonnees
    nom_fichier: str = field(default="document")

    def paragraphes(self) -> list[str]:
        """Le texte du document dans l'ordre de lecture, un paragraphe par ligne.

        Sert aux tests et à l'empreinte du texte ; les moteurs de rendu suivent le même ordre.
        """
        lignes: list[str] = [*self.entete, self.titre]
        if self.sous_titre:
            lignes.append(self.sous_titre)
        lignes.append(self.introduction)
        for index, partie in enumerate(self.parties):
            if index:
                lignes.append(self.liaison_parties)
            lignes.extend(ligne.texte for ligne in partie.lignes)
            lignes.append(partie.denomination)
        lignes.extend(_textes_des_blocs(self.preambule))
        for article in self.articles:
            lignes.append(article.intitule)
            lignes.extend(_textes_des_blocs(article.blocs))
        lignes.append(self.signature.formule)
        # Le bloc de signature est un tableau, une colonne par signataire : il se lit ligne à
        # ligne (les rôles, puis les noms, puis les mentions).
        signataires = self.signature.signataires
        for attribut in ("role", "nom", "mention"):
            lignes.append(" ".join(getattr(s, attribut) for s in signataires))
        return lignes


def _textes_des_blocs(blocs: tuple[Bloc, ...]) -> list[str]:
    textes: list[str] = []
    for bloc in blocs:
        if isinstance(bloc, Liste):
            textes.extend(element.texte for element in bloc.elements)
        else:
            textes.append(bloc.texte)
    return textes
