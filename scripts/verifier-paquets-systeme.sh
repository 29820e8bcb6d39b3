#!/usr/bin/env bash
# Prévient, sans bloquer, quand un paquet système utile manque (voir scripts/system-deps.sh).
manque=0
if ! ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset; then
  echo "Attention : libharfbuzz-subset0 n'est pas installé ; les PDF seront environ 4 fois plus lents." >&2
  manque=1
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "Attention : Chromium n'est pas installé ; les tests de navigateur ne tourneront pas." >&2
  manque=1
fi
if command -v soffice >/dev/null 2>&1 && command -v fc-list >/dev/null 2>&1 && ! fc-list | grep -q "Liberation Serif"; then
  echo "Attention : fonts-liberation2 n'est pas installé ; LibreOffice ouvrira les DOCX dans une autre police que le PDF." >&2
  manque=1
fi
if [ "$manque" -eq 1 ]; then
  echo "Pour les installer : sudo make system-deps" >&2
fi
exit "$manque"
