from django.conf import settings
from django.utils.functional import SimpleLazyObject

# Pages under this prefix get the staff layout and menu (except the sign-in page itself).
STAFF_PREFIX = "/medewerker/"
STAFF_PUBLIEK = ("/medewerker/inloggen/", "/medewerker/uitloggen/")


def portal(request):
    staff = (
        request.path.startswith(STAFF_PREFIX)
        and not request.path.startswith(STAFF_PUBLIEK)
        and getattr(request, "user", None) is not None
        and request.user.is_authenticated
    )
    context: dict[str, object] = {"GEMEENTE_NAAM": "Gemeente Buren", "SITE_URL": settings.SITE_URL}
    if staff:
        from .hooks import staff_menu

        context["staff_layout"] = True
        # Lazy: the menu is only built when a template renders it (not for redirects, JSON).
        context["staff_menu"] = SimpleLazyObject(
            lambda: staff_menu(user=request.user, pad=request.path)
        )
    return context
