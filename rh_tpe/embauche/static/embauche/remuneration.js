// Étape « Rémunération » : le minimum légal et la comparaison avec le montant saisi, en direct
// (amélioration progressive : sans JavaScript, le minimum est affiché et le formulaire refuse un
// montant trop bas de la même façon). Le script ne calcule aucune valeur légale : les minima sont
// calculés par le serveur (rh_tpe.droit) et posés en attributs data-* ; il choisit et compare.
(function () {
  "use strict";
  var zone = document.getElementById("minimum-legal");
  var montant = document.querySelector("input[name$='-montant']");
  if (!zone || !montant) { return; }
  var experience = document.querySelector("input[name$='-mois_experience_branche']");
  var bases = document.querySelectorAll("input[name$='-base']");
  var resultat = document.getElementById("minimum-comparaison");
  var d = zone.dataset;

  function euros(valeur) {
    return Number(valeur).toLocaleString("fr-FR", {
      minimumFractionDigits: 2, maximumFractionDigits: 2
    });
  }

  function minima() {
    if (d.seuilExperience && experience) {
      var mois = parseInt(experience.value, 10);
      var experimente = !isNaN(mois) && mois >= parseInt(d.seuilExperience, 10);
      return experimente
        ? { horaire: d.horaireExperimente, mensuel: d.mensuelExperimente }
        : { horaire: d.horaireDebutant, mensuel: d.mensuelDebutant };
    }
    return { horaire: d.horaire, mensuel: d.mensuel };
  }

  function base() {
    for (var i = 0; i < bases.length; i++) {
      if (bases[i].checked) { return bases[i].value; }
    }
    return "mensuel";
  }

  function actualiser() {
    var m = minima();
    zone.querySelector("[data-minimum='horaire']").textContent = euros(m.horaire);
    zone.querySelector("[data-minimum='mensuel']").textContent = euros(m.mensuel);
    var saisi = parseFloat(montant.value.replace(",", ".").replace(/\s/g, ""));
    if (isNaN(saisi)) {
      resultat.textContent = "";
      return;
    }
    var minimum = parseFloat(base() === "horaire" ? m.horaire : m.mensuel);
    resultat.textContent = saisi < minimum ? d.messageSous : d.messageOk;
    resultat.className = "fr-mb-1w fr-text--bold " +
      (saisi < minimum ? "fr-error-text" : "fr-valid-text");
  }

  montant.addEventListener("input", actualiser);
  if (experience) { experience.addEventListener("input", actualiser); }
  for (var i = 0; i < bases.length; i++) { bases[i].addEventListener("change", actualiser); }
  actualiser();
}());
