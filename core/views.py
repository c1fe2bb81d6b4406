from typing import cast

from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from accounts.models import Medewerker, Rol
from core.toegang import StaffPermissionMixin
from kernen.selectors import kernen_publiek

from .beveiliging import publiek_formulier
from .forms import MijnLinksForm
from .hooks import persoonlijke_links, startpagina_links
from .mail import mail_versturen


def home(request):
    return render(request, "home.html", {"kernen": kernen_publiek()})


class StaffStartView(StaffPermissionMixin, TemplateView):
    permission_required = "accounts.view_startpagina"
    template_name = "staff_start.html"

    def get_context_data(self, **kwargs):
        user = cast(Medewerker, self.request.user)  # StaffPermissionMixin: signed in
        rollen = [Rol(naam).label for naam in sorted(user.rollen)]
        return super().get_context_data(links=startpagina_links(user=user), rollen=rollen, **kwargs)


@publiek_formulier("mijn-links", per_email="3/h")
def mijn_links(request):
    """An inwoner asks for their personal links again. The answer never says whether the
    address is known: the email does."""
    if request.method == "POST":
        form = MijnLinksForm(request.POST)
        if form.is_valid():
            email = form.cleaned_data["email"]
            links = persoonlijke_links(email=email)
            if links:
                mail_versturen(
                    aan=email,
                    onderwerp="Uw persoonlijke links - Gemeente Buren",
                    template="mail/mijn_links.txt",
                    context={"links": links},
                )
            return redirect(reverse("core:mijn_links") + "?verstuurd=1")
    else:
        form = MijnLinksForm()
    return render(
        request,
        "mijn_links.html",
        {"form": form, "verstuurd": request.GET.get("verstuurd") == "1"},
    )


@require_safe
def favicon(request):
    return redirect(static("img/favicon.svg"))


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    # No request context: whatever broke (the database, a context processor) must not break this.
    return render(None, "500.html", status=500)


def te_veel_verzoeken(request, exception=None):
    from .beveiliging import te_veel_response

    return te_veel_response(request)


@require_safe
def toegankelijkheid(request):
    from .juridisch import contactgegevens, toegankelijkheidsverklaring

    return render(
        request,
        "pages/toegankelijkheid.html",
        {"verklaring": toegankelijkheidsverklaring(), "contact": contactgegevens()},
    )


@require_safe
def contact(request):
    from .juridisch import contactgegevens

    return render(request, "pages/contact.html", {"contact": contactgegevens()})


@require_safe
def privacy(request):
    from django.conf import settings

    from .privacy import alle_termijnen

    return render(
        request,
        "pages/privacy.html",
        {
            "termijnen": alle_termijnen(),
            "fg_contact": getattr(settings, "FUNCTIONARIS_GEGEVENSBESCHERMING", ""),
        },
    )
