"""Les pages du guichet : formulaires, file, échappement, e-mails, réponse écrite en PDF."""

import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from rh_tpe.dossiers import services
from rh_tpe.dossiers.models import Dossier, PieceJointe
from tests.dossiers.factories import DossierFactory, ReponseTypeFactory, organisation
from tests.dossiers.outils import (
    PDF_MINIMAL,
    faux_pdf,
    lire_jusqu_au_bout,
    pdf,
    pdf_d_une_page,
)
from tests.dossiers.test_fichiers import pdf_chiffre
from tests.outils import texte

pytestmark = pytest.mark.django_db
SCRIPT = "<script>alert('x')</script>"


def _poser(client, chef, **donnees):
    client.force_login(chef)
    return client.post(
        reverse("dossiers:nouveau"),
        {"theme": "conges", "question": "Combien de jours de congés ?", **donnees},
    )


def test_le_chef_pose_une_question_avec_une_piece_jointe(
    client, gens, mails, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reponse = _poser(
            client,
            gens.chef_a,
            type_contrat="cdd",
            date_debut_contrat="2026-03-02",
            pieces=[pdf()],
        )

    dossier = Dossier.objects.get()
    assert reponse.status_code == 302 and reponse.url == reverse(
        "dossiers:detail", args=[dossier.pk]
    )
    assert dossier.organisation.code == "dreets" and dossier.type_contrat == "cdd"
    piece = PieceJointe.objects.get()
    assert piece.type_mime == "application/pdf" and piece.nom == "bulletin.pdf"
    assert "bulletin" not in piece.fichier.name  # le nom donné n'entre pas dans le chemin
    # Pas de conseiller à prévenir, l'organisation n'a pas d'adresse : ses conseillers le sont.
    assert [m.to for m in mails] == [[gens.dreets.email], [gens.dreets2.email]]


def test_au_dela_des_questions_permises_la_question_est_gardee_et_rien_n_est_envoye(
    client, gens, monkeypatch
):
    monkeypatch.setattr(services, "QUESTIONS_MAX", 2)
    for _numero in range(2):
        assert _poser(client, gens.chef_a).status_code == 302

    reponse = _poser(client, gens.chef_a, question="Ma troisième question du jour ?")

    assert reponse.status_code == 429
    contenu = texte(reponse)
    assert "Vous avez posé 2 questions en 24 heures, le maximum." in contenu
    assert "Ma troisième question du jour ?" in contenu
    assert Dossier.objects.filter(auteur=gens.chef_a).count() == 2
    # Le compte d'une autre entreprise n'est pas concerné.
    assert _poser(client, gens.chef_b).status_code == 302


def test_au_dela_des_envois_permis_le_message_est_garde_et_rien_n_est_envoye(
    client, gens, dossier_dreets, monkeypatch, django_capture_on_commit_callbacks, mails
):
    monkeypatch.setattr(services, "ENVOIS_MAX", 2)
    client.force_login(gens.chef_a)
    url = reverse("dossiers:ecrire", args=[dossier_dreets.pk])
    for numero in range(2):
        assert client.post(url, {"message-texte": f"Précision {numero}"}).status_code == 302
    fichier = SimpleUploadedFile("bulletin.pdf", PDF_MINIMAL, content_type="application/pdf")
    joindre = reverse("dossiers:joindre", args=[dossier_dreets.pk])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(url, {"message-texte": "Ma troisième précision du jour"})
        fichiers = client.post(joindre, {"pieces-pieces": [fichier]})

    assert reponse.status_code == 409
    contenu = texte(reponse)
    assert "Vous avez envoyé 2 messages ou fichiers en 24 heures, le maximum." in contenu
    assert "Ma troisième précision du jour" in contenu
    assert fichiers.status_code == 409
    assert dossier_dreets.messages.filter(texte__startswith="Ma troisième").count() == 0
    assert not PieceJointe.objects.exists()
    assert mails == []


def test_un_fichier_deguise_est_refuse_sans_perdre_la_saisie(client, gens):
    reponse = _poser(client, gens.chef_a, question="Ma question gardée", pieces=[faux_pdf()])

    contenu = texte(reponse)
    assert reponse.status_code == 200
    assert "n'est pas un PDF, un DOCX, un ODT, un JPEG ou un PNG" in contenu
    assert "Ma question gardée" in contenu
    assert 'aria-describedby="id_pieces-desc-error"' in reponse.content.decode()
    assert not Dossier.objects.exists()


def test_un_document_avec_macros_est_refuse_avec_sa_raison(client, gens):
    from tests.dossiers.test_fichiers import docm_renomme

    piege = SimpleUploadedFile("contrat.docx", docm_renomme())
    reponse = _poser(client, gens.chef_a, question="Ma question gardée", pieces=[piege])

    contenu = texte(reponse)
    assert reponse.status_code == 200
    assert (
        "« contrat.docx » contient des macros ou renvoie vers un modèle ou un objet extérieur, "
        "refusés par sécurité"
    ) in contenu
    assert "Ma question gardée" in contenu
    assert not Dossier.objects.exists()


@pytest.mark.parametrize(
    ("contenu", "raison"),
    [
        (
            pdf_d_une_page(b"/OpenAction<</S/JavaScript/JS(app.alert(1))>>"),
            "« cerfa.pdf » contient du code (JavaScript), un fichier incorporé ou une action qui "
            "ouvre un autre fichier ou une adresse sans qu'on clique, refusés par sécurité. "
            "C'est souvent le cas d'un formulaire PDF à remplir (Cerfa) : ouvrez-le, choisissez "
            "« Imprimer » puis « Enregistrer au format PDF », et joignez la copie obtenue.",
        ),
        (PDF_MINIMAL[:60], "« cerfa.pdf » est un PDF endommagé ou incomplet."),
        (
            pdf_chiffre("secret"),
            "« cerfa.pdf » est protégé par un mot de passe : le conseiller ne pourrait pas "
            "l'ouvrir.",
        ),
    ],
    ids=["code", "endommage", "mot-de-passe"],
)
def test_un_pdf_refuse_dit_pourquoi_et_comment_le_joindre(client, gens, contenu, raison):
    piece = SimpleUploadedFile("cerfa.pdf", contenu, content_type="application/pdf")
    reponse = _poser(client, gens.chef_a, question="Ma question gardée", pieces=[piece])

    contenu_page = texte(reponse)
    assert reponse.status_code == 200
    assert raison in contenu_page
    assert "Ma question gardée" in contenu_page
    assert not Dossier.objects.exists()


def test_un_pdf_nomme_en_programme_s_enregistre_et_se_telecharge_en_pdf(client, gens, monkeypatch):
    from rh_tpe.dossiers import fichiers

    examens = []
    examiner = fichiers.examiner
    monkeypatch.setattr(fichiers, "examiner", lambda f: examens.append(f) or examiner(f))

    reponse = _poser(client, gens.chef_a, pieces=[pdf("relevé.bat")])

    assert reponse.status_code == 302
    piece = PieceJointe.objects.get()
    assert len(examens) == 1  # contrôlé par le formulaire, repris à l'enregistrement
    assert piece.nom == "relevé.pdf" and piece.type_mime == "application/pdf"
    url = reverse("dossiers:piece", args=[piece.dossier_id, piece.pk])
    telechargement = lire_jusqu_au_bout(client.get(url))
    assert "attachment" in telechargement["Content-Disposition"]
    assert "relev%C3%A9.pdf" in telechargement["Content-Disposition"]
    assert ".bat" not in telechargement["Content-Disposition"]
    # Une pièce enregistrée avant, sous le nom donné, se télécharge aussi en .pdf.
    PieceJointe.objects.filter(pk=piece.pk).update(nom="x;filename=evil.exe")
    telechargement = lire_jusqu_au_bout(client.get(url))
    assert ".exe" not in telechargement["Content-Disposition"]
    assert telechargement["Content-Disposition"].endswith('.pdf"')


def test_un_fichier_de_plus_de_10_mo_est_refuse(client, gens):
    gros = SimpleUploadedFile("gros.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024))

    reponse = _poser(client, gens.chef_a, pieces=[gros])

    assert "dépasse 10 Mo" in texte(reponse)
    assert not Dossier.objects.exists()


@pytest.mark.parametrize(
    ("donnees", "message"),
    [
        ({"theme": "", "question": ""}, "Champ requis"),
        ({"theme": "inconnu"}, "Sélectionnez un choix valide"),
        ({"date_debut_contrat": "2026-05-01", "date_fin_contrat": "2026-04-01"}, "précède"),
        ({"date_debut_contrat": "31/02/2026"}, "Saisissez une date valide"),
    ],
)
def test_les_erreurs_du_formulaire_sont_en_francais(client, gens, donnees, message):
    reponse = _poser(client, gens.chef_a, **donnees)

    assert reponse.status_code == 200
    assert message in texte(reponse)


def test_le_texte_des_personnes_est_echappe_dans_la_page(client, gens, dossier_dreets):
    Dossier.objects.filter(pk=dossier_dreets.pk).update(question=SCRIPT)
    dossier_dreets.refresh_from_db()
    services.reponse_envoyer(dossier=dossier_dreets, conseiller=gens.dreets, texte=SCRIPT)
    client.force_login(gens.chef_a)

    html = client.get(reverse("dossiers:detail", args=[dossier_dreets.pk])).content.decode()

    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    client.force_login(gens.dreets)
    assert SCRIPT not in client.get(reverse("dossiers:liste")).content.decode()


def test_les_e_mails_ne_transportent_ni_la_question_ni_la_reponse(
    gens, dossier_dreets, mails, django_capture_on_commit_callbacks
):
    Dossier.objects.filter(pk=dossier_dreets.pk).update(question=SCRIPT)
    with django_capture_on_commit_callbacks(execute=True):
        services.reponse_envoyer(dossier=dossier_dreets, conseiller=gens.dreets, texte=SCRIPT)

    (courriel,) = mails
    assert courriel.to == [gens.chef_a.email]
    assert "<script" not in courriel.body and "alert" not in courriel.body
    assert gens.chef_a.entreprise.raison_sociale not in courriel.body
    assert f"Dossier n° {dossier_dreets.pk}" in courriel.subject
    assert f"/dossiers/{dossier_dreets.pk}/" in courriel.body
    assert "a répondu à votre question" in courriel.body


def test_l_e_mail_de_cloture_donne_le_delai_de_reouverture_du_guichet(
    gens, dossier_dreets, mails, django_capture_on_commit_callbacks, monkeypatch
):
    # Un autre délai que celui du code : l'e-mail doit suivre le réglage, pas un chiffre écrit.
    monkeypatch.setattr(services, "DELAI_REOUVERTURE", datetime.timedelta(days=45))
    with django_capture_on_commit_callbacks(execute=True):
        services.dossier_clore(dossier=dossier_dreets, conseiller=gens.dreets, resolution="Fait")

    (courriel,) = mails
    assert courriel.to == [gens.chef_a.email]
    assert "Vous pouvez le rouvrir pendant 45 jours" in courriel.body


def test_la_reponse_ecrite_est_un_pdf_date_qui_imprime_le_texte_tel_quel(
    client, gens, dossier_dreets
):
    Dossier.objects.filter(pk=dossier_dreets.pk).update(question=f"Question {SCRIPT}")
    dossier_dreets.refresh_from_db()
    message = services.reponse_envoyer(
        dossier=dossier_dreets, conseiller=gens.dreets, texte=f"Réponse {SCRIPT}"
    )
    client.force_login(gens.chef_a)
    url = reverse("dossiers:reponse_ecrite", args=[dossier_dreets.pk, message.pk])

    reponse = client.get(url)

    assert reponse["Content-Type"] == "application/pdf"
    date = message.cree_le.astimezone().strftime("%Y-%m-%d")
    assert f"reponse-ecrite-dossier-{dossier_dreets.pk}-" in reponse["Content-Disposition"]
    lu = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(reponse.content)).pages)
    lu = " ".join(lu.split())
    assert "Réponse écrite" in lu
    assert "Question <script>alert('x')</script>" in lu
    assert "Réponse <script>alert('x')</script>" in lu
    assert gens.chef_a.entreprise.siret in lu and "IDCC 843" in lu
    assert "L5143-1" in lu
    assert date[:4] in reponse["Content-Disposition"]
    # Le texte ne change pas : le même PDF se télécharge toujours.
    assert client.get(url).content == reponse.content


def test_une_reponse_de_la_cci_n_est_pas_une_reponse_ecrite(client, gens):
    dossier = DossierFactory(
        auteur=gens.chef_a,
        organisation=organisation("cci"),
        conseiller=gens.cci,
        statut="en_cours",
    )
    message = services.reponse_envoyer(dossier=dossier, conseiller=gens.cci, texte="Aides")
    client.force_login(gens.chef_a)

    assert (
        client.get(reverse("dossiers:reponse_ecrite", args=[dossier.pk, message.pk])).status_code
        == 404
    )
    assert "Télécharger la réponse écrite" not in texte(
        client.get(reverse("dossiers:detail", args=[dossier.pk]))
    )


def test_une_reponse_vide_est_signalee_sans_changer_le_dossier(client, gens, dossier_dreets):
    client.force_login(gens.dreets)

    reponse = client.post(
        reverse("dossiers:transferer", args=[dossier_dreets.pk]), {"transfert-motif": " "}
    )

    assert reponse.status_code == 400
    assert "Champ requis" in texte(reponse)
    dossier_dreets.refresh_from_db()
    assert dossier_dreets.organisation.code == "dreets"


def test_le_second_conseiller_apprend_que_le_dossier_est_pris(client, gens):
    dossier = DossierFactory(auteur=gens.chef_a)
    client.force_login(gens.dreets)
    client.post(reverse("dossiers:prendre", args=[dossier.pk]))
    client.force_login(gens.dreets2)

    reponse = client.post(reverse("dossiers:prendre", args=[dossier.pk]), follow=True)

    assert "Le dossier a déjà été pris par Sophie Bernard" in texte(reponse)
    dossier.refresh_from_db()
    assert dossier.conseiller == gens.dreets


def test_la_reponse_type_pre_remplit_la_reponse(client, gens):
    dossier = DossierFactory(
        auteur=gens.chef_a,
        organisation=organisation("cci"),
        conseiller=gens.cci,
        statut="en_cours",
    )
    modele = ReponseTypeFactory()
    client.force_login(gens.cci)

    contenu = texte(
        client.get(reverse("dossiers:detail", args=[dossier.pk]), {"reponse_type": modele.pk})
    )

    assert f"Bonjour {gens.chef_a.get_full_name()}, pour Boulangerie A" in contenu
    # Une réponse type d'une autre organisation, ou un identifiant farfelu, est ignorée :
    # « ² » et « ١ » sont des chiffres pour isdigit() mais pas pour int() (c'était une 500).
    for valeur in [
        "abc",
        "999999",
        "²",
        "١",
        "99999999999999999999",
        str(ReponseTypeFactory(organisation=organisation("dreets")).pk),
    ]:
        reponse = client.get(
            reverse("dossiers:detail", args=[dossier.pk]), {"reponse_type": valeur}
        )
        assert reponse.status_code == 200
        assert reponse.context["reponse_form"].initial == {}


@pytest.mark.parametrize(
    "parametres",
    [
        {"tri": "-entreprise__siret"},
        {"tri": "question"},
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-1"},
        {"statut": "<script>"},
        {"theme": "x", "attribution": "n'importe", "en_retard": "peut-être"},
        {"q": "x" * 500},
    ],
)
def test_la_file_ignore_les_parametres_farfelus(client, gens, parametres):
    DossierFactory.create_batch(3, auteur=gens.chef_a)
    client.force_login(gens.dreets)

    assert client.get(reverse("dossiers:liste"), parametres).status_code == 200


def test_la_file_filtre_cherche_trie_et_signale_le_retard(client, gens):
    import datetime

    from django.utils import timezone

    hier = timezone.localdate() - datetime.timedelta(days=1)
    en_retard = DossierFactory(auteur=gens.chef_a, question="Heures supplémentaires", echeance=hier)
    a_moi = DossierFactory(
        auteur=gens.chef_b, question="Congé maternité", conseiller=gens.dreets, statut="en_cours"
    )
    clos = DossierFactory(auteur=gens.chef_b, question="Rupture conventionnelle", statut="clos")
    client.force_login(gens.dreets)
    url = reverse("dossiers:liste")

    def numeros(**parametres):
        page = client.get(url, parametres).context["page"]
        return [d.pk for d in page.object_list]

    assert set(numeros()) == {en_retard.pk, a_moi.pk}
    assert numeros(statut="clos") == [clos.pk]
    assert numeros(attribution="moi") == [a_moi.pk]
    assert numeros(attribution="personne") == [en_retard.pk]
    assert numeros(en_retard="on") == [en_retard.pk]
    assert numeros(q="MATERNITÉ".lower()) == [a_moi.pk]
    assert numeros(tri="creation_asc") == [en_retard.pk, a_moi.pk]
    assert numeros(tri="creation") == [a_moi.pk, en_retard.pk]
    assert "rh-retard" in client.get(url).content.decode()


def test_la_file_est_paginee(client, gens):
    DossierFactory.create_batch(30, auteur=gens.chef_a)
    client.force_login(gens.dreets)

    premiere = client.get(reverse("dossiers:liste"))
    seconde = client.get(reverse("dossiers:liste"), {"page": "2"})

    assert len(premiere.context["page"].object_list) == 25
    assert len(seconde.context["page"].object_list) == 5
    assert "Page 1 sur 2" in texte(premiere)


def test_les_statistiques_de_l_organisation(client, gens):
    import datetime

    from django.utils import timezone

    maintenant = timezone.now()
    for heures, note in [(2, 5), (4, 3), (30, None)]:
        DossierFactory(
            auteur=gens.chef_a,
            cree_le=maintenant - datetime.timedelta(hours=heures),
            premiere_reponse_le=maintenant,
            statut="clos",
            note=note,
        )
    DossierFactory(auteur=gens.chef_b, echeance=timezone.localdate() - datetime.timedelta(days=2))
    DossierFactory(auteur=gens.chef_b, organisation=organisation("cci"))
    client.force_login(gens.dreets)

    contenu = texte(client.get(reverse("dossiers:statistiques")))

    stats = client.get(reverse("dossiers:statistiques")).context["stats"]
    assert (stats.recus, stats.en_retard, stats.evaluations) == (4, 1, 2)
    assert stats.delai_median_heures == pytest.approx(4)
    assert stats.satisfaction == pytest.approx(4)
    assert "4,0 / 5" in contenu


def test_le_parcours_de_l_entreprise_et_ses_e_mails(
    client, gens, mails, django_capture_on_commit_callbacks
):
    """Question → demande d'informations → réponse de l'entreprise → transfert → réponse →
    clôture → évaluation ; chaque étape qui concerne quelqu'un envoie un e-mail."""
    organisation("cci").__class__.objects.filter(code="cci").update(
        email_contact="guichet@cci.test"
    )
    with django_capture_on_commit_callbacks(execute=True):
        _poser(client, gens.chef_a, question="Un salarié peut-il refuser des heures ?")
    dossier = Dossier.objects.get()
    mail.outbox.clear()

    def etape(personne, action, donnees=None):
        client.force_login(personne)
        with django_capture_on_commit_callbacks(execute=True):
            reponse = client.post(reverse(f"dossiers:{action}", args=[dossier.pk]), donnees or {})
        assert reponse.status_code == 302, texte(reponse)
        envoyes = [(m.to[0], m.subject) for m in mails]
        mail.outbox.clear()
        return envoyes

    assert etape(gens.dreets, "prendre") == []
    assert etape(gens.dreets, "demander", {"demande-texte": "Quel contrat ?"}) == [
        (
            gens.chef_a.email,
            f"[RH TPE] Dossier n° {dossier.pk} : des informations vous sont demandées",
        )
    ]
    assert etape(gens.chef_a, "ecrire", {"message-texte": "Un CDI à temps plein."})[0][0] == (
        gens.dreets.email
    )
    envoyes = etape(gens.dreets, "transferer", {"transfert-motif": "Plutôt une aide CCI"})
    assert {a for a, _ in envoyes} == {gens.chef_a.email, "guichet@cci.test"}
    assert etape(gens.cci, "prendre") == []
    assert (
        etape(gens.cci, "ecrire", {"reponse-texte": "Voici les aides."})[0][0] == gens.chef_a.email
    )
    assert (
        etape(gens.cci, "clore", {"cloture-resolution": "Aide trouvée"})[0][0] == gens.chef_a.email
    )
    assert (
        etape(gens.chef_a, "evaluer", {"evaluation-note": "5", "evaluation-commentaire": "Merci"})
        == []
    )

    dossier.refresh_from_db()
    assert dossier.est_clos and dossier.note == 5 and dossier.organisation.code == "cci"
    client.force_login(gens.chef_a)
    contenu = texte(client.get(reverse("dossiers:detail", args=[dossier.pk])))
    assert "Voici les aides." in contenu and "Plutôt une aide CCI" not in contenu
    assert "Réponse évaluée 5 / 5" in contenu


def test_mon_espace_liste_les_dossiers_du_chef_et_ouvre_la_file_au_conseiller(client, gens):
    DossierFactory(auteur=gens.chef_a)
    client.force_login(gens.chef_a)
    contenu = texte(client.get(reverse("comptes:mon_espace")))
    assert "Mes questions au guichet" in contenu and "Poser une question" in contenu

    client.force_login(gens.cci)
    contenu = texte(client.get(reverse("comptes:mon_espace")))
    assert "Ouvrir la file des dossiers" in contenu
    assert 'href="/dossiers/"' in client.get("/").content.decode()


def test_la_file_montre_a_part_les_dossiers_transferes(client, gens, dossier_dreets):
    services.dossier_transferer(dossier=dossier_dreets, conseiller=gens.dreets, motif="Aides")
    client.force_login(gens.dreets2)

    def numeros(**parametres):
        return [d.pk for d in client.get(reverse("dossiers:liste"), parametres).context["page"]]

    assert numeros() == []
    assert numeros(vue="transferes") == [dossier_dreets.pk]
    assert "Transféré à CCI du Lot" in texte(
        client.get(reverse("dossiers:liste"), {"vue": "transferes"})
    )


@pytest.mark.parametrize("nombre", [2, 40])
def test_le_nombre_de_requetes_ne_depend_pas_du_volume(
    client, gens, django_assert_max_num_queries, nombre
):
    dossiers = DossierFactory.create_batch(
        nombre, auteur=gens.chef_a, conseiller=gens.dreets, statut="en_cours"
    )
    for dossier in dossiers[:5]:
        services.reponse_envoyer(dossier=dossier, conseiller=gens.dreets, texte="R")
        services.note_ecrire(dossier=dossier, conseiller=gens.dreets, texte="N")
        services.piece_ajouter(dossier=dossier, par=gens.dreets, fichier=pdf())
    client.force_login(gens.dreets)

    with django_assert_max_num_queries(12):
        client.get(reverse("dossiers:liste"))
    with django_assert_max_num_queries(12):
        client.get(reverse("dossiers:detail", args=[dossiers[0].pk]))
    client.force_login(gens.chef_a)
    with django_assert_max_num_queries(12):
        client.get(reverse("dossiers:detail", args=[dossiers[0].pk]))
    with django_assert_max_num_queries(12):
        client.get(reverse("comptes:mon_espace"))


def test_le_formulaire_propose_les_suggestions_de_la_faq_si_elle_existe(client, gens, monkeypatch):
    from rh_tpe.dossiers import views

    client.force_login(gens.chef_a)
    html = client.get(reverse("dossiers:nouveau")).content.decode()
    assert 'data-url="/faq/suggestions"' in html and "suggestions.js" in html

    monkeypatch.setattr(views, "_url_suggestions_faq", lambda: None)
    html = client.get(reverse("dossiers:nouveau")).content.decode()
    assert "suggestions-faq" not in html and "suggestions.js" not in html


def test_le_chef_relie_un_de_ses_documents_generes_et_pas_celui_d_un_autre(client, gens):
    from django.utils import timezone

    from rh_tpe.modeles.models import DocumentGenere

    def document(chef):
        return DocumentGenere.objects.create(
            entreprise=chef.entreprise,
            type_code="cdi",
            type_version="1",
            titre="CDI de Léa",
            cree_le=timezone.now(),
        )

    le_mien, l_autre = document(gens.chef_a), document(gens.chef_b)

    refus = _poser(client, gens.chef_a, document=str(l_autre.pk))
    assert "Sélectionnez un choix valide" in texte(refus) and not Dossier.objects.exists()

    _poser(client, gens.chef_a, document=str(le_mien.pk))
    assert Dossier.objects.get().document == le_mien


# --- Une question posée depuis un article de la FAQ -----------------------------------------


@pytest.fixture
def article_faq(db):
    from rh_tpe.faq.models import FaqThemePage
    from tests.faq.conftest import creer_article

    return creer_article(
        FaqThemePage.objects.get(slug="conges"),
        titre="Combien de jours de congés payés par mois ?",
    )


def test_une_question_depuis_un_article_de_la_faq_est_preremplie(client, gens, article_faq):
    client.force_login(gens.chef_a)

    reponse = client.get(reverse("dossiers:nouveau"), {"faq": article_faq.pk})

    contenu = texte(reponse)
    assert reponse.status_code == 200
    assert reponse.context["form"]["theme"].value() == "conges"
    assert (
        "À propos de l'article de la FAQ « Combien de jours de congés payés par mois ? » : "
        in contenu
    )
    assert f'href="{article_faq.url}"' in reponse.content.decode()
    assert "Votre question part de l'article de la FAQ" in contenu


def test_le_lien_de_l_article_de_la_faq_mene_au_formulaire_prerempli(client, gens, article_faq):
    from rh_tpe.faq.models import lien_conseiller

    client.force_login(gens.chef_a)

    reponse = client.get(lien_conseiller(article_faq))

    assert reponse.status_code == 200
    assert reponse.context["form"]["theme"].value() == "conges"


def test_une_erreur_du_formulaire_garde_l_article_de_la_faq(client, gens, article_faq):
    client.force_login(gens.chef_a)

    reponse = client.post(
        reverse("dossiers:nouveau") + f"?faq={article_faq.pk}",
        {"theme": "", "question": "Ma question gardée"},
    )

    contenu = texte(reponse)
    assert reponse.status_code == 200
    assert "Ma question gardée" in contenu and "Votre question part de l'article" in contenu
    assert not Dossier.objects.exists()


@pytest.mark.parametrize(
    "faq", ["", "abc", "-1", "0", "99999999", "1" * 40, "１２", "²", "1.5", "%00", "<script>"]
)
def test_un_identifiant_de_faq_invalide_ou_inconnu_est_ignore(client, gens, faq):
    client.force_login(gens.chef_a)

    reponse = client.get(reverse("dossiers:nouveau"), {"faq": faq})

    assert reponse.status_code == 200
    assert "Votre question part de l'article" not in texte(reponse)
    assert reponse.context["form"]["question"].value() in (None, "")


def test_un_article_non_publie_ou_une_autre_page_est_ignore(client, gens, article_faq):
    from rh_tpe.faq.models import FaqThemePage
    from tests.faq.conftest import creer_article

    brouillon = creer_article(
        FaqThemePage.objects.get(slug="salaire"), titre="Brouillon secret", publier=False
    )
    theme = FaqThemePage.objects.get(slug="salaire")
    client.force_login(gens.chef_a)

    for page in (brouillon, theme):
        reponse = client.get(reverse("dossiers:nouveau"), {"faq": page.pk})
        assert reponse.status_code == 200
        assert "Brouillon secret" not in texte(reponse)
        assert "Votre question part de l'article" not in texte(reponse)
