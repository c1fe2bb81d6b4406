#!/usr/bin/env bash
# The half-yearly report's PDF is made by WeasyPrint, which needs Pango and HarfBuzz from the
# system (Debian packages). Install them when missing and we are allowed to (root with
# apt-get); otherwise say so. The site runs without them: only the PDF download then shows a
# message, and the PDF tests fail with the reason.
set -uo pipefail
PAKKETTEN="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
PYTHON="${1:-.venv/bin/python}"

libs_aanwezig() {
  if [ -x "$PYTHON" ] && "$PYTHON" -c "import weasyprint" >/dev/null 2>&1; then
    return 0
  fi
  # Before the virtualenv exists: ask the dynamic linker.
  ldconfig -p 2>/dev/null | grep -q "libpango-1.0.so.0" \
    && ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0" \
    && ldconfig -p 2>/dev/null | grep -q "libharfbuzz-subset.so.0"
}

if libs_aanwezig; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Pango/HarfBuzz voor de PDF ontbreken: installeren via apt-get ($PAKKETTEN)..."
  # shellcheck disable=SC2086
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PAKKETTEN >/dev/null) \
    || echo "LET OP: de PDF-bibliotheken installeren lukte niet; de PDF-download werkt dan niet."
else
  echo "LET OP: Pango/HarfBuzz voor de PDF ontbreken en ik ben geen root; de PDF-download werkt niet."
  echo "        Installeer met: sudo apt-get install $PAKKETTEN"
fi
exit 0
