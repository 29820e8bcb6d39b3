// Suggestions de la FAQ pendant la saisie de la question (amélioration progressive : sans
// JavaScript ou sans FAQ, le formulaire fonctionne pareil). Aucun HTML n'est injecté : tout
// passe par textContent.
(function () {
  "use strict";
  var zone = document.getElementById("suggestions-faq");
  var champ = document.getElementById("id_question");
  if (!zone || !champ || !zone.dataset.url) { return; }
  var liste = zone.querySelector("ul");
  var minuteur = null;
  var derniere = "";

  function afficher(articles) {
    liste.textContent = "";
    articles.slice(0, 5).forEach(function (article) {
      var li = document.createElement("li");
      var lien = document.createElement("a");
      lien.href = article.url;
      lien.target = "_blank";
      lien.rel = "noopener";
      lien.textContent = article.titre + " (nouvelle fenêtre)";
      li.appendChild(lien);
      if (article.extrait) {
        var extrait = document.createElement("p");
        extrait.className = "fr-text--sm fr-mb-1w";
        extrait.textContent = article.extrait;
        li.appendChild(extrait);
      }
      liste.appendChild(li);
    });
    zone.hidden = articles.length === 0;
  }

  champ.addEventListener("input", function () {
    clearTimeout(minuteur);
    minuteur = setTimeout(function () {
      var q = champ.value.trim();
      if (q.length < 4 || q === derniere) { return; }
      derniere = q;
      fetch(zone.dataset.url + "?q=" + encodeURIComponent(q.slice(0, 200)), {
        headers: { "Accept": "application/json" }, credentials: "same-origin"
      })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (donnees) {
          afficher(Array.isArray(donnees) ? donnees : (donnees.resultats || []));
        })
        .catch(function () { afficher([]); });
    }, 400);
  });
})();
