from django.urls import reverse
from django.utils.translation import gettext as _

from core.hooks import Link


def kern_acties(*, kern) -> list[Link]:
    return [
        Link(
            label=_("Volg %(kern)s: elke week het nieuws per e-mail") % {"kern": kern.naam},
            url=reverse("volgen:aanmelden") + f"?kern={kern.slug}",
        )
    ]
