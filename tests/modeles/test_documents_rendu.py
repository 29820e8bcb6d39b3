"""Le PDF et le DOCX d'un document disent les mêmes mots, avec toutes les mentions légales.

Les fichiers sont relus tels qu'un destinataire les recevrait : texte du PDF extrait par pypdf,
paragraphes et tableaux du DOCX lus par python-docx.
"""

from __future__ import annotations

import datetime
import importlib.resources
import io
import re
import zipfile

import pypdf
import pytest
from docx import Document as lire_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from fontTools.ttLib import TTFont

from rh_tpe import droit
from rh_tpe.modeles.catalogue import type_document
from rh_tpe.modeles.composition import (
    Composition,
    ReponsesInvalides,
    composer,
    heures_en_francais,
    taux_en_francais,
)
from rh_tpe.modeles.docx import MIME_DOCX, rendre_docx
from rh_tpe.modeles.pdf import DOSSIER_POLICES, MIME_PDF, rendre_pdf

DATE_FIXE = datetime.datetime(2026, 12, 1, 9, 30, tzinfo=datetime.UTC)
PIED_DE_PAGE = re.compile(r"^Page (\d+) / (\d+)$")


def normaliser(texte: str) -> str:
    """Seule normalisation admise : les blancs (retours à la ligne, espaces insécables)."""
    return " ".join(texte.split())


def texte_pdf(contenu: bytes) -> str:
    """Le texte du PDF, sans la ligne de pied de page « Page X / Y » de chaque page.

    Le pied de page est une décoration de la mise en page (le DOCX a le sien, en champs Word) :
    on vérifie qu'il est juste sur chaque page, puis on le retire avant de comparer.
    """
    lecteur = pypdf.PdfReader(io.BytesIO(contenu))
    pages = []
    for numero, page in enumerate(lecteur.pages, start=1):
        lignes = page.extract_text().splitlines()
        assert PIED_DE_PAGE.match(lignes[-1].strip()), lignes[-1]
        assert lignes[-1].strip() == f"Page {numero} / {len(lecteur.pages)}"
        pages.append("\n".join(lignes[:-1]))
    return "\n".join(pages)


def texte_docx(contenu: bytes) -> str:
    """Le texte du corps du DOCX dans l'ordre : paragraphes, puis tableaux ligne par ligne."""
    document = lire_docx(io.BytesIO(contenu))
    morceaux = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            morceaux.append(Paragraph(element, document).text)
        elif element.tag.endswith("}tbl"):
            for ligne in Table(element, document).rows:
                morceaux.append(" ".join(cellule.text for cellule in ligne.cells))
    return "\n".join(morceaux)


def composer_exemple(code: str, **modifications: object) -> Composition:
    reponses = {**type_document(code).exemple, **modifications}
    return composer(code, reponses, cree_le=DATE_FIXE)


def rendre_les_deux(composition: Composition) -> tuple[str, str]:
    nom_pdf, mime_pdf, pdf = rendre_pdf(composition.document)
    nom_docx, mime_docx, docx = rendre_docx(composition.document)
    assert (mime_pdf, mime_docx) == (MIME_PDF, MIME_DOCX)
    assert nom_pdf.endswith(".pdf") and nom_docx.endswith(".docx")
    assert nom_pdf.removesuffix(".pdf") == nom_docx.removesuffix(".docx")
    return normaliser(texte_pdf(pdf)), normaliser(texte_docx(docx))


def mentions_communes(composition: Composition) -> list[str]:
    """Identité des parties, convention collective, poste, rémunération, signature."""
    reponses = composition.reponses
    return [
        reponses["entreprise_raison_sociale"],
        f"SIRET {reponses['entreprise_siret']}",
        reponses["entreprise_adresse"],
        f"IDCC {reponses['convention_collective_idcc']}",
        reponses["convention_collective_titre"],
        f"{reponses['salarie_prenom']} {reponses['salarie_nom']}",
        reponses["salarie_adresse"],
        reponses["poste_intitule"],
        reponses["lieu_travail"],
        "1 950,00 €" if composition.type_code == "promesse_embauche" else "",
        "Fait à Cahors",
        "en deux exemplaires originaux",
    ]


def mentions_contrat(composition: Composition) -> list[str]:
    """Mentions d'un contrat écrit (R1221-34, L1242-12) communes au CDI et au CDD."""
    reponses = composition.reponses
    return [
        *mentions_communes(composition),
        reponses["poste_fonctions"],
        reponses["classification"],
        reponses["caisse_retraite"],
        reponses["prevoyance"],
        reponses["complementaire_sante"],
        reponses["elements_remuneration"],
        "par virement bancaire",
        f"adressée à {reponses['organisme_dpae']}",
        "Lu et approuvé",
        "congés payés",
        "L6321-1",
    ]


def verifier(composition: Composition, mentions: list[str]) -> str:
    texte_du_pdf, texte_du_docx = rendre_les_deux(composition)
    attendu = normaliser("\n".join(composition.document.paragraphes()))
    assert texte_du_pdf == texte_du_docx
    assert texte_du_pdf == attendu
    for mention in filter(None, mentions):
        assert normaliser(mention) in texte_du_pdf, mention
    return texte_du_pdf


def test_cdi_a_temps_partiel_pdf_et_docx_disent_les_memes_mots_avec_les_mentions_l3123_6():
    composition = composer_exemple("cdi")
    reponses = composition.reponses
    heures = droit.heures_complementaires_max(heures_contractuelles=28).maximum
    texte = verifier(
        composition,
        [
            *mentions_contrat(composition),
            "Contrat de travail à durée indéterminée",
            "à temps partiel",
            "7 décembre 2026",
            "1 520,00 €",
            "période d'essai de 2 mois",
            # L3123-6 : durée, répartition, cas de modification, communication, limites.
            "La durée hebdomadaire de travail est fixée à 28 heures",
            reponses["repartition_detail"],
            reponses["cas_modification_repartition"],
            reponses["communication_horaires"],
            f"dans la limite de {heures_en_francais(heures)} par semaine",
        ],
    )
    assert "Article 1 – Engagement" in texte


PARTIEL_CDD = {
    "temps_de_travail": "partiel",
    "heures_hebdomadaires": "28",
    "salaire_brut_mensuel": "1600",
    "repartition": "semaine",
    "repartition_detail": "du mardi au vendredi de 7 h à 14 h",
    "cas_modification_repartition": "absence d'un collègue",
    "communication_horaires": "par un planning écrit",
}
CONVENUES = "n'effectuera pas plus de 2,5 heures complémentaires par semaine"


@pytest.mark.parametrize(("code", "partiel"), [("cdi", {}), ("cdd", PARTIEL_CDD)])
def test_les_heures_complementaires_convenues_sont_imprimees_en_pdf_et_en_docx(code, partiel):
    composition = composer_exemple(code, **partiel, heures_complementaires_prevues="2,5")
    texte = verifier(composition, [*mentions_contrat(composition), CONVENUES, "L3123-28"])
    # La limite légale reste écrite : la limite convenue s'y ajoute.
    assert "dans la limite de 2 heures" in texte
    assert composition.reponses["heures_complementaires_prevues"] == "2.5"


@pytest.mark.parametrize(("code", "partiel"), [("cdi", {}), ("cdd", PARTIEL_CDD)])
def test_sans_heures_complementaires_convenues_le_contrat_n_en_parle_pas(code, partiel):
    composition = composer_exemple(code, **partiel)
    texte = verifier(composition, mentions_contrat(composition))
    assert "n'effectuera pas plus de" not in texte
    assert "heures_complementaires_prevues" not in composition.reponses


@pytest.mark.parametrize("code", ["cdi", "cdd", "promesse_embauche"])
def test_aucun_type_ne_demande_le_numero_de_securite_sociale(code):
    for nom, question in type_document(code).questions.items():
        assert "nir" not in nom.split("_") and "securite" not in nom
        assert "sécurité sociale" not in question.libelle.lower()


def test_cdd_de_remplacement_a_terme_imprecis_porte_les_mentions_de_l1242_12():
    composition = composer_exemple("cdd")
    taux = taux_en_francais(droit.regle("cdd.indemnite_fin_contrat.taux").valeur)
    date_remise = droit.cdd_transmis_au_plus_tard(embauche=datetime.date(2026, 12, 14))
    verifier(
        composition,
        [
            *mentions_contrat(composition),
            "Contrat de travail à durée déterminée",
            # 1° personne remplacée ; 3° durée minimale ; 6° essai ; 7° rémunération.
            "Le salarié remplace Sophie Lacoste",
            "vendeuse qualifiée, niveau 2, coefficient 160",
            "durée minimale de 3 mois",
            "le retour de Sophie Lacoste à son poste",
            "période d'essai de 10 jours",
            "1 900,00 €",
            # Motif précis, poste à risques (L4154-2), indemnité de fin de contrat (L1243-8).
            "absence pour congé de maternité de la salariée remplacée",
            "L1242-2 1°",
            "risques particuliers pour la santé ou la sécurité",
            f"indemnité de fin de contrat égale à {taux}",
            f"au plus tard le {date_remise.day} décembre 2026",
        ],
    )


def test_cdd_a_terme_precis_porte_la_date_de_fin_et_la_clause_de_renouvellement():
    composition = composer_exemple(
        "cdd", motif="accroissement_temporaire", terme="precis", date_fin="2027-03-12"
    )
    maximum = droit.duree_maximale_cdd(motif="accroissement_temporaire")
    texte = verifier(
        composition,
        [*mentions_contrat(composition), "au 12 mars 2027 inclus", f"dépasse {maximum}"],
    )
    assert "renouvelé" in texte


def test_offre_de_contrat_porte_emploi_remuneration_date_lieu_et_delai():
    composition = composer_exemple("promesse_embauche")
    texte = verifier(
        composition,
        [
            *mentions_communes(composition),
            "Offre de contrat de travail",
            "l'employeur fait au candidat une offre ferme",
            "L'entrée en fonction est fixée au 21 décembre 2026",
            "Cette offre est valable jusqu'au 11 décembre 2026 inclus",
            "Bon pour accord",
        ],
    )
    # Une seule voix : l'offre parle « du candidat », partie désignée comme telle, jamais « vous ».
    assert not re.search(r"\bvous\b", texte, re.IGNORECASE)


def test_une_reponse_n_est_jamais_interpretee_ni_en_html_ni_comme_gabarit():
    piege = "<script>alert('x')</script> {{ salarie_nom }} {% debug %} & Fils <b>gras</b>"
    gabarit = "**pas gras** {salarie_nom} {{ 7*7 }}"
    composition = composer_exemple(
        "cdi", poste_intitule=piege, poste_fonctions=gabarit, entreprise_raison_sociale="A & B"
    )
    texte_du_pdf, texte_du_docx = rendre_les_deux(composition)
    for texte in (texte_du_pdf, texte_du_docx):
        assert normaliser(piege) in texte
        assert normaliser(gabarit) in texte
        assert "A & B" in texte
        assert "49" not in texte
    # Le HTML donné à WeasyPrint et le XML du DOCX portent le texte échappé, jamais la balise.
    from rh_tpe.modeles.pdf import document_html

    html = document_html(composition.document)
    assert "<script>" not in html and "&lt;script&gt;" in html
    _nom, _mime, docx = rendre_docx(composition.document)
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        xml = archive.read("word/document.xml").decode()
    assert "<script>" not in xml and "&lt;script&gt;" in xml


def test_memes_reponses_et_memes_dates_donnent_les_memes_octets():
    premiere, seconde = composer_exemple("cdi"), composer_exemple("cdi")
    assert premiere.document == seconde.document
    assert rendre_pdf(premiere.document) == rendre_pdf(seconde.document)
    assert rendre_docx(premiere.document) == rendre_docx(seconde.document)
    autre_date = composer(
        "cdi", type_document("cdi").exemple, cree_le=DATE_FIXE + datetime.timedelta(days=1)
    )
    assert rendre_pdf(autre_date.document)[2] != rendre_pdf(premiere.document)[2]
    assert rendre_les_deux(autre_date) == rendre_les_deux(premiere)


def test_le_premier_pdf_d_un_processus_a_les_memes_octets_que_les_suivants():
    """Un document rendu juste après le démarrage d'un processus, puis de nouveau plus tard,
    donne le même fichier : le profil de couleur incorporé ne change pas d'un rendu à l'autre."""
    from rh_tpe.modeles import pdf

    document = composer_exemple("cdi").document
    pdf._outils.cache_clear()
    try:
        premier, second = rendre_pdf(document), rendre_pdf(document)
    finally:
        pdf._outils.cache_clear()
    assert premier == second
    # Le profil incorporé est le fichier sRGB livré avec WeasyPrint, octet pour octet.
    lecteur = pypdf.PdfReader(io.BytesIO(second[2]))
    intention = lecteur.trailer["/Root"]["/OutputIntents"][0].get_object()
    profil = intention["/DestOutputProfile"].get_object().get_data()
    attendu = (importlib.resources.files("weasyprint.pdf") / "sRGB2014.icc").read_bytes()
    assert profil == attendu


@pytest.mark.parametrize(
    ("code", "modifications"),
    [
        ("cdi", {}),
        ("cdd", {}),
        ("cdd", {"motif": "accroissement_temporaire", "terme": "precis", "date_fin": "2027-03-12"}),
        (
            "promesse_embauche",
            {"poste_intitule": "عامل مخبز", "entreprise_raison_sociale": "A & B"},
        ),
    ],
)
def test_la_feuille_agent_reduite_donne_le_pdf_de_la_feuille_html_complete(
    monkeypatch, code, modifications
):
    """`pdf-agent.css` ne garde de la feuille HTML de WeasyPrint que ce qui touche nos
    éléments : le PDF doit rester, octet pour octet, celui de la feuille complète."""
    from weasyprint import HTML

    from rh_tpe.modeles import pdf

    # La méthode remplacée est interne à WeasyPrint : si elle change de nom, on le saura.
    assert callable(getattr(HTML, "_ua_stylesheets", None))
    document = composer_exemple(code, **modifications).document
    reduit = rendre_pdf(document)
    monkeypatch.setattr(pdf, "HTMLDuDocument", HTML)
    assert rendre_pdf(document) == reduit


def test_le_docx_a_de_vrais_styles_word_une_pagination_et_ses_proprietes():
    composition = composer_exemple("cdi")
    _nom, _mime, contenu = rendre_docx(composition.document)
    document = lire_docx(io.BytesIO(contenu))
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Subtitle", "Heading 1", "List Bullet", "Normal"} <= styles
    articles = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert articles[0] == "Article 1 – Engagement"
    pied = document.sections[0].footer._element.xml
    assert "PAGE" in pied and "NUMPAGES" in pied
    proprietes = document.core_properties
    assert proprietes.title == "Contrat de travail à durée indéterminée"
    assert proprietes.author == "RH TPE"
    assert proprietes.created == DATE_FIXE
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_les_titres_du_docx_sont_dans_la_police_du_texte():
    """Les titres du modèle de python-docx désignent la police du thème (Calibri Light), que Word
    et LibreOffice préfèrent au nom de police donné : les intitulés d'articles sortaient dans une
    autre police que le texte, et que le PDF."""
    _nom, _mime, contenu = rendre_docx(composer_exemple("cdi").document)
    styles = lire_docx(io.BytesIO(contenu)).styles
    for nom in ("Normal", "Title", "Subtitle", "Heading 1"):
        polices = styles[nom].element.rPr.rFonts
        assert {polices.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia")} == {
            "Times New Roman"
        }, nom
        assert not [attribut for attribut in polices.attrib if "theme" in attribut.lower()], nom


def test_le_docx_ne_porte_pas_les_restes_du_modele_de_python_docx():
    """Ni la vignette d'un autre document, ni la copie des styles pour Word 2010, ni les
    130 styles de tableau colorés : le fichier reste léger et se rend vite."""
    _nom, _mime, contenu = rendre_docx(composer_exemple("cdi").document)
    parties = set(zipfile.ZipFile(io.BytesIO(contenu)).namelist())
    assert {"word/document.xml", "word/styles.xml", "word/footer1.xml"} <= parties
    assert not parties & {"docProps/thumbnail.jpeg", "word/stylesWithEffects.xml"}
    assert not any(nom.startswith("customXml/") for nom in parties)
    document = lire_docx(io.BytesIO(contenu))
    styles_de_tableau = {s.name for s in document.styles if s.type == WD_STYLE_TYPE.TABLE}
    assert styles_de_tableau == {"Normal Table", "Table Grid"}
    assert len(contenu) < 20_000


def test_le_pdf_est_un_pdf_a_avec_titre_auteur_dates_et_polices_incorporees():
    composition = composer_exemple("cdd")
    _nom, _mime, contenu = rendre_pdf(composition.document)
    lecteur = pypdf.PdfReader(io.BytesIO(contenu))
    assert lecteur.metadata.title == "Contrat de travail à durée déterminée"
    assert lecteur.metadata.author == "RH TPE"
    assert lecteur.metadata["/CreationDate"] == "D:20261201093000Z"
    catalogue = lecteur.trailer["/Root"]
    assert catalogue["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"
    assert b"pdfaid:part" in catalogue["/Metadata"].get_object().get_data()
    polices, familles = set(), set()
    for page in lecteur.pages:
        for police in page["/Resources"]["/Font"].values():
            descripteur = police.get_object()["/DescendantFonts"][0].get_object()
            fichier = descripteur["/FontDescriptor"]["/FontFile2"].get_object().get_data()
            polices.add(str(descripteur["/BaseFont"]).split("+")[-1])
            familles.add(TTFont(io.BytesIO(fichier))["name"].getDebugName(1))
    # La famille « Document » de pdf.css, servie par les fichiers Liberation Serif du projet :
    # la chasse de Times New Roman, la police du DOCX.
    assert polices <= {"Document", "Document-Bold", "Document-Italic"}
    assert familles == {"Liberation Serif"}
    # A4 : 595 × 842 points.
    boite = lecteur.pages[0].mediabox
    assert (round(float(boite.width)), round(float(boite.height))) == (595, 842)


def test_chaque_flux_du_pdf_est_compresse_et_le_fichier_porte_l_identifiant_du_pdf_a():
    """Les flux compressés par `pdf.py` lui-même se relisent comme ceux de pydyf."""
    _nom, _mime, contenu = rendre_pdf(composer_exemple("cdi").document)
    lecteur = pypdf.PdfReader(io.BytesIO(contenu), strict=True)
    flux = [
        objet
        for numero in range(1, lecteur.trailer["/Size"])
        if isinstance(objet := lecteur.get_object(numero), pypdf.generic.StreamObject)
    ]
    # Pages, polices, profil de couleur, métadonnées XMP.
    assert len(flux) >= 8
    for objet in flux:
        assert objet["/Filter"] == "/FlateDecode"
        assert objet.get_data()
    assert len(contenu) < 40_000
    identifiant = lecteur.trailer["/ID"]
    assert len(identifiant) == 2 and all(identifiant)


# --- Accord des unités : « 1 heure », « 2,5 heures » (une valeur sous 2 reste au singulier) ---


@pytest.mark.parametrize(("code", "partiel"), [("cdi", {}), ("cdd", PARTIEL_CDD)])
def test_une_heure_complementaire_convenue_s_ecrit_au_singulier(code, partiel):
    composition = composer_exemple(code, **partiel, heures_complementaires_prevues="1")
    texte = verifier(composition, ["n'effectuera pas plus de 1 heure complémentaire par semaine"])
    assert "1 heures" not in texte


def test_une_duree_de_travail_sous_deux_heures_s_ecrit_au_singulier_dans_les_trois_types():
    faible = {
        "heures_hebdomadaires": "1,5",
        "derogation_temps_partiel": "demande_ecrite_cumul_activites",
        "salaire_brut_mensuel": "200",
    }
    cdi = verifier(composer_exemple("cdi", **faible), ["fixée à 1,5 heure."])
    cdd = verifier(composer_exemple("cdd", **{**PARTIEL_CDD, **faible}), ["fixée à 1,5 heure."])
    offre = verifier(
        composer_exemple("promesse_embauche", temps_de_travail="partiel", **faible),
        ["pour une durée de travail de 1,5 heure par semaine"],
    )
    for texte in (cdi, cdd, offre):
        assert "1,5 heures" not in texte
    # La limite légale des heures complémentaires (un dixième : 9 minutes) sans « 0 heure ».
    assert "dans la limite de 9 minutes par semaine" in cdi
    assert "0 heure" not in cdi


def test_la_duree_mensuelle_et_la_moyenne_hebdomadaire_restent_au_pluriel():
    composition = composer_exemple("cdi", repartition="mois", heures_hebdomadaires="27,5")
    verifier(composition, ["soit 27,5 heures par semaine en moyenne"])


@pytest.mark.parametrize("code", ["cdi", "cdd"])
def test_un_temps_partiel_reparti_sur_le_mois_compte_ses_heures_complementaires_au_mois(code):
    """L3123-28 : un dixième de la durée « d'un même mois » pour un horaire mensuel (24 h par
    semaine → 104 h par mois → 10 h 24 par mois), sans atteindre la durée légale mensuelle
    (L3123-9 : 151 2/3 h) ; la limite hebdomadaire ne concerne que l'horaire de la semaine."""
    mensuel = verifier(
        composer_exemple(
            code, temps_de_travail="partiel", repartition="mois", heures_hebdomadaires="24"
        ),
        [
            "La durée mensuelle de travail est fixée à 104 heures",
            "dans la limite de 10 heures 24 minutes par mois, sans que sa durée de travail du "
            "mois atteigne la durée légale mensuelle de 151 heures 40 minutes.",
        ],
    )
    hebdomadaire = verifier(
        composer_exemple(
            code, temps_de_travail="partiel", repartition="semaine", heures_hebdomadaires="24"
        ),
        ["dans la limite de 2 heures 24 minutes par semaine"],
    )
    assert "par semaine, sans que" not in mensuel
    assert "par mois, sans que" not in hebdomadaire


# --- Une période d'essai de zéro jour n'est pas une période d'essai ---------------------------


@pytest.mark.parametrize("code", ["cdi", "cdd", "promesse_embauche"])
def test_une_periode_d_essai_de_zero_jour_vaut_absence_de_periode_d_essai(code):
    texte = verifier(composer_exemple(code, periode_essai="0 jours"), [])
    assert "0 jour" not in texte
    assert "Période d'essai" not in texte


# --- Les caractères de mise en forme invisibles ne passent pas dans un contrat --------------


@pytest.mark.parametrize(
    "invisible",
    [
        "\u202e",  # forçage droite-à-gauche : retourne à l'affichage le texte du contrat qui suit
        "\u202d",
        "\u2067",  # isolat droite-à-gauche
        "\u2028",  # séparateur de ligne : absent de la police du PDF (carré vide)
        "\u2029",
        "\u0085",  # caractère de contrôle C1
    ],
)
def test_un_caractere_de_mise_en_forme_invisible_est_refuse(invisible):
    with pytest.raises(ReponsesInvalides) as erreur:
        composer_exemple("cdi", poste_fonctions=f"vente{invisible} caisse")
    assert "poste_fonctions" in erreur.value.erreurs


def test_un_texte_en_ecriture_de_droite_a_gauche_est_imprime_tel_quel():
    composition = composer_exemple("cdi", salarie_nom="כהן", poste_fonctions="بيع الخبز")
    texte_du_pdf, texte_du_docx = rendre_les_deux(composition)
    # pypdf relit une virgule voisine d'un mot hébreu de l'autre côté de l'espace : on compare
    # sans les espaces.
    assert texte_du_pdf.replace(" ", "") == texte_du_docx.replace(" ", "")
    for texte in (texte_du_pdf, texte_du_docx):
        assert "بيع الخبز" in texte and "כהן" in texte


# --- Un mot plus long qu'une ligne reste entier dans la page du PDF ----------------------------


def test_un_mot_plus_long_qu_une_ligne_passe_a_la_ligne_dans_le_pdf():
    """Sans coupure possible, WeasyPrint laissait le mot déborder de la marge puis de la page :
    la fin de la mention (ici l'adresse de la caisse de retraite, L1242-12 8°) n'était pas
    imprimée dans le PDF, alors que Word la coupe dans le DOCX."""
    adresse = (
        "adhesionentreprisessalariesnouveauxcontrats@"
        "caisseexempleretraitecomplementaireagircarrcoregionoccitanie.fr"
    )
    composition = composer_exemple("cdd", caisse_retraite=f"Caisse Exemple, {adresse}")
    _nom, _mime, pdf = rendre_pdf(composition.document)
    lecteur = pypdf.PdfReader(io.BytesIO(pdf))
    largeur_page = float(lecteur.pages[0].mediabox.width)
    debordements = []

    police = TTFont(DOSSIER_POLICES / "LiberationSerif-Regular.ttf")
    chasses, unites_par_em = police.getBestCmap(), police["head"].unitsPerEm

    def largeur(texte: str, taille: float) -> float:
        """Largeur du texte en romain (le gras est plus large : c'est un minimum)."""
        avances = (police["hmtx"][chasses[ord(c)]][0] for c in texte if ord(c) in chasses)
        return sum(avances) * taille / unites_par_em

    def releve(texte, cm, tm, _police, taille):
        # Position et taille en points de la page (WeasyPrint écrit en px : cm les convertit).
        x, taille_pt = tm[4] * cm[0] + cm[4], taille * cm[0]
        if texte.strip() and x + largeur(texte.rstrip(), taille_pt) > largeur_page:
            debordements.append(texte)

    for page in lecteur.pages:
        page.extract_text(visitor_text=releve)
    assert debordements == []
    # Le mot coupé se relit en entier, caractère pour caractère.
    assert adresse in "".join(texte_pdf(pdf).split())


@pytest.mark.parametrize("mots", [0, 20, 40, 60, 80, 100, 120, 140])
def test_le_bloc_des_signatures_n_est_jamais_seul_sur_sa_page(mots):
    """Une page qui ne porterait que « Fait à … » et les signatures pourrait être détachée du
    contrat et jointe à un autre texte : la fin du dernier article la suit toujours. Les missions,
    plus ou moins longues, font tomber les signatures à différents endroits de la page."""
    fonctions = " ".join(["accueil de la clientèle et mise en rayon"] + ["vente"] * mots)
    composition = composer_exemple("cdd", poste_fonctions=fonctions)
    lecteur = pypdf.PdfReader(io.BytesIO(rendre_pdf(composition.document)[2]))
    derniere = normaliser(lecteur.pages[-1].extract_text())
    assert "Fait à Cahors" in derniere
    avant_la_formule = derniere.split("Fait à Cahors")[0]
    dernier_article = composition.document.articles[-1].intitule
    assert dernier_article in avant_la_formule, (len(lecteur.pages), avant_la_formule)
