"""Réglages du portail RH TPE.

Tout vient des variables d'environnement (voir `.env.example`), avec des valeurs sûres pour un
poste de développement : base SQLite, e-mails dans la console, tâches exécutées immédiatement,
fichiers privés dans `var/prive`. `DJANGO_ENV=production` sélectionne les réglages de
production, qui refusent de démarrer sans vraie clé secrète ni hôtes autorisés.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def _env(nom: str, defaut: str = "") -> str:
    return os.environ.get(nom, defaut).strip()


def _env_bool(nom: str, defaut: bool) -> bool:
    valeur = _env(nom)
    if not valeur:
        return defaut
    return valeur.lower() in {"1", "true", "vrai", "oui", "yes", "on"}


def _env_liste(nom: str, defaut: str = "") -> list[str]:
    return [element.strip() for element in _env(nom, defaut).split(",") if element.strip()]


ENVIRONNEMENT = _env("DJANGO_ENV", "development")
if ENVIRONNEMENT not in {"development", "production"}:
    raise ImproperlyConfigured(
        f"DJANGO_ENV doit valoir « development » ou « production », pas « {ENVIRONNEMENT} »."
    )
PRODUCTION = ENVIRONNEMENT == "production"

# Clé secrète : obligatoire et solide en production, une clé de développement sinon.
_CLE_DE_DEVELOPPEMENT = "cle-de-developpement-non-secrete-a-ne-jamais-utiliser-en-production"
SECRET_KEY = _env("DJANGO_SECRET_KEY") or ("" if PRODUCTION else _CLE_DE_DEVELOPPEMENT)
if PRODUCTION and (len(SECRET_KEY) < 50 or SECRET_KEY == _CLE_DE_DEVELOPPEMENT):
    raise ImproperlyConfigured(
        "En production, DJANGO_SECRET_KEY doit contenir une clé secrète d'au moins 50 caractères."
    )

DEBUG = _env_bool("DJANGO_DEBUG", not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG ne peut pas être activé en production.")

ALLOWED_HOSTS = _env_liste("DJANGO_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("En production, DJANGO_ALLOWED_HOSTS doit lister les noms du site.")
CSRF_TRUSTED_ORIGINS = _env_liste("DJANGO_CSRF_TRUSTED_ORIGINS")

# Dossier des données locales (base SQLite, fichiers privés, médias).
VAR_DIR = Path(_env("RH_TPE_VAR_DIR") or BASE_DIR / "var")
# Créé d'office pour que `manage.py` marche dès le clonage, sans étape manuelle.
VAR_DIR.mkdir(parents=True, exist_ok=True)

INSTALLED_APPS = [
    # Le projet
    "rh_tpe.comptes",
    "rh_tpe.portail",
    "rh_tpe.modeles",
    "rh_tpe.dossiers",
    "rh_tpe.faq",
    "rh_tpe.embauche",
    # Système de design de l'État
    "dsfr",
    "widget_tweaks",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Tâches de fond et parcours guidés
    "django_tasks",
    "django_tasks_db",
    "formtools",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Avant staticfiles : `runserver` ne sert jamais lui-même les fichiers statiques, WhiteNoise
    # s'en charge partout (voir plus bas).
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    # Protection contre les essais de mots de passe en série
    "axes",
    # En-tête Content-Security-Policy
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Après l'authentification (l'administration garde ses envois) et après les en-têtes de
    # sécurité : sa page 413 porte, comme les autres, la politique de contenu et l'interdiction
    # d'être mise en cadre. Rien avant elle ne lit le corps de la requête.
    "rh_tpe.portail.middleware.TailleDeRequeteLimitee",
    "rh_tpe.portail.middleware.AdresseSansCaractereNul",
    "rh_tpe.portail.middleware.AdresseDeRetourLisible",
    "rh_tpe.portail.middleware.PagesDuCompteNonConservees",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # En dernier, comme le demande django-axes : bloque la connexion après trop d'échecs.
    "axes.middleware.AxesMiddleware",
]

# WhiteNoise sert les fichiers statiques, en production (gunicorn, après collectstatic) comme
# avec `make run`. Le serveur de runserver (`--insecure`) répondait 500 à un chemin qui remonte
# hors du dossier (/static/..%2f..%2fsettings.py) : WhiteNoise refuse ces chemins (404).
MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
if not PRODUCTION:
    # Sans collectstatic : les fichiers sont cherchés à chaque requête dans les dossiers static/
    # des applications (rien n'est parcouru au démarrage, ni à chaque test).
    WHITENOISE_USE_FINDERS = True
    WHITENOISE_AUTOREFRESH = True

ROOT_URLCONF = "rh_tpe.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "rh_tpe.context_processors.portail",
            ],
        },
    },
]
# Les formulaires sont rendus par le moteur de gabarits (gabarits DSFR du projet et de django-dsfr).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "rh_tpe.wsgi.application"

# Base de données : SQLite par défaut, PostgreSQL avec DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        _env("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'rh_tpe.sqlite3'}",
        conn_max_age=int(_env("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Attendre un verrou plutôt qu'échouer quand deux requêtes écrivent en même temps.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "comptes.Utilisateur"
AUTHENTICATION_BACKENDS = [
    "rh_tpe.comptes.securite.LimiteParAdresseBackend",
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Essais de mots de passe en série (portail, administration Wagtail et Django) : après
# 5 échecs pour un même compte depuis une même adresse IP, la connexion de ce compte depuis
# cette adresse est suspendue 15 minutes (page en français, code 429) ; après
# ECHECS_PAR_ADRESSE échecs depuis une adresse, tous comptes confondus, toute connexion depuis
# cette adresse l'est aussi (securite.LimiteParAdresseBackend). Les connexions réussies
# ne sont pas journalisées (minimisation des données) ; un succès remet le compteur à zéro.
# L'adresse est REMOTE_ADDR, sauf si RH_TPE_MANDATAIRES dit combien de mandataires inverses
# (qui ajoutent chacun l'adresse de leur interlocuteur à X-Forwarded-For) sont devant le
# portail : voir rh_tpe/comptes/securite.py. Sans ce réglage derrière un mandataire, toutes les
# requêtes ont l'adresse de celui-ci et le blocage vaut pour le compte visé.
try:
    RH_TPE_MANDATAIRES = int(_env("RH_TPE_MANDATAIRES", "0"))
except ValueError as erreur:
    raise ImproperlyConfigured(
        "RH_TPE_MANDATAIRES doit être un nombre entier (0 par défaut)."
    ) from erreur
AXES_CLIENT_IP_CALLABLE = "rh_tpe.comptes.securite.adresse_du_client"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Le formulaire de connexion (Django, Wagtail) nomme « username » le champ de l'adresse e-mail.
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "rh_tpe.comptes.securite.identifiant_du_client"
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "rh_tpe.comptes.views.connexion_suspendue"
LOGIN_URL = "comptes:connexion"
LOGIN_REDIRECT_URL = "comptes:mon_espace"
LOGOUT_REDIRECT_URL = "portail:accueil_apres_deconnexion"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # un jour

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Langue et fuseau : le portail est en français, à l'heure de Paris.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# Fichiers statiques et médias publics (images Wagtail).
STATIC_URL = "/static/"
STATIC_ROOT = Path(_env("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Fichiers privés (documents générés, pièces jointes) : jamais servis directement, seulement par
# une vue qui vérifie les droits (voir rh_tpe.comptes.visibilite).
PRIVATE_ROOT = VAR_DIR / "prive"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "prive": {"BACKEND": "rh_tpe.stockage.StockagePrive"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Le plus lourd envoi du portail : 5 pièces jointes de 10 Mo (dossiers.forms, dossiers.fichiers)
# et le texte du message. Au-delà, la requête est refusée avant d'être lue (portail.middleware),
# sauf dans l'administration pour qui y a accès.
RH_TPE_TAILLE_REQUETE_MAX = 52 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# E-mails : console par défaut, SMTP quand EMAIL_HOST est donné.
EMAIL_HOST = _env("EMAIL_HOST")
EMAIL_BACKEND = _env(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(_env("EMAIL_PORT", "587"))
EMAIL_HOST_USER = _env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = _env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = _env("DEFAULT_FROM_EMAIL", "RH TPE <ne-pas-repondre@rh-tpe.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Tâches de fond : exécution immédiate par défaut, file en base (manage.py db_worker) sinon.
_TACHES = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_tache = _env("TASKS_BACKEND", "immediate")
if _tache not in _TACHES:
    raise ImproperlyConfigured("TASKS_BACKEND doit valoir « immediate » ou « database ».")
TASKS = {"default": {"BACKEND": _TACHES[_tache]}}

# Cache : mémoire locale par défaut, Redis avec REDIS_URL.
_REDIS_URL = _env("REDIS_URL")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _REDIS_URL}
        if _REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Wagtail
WAGTAIL_SITE_NAME = "RH TPE"
WAGTAILADMIN_BASE_URL = _env("RH_TPE_URL_BASE", "http://127.0.0.1:8000")
# Sa connexion refuse, comme celle du portail, une inscription dont l'adresse n'est pas confirmée.
WAGTAILADMIN_USER_LOGIN_FORM = "rh_tpe.comptes.forms.ConnexionAdministrationForm"
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Recherche en français sans accents : configuration créée par la migration faq.0003.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "rh_tpe_fr"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Pas d'avatar Gravatar : il enverrait l'empreinte de l'adresse e-mail des éditeurs et des
# conseillers à un service tiers hors de l'Union européenne. L'avatar par défaut suffit.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Le fuseau proposé dans « Compte » : sans ce réglage, Wagtail liste tous ceux du système, dont
# « localtime » (lien de tzdata sous Debian) que les navigateurs refusent (erreur JavaScript).
WAGTAIL_USER_TIME_ZONES = ["Europe/Paris"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Une image endommagée est une erreur du champ, pas une erreur 500 (voir rh_tpe/portail/images.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "rh_tpe.portail.images.FormulaireImage"
# Un seul « mot de passe oublié », celui du portail, pour tous les rôles : son e-mail part par la
# file des tâches (même temps de réponse, compte connu ou non) et une fois par intervalle. Celui
# de Wagtail l'envoyait pendant la requête, à chaque demande. Le lien est sous le formulaire de
# connexion de l'administration (templates/wagtailadmin/login.html).
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Le mot de passe se change sur le portail (« Mon espace », comptes:modifier_mot_de_passe), où
# l'ancien est vérifié par `authenticate` et compte pour la suspension après trop d'essais ; le
# formulaire de Wagtail le vérifiait sans limite.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# L'adresse e-mail d'un compte est son identifiant et reçoit le lien de réinitialisation : elle se
# change par un administrateur, pas par quiconque tient une session ouverte.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# Draftail, l'éditeur de texte riche : sa zone de saisie porte le nom du champ
# (rh_tpe/editeur.py).
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "rh_tpe.editeur.DraftailNomme"}}

# Le portail
RH_TPE_OPERATEUR = _env("RH_TPE_OPERATEUR", "Préfecture du Lot")
# L'adresse où écrire à l'administrateur du portail (accès perdu, SIRET déjà pris…), en pied de
# page ; `check --deploy` signale l'adresse de développement en production.
RH_TPE_EMAIL_CONTACT = _env("RH_TPE_EMAIL_CONTACT") or "contact@rh-tpe.localhost"
RH_TPE_NOM_SERVICE = _("RH TPE")
RH_TPE_DEVISE_SERVICE = _("Le guichet RH des très petites entreprises du Lot")

# Sécurité
SESSION_COOKIE_HTTPONLY = True
# Une session dure une journée de travail (Django : deux semaines). Rien n'est perdu à la
# reconnexion : les brouillons des parcours sont enregistrés en base.
SESSION_COOKIE_AGE = 12 * 60 * 60
CSRF_COOKIE_HTTPONLY = True
# Jeton absent ou périmé : une page en français qui dit quoi faire (gabarit 403_csrf.html).
CSRF_FAILURE_VIEW = "rh_tpe.portail.views.echec_csrf"
X_FRAME_OPTIONS = "DENY"
# Politique de sécurité du contenu du portail : scripts, styles, polices et images servis par le
# portail seulement (le DSFR est livré par django-dsfr), aucun script ni style en ligne, aucune
# page en cadre. Une injection de HTML qui passerait l'échappement ne pourrait rien exécuter.
# Les administrations Wagtail et Django, qui ont leurs scripts en ligne, en sont exclues.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = _env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(_env("DJANGO_SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = _env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": _env("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint raconte chaque étape du rendu au niveau INFO : inutile en console.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # django-axes annonce sa configuration à chaque démarrage ; ses blocages restent en
        # WARNING.
        "axes": {"level": "WARNING"},
    },
}
