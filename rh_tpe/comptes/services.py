"""Actions métier sur les comptes."""

import datetime
import logging
import smtplib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, ProtectedError, Q, QuerySet
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from rh_tpe import droit
from rh_tpe.comptes.models import DOMAINE_COMPTE_SUPPRIME, Entreprise, Utilisateur
from rh_tpe.comptes.securite import une_fois_par

journal = logging.getLogger(__name__)


#: Durée de validité du lien qui confirme une inscription : un patron lit souvent ses e-mails le
#: soir ou le lendemain. Choix du portail, pas une règle de droit.
VALIDITE_LIEN_CONFIRMATION = datetime.timedelta(days=3)
#: Une inscription jamais confirmée est effacée après ce délai : elle garderait l'adresse de
#: quelqu'un d'autre, et le SIRET (unique) d'une entreprise que son vrai chef ne pourrait plus
#: inscrire. Choix du portail, annoncé sur la page « Données personnelles ».
INSCRIPTION_NON_CONFIRMEE_GARDEE = datetime.timedelta(days=7)
#: Un e-mail d'inscription (lien de confirmation ou avis « compte existant ») au plus par compte
#: sur ce délai : des inscriptions ou des demandes de lien répétées avec l'adresse d'un autre
#: n'inondent pas sa boîte.
INTERVALLE_AVIS_INSCRIPTION = datetime.timedelta(minutes=10)
_SEL_CONFIRMATION = "rh_tpe.comptes.confirmation-inscription"


@transaction.atomic
def chef_entreprise_inscrire(*, compte: dict[str, Any], entreprise: dict[str, Any]) -> Utilisateur:
    """Crée l'entreprise et le compte de son chef, ensemble ou pas du tout. Le compte attend
    que son adresse soit confirmée (`lien_confirmation_envoyer`) pour se connecter."""
    nouvelle_entreprise = Entreprise(**entreprise)
    nouvelle_entreprise.full_clean()
    nouvelle_entreprise.save()
    return Utilisateur.objects.create_user(
        email=compte["email"],
        password=compte["password"],
        first_name=compte["first_name"],
        last_name=compte["last_name"],
        role=Utilisateur.Role.CHEF_ENTREPRISE,
        entreprise=nouvelle_entreprise,
        email_confirme_le=None,
    )


def inscription_recevoir(*, compte: dict[str, Any], entreprise: dict[str, Any]) -> None:
    """Une inscription valide : un nouvel espace en attente et son lien de confirmation, ou,
    pour une adresse déjà inscrite, un e-mail à cette seule adresse (de nouveau le lien si elle
    n'est pas confirmée, sinon l'avis « vous avez déjà un espace »). Rien ne dit à l'appelant
    lequel des deux : la page qui suit doit être la même."""
    from rh_tpe.comptes.tasks import envoyer_avis_inscription_existante, envoyer_lien_confirmation

    existant = Utilisateur.objects.filter(email__iexact=compte["email"]).first()
    if existant is None:
        utilisateur = chef_entreprise_inscrire(compte=compte, entreprise=entreprise)
        envoyer_lien_confirmation.enqueue(utilisateur.pk)
        return
    # Le mot de passe est chiffré comme pour un nouveau compte : la réponse ne vient pas plus
    # vite quand l'adresse est déjà inscrite.
    make_password(compte["password"])
    if _avis_inscription_permis(existant):
        if existant.email_confirme_le is None:
            envoyer_lien_confirmation.enqueue(existant.pk)
        else:
            envoyer_avis_inscription_existante.enqueue(existant.pk)


def lien_confirmation_redemander(*, email: str) -> None:
    """Un nouveau lien si `email` est celle d'une inscription à confirmer ; rien sinon."""
    from rh_tpe.comptes.tasks import envoyer_lien_confirmation

    compte = Utilisateur.objects.filter(
        email__iexact=email, is_active=True, email_confirme_le__isnull=True
    ).first()
    if compte and _avis_inscription_permis(compte):
        envoyer_lien_confirmation.enqueue(compte.pk)


def _avis_inscription_permis(compte: Utilisateur) -> bool:
    return une_fois_par(f"inscription-avis:{compte.pk}", INTERVALLE_AVIS_INSCRIPTION)


def _empreinte_email(email: str) -> str:
    return salted_hmac(_SEL_CONFIRMATION, email.lower()).hexdigest()[:24]


def jeton_de_confirmation(utilisateur: Utilisateur) -> str:
    """Le jeton signé et daté du lien de confirmation : le numéro du compte et une empreinte de
    son adresse, pas l'adresse elle-même (un lien finit dans des journaux)."""
    return signing.dumps(
        {"compte": utilisateur.pk, "empreinte": _empreinte_email(utilisateur.email)},
        salt=_SEL_CONFIRMATION,
    )


def compte_du_jeton(jeton: str) -> Utilisateur | None:
    """Le compte actif que désigne un jeton de confirmation encore valable, qu'il soit déjà
    confirmé ou non ; None pour un jeton faux, périmé, ou dont l'adresse a changé depuis."""
    try:
        donnees = signing.loads(jeton, salt=_SEL_CONFIRMATION, max_age=VALIDITE_LIEN_CONFIRMATION)
    except signing.BadSignature:
        return None
    if not isinstance(donnees, dict) or not isinstance(donnees.get("compte"), int):
        return None
    compte = Utilisateur.objects.filter(pk=donnees["compte"], is_active=True).first()
    if compte is None or not constant_time_compare(
        _empreinte_email(compte.email), str(donnees.get("empreinte"))
    ):
        return None
    return compte


def email_confirmer(*, utilisateur: Utilisateur) -> bool:
    """Tient l'adresse du compte pour confirmée (lien de confirmation ouvert, ou lien « mot de
    passe oublié » suivi : les deux prouvent que la personne lit cette boîte). Rend False si
    elle l'était déjà."""
    if utilisateur.email_confirme_le is not None:
        return False
    utilisateur.email_confirme_le = timezone.now()
    utilisateur.save(update_fields=["email_confirme_le"])
    return True


def lien_confirmation_envoyer(*, utilisateur_id: int) -> int:
    """Envoie le lien qui confirme l'adresse d'une inscription ; rend le nombre d'e-mails
    envoyés (0 si le compte est confirmé, désactivé ou supprimé entre-temps)."""
    utilisateur = Utilisateur.objects.filter(
        pk=utilisateur_id, is_active=True, email_confirme_le__isnull=True
    ).first()
    if utilisateur is None:
        return 0
    chemin = reverse(
        "comptes:inscription_confirmer", kwargs={"jeton": jeton_de_confirmation(utilisateur)}
    )
    # L'espace est désigné par son SIRET (des chiffres, clé vérifiée), jamais par un texte
    # libre de l'inscription : l'adresse n'est pas encore prouvée, et quiconque pourrait faire
    # porter par le portail, à n'importe quelle boîte, la phrase écrite en raison sociale.
    contexte = {
        "lien": lien_du_portail(chemin),
        "validite_jours": VALIDITE_LIEN_CONFIRMATION.days,
        "siret": utilisateur.entreprise.siret_lisible,
    }
    _envoyer("confirmation_inscription", contexte, utilisateur.email)
    return 1


def avis_inscription_existante_envoyer(*, utilisateur_id: int) -> int:
    """Répond à une inscription faite avec l'adresse d'un compte existant : c'est à cette
    adresse, et à elle seule, que le portail dit qu'un compte existe déjà (la page de
    l'inscription dit la même chose dans tous les cas). Rend le nombre d'e-mails envoyés."""
    utilisateur = Utilisateur.objects.filter(
        pk=utilisateur_id, is_active=True, email_confirme_le__isnull=False
    ).first()
    if utilisateur is None:
        return 0
    contexte = {
        "connexion": lien_du_portail(reverse("comptes:connexion")),
        "mot_de_passe_oublie": lien_du_portail(reverse("comptes:mot_de_passe_oublie")),
    }
    _envoyer("inscription_existante", contexte, utilisateur.email)
    return 1


@dataclass(frozen=True)
class InscriptionNonConfirmee:
    """Ce que dit la purge d'une inscription non confirmée : son numéro et sa date."""

    pk: int
    inscrit_le: datetime.date


def inscriptions_non_confirmees_supprimer(
    *, maintenant: datetime.datetime, simulation: bool = False
) -> list[InscriptionNonConfirmee]:
    """Supprime les comptes de chef d'entreprise dont l'adresse n'a pas été confirmée
    `INSCRIPTION_NON_CONFIRMEE_GARDEE` après l'inscription, et leur entreprise quand personne
    d'autre n'y est rattaché : sans connexion possible, ils n'ont rien pu y créer."""
    comptes = Utilisateur.objects.filter(
        role=Utilisateur.Role.CHEF_ENTREPRISE,
        email_confirme_le__isnull=True,
        last_login__isnull=True,
        date_joined__lt=maintenant - INSCRIPTION_NON_CONFIRMEE_GARDEE,
    ).order_by("pk")
    supprimees = []
    for compte in comptes:
        inscription = InscriptionNonConfirmee(
            pk=compte.pk, inscrit_le=timezone.localdate(compte.date_joined)
        )
        if not simulation:
            try:
                with transaction.atomic():
                    entreprise_id = compte.entreprise_id
                    compte.delete()
                    Entreprise.objects.filter(pk=entreprise_id, membres__isnull=True).delete()
            except ProtectedError:
                # Quelque chose a été rattaché à ce compte ou à son entreprise (par un
                # administrateur) : on le garde, c'est à lui de décider.
                journal.warning("Inscription non confirmée gardée (compte %s)", compte.pk)
                continue
        supprimees.append(inscription)
    return supprimees


def lien_du_portail(chemin: str) -> str:
    """L'adresse complète d'une page du portail, pour un e-mail : elle part du réglage
    RH_TPE_URL_BASE, jamais de l'en-tête Host d'une requête."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + chemin


def _envoyer(gabarit: str, contexte: dict[str, Any], adresse: str) -> None:
    """Un e-mail en français d'après ``comptes/email/<gabarit>_sujet.txt`` (sur une ligne) et
    ``comptes/email/<gabarit>.txt``."""
    with override("fr"):
        sujet = "".join(
            render_to_string(f"comptes/email/{gabarit}_sujet.txt", contexte).splitlines()
        )
        corps = render_to_string(f"comptes/email/{gabarit}.txt", contexte)
    EmailMessage(subject=sujet, body=corps, to=[adresse]).send()


def lien_reinitialisation_envoyer(*, utilisateur_id: int) -> int:
    """Envoie le lien « mot de passe oublié » à un compte actif qui peut en avoir un ; rend le
    nombre d'e-mails envoyés (0 si le compte a changé entre la demande et l'envoi). Le lien part
    de `lien_du_portail` : un tiers ne peut pas choisir vers quel nom, ni en http, le lien d'un
    autre pointe."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    utilisateur = Utilisateur.objects.filter(pk=utilisateur_id, is_active=True).first()
    if utilisateur is None or not utilisateur.has_usable_password():
        return 0
    chemin = reverse(
        "comptes:nouveau_mot_de_passe",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(utilisateur.pk)),
            "token": default_token_generator.make_token(utilisateur),
        },
    )
    contexte = {
        "lien": lien_du_portail(chemin),
        "validite_heures": settings.PASSWORD_RESET_TIMEOUT // 3600,
    }
    _envoyer("reinitialisation", contexte, utilisateur.email)
    return 1


def avis_mot_de_passe_modifie_envoyer(*, utilisateur_id: int) -> int:
    """Prévient le titulaire d'un compte que son mot de passe vient de changer : si ce n'est
    pas lui, le lien « mot de passe oublié » lui rend la main. Rend le nombre d'e-mails
    envoyés (0 pour un compte supprimé ou désactivé entre-temps)."""
    utilisateur = Utilisateur.objects.filter(pk=utilisateur_id, is_active=True).first()
    if utilisateur is None:
        return 0
    contexte = {"lien": lien_du_portail(reverse("comptes:mot_de_passe_oublie"))}
    _envoyer("mot_de_passe_modifie", contexte, utilisateur.email)
    return 1


def traces_de_connexion_purger(*, maintenant: datetime.datetime) -> int:
    """Supprime les échecs de connexion enregistrés par django-axes (compte visé, adresse IP)
    dont la suspension est terminée : ils ne servent plus à rien. Rend le nombre supprimé."""
    from axes.models import AccessAttempt

    seuil = maintenant - settings.AXES_COOLOFF_TIME
    supprimes, _detail = AccessAttempt.objects.filter(attempt_time__lt=seuil).delete()
    return supprimes


#: Délai entre l'e-mail qui annonce la suppression d'un compte inactif et la suppression : le
#: temps de se connecter pour le garder. Choix du portail, pas une règle de droit.
PREAVIS_SUPPRESSION = datetime.timedelta(days=30)


@dataclass(frozen=True)
class CompteInactif:
    """Ce que dit la purge d'un compte : ni nom ni adresse, seulement son numéro et ses dates."""

    pk: int
    role: str
    dernier_acces: datetime.date
    conserve_jusqu_au: datetime.date


def _comptes_inactifs(*, dernier_acces_au_plus_tard: datetime.date) -> QuerySet[Utilisateur]:
    """Les comptes (hors superutilisateurs, l'exploitant, et comptes déjà vidés) dont la
    dernière connexion, ou la création s'ils ne se sont jamais connectés, est ce jour-là ou
    avant."""
    return (
        Utilisateur.objects.filter(is_superuser=False)
        .exclude(email__endswith=f"@{DOMAINE_COMPTE_SUPPRIME}")
        .annotate(dernier_acces=Coalesce("last_login", "date_joined"))
        .filter(dernier_acces__date__lte=dernier_acces_au_plus_tard)
        .order_by("pk")
    )


def _compte_inactif(compte: Utilisateur) -> CompteInactif:
    dernier_acces = timezone.localdate(compte.dernier_acces)
    return CompteInactif(
        pk=compte.pk,
        role=compte.role,
        dernier_acces=dernier_acces,
        conserve_jusqu_au=droit.conservation_compte_jusqu_au(dernier_acces=dernier_acces),
    )


def comptes_inactifs_prevenir(
    *, aujourd_hui: datetime.date, simulation: bool = False
) -> list[CompteInactif]:
    """Écrit aux comptes actifs qui seront vidés dans `PREAVIS_SUPPRESSION` faute de connexion :
    la date de suppression et le lien de connexion. Une fois par période d'inactivité : un
    compte qui se connecte puis redevient inactif sera prévenu de nouveau. Un e-mail qui ne part
    pas sera retenté le lendemain ; tant qu'il n'est pas parti, le compte n'est pas vidé."""
    supprime_le = aujourd_hui + PREAVIS_SUPPRESSION
    comptes = (
        _comptes_inactifs(
            dernier_acces_au_plus_tard=droit.dernier_acces_compte_expire(aujourd_hui=supprime_le)
        )
        .filter(is_active=True)
        .filter(
            Q(prevenu_suppression_le__isnull=True)
            | Q(prevenu_suppression_le__lt=F("dernier_acces"))
        )
    )
    lien = lien_du_portail(reverse("comptes:connexion"))
    prevenus = []
    for compte in comptes:
        inactif = _compte_inactif(compte)
        if not simulation:
            with override("fr"):
                courriel = EmailMessage(
                    subject=_("RH TPE : votre compte sera supprimé le %(date)s")
                    % {"date": date_format(supprime_le, "j F Y")},
                    body=render_to_string(
                        "comptes/email/suppression_prochaine.txt",
                        {
                            "dernier_acces": inactif.dernier_acces,
                            "jamais_connecte": compte.last_login is None,
                            "chef_entreprise": compte.est_chef_entreprise,
                            "supprime_le": supprime_le,
                            "lien": lien,
                        },
                    ),
                    to=[compte.email],
                )
            try:
                courriel.send()
            except (smtplib.SMTPException, OSError):
                journal.exception(
                    "E-mail de suppression prochaine non envoyé (compte %s)", compte.pk
                )
                continue
            Utilisateur.objects.filter(pk=compte.pk).update(prevenu_suppression_le=timezone.now())
        prevenus.append(inactif)
    return prevenus


def comptes_inactifs_supprimer(
    *, aujourd_hui: datetime.date, simulation: bool = False
) -> list[CompteInactif]:
    """Vide de leurs données personnelles les comptes sans connexion depuis trois ans (ou, jamais
    connectés, créés il y a trois ans), comme l'annonce la page « Données personnelles » ; la
    durée vient de `rh_tpe.droit`. Un compte actif n'est vidé qu'après avoir été prévenu par
    e-mail depuis sa dernière connexion, et au moins `PREAVIS_SUPPRESSION` plus tôt.

    Voir `compte_vider` pour ce qui est effacé et ce qui reste. Les superutilisateurs
    (l'exploitant du service) ne sont pas concernés.
    """
    prevenu_au_plus_tard = aujourd_hui - PREAVIS_SUPPRESSION
    comptes = _comptes_inactifs(
        dernier_acces_au_plus_tard=droit.dernier_acces_compte_expire(aujourd_hui=aujourd_hui)
    ).filter(
        Q(is_active=False)
        | Q(
            prevenu_suppression_le__gte=F("dernier_acces"),
            prevenu_suppression_le__date__lte=prevenu_au_plus_tard,
        )
    )
    supprimes = []
    for compte in comptes:
        supprimes.append(_compte_inactif(compte))
        if not simulation:
            compte_vider(compte=compte)
    return supprimes


@transaction.atomic
def compte_vider(*, compte: Utilisateur) -> None:
    """Efface les données personnelles d'un compte : nom, prénom, adresse (remplacée par une
    adresse `.invalid`), mot de passe (inutilisable), échecs de connexion ; le compte est
    désactivé. La fiche reste, sous le nom « Compte supprimé », pour que les dossiers, les
    embauches et les documents de l'entreprise (gardés selon leurs propres durées) gardent un
    auteur ; l'adresse redevient libre pour une nouvelle inscription."""
    from axes.models import AccessAttempt

    AccessAttempt.objects.filter(username=compte.email).delete()
    compte.email = f"compte-{compte.pk}@{DOMAINE_COMPTE_SUPPRIME}"
    compte.first_name = ""
    compte.last_name = ""
    compte.is_active = False
    compte.set_unusable_password()
    compte.save(update_fields=["email", "first_name", "last_name", "is_active", "password"])
