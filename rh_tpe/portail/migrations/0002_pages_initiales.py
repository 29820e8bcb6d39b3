"""Remplace la page d'exemple de Wagtail par l'accueil du portail et ses pages obligatoires.

Un site public doit publier ses mentions légales, sa politique de données personnelles et sa
déclaration d'accessibilité : elles existent dès la première migration, modifiables ensuite
par les éditeurs dans Wagtail.
"""

from django.db import migrations

MENTIONS_LEGALES = """
<h2>Éditeur du site</h2>
<p>Le portail RH TPE est édité par les services de l'État dans le Lot (préfecture du Lot), dans le
cadre de l'expérimentation « Carte blanche », avec la Chambre de commerce et d'industrie du Lot
et la DREETS Occitanie (unité départementale du Lot).</p>
<h2>Directeur de la publication</h2>
<p>Le préfet du Lot.</p>
<h2>Hébergement</h2>
<p>L'hébergeur est indiqué par l'opérateur du service lors de la mise en production.</p>
<h2>Portée des réponses</h2>
<p>Les articles et les modèles de documents informent sur le droit du travail applicable ; ils ne
remplacent pas une réponse écrite de l'administration à une question précise (article L5143-1 du
Code du travail), que vous pouvez demander depuis votre espace.</p>
<h2>Licence</h2>
<p>Sauf mention contraire, les contenus de ce site sont proposés sous licence ouverte
etalab-2.0.</p>
"""

DONNEES_PERSONNELLES = """
<h2>Qui traite vos données ?</h2>
<p>Les services de l'État dans le Lot, avec la CCI du Lot et la DREETS Occitanie, pour répondre
aux questions des très petites entreprises et les aider à rédiger leurs documents RH.</p>
<h2>Quelles données et pourquoi ?</h2>
<ul>
<li>Votre compte : nom, prénom, adresse e-mail, pour vous identifier et vous écrire.</li>
<li>Votre entreprise : raison sociale, SIRET, code NAF, convention collective, effectif, adresse,
pour adapter les réponses et les documents à votre situation.</li>
<li>Les informations sur vos salariés nécessaires au document demandé (identité, poste,
rémunération). Le portail ne demande jamais le numéro de sécurité sociale.</li>
</ul>
<h2>Combien de temps ?</h2>
<p>Les durées suivent le référentiel de la CNIL relatif à la gestion du personnel : les données
d'un compte inactif sont supprimées après trois ans sans connexion ; les documents générés et les
échanges sont conservés pendant la durée utile à l'entreprise, puis supprimés ou archivés selon
ce référentiel.</p>
<h2>Vos droits</h2>
<p>Vous pouvez accéder à vos données, les rectifier, les effacer ou vous opposer à leur
traitement en écrivant à l'opérateur du service. Si vous estimez que vos droits ne sont pas
respectés, vous pouvez adresser une réclamation à la CNIL (www.cnil.fr).</p>
<h2>Cookies</h2>
<p>Le portail n'utilise que les cookies nécessaires à son fonctionnement (session de connexion,
protection des formulaires). Aucun cookie de mesure d'audience ni de publicité.</p>
"""

ACCESSIBILITE = """
<h2>État de conformité</h2>
<p>Le portail RH TPE est <strong>non conforme</strong> au référentiel général d'amélioration de
l'accessibilité (RGAA 4.1) : il n'a pas encore fait l'objet d'un audit. Il est construit avec le
Système de design de l'État, qui respecte le RGAA, et ses pages sont vérifiées automatiquement à
chaque évolution.</p>
<h2>Signaler un défaut d'accessibilité</h2>
<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez l'opérateur du service
pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.</p>
<h2>Voies de recours</h2>
<p>Si vous constatez un défaut d'accessibilité vous empêchant d'accéder à un contenu ou à une
fonctionnalité du site, que vous nous le signalez et que vous ne parvenez pas à obtenir une
réponse de notre part, vous pouvez écrire au Défenseur des droits ou contacter son délégué dans
votre région.</p>
"""

PAGES = [
    ("mentions-legales", "Mentions légales", MENTIONS_LEGALES),
    ("donnees-personnelles", "Données personnelles", DONNEES_PERSONNELLES),
    ("accessibilite", "Déclaration d'accessibilité", ACCESSIBILITE),
]


def creer_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    PageAccueil = apps.get_model("portail.PageAccueil")
    PageSimple = apps.get_model("portail.PageSimple")
    Locale = apps.get_model("wagtailcore.Locale")

    if PageAccueil.objects.exists():
        return
    # La page d'exemple créée par Wagtail laisse la place à l'accueil du portail.
    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()

    type_accueil, _ = ContentType.objects.get_or_create(app_label="portail", model="pageaccueil")
    type_simple, _ = ContentType.objects.get_or_create(app_label="portail", model="pagesimple")
    racine = Page.objects.get(depth=1)
    langue = racine.locale_id or Locale.objects.order_by("pk").values_list("pk", flat=True).first()
    numero = Page.objects.filter(depth=2).count() + 1
    chemin_accueil = f"{racine.path}{numero:04d}"
    accueil = PageAccueil.objects.create(
        title="Accueil",
        draft_title="Accueil",
        slug="accueil",
        content_type=type_accueil,
        path=chemin_accueil,
        depth=2,
        numchild=len(PAGES),
        url_path="/accueil/",
        live=True,
        locale_id=langue,
        accroche="Vos questions RH, des réponses sûres, au même guichet.",
        introduction="",
    )
    racine.numchild = Page.objects.filter(depth=2).count()
    racine.save(update_fields=["numchild"])
    for rang, (slug, titre, corps) in enumerate(PAGES, start=1):
        PageSimple.objects.create(
            title=titre,
            draft_title=titre,
            slug=slug,
            content_type=type_simple,
            path=f"{chemin_accueil}{rang:04d}",
            depth=3,
            numchild=0,
            url_path=f"/accueil/{slug}/",
            live=True,
            locale_id=langue,
            corps=corps.strip(),
        )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": accueil.id},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("portail", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(creer_pages, migrations.RunPython.noop)]
