"""Staff pages: who may open them, and the one shape of a staff action.

`StaffPermissionMixin` guards every staff view; `ActieView` is the one base for a form that
calls one service: the service refuses with `core.fouten.Weigering`, the view shows the
messages at the fields and saves nothing.
"""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from django.forms import BaseForm
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View
from rules.contrib.views import PermissionRequiredMixin

from .fouten import Weigering, naar_form

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class StaffPermissionMixin(PermissionRequiredMixin):
    """Every staff view uses this: signed in with a verified second factor, then a named rule.

        Anonymous (or not yet 2FA-verified) visitors go to the sign-in page; signed-in staff
        without the permission get 403. Set `permission_required`; for object-level checks set
        `object_queryset` and `object_url_kwarg` (the object is read once per request, and rules
        gets it); override `get_object_queryset()` when the queryset depends on the request, or
    `get_permission_object` for anything else.
    """

    raise_exception = False
    kwargs: dict  # set by View.setup
    object_queryset: QuerySet | None = None
    object_url_kwarg = ""
    object_lookup = "pk"  # or "slug" for a kern

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated or not user.is_verified():
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def get_object_queryset(self) -> QuerySet:
        if self.object_queryset is None:
            raise ImproperlyConfigured("Set object_queryset or override get_object_queryset.")
        return self.object_queryset.all()

    def get_permission_object(self):
        if not self.object_url_kwarg:
            return None
        if not hasattr(self, "_permission_object"):
            self._permission_object = get_object_or_404(
                self.get_object_queryset(),
                **{self.object_lookup: self.kwargs[self.object_url_kwarg]},
            )
        return self._permission_object


class ActieView(StaffPermissionMixin, View):
    """A staff action: a form, one service call, a message, a redirect.

    Set `form_class`, `gelukt` and implement `uitvoeren(obj, data)` and `succes_url(obj)`.
    With `template_name` the action has its own page (GET shows the form); without it the
    form lives on another page and `fout_response(obj, form)` renders that page again.
    """

    form_class: type[BaseForm] | None = None
    template_name = ""
    gelukt: "StrOrPromise" = ""

    def get_form(self, data=None) -> BaseForm:
        if self.form_class is None:
            raise ImproperlyConfigured("An ActieView needs a form_class.")
        return self.form_class(data, **self.get_form_kwargs())

    def get_form_kwargs(self) -> dict:
        return {}

    def uitvoeren(self, obj, data):  # pragma: no cover - every action defines it
        raise NotImplementedError

    def succes_url(self, obj) -> str:  # pragma: no cover
        raise NotImplementedError

    def get_context_data(self, **kwargs) -> dict:
        return {"object": self.get_permission_object(), **kwargs}

    def get(self, request, *args, **kwargs):
        if not self.template_name:
            return self.http_method_not_allowed(request, *args, **kwargs)
        return render(request, self.template_name, self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        obj = self.get_permission_object()
        form = self.get_form(request.POST)
        if form.is_valid():
            try:
                self.uitvoeren(obj, form.cleaned_data)
            except Weigering as fout:
                naar_form(form, fout)
            else:
                if self.gelukt:
                    messages.success(request, self.gelukt)
                return redirect(self.succes_url(obj))
        return self.fout_response(obj, form)

    def fout_response(self, obj, form) -> HttpResponse:
        return render(
            self.request, self.template_name, self.get_context_data(form=form), status=400
        )
