from django.conf import settings


def portal(request):
    return {"GEMEENTE_NAAM": "Gemeente Buren", "SITE_URL": settings.SITE_URL}
