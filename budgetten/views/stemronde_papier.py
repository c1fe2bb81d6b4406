"""Annulling a disputed paper ballot: a confirm step page (reason and a tick, no JS)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views import View

from core.fouten import Weigering, naar_form

from .. import selectors, services
from ..forms_stemronde import PapierAnnulerenForm
from .stemronde import StemrondeMixin


class PapierenStemAnnulerenView(StemrondeMixin, View):
    """The kernambtenaar of the round's kern annuls a paper ballot while voting is open.
    GET shows the ballot and what annulling means; the POST with a reason and the ticked
    box annuls it (services.papieren_stem_annuleren)."""

    template_name = "budgetten/papieren_stem_annuleren.html"

    def _biljet(self):
        biljet = selectors.papieren_stembiljet(self.get_permission_object(), self.kwargs["pk"])
        if biljet is None:
            raise Http404
        return biljet

    def _render(self, request, form, biljet, status=200):
        ronde = self.get_permission_object()
        return render(
            request,
            self.template_name,
            {"form": form, "ronde": ronde, "biljet": biljet, "stand": ronde.stand},
            status=status,
        )

    def get(self, request, *args, **kwargs):
        return self._render(request, PapierAnnulerenForm(), self._biljet())

    def post(self, request, *args, **kwargs):
        biljet = self._biljet()
        form = PapierAnnulerenForm(request.POST)
        if form.is_valid():
            try:
                services.papieren_stem_annuleren(
                    stembiljet_id=biljet.pk, door=request.user, reden=form.cleaned_data["reden"]
                )
            except Weigering as fout:
                naar_form(form, fout)
            else:
                messages.success(request, "De papieren stem is geannuleerd en telt niet meer mee.")
                return redirect("budgetten:stemronde_papier", stemronde_pk=biljet.stemronde_id)
        return self._render(request, form, biljet, status=400)
