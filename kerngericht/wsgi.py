import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kerngericht.settings")

# Fail fast with a clear message: production has no default secret (see settings.py).
if not settings.DEBUG and not os.environ.get("SECRET_KEY"):
    raise ImproperlyConfigured("SECRET_KEY ontbreekt: zet de omgevingsvariabele SECRET_KEY.")

application = get_wsgi_application()
