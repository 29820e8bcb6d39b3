"""L'accueil de la FAQ (/faq/), ses sept thèmes, et le workflow « Relecture juridique ».

Un éditeur (groupe Wagtail « Editors ») soumet un article ; un membre du groupe « Relecteurs
juridiques » (les conseillers de la DREETS) l'approuve, et il est publié, ou le renvoie avec un
commentaire. Le workflow est attaché à l'accueil de la FAQ : il vaut pour tous ses articles.
"""

from django.db import migrations
from django.utils import timezone

GROUPE_RELECTEURS = "Relecteurs juridiques"
WORKFLOW = "Relecture juridique"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

INDEX = {
    "title": "Foire aux questions RH",
    "slug": "faq",
    "introduction": (
        "Les réponses aux questions que se posent le plus souvent les employeurs des très "
        "petites entreprises, relues par les juristes de la DREETS."
    ),
}
THEMES = [
    ("embauche-et-contrat", "Embauche et contrat",
     "Période d'essai, CDD, formalités d'embauche : ce qu'il faut faire avant le premier jour."),
    ("duree-du-travail", "Durée du travail",
     "Durée légale, heures supplémentaires, temps partiel, repos."),
    ("salaire", "Salaire", "SMIC, bulletin de paie, paiement du salaire."),
    ("conges", "Congés", "Congés payés, dates de départ, congés pour événements familiaux."),
    ("maladie-et-absences", "Maladie et absences",
     "Arrêt maladie, maintien de salaire, visite de reprise."),
    ("rupture-du-contrat", "Rupture du contrat",
     "Licenciement, démission, rupture conventionnelle, fin de CDD, documents de fin de contrat."),
    ("aides-et-recrutement", "Aides et recrutement",
     "Recruter sans discriminer, embaucher un apprenti, les aides de l'État."),
]


def _chemin_suivant(Page, parent):
    dernier = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    if dernier is None:
        return parent.path + "0001"
    numero = int(dernier[-4:], 36) + 1
    suffixe = ""
    for _rang in range(4):
        numero, reste = divmod(numero, 36)
        suffixe = ALPHABET[reste] + suffixe
    return parent.path + suffixe


def _creer_page(Page, Modele, type_page, parent, *, title, slug, **champs):
    maintenant = timezone.now()
    page = Modele.objects.create(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=type_page,
        path=_chemin_suivant(Page, parent),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{slug}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=maintenant,
        last_published_at=maintenant,
        locale_id=parent.locale_id,
        **champs,
    )
    Page.objects.filter(pk=parent.pk).update(
        numchild=Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
    )
    parent.refresh_from_db()
    return page


def creer_arbre_et_relecture(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    PageAccueil = apps.get_model("portail.PageAccueil")
    FaqIndexPage = apps.get_model("faq.FaqIndexPage")
    FaqThemePage = apps.get_model("faq.FaqThemePage")

    # Le groupe des relecteurs : accès à l'administration Wagtail.
    relecteurs, _cree = Group.objects.get_or_create(name=GROUPE_RELECTEURS)
    acces = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if acces is not None:
        relecteurs.permissions.add(acces)

    # Les avis des lecteurs sont visibles des éditeurs et des relecteurs.
    type_avis, _cree = ContentType.objects.get_or_create(app_label="faq", model="avisarticle")
    voir_avis, _cree = Permission.objects.get_or_create(
        content_type=type_avis,
        codename="view_avisarticle",
        defaults={"name": "Can view avis d'un lecteur"},
    )
    for groupe in Group.objects.filter(name__in=["Editors", "Moderators", GROUPE_RELECTEURS]):
        groupe.permissions.add(voir_avis)

    # Le workflow : une seule étape, l'approbation par les relecteurs juridiques.
    type_tache, _cree = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    tache = GroupApprovalTask.objects.filter(name=WORKFLOW).first()
    if tache is None:
        tache = GroupApprovalTask.objects.create(
            name=WORKFLOW, content_type=type_tache, active=True
        )
    tache.groups.add(relecteurs)
    workflow, _cree = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=tache, defaults={"sort_order": 0})

    # L'arbre : /faq/ sous l'accueil du site, et ses thèmes.
    accueil = PageAccueil.objects.first()
    if accueil is None or FaqIndexPage.objects.exists():
        return
    type_index, _cree = ContentType.objects.get_or_create(app_label="faq", model="faqindexpage")
    type_theme, _cree = ContentType.objects.get_or_create(app_label="faq", model="faqthemepage")
    index = _creer_page(
        Page, FaqIndexPage, type_index, Page.objects.get(pk=accueil.pk), **INDEX
    )
    for slug, titre, introduction in THEMES:
        _creer_page(
            Page,
            FaqThemePage,
            type_theme,
            Page.objects.get(pk=index.pk),
            title=titre,
            slug=slug,
            introduction=introduction,
        )
    WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})
    for codename in ("change_page", "publish_page"):
        permission = Permission.objects.filter(
            content_type__app_label="wagtailcore", codename=codename
        ).first()
        if permission is not None:
            GroupPagePermission.objects.get_or_create(
                group=relecteurs, page_id=index.pk, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [
        ("faq", "0001_initial"),
        ("portail", "0002_pages_initiales"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(creer_arbre_et_relecture, migrations.RunPython.noop)]
