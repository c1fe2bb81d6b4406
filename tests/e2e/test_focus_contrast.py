"""WCAG 1.4.3 and 1.4.11 in every state of the primary button, measured in the browser.

axe checks text contrast of the page as it loads, not of a focused, hovered or pressed
button: the example theme once turned the focused button's text black on Buren blue (1.5:1).
"""

import re

import pytest

pytestmark = pytest.mark.django_db


def _rgb(css: str) -> tuple[float, float, float, float]:
    parts = [float(p) for p in re.findall(r"[\d.]+", css)]
    return (parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else 1.0)


def _luminance(css: str) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b, _a = _rgb(css)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula_matches_wcag():
    assert round(contrast("rgb(255, 255, 255)", "rgb(0, 0, 0)"), 1) == 21.0
    assert 8.9 < contrast("rgb(255, 255, 255)", "rgb(0, 76, 128)") < 9.0  # Buren blue


STYLE = """el => { const s = getComputedStyle(el); const p = getComputedStyle(document.body);
  return {color: s.color, background: s.backgroundColor, outline: s.outlineColor,
          outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
          page: p.backgroundColor === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : p.backgroundColor,
          focusVisible: el.matches(':focus-visible')}; }"""


def test_primary_button_keeps_contrast_when_focused_hovered_and_pressed(page, axe_check):
    page.goto("/vragen/stellen/")
    axe_check(page)
    button = page.locator("main .utrecht-button--primary-action").first

    rust = button.evaluate(STYLE)
    assert contrast(rust["color"], rust["background"]) >= 4.5, rust

    # Keyboard focus (Tab), the way :focus-visible is meant to be reached.
    for _ in range(60):
        page.keyboard.press("Tab")
        if button.evaluate("el => el === document.activeElement"):
            break
    focus = button.evaluate(STYLE)
    assert focus["focusVisible"], "the button never received keyboard focus"
    assert contrast(focus["color"], focus["background"]) >= 4.5, focus
    assert focus["outlineStyle"] != "none" and focus["outlineWidth"] >= 2, focus
    assert contrast(focus["outline"], focus["page"]) >= 3, focus

    button.hover()
    hover = button.evaluate(STYLE)
    assert contrast(hover["color"], hover["background"]) >= 4.5, hover

    page.mouse.down()
    pressed = button.evaluate(STYLE)
    page.mouse.up()
    assert contrast(pressed["color"], pressed["background"]) >= 4.5, pressed
