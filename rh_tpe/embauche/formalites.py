"""Ce que la loi demande à l'employeur pour une embauche, avec les dates calculées par le
moteur du droit à partir du premier jour de travail."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rh_tpe import droit


@dataclass(frozen=True)
class Formalite:
    code: str
    titre: str
    explication: str
    article: str
    au_plus_tard: datetime.date
    au_plus_tot: datetime.date | None = None
    details: tuple[str, ...] = field(default=())
    faite: bool = False


@dataclass(frozen=True)
class SituationEmbauche:
    """Ce qui change la liste : lu sur l'embauche (voir `Embauche.reponses`)."""

    date_debut: datetime.date
    cdd: bool = False
    temps_partiel: bool = False
    mineur: bool = False
    moins_de_16_ans: bool = False
    travail_nuit: bool = False
    etranger_hors_ue: bool = False


def formalites_calculer(
    situation: SituationEmbauche, *, faites: frozenset[str] = frozenset()
) -> list[Formalite]:
    """Les formalités de l'embauche, dans l'ordre des échéances."""
    debut = situation.date_debut
    liste: list[Formalite] = [
        Formalite(
            code="dpae",
            titre=_("Déclaration préalable à l'embauche (DPAE) à l'URSSAF"),
            explication=_(
                "À faire en ligne sur net-entreprises.fr ou urssaf.fr, au plus tôt le "
                "%(debut)s et au plus tard avant la première heure de travail. Sans DPAE, "
                "l'embauche est du travail dissimulé."
            )
            % {"debut": _date(droit.dpae_au_plus_tot(embauche=debut))},
            article="L1221-10 ; R1221-4",
            au_plus_tot=droit.dpae_au_plus_tot(embauche=debut),
            au_plus_tard=debut,
        ),
    ]
    if situation.etranger_hors_ue:
        jours = droit.regle("embauche.autorisation_travail.jours_ouvrables_avant").entier
        liste.append(
            Formalite(
                code="autorisation_travail",
                titre=_("Vérifier l'autorisation de travail du salarié étranger"),
                explication=_(
                    "Un salarié qui n'est pas ressortissant de l'Union européenne, de l'Espace "
                    "économique européen ou de la Suisse doit détenir une autorisation de "
                    "travail : l'employeur en vérifie l'existence auprès de la préfecture, au "
                    "moins %(jours)s jours ouvrables avant l'embauche, sauf si la personne est "
                    "inscrite à France Travail."
                )
                % {"jours": jours},
                article="L5221-8 ; R5221-41 ; R5221-42",
                au_plus_tard=droit.autorisation_travail_verifiee_au_plus_tard(embauche=debut),
            )
        )
    if situation.moins_de_16_ans:
        liste.append(
            Formalite(
                code="demande_inspection_mineur",
                titre=_(
                    "Demander à l'inspection du travail d'employer un jeune de moins de 16 ans"
                ),
                explication=_(
                    "Un jeune de 14 ou 15 ans ne peut travailler que pendant des vacances "
                    "scolaires d'au moins %(vacances)s jours, à des travaux légers, en gardant un "
                    "repos continu d'au moins la moitié de ces vacances. Adressez une demande "
                    "écrite à l'inspection du travail au moins %(jours)s jours avant l'embauche, "
                    "avec :"
                )
                % {
                    "vacances": droit.regle(
                        "mineurs.vacances_scolaires.duree_minimale_vacances"
                    ).entier,
                    "jours": droit.regle(
                        "mineurs.vacances_scolaires.demande_inspection_jours_avant"
                    ).entier,
                },
                article="L4153-3 ; D4153-2 ; D4153-5",
                au_plus_tard=droit.demande_emploi_mineur_au_plus_tard(embauche=debut),
                details=(
                    _("les nom, prénoms, âge et adresse du jeune ;"),
                    _("la durée du contrat ;"),
                    _("la nature et les conditions du travail ;"),
                    _("l'horaire de travail ;"),
                    _("le montant de la rémunération ;"),
                    _("l'accord écrit et signé de son représentant légal."),
                ),
            )
        )
    if situation.mineur or situation.travail_nuit:
        visite = Formalite(
            code="visite",
            titre=_("Visite d'information et de prévention (médecine du travail)"),
            explication=_(
                "Pour un salarié mineur ou un travailleur de nuit, la visite a lieu avant la "
                "prise de poste. Prenez rendez-vous auprès de votre service de prévention et "
                "de santé au travail."
            ),
            article="R4624-18",
            au_plus_tard=droit.visite_information_au_plus_tard(
                embauche=debut, mineur=situation.mineur, travail_nuit=situation.travail_nuit
            ),
        )
    else:
        visite = Formalite(
            code="visite",
            titre=_("Visite d'information et de prévention (médecine du travail)"),
            explication=_(
                "La DPAE demande la visite au service de prévention et de santé au travail ; "
                "elle doit avoir lieu dans les %(mois)s mois de la prise de poste."
            )
            % {"mois": droit.regle("embauche.visite_information.delai").entier},
            article="R4624-10",
            au_plus_tard=droit.visite_information_au_plus_tard(embauche=debut),
        )
    liste.append(visite)
    if situation.cdd:
        liste.append(
            Formalite(
                code="remise_cdd",
                titre=_("Remettre le CDD signé au salarié"),
                explication=_(
                    "Le contrat à durée déterminée est remis au salarié au plus tard dans les "
                    "%(jours)s jours ouvrables qui suivent l'embauche ; un retard ouvre droit à "
                    "une indemnité."
                )
                % {"jours": droit.regle("cdd.transmission.jours_ouvrables").entier},
                article="L1242-13 ; L1245-1",
                au_plus_tard=droit.cdd_transmis_au_plus_tard(embauche=debut),
            )
        )
    information = droit.information_ecrite_au_plus_tard(embauche=debut)
    liste.append(
        Formalite(
            code="information_ecrite",
            titre=_("Informer le salarié par écrit des éléments de sa relation de travail"),
            explication=_(
                "Le contrat produit par le portail contient les informations essentielles "
                "(parties, lieu, poste, date d'embauche, essai, rémunération, durée du "
                "travail) : remettez-le au plus tard à cette date. Les autres informations "
                "(formation, congés, rupture, conventions collectives, protection sociale) "
                "sont à remettre au plus tard le %(complete)s."
            )
            % {"complete": _date(information.complete)},
            article="L1221-5-1 ; R1221-34 ; " + information.article,
            au_plus_tard=information.essentielle,
        )
    )
    liste.append(
        Formalite(
            code="registre",
            titre=_("Inscrire le salarié au registre unique du personnel"),
            explication=_(
                "Dans l'ordre des embauches, de façon indélébile, au moment de l'embauche. "
                "Le numéro de sécurité sociale n'y figure pas. Mentions à porter :"
            ),
            article="L1221-13 ; D1221-23",
            au_plus_tard=debut,
            details=droit.mentions_registre_personnel(
                cdd=situation.cdd,
                temps_partiel=situation.temps_partiel,
                etranger=situation.etranger_hors_ue,
            ),
        )
    )
    liste.append(
        Formalite(
            code="mutuelle",
            titre=_("Proposer la complémentaire santé d'entreprise (mutuelle)"),
            explication=_(
                "Remettez au salarié la notice du contrat collectif et faites-le adhérer : "
                "l'employeur en paie au moins %(part)s %%. Certains salariés peuvent demander "
                "une dispense (CDD court, couverture par ailleurs) : gardez leur demande "
                "écrite."
            )
            % {"part": _pourcentage("embauche.complementaire_sante.part_employeur_minimum")},
            article="CSS L911-7 ; D911-2",
            au_plus_tard=debut,
        )
    )
    liste.append(
        Formalite(
            code="affichages",
            titre=_("Afficher les informations obligatoires dans l'entreprise"),
            explication=_("Dès le premier salarié, sur le lieu de travail :"),
            article="D4711-1 ; L3171-1 ; R2262-1 ; L1142-6 ; L1152-4 ; L1153-5 ; R4121-4",
            au_plus_tard=debut,
            details=(
                _("médecin du travail, services de secours et inspection du travail"),
                _("horaires de travail et repos"),
                _("conventions et accords collectifs applicables, et où les consulter"),
                _("égalité de rémunération entre femmes et hommes"),
                _("lutte contre les discriminations, harcèlement moral et sexuel"),
                _("consultation du document unique d'évaluation des risques (DUERP)"),
                _("consignes de sécurité incendie"),
            ),
        )
    )
    liste.sort(key=lambda f: f.au_plus_tard)
    return [replace(f, faite=f.code in faites) for f in liste]


def _pourcentage(chemin: str) -> str:
    return f"{(droit.regle(chemin).valeur * 100).normalize():f}"


def _date(jour: datetime.date) -> str:
    return date_format(jour, "j F Y")


# --- Calendrier iCalendar (RFC 5545), écrit à la main ---------------------------------------------


def _echapper(texte: str) -> str:
    """Texte d'une propriété (RFC 5545 3.3.11) : tout retour à la ligne, y compris un « \\r »
    seul, devient « \\n » ; sinon il ouvrirait une nouvelle ligne du calendrier."""
    return (
        texte.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def _plier(ligne: str) -> list[str]:
    """Lignes de 75 octets au plus, les suivantes commencent par une espace (RFC 5545 3.1)."""
    morceaux, courant = [], ""
    for caractere in ligne:
        limite = 75 if not morceaux else 74
        if len((courant + caractere).encode()) > limite:
            morceaux.append(courant)
            courant = caractere
        else:
            courant += caractere
    morceaux.append(courant)
    return [morceaux[0], *(" " + m for m in morceaux[1:])]


def calendrier_ics(
    *, formalites: list[Formalite], identifiant: str, titre: str, maintenant: datetime.datetime
) -> bytes:
    """Un événement d'une journée par formalité, à sa date limite."""
    horodatage = maintenant.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    lignes = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//RH TPE//Formalites d'embauche//FR",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:" + _echapper(titre),
    ]
    for formalite in formalites:
        description = f"{formalite.explication} (article {formalite.article})"
        if formalite.details:
            description += "\n" + "\n".join(f"- {d}" for d in formalite.details)
        lignes += [
            "BEGIN:VEVENT",
            f"UID:{identifiant}-{formalite.code}@rh-tpe",
            f"DTSTAMP:{horodatage}",
            f"DTSTART;VALUE=DATE:{formalite.au_plus_tard:%Y%m%d}",
            f"DTEND;VALUE=DATE:{formalite.au_plus_tard + datetime.timedelta(days=1):%Y%m%d}",
            "SUMMARY:" + _echapper(f"{titre} : {formalite.titre}"),
            "DESCRIPTION:" + _echapper(description),
            "END:VEVENT",
        ]
    lignes.append("END:VCALENDAR")
    pliees = [morceau for ligne in lignes for morceau in _plier(ligne)]
    return ("\r\n".join(pliees) + "\r\n").encode()
