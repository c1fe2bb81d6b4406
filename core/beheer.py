"""The Django admin for functioneel beheer, behind the portal's own sign-in.

The admin's own login form (django-otp's, with a device list) is not used: /beheer/login/
sends to /medewerker/inloggen/, so there is one sign-in with one Dutch message, where
django-axes counts every failure - of the password and of the second factor - per username
and trusted client address (core.beveiliging.client_ip)."""

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django_otp.admin import OTPAdminSite


class BeheerSite(OTPAdminSite):
    def login(self, request, extra_context=None):
        # A POST here signs no one in: the credentials go to the one counted sign-in.
        volgende = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
        return redirect_to_login(volgende, login_url=reverse("accounts:login"))
