from django.contrib.auth import login, logout
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from core.herbevestiging import herbevestigd
from core.querystring import lokale_url

from .forms import InlogForm


@sensitive_post_parameters("password", "code")
@csrf_protect
@never_cache
def inloggen(request):
    next_url = lokale_url(request, request.POST.get("next") or request.GET.get("next"))
    if request.method == "POST":
        form = InlogForm(request, data=request.POST)
        if form.is_valid():
            login(request, form.user)
            otp_login(request, form.device)
            herbevestigd(request)
            return redirect(next_url or reverse("core:staff_start"))
    else:
        form = InlogForm(request)
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


@require_POST
def uitloggen(request):
    logout(request)
    return redirect("core:home")
