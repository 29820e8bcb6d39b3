/* Administration Wagtail : un nom accessible pour deux zones de saisie que Wagtail construit en
   JavaScript sans libellé (RGAA 11.1, règle axe « label ») :
   - la saisie des étiquettes (tag-it remplace le champ par une liste et une nouvelle zone de
     saisie, que le <label> du champ ne vise plus) : elle prend le libellé du champ ;
   - le choix de fichiers de l'envoi multiple d'images et de documents (#fileupload, posé sur
     le bouton « choisir depuis votre ordinateur ») : il prend le texte de ce bouton ;
   - le bouton de chaque autre personne qui a la même page ouverte (avatar sans texte, son nom
     est dans une bulle masquée, règle axe « button-name ») : il prend le texte de la bulle.
   Les zones apparaissent après le chargement (contrôleurs Stimulus) : on les nomme à chaque
   changement de la page, au plus une fois par image affichée. */
(function () {
  "use strict";

  function nommerEtiquettes() {
    document.querySelectorAll("ul.tagit").forEach(function (liste) {
      var saisie = liste.querySelector("li.tagit-new input");
      var origine = liste.parentElement
        ? liste.parentElement.querySelector("input[data-controller~='w-tag']")
        : null;
      if (!saisie || !origine || !origine.id || saisie.hasAttribute("aria-labelledby")) {
        return;
      }
      var libelle = document.querySelector("label[for='" + origine.id + "']");
      if (!libelle) {
        return;
      }
      if (!libelle.id) {
        libelle.id = origine.id + "-libelle";
      }
      saisie.setAttribute("aria-labelledby", libelle.id);
    });
  }

  function nommerEnvoiMultiple() {
    var entree = document.getElementById("fileupload");
    if (!entree || entree.labels.length || entree.hasAttribute("aria-label")) {
      return;
    }
    var bouton = entree.parentElement ? entree.parentElement.querySelector("button") : null;
    if (bouton && bouton.textContent.trim()) {
      entree.setAttribute("aria-label", bouton.textContent.trim());
    }
  }

  function nommerSessions() {
    document.querySelectorAll("button.w-editing-sessions__session").forEach(function (bouton) {
      var bulle = bouton.querySelector(".w-editing-sessions__popup");
      var texte = bulle ? bulle.textContent.replace(/\s+/g, " ").trim() : "";
      if (texte && bouton.getAttribute("aria-label") !== texte) {
        bouton.setAttribute("aria-label", texte);
      }
    });
  }

  var prevu = false;
  function nommer() {
    if (prevu) {
      return;
    }
    prevu = true;
    window.requestAnimationFrame(function () {
      prevu = false;
      nommerEtiquettes();
      nommerEnvoiMultiple();
      nommerSessions();
    });
  }

  new MutationObserver(nommer).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
  nommer();
})();
