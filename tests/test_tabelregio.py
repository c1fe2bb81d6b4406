"""Every wide table scrolls inside `.portal-table-wrap`; a keyboard user can only scroll it
when the wrapper itself takes focus (WCAG 2.1.1, axe `scrollable-region-focusable`). Whether
axe sees the overflow depends on the font and the width, so the rule is checked in the
templates themselves: a focusable, labelled region around every table that may scroll."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
WRAP = re.compile(r'<div[^>]*class="portal-table-wrap"[^>]*>')


def _templates():
    for pad in ROOT.rglob("*.html"):
        if not {".venv", "node_modules", "staticfiles"} & set(pad.parts):
            yield pad


def test_every_table_wrapper_is_a_focusable_labelled_region():
    gevonden, fout = 0, []
    for pad in _templates():
        for tag in WRAP.findall(pad.read_text()):
            gevonden += 1
            heeft_label = "aria-label=" in tag or "aria-labelledby=" in tag
            if 'role="region"' not in tag or 'tabindex="0"' not in tag or not heeft_label:
                fout.append(f"{pad.relative_to(ROOT)}: {tag}")
    assert gevonden > 20, "de tabellen zijn niet gevonden: klopt het patroon nog?"
    assert not fout, "\n".join(fout)
