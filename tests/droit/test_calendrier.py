"""Calendrier : jours fériés (L3133-1, L3134-13), jours ouvrables et ouvrés."""

from datetime import date

from rh_tpe.droit import (
    ajouter_jours_ouvrables,
    ajouter_jours_ouvres,
    est_jour_ferie,
    est_jour_ouvrable,
    est_jour_ouvre,
    jours_feries,
    jours_ouvrables_entre,
    jours_ouvres_entre,
)


def test_onze_jours_feries_en_metropole_et_treize_en_alsace_moselle() -> None:
    assert len(jours_feries(2026)) == 11
    alsace = jours_feries(2026, alsace_moselle=True)
    assert len(alsace) == 13
    assert date(2026, 4, 3) in alsace and date(2026, 12, 26) in alsace
    assert not est_jour_ferie(date(2026, 12, 26))


def test_lundi_de_pentecote_est_ferie() -> None:
    assert est_jour_ferie(date(2026, 5, 25))


def test_samedi_ouvrable_mais_pas_ouvre() -> None:
    samedi = date(2026, 3, 7)
    assert est_jour_ouvrable(samedi) and not est_jour_ouvre(samedi)
    assert not est_jour_ouvrable(date(2026, 3, 8))
    assert not est_jour_ouvrable(date(2026, 5, 1))


def test_ajouter_jours_ouvrables_saute_dimanches_et_feries() -> None:
    assert ajouter_jours_ouvrables(date(2026, 4, 30), 2) == date(2026, 5, 4)
    assert ajouter_jours_ouvrables(date(2026, 3, 9), -1) == date(2026, 3, 7)
    assert ajouter_jours_ouvrables(date(2026, 3, 9), 0) == date(2026, 3, 9)


def test_ajouter_jours_ouvres_saute_le_samedi() -> None:
    assert ajouter_jours_ouvres(date(2026, 3, 6), 1) == date(2026, 3, 9)


def test_compter_est_l_inverse_d_ajouter() -> None:
    depart = date(2026, 12, 20)
    arrivee = ajouter_jours_ouvrables(depart, 10)
    assert jours_ouvrables_entre(depart, arrivee) == 10
    assert jours_ouvres_entre(date(2026, 3, 1), date(2026, 3, 31)) == 22


def test_lundi_de_pentecote_ferie_aussi_de_2005_a_2007() -> None:
    # L3133-1 6° : le lundi de Pentecôte est resté une fête légale quand il servait de journée
    # de solidarité par défaut (loi n° 2004-626) ; onze jours fériés ces années-là.
    lundis = [date(2005, 5, 16), date(2006, 6, 5), date(2007, 5, 28)]
    for lundi in lundis:
        assert est_jour_ferie(lundi)
        assert est_jour_ferie(lundi, alsace_moselle=True)
        assert len(jours_feries(lundi.year)) == 11
