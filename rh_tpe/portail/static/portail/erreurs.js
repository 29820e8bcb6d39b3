// Après un envoi refusé, le focus va au résumé des erreurs (l'alerte d'erreur du contenu, y
// compris le message d'un refus du guichet) ou, sans résumé, au premier champ en erreur : la
// personne qui navigue au clavier ou avec un lecteur d'écran apprend que l'envoi a échoué et
// arrive là où corriger (RGAA 11.10 et 11.11).
(() => {
  const contenu = document.getElementById("contenu");
  if (!contenu) return;
  const resume = contenu.querySelector(".fr-alert--error");
  const champ = contenu.querySelector('[aria-invalid="true"]');
  const cible = resume || champ;
  if (!cible) return;
  if (cible === resume && !resume.hasAttribute("tabindex")) resume.setAttribute("tabindex", "-1");
  cible.focus();
})();
