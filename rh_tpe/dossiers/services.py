"""Les actions du guichet : une fonction par action, arguments nommés, tout ou rien.

Chaque action vérifie qu'elle est permise à la personne qui la fait (les vues ne sont que des
portes) et met en file, après la validation de la transaction, l'e-mail qui en prévient les
personnes concernées.
"""

from __future__ import annotations

import datetime
import re
import secrets
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rh_tpe.comptes.models import Organisation, Utilisateur
from rh_tpe.comptes.securite import limite_depassee
from rh_tpe.comptes.services import lien_du_portail
from rh_tpe.dossiers import fichiers
from rh_tpe.dossiers.models import (
    ORGANISATION_PAR_THEME,
    THEME_FAQ_PAR_THEME,
    Dossier,
    Message,
    PieceJointe,
    ReglageGuichet,
    Transfert,
)
from rh_tpe.dossiers.selectors import (
    derniere_reponse_publique,
    dossiers_visibles,
    est_chef_actif,
    est_conseiller_actif,
)
from rh_tpe.droit import ajouter_jours_ouvres, jours_ouvres_entre
from rh_tpe.faq.models import FaqArticlePage
from rh_tpe.faq.services import article_proposer
from rh_tpe.modeles.models import DocumentGenere

DELAI_PREMIERE_REPONSE_PAR_DEFAUT = 2  # jours ouvrés, réglable par organisation
DELAI_REOUVERTURE = datetime.timedelta(days=30)
# Au-delà, des questions en série (compte compromis, robot) inonderaient les files et les
# boîtes des conseillers ; un chef d'entreprise en pose rarement plus d'une ou deux par jour.
QUESTIONS_MAX = 10
FENETRE_QUESTIONS = datetime.timedelta(hours=24)
# De même pour les messages et les fichiers envoyés dans les dossiers : chacun prévient les
# conseillers par e-mail et peut porter 5 fichiers de 10 Mo. Un échange soutenu en compte
# rarement plus de quelques-uns par jour.
ENVOIS_MAX = 30
FENETRE_ENVOIS = datetime.timedelta(hours=24)
S = Dossier.Statut


class ActionRefusee(Exception):
    """Une action impossible dans l'état du dossier ; le message est pour la personne."""


# --- Règles de base ------------------------------------------------------------------------


def message_trop_de_questions() -> str:
    """Ce que lit la personne arrivée à `QUESTIONS_MAX` questions sur `FENETRE_QUESTIONS`."""
    return _("Vous avez posé %(nombre)s questions en %(heures)s heures, le maximum.") % {
        "nombre": QUESTIONS_MAX,
        "heures": int(FENETRE_QUESTIONS.total_seconds() // 3600),
    }


def question_de_trop(auteur: Utilisateur) -> bool:
    """Compte une question de plus posée par `auteur` (formulaire du guichet ou relecture d'un
    contrat) ; vrai au-delà de `QUESTIONS_MAX` sur `FENETRE_QUESTIONS`."""
    return limite_depassee(
        f"questions:{auteur.pk}", limite=QUESTIONS_MAX, fenetre=FENETRE_QUESTIONS
    )


def _refuser_envoi_de_trop(auteur: Utilisateur) -> None:
    """Compte un envoi de plus de l'entreprise (message ou fichiers) ; refusé au-delà
    d'`ENVOIS_MAX` sur `FENETRE_ENVOIS`, tous dossiers confondus."""
    if limite_depassee(f"envois:{auteur.pk}", limite=ENVOIS_MAX, fenetre=FENETRE_ENVOIS):
        raise ActionRefusee(
            _(
                "Vous avez envoyé %(nombre)s messages ou fichiers en %(heures)s heures, le "
                "maximum. Votre texte est conservé ci-dessous : réessayez plus tard, ou "
                "regroupez vos informations dans un seul message."
            )
            % {"nombre": ENVOIS_MAX, "heures": int(FENETRE_ENVOIS.total_seconds() // 3600)}
        )


def organisation_pour_theme(theme: str) -> Organisation:
    return Organisation.objects.get(code=ORGANISATION_PAR_THEME[theme])


def delai_premiere_reponse(organisation: Organisation) -> int:
    reglage = ReglageGuichet.objects.filter(organisation=organisation).first()
    return reglage.delai_premiere_reponse if reglage else DELAI_PREMIERE_REPONSE_PAR_DEFAUT


def echeance_premiere_reponse(
    *, organisation: Organisation, depuis: datetime.date
) -> datetime.date:
    """Le dernier jour ouvré (hors fériés, L3133-1) pour répondre une première fois."""
    return ajouter_jours_ouvres(depuis, delai_premiere_reponse(organisation))


def _conseiller_du_dossier(utilisateur: Utilisateur, dossier: Dossier) -> None:
    """Seul le conseiller qui a pris le dossier répond, demande, transfère ou clôt."""
    if (
        not est_conseiller_actif(utilisateur)
        or utilisateur.organisation_id != dossier.organisation_id
    ):
        raise PermissionDenied
    if dossier.conseiller_id != utilisateur.pk:
        raise ActionRefusee(_("Prenez d'abord le dossier pour agir dessus."))
    if dossier.est_clos:
        raise ActionRefusee(_("Le dossier est clos."))


def _chef_du_dossier(utilisateur: Utilisateur, dossier: Dossier) -> None:
    if not est_chef_actif(utilisateur) or utilisateur.entreprise_id != dossier.entreprise_id:
        raise PermissionDenied


def _evenement(dossier: Dossier, texte: str, *, par=None, interne: bool = False) -> Message:
    return Message.objects.create(
        dossier=dossier,
        auteur=par,
        organisation=getattr(par, "organisation", None),
        genre=Message.Genre.EVENEMENT,
        interne=interne,
        texte=texte,
    )


def _activite(dossier: Dossier, **champs) -> None:
    champs["derniere_activite"] = timezone.now()
    for nom, valeur in champs.items():
        setattr(dossier, nom, valeur)
    dossier.save(update_fields=list(champs))


def _notifier(evenement: str, dossier: Dossier) -> None:
    from rh_tpe.dossiers import tasks

    pk = dossier.pk
    transaction.on_commit(lambda: tasks.notifier.enqueue(evenement, pk))


def _joindre(
    dossier: Dossier, par: Utilisateur, televerses: Iterable[UploadedFile], message=None
) -> list[PieceJointe]:
    return [
        piece_ajouter(dossier=dossier, par=par, fichier=fichier, message=message)
        for fichier in televerses
    ]


def piece_ajouter(
    *, dossier: Dossier, par: Utilisateur, fichier: UploadedFile, message: Message | None = None
) -> PieceJointe:
    """Enregistre une pièce jointe dans le stockage privé, après contrôle de son contenu."""
    if fichier.size > fichiers.TAILLE_MAX:
        raise ActionRefusee(
            _("Le fichier dépasse %(taille)s Mo.") % {"taille": fichiers.TAILLE_MAX_MO}
        )
    examen = fichiers.examen_de(fichier)
    format_ = examen.format if examen.accepte else None
    if format_ is None:
        raise ActionRefusee(_("Ce fichier n'est ni un PDF, ni un DOCX, ni un ODT, ni une image."))
    piece = PieceJointe(
        dossier=dossier,
        message=message,
        deposee_par=par,
        jeton=secrets.token_hex(16),
        extension=format_.extension,
        nom=fichiers.nom_sur(fichier.name or "", format_.extension),
        type_mime=format_.type_mime,
        taille=fichier.size,
    )
    piece.fichier.save("piece", fichier, save=False)
    piece.save()
    return piece


# --- Côté entreprise -----------------------------------------------------------------------


@transaction.atomic
def dossier_creer(
    *,
    auteur: Utilisateur,
    theme: str,
    question: str,
    type_contrat: str = "",
    date_debut_contrat: datetime.date | None = None,
    date_fin_contrat: datetime.date | None = None,
    document: DocumentGenere | None = None,
    pieces: Iterable[UploadedFile] = (),
    organisation_code: str | None = None,
) -> Dossier:
    """Le chef d'entreprise pose une question ; elle va dans la file de l'organisation du thème.

    `organisation_code` aiguille explicitement vers une organisation (« cci », « dreets ») au
    lieu de celle du thème : la relecture d'un contrat produit par le parcours d'embauche va à
    la CCI (aide pratique), même si le thème « contrat » irait sinon à la DREETS.
    """
    if not est_chef_actif(auteur):
        raise PermissionDenied
    entreprise = auteur.entreprise
    if document is not None and document.entreprise_id != entreprise.pk:
        raise PermissionDenied
    if organisation_code is not None:
        organisation = Organisation.objects.get(code=organisation_code)
    else:
        organisation = organisation_pour_theme(theme)
    maintenant = timezone.now()
    dossier = Dossier.objects.create(
        entreprise=entreprise,
        auteur=auteur,
        organisation=organisation,
        theme=theme,
        question=question,
        type_contrat=type_contrat,
        date_debut_contrat=date_debut_contrat,
        date_fin_contrat=date_fin_contrat,
        document=document,
        raison_sociale=entreprise.raison_sociale,
        siret=entreprise.siret,
        idcc=entreprise.idcc,
        effectif=entreprise.effectif,
        cree_le=maintenant,
        derniere_activite=maintenant,
        echeance=echeance_premiere_reponse(
            organisation=organisation, depuis=timezone.localdate(maintenant)
        ),
    )
    _joindre(dossier, auteur, pieces)
    _notifier("nouveau", dossier)
    return dossier


def _reprendre_l_horloge(dossier: Dossier) -> dict:
    """Fin d'une attente : l'échéance recule d'autant de jours ouvrés que l'attente a duré."""
    champs: dict = {"statut": S.EN_COURS if dossier.conseiller_id else S.NOUVEAU}
    if dossier.attente_depuis and dossier.premiere_reponse_le is None:
        aujourd_hui = timezone.localdate()
        pause = jours_ouvres_entre(dossier.attente_depuis, max(aujourd_hui, dossier.attente_depuis))
        if pause:
            champs["echeance"] = ajouter_jours_ouvres(dossier.echeance, pause)
    champs["attente_depuis"] = None
    return champs


@transaction.atomic
def message_entreprise_envoyer(
    *, dossier: Dossier, auteur: Utilisateur, texte: str, pieces: Iterable[UploadedFile] = ()
) -> Message:
    """L'entreprise répond (à une demande d'informations, ou pour compléter sa question)."""
    _chef_du_dossier(auteur, dossier)
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if dossier.est_clos:
        raise ActionRefusee(_("Le dossier est clos : rouvrez-le pour écrire."))
    _refuser_envoi_de_trop(auteur)
    message = Message.objects.create(
        dossier=dossier, auteur=auteur, genre=Message.Genre.ENTREPRISE, texte=texte
    )
    _joindre(dossier, auteur, pieces, message)
    champs = _reprendre_l_horloge(dossier) if dossier.statut == S.ATTENTE else {}
    _activite(dossier, **champs)
    _notifier("message_entreprise", dossier)
    return message


@transaction.atomic
def pieces_ajouter(
    *, dossier: Dossier, par: Utilisateur, pieces: Iterable[UploadedFile]
) -> list[PieceJointe]:
    """Le chef d'entreprise ajoute des fichiers à son dossier, sans message. Un conseiller
    joint les siens à une réponse, une demande ou une note : seul celui qui a pris le dossier
    parle à l'entreprise."""
    _chef_du_dossier(par, dossier)
    if dossier.est_clos:
        raise ActionRefusee(_("Le dossier est clos : rouvrez-le pour ajouter un fichier."))
    _refuser_envoi_de_trop(par)
    ajoutees = _joindre(dossier, par, pieces)
    _activite(dossier)
    return ajoutees


@transaction.atomic
def dossier_clore_par_entreprise(*, dossier: Dossier, auteur: Utilisateur) -> None:
    _chef_du_dossier(auteur, dossier)
    if dossier.est_clos:
        raise ActionRefusee(_("Le dossier est déjà clos."))
    _evenement(dossier, _("L'entreprise a clos le dossier."), par=auteur)
    _activite(dossier, statut=S.CLOS, clos_le=timezone.now(), attente_depuis=None)
    _notifier("clos_par_entreprise", dossier)


@transaction.atomic
def dossier_rouvrir(*, dossier: Dossier, auteur: Utilisateur) -> None:
    """Pendant `DELAI_REOUVERTURE` après la clôture, l'entreprise peut rouvrir son dossier."""
    _chef_du_dossier(auteur, dossier)
    if not dossier.est_clos:
        raise ActionRefusee(_("Le dossier n'est pas clos."))
    if dossier.clos_le and timezone.now() - dossier.clos_le > DELAI_REOUVERTURE:
        raise ActionRefusee(
            _("Le dossier est clos depuis plus de %(jours)s jours : posez une nouvelle question.")
            % {"jours": DELAI_REOUVERTURE.days}
        )
    _evenement(dossier, _("L'entreprise a rouvert le dossier."), par=auteur)
    _activite(dossier, statut=S.EN_COURS if dossier.conseiller_id else S.NOUVEAU, clos_le=None)
    _notifier("rouvert", dossier)


def peut_rouvrir(dossier: Dossier) -> bool:
    return bool(
        dossier.est_clos
        and dossier.clos_le
        and timezone.now() - dossier.clos_le <= DELAI_REOUVERTURE
    )


@transaction.atomic
def dossier_evaluer(*, dossier: Dossier, auteur: Utilisateur, note: int, commentaire: str) -> None:
    _chef_du_dossier(auteur, dossier)
    if not dossier.est_clos:
        raise ActionRefusee(_("Vous pourrez évaluer la réponse une fois le dossier clos."))
    if dossier.note is not None:
        raise ActionRefusee(_("Vous avez déjà évalué ce dossier."))
    if not 1 <= note <= 5:
        raise ActionRefusee(_("La note va de 1 à 5."))
    dossier.note, dossier.commentaire_evaluation = note, commentaire
    dossier.save(update_fields=["note", "commentaire_evaluation"])


# --- Côté conseiller -----------------------------------------------------------------------


def dossier_prendre(*, dossier: Dossier, conseiller: Utilisateur) -> bool:
    """Prendre un dossier non attribué de sa file. Une seule personne gagne : la mise à jour
    conditionnelle ne touche la ligne que si personne ne l'a prise entre-temps."""
    if (
        not est_conseiller_actif(conseiller)
        or conseiller.organisation_id != dossier.organisation_id
    ):
        raise PermissionDenied
    with transaction.atomic():
        gagne = (
            Dossier.objects.filter(
                pk=dossier.pk,
                organisation_id=conseiller.organisation_id,
                conseiller__isnull=True,
            )
            .exclude(statut=S.CLOS)
            .update(
                conseiller=conseiller,
                statut=S.EN_COURS,
                derniere_activite=timezone.now(),
            )
        )
        if gagne:
            _evenement(
                dossier,
                _("%(nom)s (%(organisation)s) a pris le dossier.")
                % {"nom": conseiller.get_full_name(), "organisation": conseiller.organisation},
                par=conseiller,
            )
    dossier.refresh_from_db()
    return gagne == 1


@transaction.atomic
def reponse_envoyer(
    *, dossier: Dossier, conseiller: Utilisateur, texte: str, pieces: Iterable[UploadedFile] = ()
) -> Message:
    """Réponse à l'entreprise. Envoyée, elle ne se modifie plus (voir `Message.save`)."""
    _conseiller_du_dossier(conseiller, dossier)
    maintenant = timezone.now()
    message = Message.objects.create(
        dossier=dossier,
        auteur=conseiller,
        organisation=conseiller.organisation,
        genre=Message.Genre.REPONSE,
        texte=texte,
        cree_le=maintenant,
    )
    _joindre(dossier, conseiller, pieces, message)
    champs: dict = {}
    if dossier.premiere_reponse_le is None:
        champs["premiere_reponse_le"] = maintenant
    if dossier.statut == S.ATTENTE:
        champs.update(_reprendre_l_horloge(dossier))
    _activite(dossier, **champs)
    _notifier("reponse", dossier)
    return message


@transaction.atomic
def note_ecrire(*, dossier: Dossier, conseiller: Utilisateur, texte: str) -> Message:
    """Note interne : lue par les conseillers des deux organisations, jamais par l'entreprise."""
    if (
        not est_conseiller_actif(conseiller)
        or not dossiers_visibles(conseiller).filter(pk=dossier.pk).exists()
    ):
        raise PermissionDenied
    message = Message.objects.create(
        dossier=dossier,
        auteur=conseiller,
        organisation=conseiller.organisation,
        genre=Message.Genre.NOTE,
        interne=True,
        texte=texte,
    )
    return message


@transaction.atomic
def informations_demander(*, dossier: Dossier, conseiller: Utilisateur, texte: str) -> Message:
    """Le conseiller demande des précisions : le dossier attend, son horloge s'arrête."""
    _conseiller_du_dossier(conseiller, dossier)
    if dossier.statut == S.ATTENTE:
        raise ActionRefusee(_("Le dossier attend déjà des informations de l'entreprise."))
    message = Message.objects.create(
        dossier=dossier,
        auteur=conseiller,
        organisation=conseiller.organisation,
        genre=Message.Genre.DEMANDE,
        texte=texte,
    )
    _activite(dossier, statut=S.ATTENTE, attente_depuis=timezone.localdate())
    _notifier("demande", dossier)
    return message


@transaction.atomic
def dossier_transferer(*, dossier: Dossier, conseiller: Utilisateur, motif: str) -> Transfert:
    """Passe le dossier à l'autre organisation, non attribué ; les deux gardent l'historique."""
    _conseiller_du_dossier(conseiller, dossier)
    vers = Organisation.objects.exclude(pk=dossier.organisation_id).get(
        code__in=[Organisation.Code.CCI, Organisation.Code.DREETS]
    )
    transfert = Transfert.objects.create(
        dossier=dossier,
        de_organisation_id=dossier.organisation_id,
        vers_organisation=vers,
        par=conseiller,
        motif=motif,
    )
    _evenement(
        dossier,
        _("Transfert à %(organisation)s. Motif : %(motif)s")
        % {"organisation": vers, "motif": motif},
        par=conseiller,
        interne=True,
    )
    _evenement(
        dossier,
        _("Votre question est désormais suivie par %(organisation)s.") % {"organisation": vers},
        par=conseiller,
    )
    champs = _reprendre_l_horloge(dossier) if dossier.statut == S.ATTENTE else {}
    champs.update(organisation=vers, conseiller=None, statut=S.NOUVEAU)
    _activite(dossier, **champs)
    _notifier("transfert", dossier)
    return transfert


@transaction.atomic
def dossier_clore(*, dossier: Dossier, conseiller: Utilisateur, resolution: str) -> None:
    _conseiller_du_dossier(conseiller, dossier)
    _evenement(
        dossier,
        _("Dossier clos par %(organisation)s. Résolution : %(resolution)s")
        % {"organisation": conseiller.organisation, "resolution": resolution},
        par=conseiller,
    )
    _activite(
        dossier,
        statut=S.CLOS,
        clos_le=timezone.now(),
        resolution=resolution,
        attente_depuis=None,
    )
    _notifier("clos", dossier)


# --- Proposer pour la FAQ -----------------------------------------------------------------

# Un numéro de sécurité sociale (NIR) : sexe, année, mois, département, commune, ordre, clé.
_NIR = re.compile(r"\b[12]\s?\d{2}\s?\d{2}\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}(?:\s?\d{2})?\b")


def _contient_mot(texte: str, mot: str) -> bool:
    mot = mot.strip().casefold()
    return len(mot) >= 2 and re.search(rf"(?<!\w){re.escape(mot)}(?!\w)", texte) is not None


def donnees_personnelles(*, dossier: Dossier, texte: str) -> list[str]:
    """Ce qui identifie l'entreprise ou son dirigeant dans un texte destiné à la FAQ publique :
    raison sociale, SIRET ou SIREN, nom ou e-mail du chef d'entreprise, numéro de sécurité
    sociale. Les noms des salariés ne se devinent pas : l'aide du formulaire les fait retirer."""
    bas = texte.casefold()
    chiffres = re.sub(r"[\s.\-]", "", texte)
    trouvees = []
    raisons = {dossier.raison_sociale, dossier.entreprise.raison_sociale}
    if any(r.strip() and _contient_mot(bas, r) for r in raisons):
        trouvees.append(_("la raison sociale de l'entreprise"))
    sirets = {dossier.siret, dossier.entreprise.siret} - {""}
    if any(s[:9] in chiffres for s in sirets):
        trouvees.append(_("le SIRET ou le SIREN de l'entreprise"))
    auteur = dossier.auteur
    if _contient_mot(bas, auteur.last_name) or _contient_mot(bas, auteur.get_full_name()):
        trouvees.append(_("le nom du chef d'entreprise"))
    if auteur.email and auteur.email.casefold() in bas:
        trouvees.append(_("l'adresse e-mail du chef d'entreprise"))
    if _NIR.search(texte):
        trouvees.append(_("un numéro de sécurité sociale"))
    return trouvees


def message_donnees_personnelles(trouvees: list[str]) -> str:
    return _(
        "L'article de la FAQ sera public : retirez %(quoi)s, puis reformulez sans rien qui "
        "permette de reconnaître l'entreprise ou une personne."
    ) % {"quoi": ", ".join(trouvees)}


@transaction.atomic
def dossier_proposer_pour_faq(
    *, dossier: Dossier, conseiller: Utilisateur, question_reformulee: str, reponse: str
) -> FaqArticlePage:
    """Un bon échange devient un brouillon d'article de la FAQ, qu'un éditeur relit et publie.

    Un conseiller qui voit le dossier (sa file ou son historique) le propose, une seule fois,
    s'il a reçu une réponse publique. Le texte proposé ne doit rien contenir qui identifie
    l'entreprise ou son dirigeant. Un événement interne le note dans l'historique.
    """
    if (
        not est_conseiller_actif(conseiller)
        or not dossiers_visibles(conseiller).filter(pk=dossier.pk).exists()
    ):
        raise PermissionDenied
    # Le verrou de la ligne : deux conseillers qui proposent en même temps, un seul brouillon.
    dossier = (
        Dossier.objects.select_for_update(of=("self",))
        .select_related("entreprise", "auteur")
        .get(pk=dossier.pk)
    )
    if dossier.propose_faq_le is not None:
        raise ActionRefusee(_("Ce dossier a déjà été proposé pour la FAQ."))
    if derniere_reponse_publique(dossier) is None:
        raise ActionRefusee(
            _("Seul un dossier qui a reçu une réponse peut être proposé pour la FAQ.")
        )
    trouvees = donnees_personnelles(dossier=dossier, texte=f"{question_reformulee}\n{reponse}")
    if trouvees:
        raise ActionRefusee(message_donnees_personnelles(trouvees))
    article = article_proposer(
        theme_code_ou_page=THEME_FAQ_PAR_THEME.get(dossier.theme),
        question=question_reformulee,
        reponse=reponse,
        propose_par=conseiller,
    )
    dossier.propose_faq_le, dossier.article_faq = timezone.now(), article
    dossier.save(update_fields=["propose_faq_le", "article_faq"])
    _evenement(
        dossier,
        _("%(nom)s (%(organisation)s) a proposé ce dossier pour la FAQ : « %(titre)s ».")
        % {
            "nom": conseiller.get_full_name(),
            "organisation": conseiller.organisation,
            "titre": article.title,
        },
        par=conseiller,
        interne=True,
    )
    return article


# --- Notifications -------------------------------------------------------------------------

_SUJETS = {
    "nouveau": gettext_lazy("nouvelle question dans votre file"),
    "message_entreprise": gettext_lazy("nouveau message de l'entreprise"),
    "reponse": gettext_lazy("vous avez reçu une réponse"),
    "demande": gettext_lazy("des informations vous sont demandées"),
    "transfert": gettext_lazy("dossier transféré"),
    "clos": gettext_lazy("dossier clos"),
    "clos_par_entreprise": gettext_lazy("dossier clos par l'entreprise"),
    "rouvert": gettext_lazy("dossier rouvert par l'entreprise"),
}


def _destinataires_organisation(dossier: Dossier) -> list[str]:
    """Le conseiller qui suit le dossier, sinon l'adresse de l'organisation, sinon ses
    conseillers actifs."""
    if dossier.conseiller_id and dossier.conseiller.is_active:
        return [dossier.conseiller.email]
    if dossier.organisation.email_contact:
        return [dossier.organisation.email_contact]
    return list(
        Utilisateur.objects.filter(
            organisation=dossier.organisation,
            role=Utilisateur.Role.CONSEILLER,
            is_active=True,
        ).values_list("email", flat=True)
    )


def _destinataires_entreprise(dossier: Dossier) -> list[str]:
    return [dossier.auteur.email] if dossier.auteur.is_active else []


def notification_envoyer(*, evenement: str, dossier_id: int) -> int:
    """Envoie l'e-mail d'un événement : le numéro, le thème, l'organisation et un lien, rien
    de ce qui a été écrit (les e-mails ne transportent pas de données personnelles)."""
    from django.utils.translation import override

    dossier = (
        Dossier.objects.select_related("organisation", "conseiller", "auteur")
        .filter(pk=dossier_id)
        .first()
    )
    if dossier is None or evenement not in _SUJETS:
        return 0
    pour_entreprise = evenement in {"reponse", "demande", "transfert", "clos"}
    pour_organisation = evenement in {
        "nouveau",
        "message_entreprise",
        "transfert",
        "clos_par_entreprise",
        "rouvert",
    }
    lien = lien_du_portail(reverse("dossiers:detail", args=[dossier.pk]))
    envois = []
    with override("fr"):
        sujet = _("[RH TPE] Dossier n° %(numero)s : %(quoi)s") % {
            "numero": dossier.pk,
            "quoi": _SUJETS[evenement],
        }
        for cote, adresses in (
            ("entreprise", _destinataires_entreprise(dossier) if pour_entreprise else []),
            ("organisation", _destinataires_organisation(dossier) if pour_organisation else []),
        ):
            corps = render_to_string(
                "dossiers/email/notification.txt",
                {
                    "evenement": evenement,
                    "cote": cote,
                    "dossier": dossier,
                    "lien": lien,
                    "delai_reouverture": DELAI_REOUVERTURE.days,
                },
            )
            envois += [
                EmailMessage(subject=sujet, body=corps, to=[adresse]) for adresse in adresses
            ]
    for courriel in envois:
        courriel.send()
    return len(envois)
