"""Pages du parcours d'embauche. Les vues sont minces : formulaires, services, sélecteurs.

Accès : une personne non connectée est renvoyée vers la connexion ; un conseiller, un éditeur
ou un administrateur reçoit 403 ; le brouillon ou l'embauche d'une autre entreprise répond 404.
"""

from __future__ import annotations

import copy
import datetime
import functools
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, SuspiciousOperation, ValidationError
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from formtools.wizard.storage.base import BaseStorage
from formtools.wizard.views import NamedUrlWizardView

from rh_tpe import droit
from rh_tpe.embauche import forms, selectors, services
from rh_tpe.embauche.formalites import calendrier_ics
from rh_tpe.embauche.models import BrouillonEmbauche, Embauche

# Le parcours lit la FAQ pour relier un refus à l'article qui explique sa règle : une
# dépendance embauche → faq que le plan des pièces ne prévoyait pas, acceptable parce qu'elle
# ne fait que lire des pages publiées (un sélecteur, aucune écriture, aucun modèle de la FAQ).
from rh_tpe.faq.selectors import articles_faq_pour_references
from rh_tpe.modeles.composition import RefusJuridique, ReponsesInvalides

ETAPES = (
    ("entreprise", forms.EntrepriseEtapeForm, gettext_lazy("Entreprise")),
    ("salarie", forms.SalarieForm, gettext_lazy("Salarié")),
    ("poste", forms.PosteForm, gettext_lazy("Poste")),
    ("contrat", forms.ContratForm, gettext_lazy("Contrat")),
    ("temps", forms.TempsForm, gettext_lazy("Temps de travail")),
    ("remuneration", forms.RemunerationForm, gettext_lazy("Rémunération")),
    ("essai", forms.EssaiForm, gettext_lazy("Période d'essai")),
    ("clauses", forms.ClausesForm, gettext_lazy("Clauses particulières")),
    ("recapitulatif", forms.RecapitulatifForm, gettext_lazy("Récapitulatif")),
)
TITRES = {code: titre for code, _form, titre in ETAPES}
RECAP = "recapitulatif"
AVANT_RECAP = [code for code, _form, _titre in ETAPES if code != RECAP]
# Le formulaire de l'offre de contrat, à part de celui du récapitulatif sur la même page.
PREFIXE_OFFRE = "offre"


def chef_requis(vue: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @functools.wraps(vue)
    def enveloppe(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not selectors.est_chef_actif(request.user):
            raise PermissionDenied
        return vue(request, *args, **kwargs)

    return enveloppe


def relier_refus_a_la_faq(form: Any) -> None:
    """Le seul endroit du parcours qui relie un refus légal à la FAQ : pour chaque refus de
    l'étape affichée, l'article publié qui cite son article du Code (une requête pour toute
    l'étape), affiché sous l'erreur par `forms.ErreursEtape`. Les formulaires restent sans base
    de données : ils ne connaissent que le droit."""
    if not form.is_bound:
        return
    refus_legaux = [
        erreur.message
        for erreurs in form.errors.values()
        for erreur in erreurs.data
        if isinstance(erreur, ValidationError) and isinstance(erreur.message, forms.MessageRefus)
    ]
    if not refus_legaux:
        return
    liens = articles_faq_pour_references({message.article for message in refus_legaux})
    for message in refus_legaux:
        message.lien_faq = liens.get(message.article)


def _sans_nul(texte: str) -> str:
    return texte.replace("\x00", "")


class StockageBrouillon(BaseStorage):
    """Les réponses du parcours dans le brouillon en base, pas dans la session : le chef
    d'entreprise reprend son embauche depuis un autre appareil."""

    def __init__(self, prefix: str, request: HttpRequest | None = None, file_storage=None):
        super().__init__(prefix, request, file_storage)
        self.brouillon: BrouillonEmbauche | None = request.brouillon_embauche  # type: ignore[union-attr]
        # Une copie : comparer à la fin de la requête ce qui a changé (voir update_response).
        donnees = copy.deepcopy(self.brouillon.donnees) if self.brouillon else {}
        if donnees.get(self.step_data_key) is None:
            self.init_data()
        else:
            self.data = {
                self.step_key: donnees.get(self.step_key),
                self.step_data_key: donnees.get(self.step_data_key, {}),
                self.step_files_key: {},
                self.extra_data_key: donnees.get(self.extra_data_key, {}),
            }

    def set_step_data(self, step: str, cleaned_data: Any) -> None:
        """Garde la saisie telle quelle, sauf le caractère nul : PostgreSQL ne peut pas l'écrire
        dans un champ JSON (erreur 500), et le formulaire l'a de toute façon refusé."""
        super().set_step_data(step, cleaned_data)
        donnees = self.data[self.step_data_key][step]
        if isinstance(donnees, dict):
            self.data[self.step_data_key][step] = {
                _sans_nul(cle): [_sans_nul(v) if isinstance(v, str) else v for v in valeurs]
                if isinstance(valeurs, list)
                else valeurs
                for cle, valeurs in donnees.items()
            }

    def update_response(self, response: HttpResponse) -> None:
        super().update_response(response)
        brouillon = self.brouillon
        if brouillon is not None and brouillon.pk is not None and brouillon.donnees != self.data:
            brouillon.donnees = self.data
            # Par une mise à jour filtrée : un brouillon supprimé entre-temps (devenu une
            # embauche par un envoi simultané, supprimé depuis un autre onglet) n'est pas
            # recréé, et n'est pas une erreur.
            BrouillonEmbauche.objects.filter(pk=brouillon.pk).update(
                donnees=self.data, modifie_le=timezone.now()
            )


def _vers_l_embauche_enregistree(request: HttpRequest, identifiant: Any) -> HttpResponse:
    """Un brouillon déjà devenu une embauche (récapitulatif envoyé deux fois, adresse gardée
    dans l'historique) : l'embauche, qui porte son identifiant, plutôt qu'une page introuvable."""
    embauche = get_object_or_404(selectors.embauches_visibles(request.user), uuid=identifiant)
    messages.info(
        request,
        _("Cette embauche est déjà enregistrée : voici son contrat et ses formalités."),
    )
    return redirect("embauche:detail", uuid=embauche.uuid)


class ParcoursEmbauche(NamedUrlWizardView):
    form_list = [(code, form) for code, form, _titre in ETAPES]
    storage_name = "rh_tpe.embauche.views.StockageBrouillon"
    template_name = "embauche/etape.html"
    url_name = "embauche:etape"
    done_step_name = "termine"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not selectors.est_chef_actif(request.user):
            raise PermissionDenied
        brouillon = (
            selectors.brouillons_visibles(request.user).filter(uuid=kwargs["brouillon"]).first()
        )
        if brouillon is None:
            return _vers_l_embauche_enregistree(request, kwargs["brouillon"])
        self.brouillon = brouillon
        self.entreprise = request.user.entreprise
        request.brouillon_embauche = self.brouillon  # lu par StockageBrouillon
        return super().dispatch(request, *args, **kwargs)

    def get_prefix(self, request: HttpRequest, *args: Any, **kwargs: Any) -> str:
        return f"embauche_{self.brouillon.uuid}"

    def get_step_url(self, step: str) -> str:
        return reverse(self.url_name, kwargs={"brouillon": self.brouillon.uuid, "step": step})

    # --- Les formulaires et ce qu'ils savent des étapes précédentes ---------------------------

    def contexte_avant(self, step: str) -> dict[str, Any]:
        contexte: dict[str, Any] = {}
        for code, _form, _titre in ETAPES:
            if code == step:
                break
            donnees = self.get_cleaned_data_for_step(code)
            if donnees:
                contexte.update(donnees)
        return contexte

    def get_form_kwargs(self, step: str | None = None) -> dict[str, Any]:
        step = step or self.steps.current
        kwargs: dict[str, Any] = {"contexte": self.contexte_avant(step)}
        if step == "salarie":
            kwargs["entreprise"] = self.entreprise
        return kwargs

    def get_form_instance(self, step: str) -> Any:
        return self.entreprise if step == "entreprise" else None

    def get_form_initial(self, step: str) -> dict[str, Any]:
        if step == "entreprise":
            return self._initial_entreprise()
        if step == "poste":
            return {"lieu_travail": self.entreprise.adresse_complete}
        if step == RECAP:
            return {
                "lieu_signature": self.entreprise.commune,
                "date_signature": timezone.localdate(),
            }
        return {}

    def _initial_entreprise(self) -> dict[str, Any]:
        """Ce que le dernier contrat de l'entreprise disait déjà (signataire, caisses…)."""
        initial = {"representant": self.request.user.get_full_name()}
        derniere = selectors.embauches_visibles(self.request.user).first()
        if derniere is not None:
            reponses = derniere.document.reponses
            for champ, cle in (
                ("representant", "entreprise_representant"),
                ("representant_qualite", "entreprise_representant_qualite"),
                ("caisse_retraite", "caisse_retraite"),
                ("prevoyance", "prevoyance"),
                ("complementaire_sante", "complementaire_sante"),
                ("organisme_dpae", "organisme_dpae"),
            ):
                if reponses.get(cle):
                    initial[champ] = reponses[cle]
        return initial

    # --- Navigation : rien de ce qui est tapé n'est perdu ----------------------------------

    def get(self, *args: Any, **kwargs: Any) -> HttpResponse:
        step = kwargs.get("step")
        if step == self.done_step_name:
            return redirect(self.get_step_url(RECAP))
        if step == RECAP:
            manquante = self._etape_a_completer()
            if manquante is not None:
                return manquante
        return super().get(*args, **kwargs)

    def _etape_a_completer(self) -> HttpResponse | None:
        """Le récapitulatif suppose toutes les étapes valides (ses vérifications les lisent) :
        sinon, retour à la première étape à compléter, avec un message."""
        for code, _form, _titre in ETAPES[:-1]:
            if self.get_cleaned_data_for_step(code) is None:
                messages.warning(
                    self.request,
                    _("L'étape « %(etape)s » est à compléter avant le récapitulatif.")
                    % {"etape": TITRES[code]},
                )
                self.storage.current_step = code
                return redirect(self.get_step_url(code))
        return None

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        courante = self.request.POST.get(f"{self.prefix}-current_step") or self.steps.current
        if courante not in self.get_form_list():
            # Une étape inventée ferait échouer formtools (KeyError) : 400, comme il le fait
            # lui-même pour un formulaire de gestion trafiqué.
            raise SuspiciousOperation("étape inconnue dans le formulaire du parcours")
        aller_a = self.request.POST.get("wizard_goto_step")
        quitter = "enregistrer_quitter" in self.request.POST
        if courante == RECAP and not (aller_a or quitter):
            # Le récapitulatif envoyé alors qu'une étape n'est plus valide (autre onglet,
            # formulaire rejoué) : sa saisie est gardée, et la personne va à l'étape à compléter.
            manquante = self._etape_a_completer()
            if manquante is not None:
                self.storage.set_step_data(courante, self.request.POST)
                return manquante
            if "preparer_offre" in self.request.POST:
                return self._preparer_offre()
        if (aller_a or quitter) and courante in self.get_form_list():
            # Revenir en arrière ou quitter garde la saisie de l'étape, même incomplète.
            self.storage.set_step_data(courante, self.request.POST)
            if quitter:
                messages.success(
                    self.request,
                    _(
                        "Votre embauche est enregistrée en brouillon : reprenez-la quand vous "
                        "voulez depuis « Mon espace », sur cet appareil ou un autre."
                    ),
                )
                return redirect("comptes:mon_espace")
        reponse = super().post(*args, **kwargs)
        if (
            reponse.status_code == 200
            and courante in self.get_form_list()
            and not aller_a
            and self.request.POST.get(f"{self.prefix}-current_step")
        ):
            # Un refus : on garde aussi la saisie, pour la retrouver plus tard.
            self.storage.set_step_data(courante, self.request.POST)
        return reponse

    def render_next_step(self, form: Any, **kwargs: Any) -> HttpResponse:
        if self.request.GET.get("retour") == RECAP:
            self.storage.current_step = RECAP
            return redirect(self.get_step_url(RECAP))
        return super().render_next_step(form, **kwargs)

    # --- L'offre de contrat, avant le contrat ----------------------------------------------

    def _preparer_offre(self) -> HttpResponse:
        """Le formulaire de l'offre de contrat, envoyé depuis le récapitulatif : l'offre est
        produite et gardée avec le brouillon, qui reste ouvert pour le contrat. La saisie du
        récapitulatif n'est pas touchée ; celle de l'offre est gardée en cas de refus."""
        form_offre = forms.OffreForm(self.request.POST, prefix=PREFIXE_OFFRE)
        if not form_offre.is_valid():
            return self._recapitulatif_avec_l_offre(form_offre)
        etapes, echec = self._etapes_validees(AVANT_RECAP)
        if echec is not None:
            return echec
        etapes[RECAP] = {
            "lieu_signature": form_offre.cleaned_data["lieu"],
            "date_signature": form_offre.cleaned_data["date"],
        }
        try:
            services.offre_preparer(
                auteur=self.request.user,
                brouillon=self.brouillon,
                etapes=etapes,
                date_limite_acceptation=form_offre.cleaned_data["date_limite_acceptation"],
            )
        except services.BrouillonDejaFinalise:
            self.brouillon.pk = None
            return _vers_l_embauche_enregistree(self.request, self.brouillon.uuid)
        except RefusJuridique as refus:
            if refus.champ == "date_limite_acceptation":
                form_offre.add_error(
                    "date_limite_acceptation", f"{refus} (article {refus.article})"
                )
                return self._recapitulatif_avec_l_offre(form_offre)
            return self._refus_au_recapitulatif(str(refus), refus.champ, refus.article, offre=True)
        except ReponsesInvalides as erreurs:
            premiere = next(iter(erreurs.erreurs), None)
            return self._refus_au_recapitulatif(
                "; ".join(erreurs.erreurs.values()), premiere, offre=True
            )
        messages.success(
            self.request,
            _(
                "L'offre de contrat est prête : téléchargez-la ci-dessous et remettez-la au "
                "candidat. Votre embauche reste en brouillon pour produire le contrat une fois "
                "l'offre acceptée."
            ),
        )
        return redirect(self.get_step_url(RECAP))

    def _recapitulatif_avec_l_offre(self, form_offre: forms.OffreForm) -> HttpResponse:
        """Le récapitulatif réaffiché avec le formulaire de l'offre et ses erreurs."""
        self.form_offre = form_offre
        return self.render(self.get_form(step=RECAP, data=self.storage.get_step_data(RECAP)))

    def _form_offre_initial(self, offre: Any) -> forms.OffreForm:
        """Le formulaire de l'offre : la dernière offre préparée, sinon la commune de
        l'entreprise et la date du jour."""
        if offre is not None:
            faite = offre.reponses
            initial = {
                "lieu": faite.get("lieu_signature"),
                "date": faite.get("date_signature"),
                "date_limite_acceptation": faite.get("date_limite_acceptation"),
            }
        else:
            initial = {"lieu": self.entreprise.commune, "date": timezone.localdate()}
        return forms.OffreForm(prefix=PREFIXE_OFFRE, initial=initial)

    def _refus_au_recapitulatif(
        self, message: str, champ: str | None, article: str | None = None, *, offre: bool = False
    ) -> HttpResponse:
        """Un refus du moteur de documents (contrat ou offre de contrat), montré au
        récapitulatif avec l'étape à corriger."""
        etape = services.etape_de_la_reponse(champ)
        refus: dict[str, Any] = {
            "message": message,
            "etape": etape,
            "titre_etape": str(TITRES[etape]),
            "offre": offre,
        }
        if article:
            refus["article"] = article
        self.storage.extra_data = {"refus": refus}
        return redirect(self.get_step_url(RECAP))

    # --- La fin : un seul service, et un refus montré au récapitulatif ------------------------

    def _etapes_validees(
        self, codes: Any, **kwargs: Any
    ) -> tuple[dict[str, dict[str, Any]], HttpResponse | None]:
        """Les réponses validées des étapes ``codes``, relues du brouillon ; à la première
        étape qui ne l'est plus, la réponse qui y ramène (formtools)."""
        etapes: dict[str, dict[str, Any]] = {}
        for code in codes:
            form = self.get_form(step=code, data=self.storage.get_step_data(code))
            if not form.is_valid():
                return etapes, self.render_revalidation_failure(code, form, **kwargs)
            etapes[code] = form.cleaned_data
        return etapes, None

    def render_done(self, form: Any, **kwargs: Any) -> HttpResponse:
        etapes, echec = self._etapes_validees(self.get_form_list(), **kwargs)
        if echec is not None:
            return echec
        try:
            embauche = services.embauche_finaliser(
                auteur=self.request.user, brouillon=self.brouillon, etapes=etapes
            )
        except services.BrouillonDejaFinalise:
            self.brouillon.pk = None  # supprimé par l'autre envoi : plus rien à enregistrer
            return _vers_l_embauche_enregistree(self.request, self.brouillon.uuid)
        except IntegrityError:
            # Sous SQLite, le second envoi simultané bute sur l'identifiant de l'embauche.
            if not Embauche.objects.filter(uuid=self.brouillon.uuid).exists():
                raise
            self.brouillon.pk = None
            return _vers_l_embauche_enregistree(self.request, self.brouillon.uuid)
        except RefusJuridique as refus:
            return self._refus_au_recapitulatif(str(refus), refus.champ, refus.article)
        except ReponsesInvalides as erreurs:
            premiere = next(iter(erreurs.erreurs), None)
            return self._refus_au_recapitulatif("; ".join(erreurs.erreurs.values()), premiere)
        self.brouillon.pk = None  # supprimé par le service : plus rien à enregistrer
        messages.success(
            self.request,
            _("Le contrat de %(salarie)s est prêt.") % {"salarie": embauche.salarie},
        )
        return redirect("embauche:detail", uuid=embauche.uuid)

    # --- L'affichage -----------------------------------------------------------------------

    def get_context_data(self, form: Any, **kwargs: Any) -> dict[str, Any]:
        contexte = super().get_context_data(form=form, **kwargs)
        relier_refus_a_la_faq(form)
        codes = list(self.get_form_list())
        index = codes.index(self.steps.current)
        contexte.update(
            title=_("Préparer une embauche"),
            titre_etape=TITRES[self.steps.current],
            numero_etape=index + 1,
            nombre_etapes=len(codes),
            etape_suivante=TITRES[codes[index + 1]] if index + 1 < len(codes) else "",
            brouillon=self.brouillon,
            retour_recap=self.request.GET.get("retour") == RECAP,
            etape=self.steps.current,
        )
        refus = self.storage.extra_data.get("refus")
        if refus:
            contexte["refus"] = {**refus, "url": self.get_step_url(refus["etape"])}
            if refus.get("article"):
                # Comme sous un champ : l'article de la FAQ qui explique la règle, s'il existe.
                lien = articles_faq_pour_references({refus["article"]}).get(refus["article"])
                if lien:
                    contexte["refus"]["lien_faq"] = {"titre": lien[0], "url": lien[1]}
            if self.steps.current == RECAP and self.request.method == "GET":
                self.storage.extra_data = {}
        if self.steps.current == "contrat":
            contexte["motifs"] = form.motifs
            contexte["interdits"] = droit.cas_interdits_cdd()
        if self.steps.current == "temps":
            contexte["maxima"] = form.maxima
        if self.steps.current == RECAP:
            contexte["groupes"] = self._groupes()
            contexte["verifications"] = self._verifications()
            offre = self.brouillon.offre
            contexte["offre"] = offre
            contexte["offre_form"] = getattr(self, "form_offre", None) or (
                self._form_offre_initial(offre)
            )
            if offre is not None:
                # Le récapitulatif ne s'affiche que si toutes les étapes sont valides.
                etapes, _echec = self._etapes_validees(AVANT_RECAP)
                contexte["offre_a_refaire"] = services.offre_differe_des_reponses(
                    offre=offre, etapes=etapes
                )
        return contexte

    def _groupes(self) -> list[dict[str, Any]]:
        groupes = []
        for code, _form, titre in ETAPES[:-1]:
            form = self.get_form(step=code, data=self.storage.get_step_data(code))
            if not form.is_valid():
                continue
            lignes = []
            for nom, champ in form.fields.items():
                valeur = form.cleaned_data.get(nom)
                if valeur in (None, "", False):
                    continue
                # Une durée se saisit en deux champs, « …_valeur » et « …_unite » : elle se
                # relit en une ligne (« 2 mois »), et l'unité seule, gardée par défaut quand la
                # durée est vide (renouvellement non prévu), ne s'affiche pas.
                if nom.endswith("_unite") and f"{nom.removesuffix('_unite')}_valeur" in form.fields:
                    continue
                unite = form.cleaned_data.get(f"{nom.removesuffix('_valeur')}_unite")
                if nom.endswith("_valeur") and unite:
                    libelle = str(champ.label).removesuffix(" (nombre)")
                    lignes.append((libelle, str(droit.Duree(valeur, unite))))
                    continue
                if valeur is True:
                    texte = _("oui")
                elif isinstance(valeur, datetime.date):
                    texte = date_format(valeur, "j F Y")
                elif getattr(champ, "choices", None) and not hasattr(champ, "queryset"):
                    texte = str(dict(champ.choices).get(valeur, valeur))
                else:
                    texte = str(valeur)
                lignes.append((champ.label, texte))
            url = self.get_step_url(code) + "?retour=" + RECAP
            groupes.append({"code": code, "titre": titre, "lignes": lignes, "url": url})
        return groupes

    def _verifications(self) -> list[tuple[str, str]]:
        """Les règles vérifiées aux étapes, et leur article, pour les montrer au récapitulatif."""
        c = self.contexte_avant(RECAP)
        if not c.get("date_debut"):
            return []
        resultats: list[tuple[str, str]] = []
        age = forms.age_le(c["date_naissance"], c["date_debut"])
        verification = droit.verifier_age_embauche(
            age=age, vacances_scolaires=bool(c.get("vacances_scolaires"))
        )
        resultats.append((verification.message, verification.article))
        if c.get("type_contrat") == "cdd":
            precis = c.get("terme") == "precis"
            recours = droit.verifier_recours_cdd(
                motif=c["motif"],
                mois_depuis_licenciement_economique=(
                    0 if c.get("licenciement_economique") == "oui" else None
                ),
                renouvelable=bool(c.get("clause_renouvellement")),
                debut=c["date_debut"] if precis else None,
                fin=c.get("date_fin") if precis else None,
            )
            resultats.append((recours.message, recours.article))
            if c.get("terme") == "precis":
                duree = droit.verifier_renouvellements_cdd(
                    motif=c["motif"],
                    duree_initiale=droit.Duree((c["date_fin"] - c["date_debut"]).days + 1, "jours"),
                    debut=c["date_debut"],
                )
                resultats.append((duree.message, duree.article))
        heures = forms.heures_semaine(c)
        durees = droit.verifier_durees_travail(heures_semaine=heures, age=age)
        resultats.append((durees.message, durees.article))
        mineur = age < droit.regle("mineurs.age.majorite").entier
        salaire = droit.verifier_salaire_minimum(
            le=c["date_debut"],
            salaire_mensuel_brut=c["salaire_brut_mensuel"],
            heures_hebdomadaires=heures,
            age=age if mineur else None,
            mois_experience_branche=c.get("mois_experience_branche") or 0,
        )
        resultats.append((salaire.message, salaire.article))
        if c.get("periode_essai"):
            resultats.append(
                (
                    _("Période d'essai de %(duree)s : dans la limite légale.")
                    % {"duree": droit.Duree(*c["periode_essai"])},
                    "L1242-10" if c.get("type_contrat") == "cdd" else "L1221-19",
                )
            )
        if c.get("clause_non_concurrence"):
            v = droit.verifier_clause_non_concurrence(
                contrepartie=c["non_concurrence_contrepartie"],
                duree=c["non_concurrence_duree"],
                zone=c["non_concurrence_zone"],
                activites=c["non_concurrence_activites"],
            )
            resultats.append((v.message, v.article))
        return resultats


# --- Les autres pages --------------------------------------------------------------------------


@chef_requis
@require_http_methods(["GET", "POST"])
def accueil(request: HttpRequest) -> HttpResponse:
    """Ce qu'il faut avoir sous la main, les brouillons à reprendre, et le bouton pour commencer."""
    if request.method == "POST":
        brouillon = services.brouillon_creer(auteur=request.user)
        return redirect("embauche:etape", brouillon=brouillon.uuid, step=ETAPES[0][0])
    return render(
        request,
        "embauche/accueil.html",
        {
            "title": _("Préparer une embauche"),
            "brouillons": selectors.brouillons_visibles(request.user),
            "embauches": selectors.embauches_visibles(request.user)[:10],
            "etapes": [titre for _code, _form, titre in ETAPES],
        },
    )


@chef_requis
@require_GET
def registre(request: HttpRequest) -> HttpResponse:
    """Le registre du personnel de l'entreprise : ses salariés, leurs embauches et contrats."""
    return render(
        request,
        "embauche/registre.html",
        {
            "title": _("Registre du personnel"),
            "salaries": selectors.registre_du_personnel(request.user),
            "mentions": droit.mentions_registre_personnel(cdd=True, temps_partiel=True),
        },
    )


@chef_requis
@require_POST
def brouillon_supprimer(request: HttpRequest, brouillon: str) -> HttpResponse:
    objet = get_object_or_404(selectors.brouillons_visibles(request.user), uuid=brouillon)
    services.brouillon_supprimer(brouillon=objet)
    messages.success(request, _("Le brouillon est supprimé."))
    return redirect("embauche:accueil")


def _embauche(request: HttpRequest, uuid: str) -> Embauche:
    return get_object_or_404(selectors.embauches_visibles(request.user), uuid=uuid)


def _relectures(request: HttpRequest, embauche: Embauche):
    """Les dossiers du guichet, visibles de la personne, qui portent le contrat de l'embauche."""
    from rh_tpe.comptes.visibilite import dossiers_visibles

    return dossiers_visibles(request.user).filter(document=embauche.document).order_by("pk")


def _page_detail(
    request: HttpRequest,
    embauche: Embauche,
    sortie: forms.SortieForm | None = None,
    relecture: forms.RelectureForm | None = None,
) -> HttpResponse:
    relectures = _relectures(request, embauche)
    if sortie is None:
        sortie = forms.SortieForm(
            embauche=embauche,
            aujourd_hui=timezone.localdate(),
            initial={"date_sortie": embauche.date_sortie or embauche.date_fin},
        )
    return render(
        request,
        "embauche/detail.html",
        {
            "title": _("Embauche de %(salarie)s") % {"salarie": embauche.salarie},
            "embauche": embauche,
            "formalites": services.embauche_formalites(embauche),
            "relectures": relectures,
            "guichet": True,
            "sortie": sortie,
            "relecture": relecture or forms.RelectureForm(prefix="relecture"),
            "conserve_jusqu_au": services.conservation_embauche_jusqu_au(embauche),
            "regle_conservation": droit.regle("conservation.registre.apres_depart"),
        },
    )


@chef_requis
@require_GET
def detail(request: HttpRequest, uuid: str) -> HttpResponse:
    return _page_detail(request, _embauche(request, uuid))


@chef_requis
@require_POST
def sortie(request: HttpRequest, uuid: str) -> HttpResponse:
    """Note la date de sortie du salarié (ou l'efface) ; une date refusée revient avec sa
    saisie et son message sous le champ."""
    embauche = _embauche(request, uuid)
    ancre = reverse("embauche:detail", kwargs={"uuid": embauche.uuid}) + "#sortie"
    if request.POST.get("effacer") == "1":
        services.embauche_noter_sortie(embauche=embauche, date_sortie=None)
        messages.success(request, _("La date de sortie est effacée."))
        return redirect(ancre)
    formulaire = forms.SortieForm(request.POST, embauche=embauche, aujourd_hui=timezone.localdate())
    if not formulaire.is_valid():
        return _page_detail(request, embauche, sortie=formulaire)
    services.embauche_noter_sortie(
        embauche=embauche, date_sortie=formulaire.cleaned_data["date_sortie"]
    )
    messages.success(
        request,
        _("Sortie notée au %(date)s.")
        % {"date": date_format(formulaire.cleaned_data["date_sortie"], "j F Y")},
    )
    return redirect(ancre)


@chef_requis
@require_POST
def formalite(request: HttpRequest, uuid: str, code: str) -> HttpResponse:
    embauche = _embauche(request, uuid)
    try:
        services.formalite_cocher(
            embauche=embauche, code=code, faite=request.POST.get("faite") == "1"
        )
    except ValueError as erreur:
        raise Http404 from erreur
    return redirect(reverse("embauche:detail", kwargs={"uuid": embauche.uuid}) + f"#{code}")


@chef_requis
@require_GET
def calendrier(request: HttpRequest, uuid: str) -> HttpResponse:
    embauche = _embauche(request, uuid)
    contenu = calendrier_ics(
        formalites=services.embauche_formalites(embauche),
        identifiant=str(embauche.uuid),
        titre=_("Embauche de %(salarie)s") % {"salarie": embauche.salarie},
        maintenant=timezone.now(),
    )
    reponse = HttpResponse(contenu, content_type="text/calendar; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="embauche-{embauche.uuid}.ics"'
    reponse["Cache-Control"] = "private, no-store"
    return reponse


@chef_requis
@require_POST
def relecture(request: HttpRequest, uuid: str) -> HttpResponse:
    from rh_tpe.dossiers.services import message_trop_de_questions, question_de_trop

    embauche = _embauche(request, uuid)
    deja = _relectures(request, embauche).first()
    if deja is not None:
        # Un second envoi (double clic, formulaire resté ouvert) mène au dossier existant.
        messages.info(request, _("Ce contrat est déjà au guichet : voici son dossier."))
        return redirect("dossiers:detail", pk=deja.pk)
    formulaire = forms.RelectureForm(request.POST, prefix="relecture")
    if formulaire.is_valid() and question_de_trop(request.user):
        formulaire.add_error(
            "question",
            f"{message_trop_de_questions()} "
            + _("Envoyez la relecture un peu plus tard : votre question est conservée."),
        )
    if not formulaire.is_valid():
        return _page_detail(request, embauche, relecture=formulaire)
    dossier = services.embauche_faire_relire(
        embauche=embauche, auteur=request.user, question=formulaire.cleaned_data["question"]
    )
    messages.success(
        request, _("Votre contrat est envoyé à un conseiller de la CCI du Lot pour relecture.")
    )
    return redirect("dossiers:detail", pk=dossier.pk)
