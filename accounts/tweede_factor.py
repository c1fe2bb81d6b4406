"""The second factor (django-otp) in the admin, in Dutch and without its secrets.

django-otp has no translations and writes its names as plain strings (no gettext), so a
locale file cannot reach them. `nederlandse_namen` (AccountsConfig.ready) sets the names the
admin shows - model and field names only; the migration state reads neither (Django keeps a
field's original name apart for that, and a model's original Meta), so no migration follows.
Help texts are set on the admin's form fields instead: a model field's help text is part of
its migration state.

No role sees a second-factor secret here, functioneel beheer and superusers included (least
privilege): OTP_ADMIN_HIDE_SENSITIVE_DATA (settings) removes the key from the change form, the
QR-code pages and the reserve codes of a saved device, but django-otp still shows them while a
device is being added - the add form of an authenticator app offers a freshly made key, and
that of a set of reserve codes takes the codes themselves. So the key is never a form field
here and reserve codes never an inline: whoever saw or chose them could sign in as the
medewerker with a password alone. What stays is managing devices: see, confirm, delete (the
medewerker then sets up a new one). The tests in tests/accounts/test_beheer_nederlands.py
hold that.

How a medewerker gets a working app, then (accounts.services, tests in
tests/accounts/test_tweede_factor_instellen.py): functioneel beheer, with the permission
`accounts.tweede_factor_uitnodigen`, sends an invitation with the Medewerker admin's action.
The mail holds a personal link (core.links tokens carrying Medewerker.link_versie) that works
for three days and once; a new invitation raises the version, so older links stop. The admin
only says where the mail went. The page behind the link has two steps. Step 1 shows the
username and asks only for the password: no key, no QR code, no device yet - whoever reads
the mailbox learns nothing to make codes with. A right password is remembered in the
server-side session (for this medewerker and link version, a quarter of an hour at most); a
new invitation, another browser or the lapse of time means step 1 again. Step 2 makes one
unconfirmed authenticator app (its key in the database, the same one on a reload), shows it
as a QR code and in base32, and confirms it with a first code. Wrong passwords and wrong codes
both count in django-axes like failed sign-ins. Then the medewerker's other apps are removed,
the link is used up and the medewerker is signed in with the new device verified.
"""

from django.contrib import admin
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

# (label, help text) per field, shared by both kinds of device where the field is the same.
VELDEN: dict[str, tuple[str, str]] = {
    "user": ("medewerker", "De medewerker van wie dit apparaat is."),
    "name": ("naam", "Een naam om het apparaat te herkennen, bijvoorbeeld de app."),
    "confirmed": ("bevestigd", "Het apparaat is klaar voor gebruik."),
    "created_at": ("aangemaakt op", "Wanneer het apparaat is toegevoegd."),
    "last_used_at": ("laatst gebruikt op", "Wanneer er voor het laatst mee is ingelogd."),
    "key": ("geheime sleutel", "De sleutel die de app kent (hexadecimaal, tot 40 bytes)."),
    "step": ("tijdstap", "Hoeveel seconden één code geldig is."),
    "t0": ("begintijd", "Vanaf welk moment (Unix-tijd) de tijdstappen tellen."),
    "digits": ("aantal cijfers", "Hoeveel cijfers een code heeft."),
    "tolerance": ("speling", "Hoeveel tijdstappen een code te vroeg of te laat mag zijn."),
    "drift": ("afwijking", "Hoeveel tijdstappen de klok van de app bekend afwijkt."),
    "last_t": ("laatste tijdstap", "De tijdstap van de laatst gebruikte code."),
    "throttling_failure_timestamp": (
        "laatste mislukte code",
        "Wanneer voor het laatst een verkeerde code is ingevuld.",
    ),
    "throttling_failure_count": ("mislukte codes", "Hoeveel verkeerde codes op rij."),
    "device": ("apparaat", "Het apparaat met de reservecodes."),
    "token": ("reservecode", "Een code die één keer werkt."),
}

MODELLEN = {
    TOTPDevice: ("authenticator-app", "authenticator-apps"),
    StaticDevice: ("set reservecodes", "sets reservecodes"),
    StaticToken: ("reservecode", "reservecodes"),
}

# django-otp's fieldset titles.
TITELS = {
    "Identity": "Apparaat",
    "Timestamps": "Tijdstippen",
    "Configuration": "Instellingen",
    "State": "Toestand",
    "Throttling": "Verkeerde codes",
}


def _reservecode_tekst(token: StaticToken) -> str:
    return f"code {token.pk} (niet getoond)"


def nederlandse_namen() -> None:
    # A reserve code has no name of its own; Django would say "StaticToken object (1)" where
    # the admin lists what a deletion takes along. Never the code itself.
    StaticToken.__str__ = _reservecode_tekst
    for model, (enkelvoud, meervoud) in MODELLEN.items():
        model._meta.verbose_name = enkelvoud
        model._meta.verbose_name_plural = meervoud
        for field in model._meta.get_fields():
            if field.name in VELDEN and hasattr(field, "verbose_name"):
                field.verbose_name = VELDEN[field.name][0]


# Read-only fields show the model's (English) help text; these show the moment without it.
ALLEEN_LEZEN = {"created_at": "aangemaakt_op", "last_used_at": "laatst_gebruikt_op"}


class _Nederlands:
    """Dutch help texts and fieldset titles on top of django-otp's admin."""

    search_help_text = "Zoek op gebruikersnaam of e-mailadres van de medewerker."

    @admin.display(description="aangemaakt op")
    def aangemaakt_op(self, device):
        return device.created_at

    @admin.display(description="laatst gebruikt op")
    def laatst_gebruikt_op(self, device):
        return device.last_used_at

    def get_readonly_fields(self, request, obj=None):
        velden = super().get_readonly_fields(request, obj)  # type: ignore[misc]
        return [ALLEEN_LEZEN.get(veld, veld) for veld in velden]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)  # type: ignore[misc]
        if formfield is not None and db_field.name in VELDEN:
            formfield.help_text = VELDEN[db_field.name][1]
        return formfield

    def get_fieldsets(self, request, obj=None):
        return [
            (
                TITELS.get(titel, titel),
                {**opties, "fields": [ALLEEN_LEZEN.get(v, v) for v in opties["fields"]]},
            )
            for titel, opties in super().get_fieldsets(request, obj)  # type: ignore[misc]
        ]


# Never on a page of the admin, also not on the add form (see the module's docstring).
GEHEIM = {"key", "qrcode_link"}


class AuthenticatorAppAdmin(_Nederlands, TOTPDeviceAdmin):
    def get_fieldsets(self, request, obj=None):
        # The form's fields come from the fieldsets: without `key` there a posted key is
        # ignored too, and a new device keeps the random key of the model's default.
        return [
            (titel, {**opties, "fields": [v for v in opties["fields"] if v not in GEHEIM]})
            for titel, opties in super().get_fieldsets(request, obj)
        ]


class ReservecodesAdmin(_Nederlands, StaticDeviceAdmin):
    inlines: list = []
    readonly_fields = [*StaticDeviceAdmin.readonly_fields, "aantal_reservecodes"]
    fieldsets = [
        *StaticDeviceAdmin.fieldsets,
        ("Reservecodes", {"fields": ["aantal_reservecodes"]}),
    ]

    def get_inline_instances(self, request, obj=None):
        return []  # the codes themselves, on the add form too: never shown, never typed in

    @admin.display(description="aantal reservecodes")
    def aantal_reservecodes(self, device):
        # How many are left says whether the set is used up, without a code.
        return device.token_set.count() if device.pk else 0


def registreren(site: admin.AdminSite) -> None:
    admins = ((TOTPDevice, AuthenticatorAppAdmin), (StaticDevice, ReservecodesAdmin))
    for model, model_admin in admins:
        if site.is_registered(model):
            site.unregister(model)
        site.register(model, model_admin)
