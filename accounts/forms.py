from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _
from django_otp import match_token

from core.forms import code_veld, wachtwoord_veld

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
    password = wachtwoord_veld()
    code = code_veld()

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


class TweedeFactorWachtwoordForm(forms.Form):
    """Step 1 of the setup page: the medewerker's password, before any key is shown.

    The link in the mail says who it is for; the password proves it is that medewerker, so
    a mailbox alone neither sets up an app nor learns its key. A wrong password counts in
    django-axes like a sign-in (authenticate() does that, and refuses a locked account)."""

    password = wachtwoord_veld(_("Uw wachtwoord"))

    def __init__(self, request, *, medewerker, **kwargs):
        self.request = request
        self.medewerker = medewerker
        self.user = None
        super().__init__(**kwargs)

    def clean(self):
        cleaned = super().clean() or {}
        password = cleaned.get("password")
        if not password:
            return cleaned
        user = authenticate(self.request, username=self.medewerker.username, password=password)
        if user is None or user.pk != self.medewerker.pk:
            self.add_error("password", _("Het wachtwoord klopt niet. Probeer het opnieuw."))
            return cleaned
        self.user = user
        return cleaned


class TweedeFactorCodeForm(forms.Form):
    """Step 2 of the setup page: the first code of the new authenticator app.

    Only reached after the password (the session remembers that, accounts.views). A wrong
    code counts in django-axes like a failed sign-in, so guessing codes locks out too."""

    code = code_veld(_("De 6 cijfers die de app laat zien nadat u de QR-code heeft gescand."))

    def __init__(self, request, *, medewerker, apparaat, **kwargs):
        self.request = request
        self.medewerker = medewerker
        self.apparaat = apparaat
        super().__init__(**kwargs)

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        if not self.apparaat.verify_token(code):
            user_login_failed.send(
                sender=__name__,
                credentials={"username": self.medewerker.username},
                request=self.request,
            )
            raise forms.ValidationError(
                _(
                    "De code klopt niet. Vul de 6 cijfers in die de app nu laat zien; "
                    "na 30 seconden komt er een nieuwe code."
                ),
                code="code_onjuist",
            )
        return code
