from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _
from django_otp import match_token

GENERIC_ERROR = _(
    "De combinatie van gebruikersnaam, wachtwoord en code klopt niet. Controleer uw gegevens "
    "en probeer het opnieuw."
)


class InlogForm(forms.Form):
    username = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        help_text=_("De 6 cijfers die uw authenticator-app nu laat zien."),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
    )

    def __init__(self, request, *args, **kwargs):
        self.request = request
        self.user = None
        self.device = None
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean() or {}
        username = cleaned.get("username")
        password = cleaned.get("password")
        code = (cleaned.get("code") or "").replace(" ", "")
        if not (username and password and code):
            return cleaned
        user = authenticate(self.request, username=username, password=password)
        if user is None:
            # One message for every failure: never reveal which part was wrong.
            raise forms.ValidationError(GENERIC_ERROR, code="invalid_login")
        device = match_token(user, code)
        if device is None:
            # A wrong second factor counts as a failed sign-in for django-axes too.
            user_login_failed.send(
                sender=__name__, credentials={"username": username}, request=self.request
            )
            raise forms.ValidationError(GENERIC_ERROR, code="invalid_login")
        self.user = user
        self.device = device
        return cleaned
