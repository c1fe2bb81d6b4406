"""Re-authentication before money decisions (BIO / ASVS 3.7: step-up for sensitive actions).

A staff member who last proved password and second factor more than
`settings.HERBEVESTIGEN_NA_SECONDEN` (15 minutes) ago is asked for both again before a POST of a
view with `HerbevestigingVereist` (advise, decide, pay, settle, withdraw). The confirmation form
posts to the same URL with the original fields kept as hidden inputs, so that after confirming
the action itself goes through: nothing to fill in twice. Failures count in django-axes like a
failed sign-in (the same lock-out)."""

import time

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_otp import match_token

from .forms import code_veld, wachtwoord_veld

SESSIE_SLEUTEL = "kg_herbevestigd_op"
PREFIX = "herbevestig"
FOUT = _("Het wachtwoord of de code klopt niet. Probeer het opnieuw.")


def herbevestigd(request: HttpRequest) -> None:
    """Password and second factor were just checked (at sign-in, or here)."""
    request.session[SESSIE_SLEUTEL] = int(time.time())


def herbevestiging_nodig(request: HttpRequest) -> bool:
    vorige = request.session.get(SESSIE_SLEUTEL)
    return vorige is None or time.time() - int(vorige) > settings.HERBEVESTIGEN_NA_SECONDEN


class HerbevestigForm(forms.Form):
    password = wachtwoord_veld()
    code = code_veld()

    prefix = PREFIX

    def __init__(self, request: HttpRequest, data=None):
        self.request = request
        super().__init__(data)

    def clean(self):
        cleaned = super().clean() or {}
        password, code = cleaned.get("password"), (cleaned.get("code") or "").replace(" ", "")
        if not (password and code):
            return cleaned
        user = self.request.user
        username = user.get_username()
        # Through authenticate(), so django-axes counts a wrong password (and refuses when
        # locked out).
        if authenticate(self.request, username=username, password=password) is None:
            raise forms.ValidationError(FOUT, code="invalid_login")
        if match_token(user, code) is None:
            user_login_failed.send(
                sender=__name__, credentials={"username": username}, request=self.request
            )
            raise forms.ValidationError(FOUT, code="invalid_login")
        return cleaned


class HerbevestigingVereist:
    """Mixin for a staff view whose POST decides about money. Checks sign-in and permission
    first (a visitor without them gets the normal refusal, not this form)."""

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST" and self._mag(request) and herbevestiging_nodig(request):
            request.sensitive_post_parameters = [f"{PREFIX}-password", f"{PREFIX}-code"]
            if f"{PREFIX}-password" not in request.POST:
                return _vraag(request, HerbevestigForm(request))
            form = HerbevestigForm(request, request.POST)
            if not form.is_valid():
                return _vraag(request, form, status=400)
            herbevestigd(request)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def _mag(self, request) -> bool:
        user = request.user
        return bool(
            user.is_authenticated and user.is_verified() and self.has_permission()  # type: ignore[attr-defined]
        )


def _vraag(request: HttpRequest, form: HerbevestigForm, status: int = 200) -> HttpResponse:
    eigen = {"csrfmiddlewaretoken", f"{PREFIX}-password", f"{PREFIX}-code"}
    bewaard = [(k, v) for k, waarden in request.POST.lists() if k not in eigen for v in waarden]
    return render(
        request,
        "herbevestigen.html",
        {"form": form, "bewaard": bewaard, "actie": request.get_full_path()},
        status=status,
    )
