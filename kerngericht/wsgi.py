import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kerngericht.settings")
# Without SECRET_KEY (production has no default) this raises ImproperlyConfigured at start.
application = get_wsgi_application()
