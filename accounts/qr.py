"""A QR code as an inline <svg> element: no image URL to guard, no inline style (strict CSP)."""

from base64 import b32encode

import qrcode
from django.utils.html import format_html
from django.utils.safestring import SafeString


def qr_svg(tekst: str, *, label: str, pixels: int = 200) -> SafeString:
    """One path of dark modules on a light square, with a quiet zone of four modules.

    Built from the module matrix rather than qrcode's SVG writer, which sizes the image in
    millimetres; here the size is fixed in pixels and the path scales with its viewBox."""
    code = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(tekst)
    code.make(fit=True)
    matrix = code.get_matrix()  # includes the border
    maat = len(matrix)
    pad = "".join(
        f"M{x},{y}h1v1h-1z"
        for y, rij in enumerate(matrix)
        for x, donker in enumerate(rij)
        if donker
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="portal-qr" role="img" '
        'aria-label="{}" width="{}" height="{}" viewBox="0 0 {} {}" '
        'shape-rendering="crispEdges"><rect width="{}" height="{}" fill="#ffffff"/>'
        '<path d="{}" fill="#000000"/></svg>',
        label,
        pixels,
        pixels,
        maat,
        maat,
        maat,
        maat,
        pad,
    )


def sleutel_in_groepen(sleutel: bytes) -> str:
    """The key as authenticator apps ask for it by hand: base32, in groups of four."""
    tekst = b32encode(sleutel).decode().rstrip("=")
    return " ".join(tekst[i : i + 4] for i in range(0, len(tekst), 4))
