"""Banc de mesure du guichet (pas un test).

    createdb/psql : CREATE DATABASE rh_tpe_bench_dossiers
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rh_tpe_bench_dossiers python bench/dossiers.py

Migre la base, la remplit (une fois) de 100 000 dossiers répartis entre la CCI et la DREETS,
avec leurs messages, puis affiche, pour la file d'un conseiller (plusieurs filtres) et pour la
page d'un dossier : le nombre de requêtes SQL et la médiane et le 95e centile du temps passé
dans Django (client de test : tout le serveur, sans le réseau).

Objectifs : 12 requêtes au plus quel que soit le volume ; file p95 ≤ 100 ms.
"""

from __future__ import annotations

import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rh_tpe.settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from rh_tpe.comptes.models import Entreprise, Organisation, Utilisateur  # noqa: E402
from rh_tpe.dossiers.models import Dossier, Message, Theme  # noqa: E402

DOSSIERS = 100_000
ENTREPRISES = 2_000
MESURES = 40
ECHAUFFEMENT = 5
LOT = 5_000


def remplir() -> None:
    deja = Dossier.objects.count()
    if deja >= DOSSIERS:
        print(f"Base déjà remplie : {deja} dossiers.")
        return
    debut = time.perf_counter()
    orgs = {o.code: o for o in Organisation.objects.all()}
    conseillers = {
        code: [
            Utilisateur.objects.get_or_create(
                email=f"bench.{code}.{i}@bench.test",
                defaults={
                    "first_name": "Bench",
                    "last_name": f"{code}{i}",
                    "role": Utilisateur.Role.CONSEILLER,
                    "organisation": orgs[code],
                },
            )[0]
            for i in range(5)
        ]
        for code in orgs
    }
    Entreprise.objects.bulk_create(
        [
            Entreprise(
                raison_sociale=f"TPE banc {i}",
                siret=f"9{i:013d}",
                idcc="843",
                effectif=i % 11,
                adresse="1 rue du Banc",
                code_postal="46000",
                commune="Cahors",
            )
            for i in range(ENTREPRISES)
        ],
        ignore_conflicts=True,
    )
    entreprises = list(Entreprise.objects.filter(siret__startswith="9").order_by("pk"))
    Utilisateur.objects.bulk_create(
        [
            Utilisateur(
                email=f"chef{e.pk}@bench.test",
                first_name="Chef",
                last_name=str(e.pk),
                role=Utilisateur.Role.CHEF_ENTREPRISE,
                entreprise=e,
                password="!",
            )
            for e in entreprises
        ],
        ignore_conflicts=True,
    )
    chefs = {
        u.entreprise_id: u
        for u in Utilisateur.objects.filter(email__endswith="@bench.test", role="chef_entreprise")
    }
    hasard = random.Random(6)
    themes = list(Theme.values)
    maintenant = timezone.now()
    statuts = ["nouveau", "en_cours", "en_cours", "attente", "clos", "clos", "clos"]
    for depart in range(deja, DOSSIERS, LOT):
        lot = []
        for _ in range(min(LOT, DOSSIERS - depart)):
            entreprise = hasard.choice(entreprises)
            code = hasard.choice(["cci", "dreets"])
            statut = hasard.choice(statuts)
            cree = maintenant - datetime.timedelta(minutes=hasard.randint(0, 60 * 24 * 700))
            lot.append(
                Dossier(
                    entreprise=entreprise,
                    auteur=chefs[entreprise.pk],
                    organisation=orgs[code],
                    conseiller=None if statut == "nouveau" else hasard.choice(conseillers[code]),
                    theme=hasard.choice(themes),
                    question=f"Question n° {depart} sur les heures et les congés. " * 8,
                    raison_sociale=entreprise.raison_sociale,
                    siret=entreprise.siret,
                    idcc="843",
                    effectif=entreprise.effectif,
                    statut=statut,
                    cree_le=cree,
                    derniere_activite=cree + datetime.timedelta(hours=hasard.randint(0, 72)),
                    echeance=(cree + datetime.timedelta(days=3)).date(),
                    premiere_reponse_le=None
                    if statut == "nouveau"
                    else cree + datetime.timedelta(hours=hasard.randint(1, 80)),
                    clos_le=cree + datetime.timedelta(days=4) if statut == "clos" else None,
                )
            )
        crees = Dossier.objects.bulk_create(lot)
        messages = []
        for dossier in crees:
            for rang, genre in enumerate(["reponse", "entreprise", "note"]):
                messages.append(
                    Message(
                        dossier=dossier,
                        genre=genre,
                        interne=genre == "note",
                        organisation=dossier.organisation if genre != "entreprise" else None,
                        texte="Texte du message. " * 20,
                        cree_le=dossier.cree_le + datetime.timedelta(hours=rang + 1),
                    )
                )
        Message.objects.bulk_create(messages, batch_size=LOT)
        print(f"  {depart + len(lot)} dossiers…", flush=True)
    with connection.cursor() as curseur:
        if connection.vendor == "postgresql":
            curseur.execute("VACUUM ANALYZE")
    print(f"Remplissage : {time.perf_counter() - debut:.0f} s")


def mesurer(client: Client, url: str, nom: str) -> None:
    for _ in range(ECHAUFFEMENT):
        assert client.get(url).status_code == 200
    durees = []
    for _ in range(MESURES):
        debut = time.perf_counter()
        reponse = client.get(url)
        durees.append((time.perf_counter() - debut) * 1000)
        assert reponse.status_code == 200
    with CaptureQueriesContext(connection) as requetes:
        client.get(url)
    durees.sort()
    p95 = durees[int(round(0.95 * (len(durees) - 1)))]
    print(
        f"{nom:42} {len(requetes.captured_queries):3} requêtes   "
        f"médiane {statistics.median(durees):6.1f} ms   p95 {p95:6.1f} ms"
    )


def main() -> None:
    if connection.vendor != "postgresql":
        # Jamais sur la base SQLite de développement : on y verserait 100 000 dossiers.
        print(
            "Banc des dossiers non lancé : il lui faut une base PostgreSQL dédiée, par exemple\n"
            "  psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE rh_tpe_bench_dossiers'\n"
            "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/rh_tpe_bench_dossiers "
            "python bench/dossiers.py"
        )
        return
    call_command("migrate", verbosity=0)
    remplir()
    settings.DEBUG = False
    conseiller = Utilisateur.objects.get(email="bench.dreets.0@bench.test")
    client = Client()
    client.force_login(conseiller)
    liste = reverse("dossiers:liste")
    print(f"{Dossier.objects.count()} dossiers, {Message.objects.count()} messages")
    mesurer(client, liste, "file (par défaut)")
    mesurer(client, f"{liste}?page=200", "file, page 200")
    mesurer(client, f"{liste}?attribution=personne", "file, non attribués")
    mesurer(client, f"{liste}?en_retard=on&tri=echeance", "file, en retard")
    mesurer(client, f"{liste}?statut=clos&theme=conges", "file, clos + thème")
    mesurer(client, f"{liste}?q=heures", "file, recherche « heures »")
    dossier = Dossier.objects.filter(organisation__code="dreets").order_by("-pk").first()
    mesurer(client, reverse("dossiers:detail", args=[dossier.pk]), "page d'un dossier (conseiller)")
    chef = dossier.auteur
    client_chef = Client()
    client_chef.force_login(chef)
    mesurer(client_chef, reverse("dossiers:detail", args=[dossier.pk]), "page d'un dossier (chef)")


if __name__ == "__main__":
    main()
