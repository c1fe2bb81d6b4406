from django.conf import settings

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
        # A short staff menu: the start page ("Mijn werk") lists every task of the role, so
        # the header need not repeat those links (nor ask their permissions on every page).
        context["staff_layout"] = True
    return context
