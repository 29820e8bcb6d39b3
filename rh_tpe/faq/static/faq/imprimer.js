// Le bouton « Imprimer cette page » des articles de la FAQ (pas de script en ligne : la
// politique de sécurité du contenu les refuse).
document.querySelectorAll(".faq-imprimer").forEach((bouton) => {
  bouton.addEventListener("click", () => window.print());
});
