#!/usr/bin/env bash
# Install the Debian packages the test suite needs, when missing.
#   WeasyPrint: Pango, HarfBuzz, fonts.  Browser tests: Chromium.
#   .docx checks: LibreOffice Writer and poppler-utils (pdftoppm, pdftotext).
#   Benchmark peer: python3-uno (LibreOffice's own document compare).
#   Export jobs: redis-server (broker, result backend and shared cache).
#   Accessibility audit: npm (installs axe-core from the lockfile), if Node.js has none.
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation
          fonts-liberation2 chromium libreoffice-writer poppler-utils python3-uno redis-server)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0
command="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get update && sudo $command" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
$command
