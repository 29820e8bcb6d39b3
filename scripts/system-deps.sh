#!/usr/bin/env bash
# Paquets Debian dont le projet a besoin (à lancer en root, ou via sudo) :
# - libharfbuzz-subset0 : WeasyPrint l'utilise pour n'embarquer que les glyphes utiles ;
#   sans lui le rendu PDF est environ 4 fois plus lent.
# - libpango-1.0-0, libpangoft2-1.0-0 : le moteur de mise en page de WeasyPrint.
# - chromium : les tests de navigateur (pytest-playwright pilote le Chromium de Debian).
# - fonts-dejavu-core : polices de repli pour Chromium.
# - fonts-liberation2 : LibreOffice remplace la police du DOCX (Times New Roman) par Liberation
#   Serif, de même chasse, celle du PDF ; sans elle, il prend DejaVu et le DOCX converti n'a plus
#   la mise en page du PDF (les tests le vérifient).
# - libreoffice-writer-nogui : les tests vérifient que le DOCX s'ouvre et se convertit dans
#   LibreOffice ; bench/documents.py mesure aussi cette conversion.
# - python3.11-venv : `make install` crée l'environnement avec le Python 3.11 de Debian, plus
#   rapide que celui de pyenv (voir le Makefile).
set -euo pipefail
PAQUETS=(libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 chromium fonts-dejavu-core
  fonts-liberation2 libreoffice-writer-nogui python3.11-venv)
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Lancez ce script en root (sudo introuvable)." >&2; exit 1; }
  SUDO="sudo"
fi
manquants=()
for p in "${PAQUETS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || manquants+=("$p")
done
if [ ${#manquants[@]} -eq 0 ]; then
  echo "Paquets système déjà installés."
  exit 0
fi
echo "Installation des paquets système : ${manquants[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${manquants[@]}"
