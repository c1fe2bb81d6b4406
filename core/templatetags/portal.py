"""Template helpers for the NL Design System (Utrecht) form markup used by the `nlds` pack."""

from django import forms, template

from core.bedragen import euro_tekst

register = template.Library()

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
WIDGET_CLASSES: dict[type, str] = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.ClearableFileInput: "portal-file-input",
    forms.FileInput: "portal-file-input",
    forms.RadioSelect: "",
    forms.CheckboxSelectMultiple: "",
}


def _widget_class(widget) -> str:
    for widget_type in type(widget).__mro__:
        if widget_type in WIDGET_CLASSES:
            return WIDGET_CLASSES[widget_type]
    return TEXTBOX


@register.simple_tag
def nlds_widget(field):
    """Render a bound field's widget with design-system classes and accessible descriptions."""
    widget = field.field.widget
    css = _widget_class(widget)
    attrs = {}
    existing = widget.attrs.get("class", "")
    if css:
        attrs["class"] = f"{css} {existing}".strip()
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
        if "utrecht-textbox" in css:
            attrs["class"] += " utrecht-textbox--invalid"
        elif "utrecht-textarea" in css:
            attrs["class"] += " utrecht-textarea--invalid"
        elif "utrecht-select" in css:
            attrs["class"] += " utrecht-select--invalid"
    if described_by and not isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.filter
def widget_kind(field) -> str:
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "choices"
    return "input"


@register.filter
def euro(value) -> str:
    """Format a Decimal as Dutch euros: 1234.5 -> '€ 1.234,50'."""
    if value is None or value == "":
        return ""
    sign = "-" if value < 0 else ""
    # The same notation as the rules' messages; a no-break space keeps "€" and the amount together.
    return sign + euro_tekst(abs(value)).replace(" ", "\u00a0", 1)


def _doel_id(field) -> str:
    """Where a summary link must land: the first input of a radio or checkbox group (the
    group's own element is a fieldset, which cannot take focus), otherwise the input."""
    if widget_kind(field) == "choices":
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id


@register.simple_tag
def foutenoverzicht(form=None, formset=None, formset_naam: str = "") -> list[dict[str, str]]:
    """Every error of a form and of its formset, in page order, for the error summary.

    Each item has the text and, for a field, the id its link points to; formset rows are
    named "<formset_naam> <n>, <label>" so that "Bedrag" of row 3 can be told from row 1.
    """
    items: list[dict[str, str]] = []

    def van_form(f, voor: str) -> None:
        for fout in f.non_field_errors():
            items.append({"id": "", "tekst": f"{voor}{fout}"})
        for field in f:
            for fout in field.errors:
                items.append({"id": _doel_id(field), "tekst": f"{voor}{field.label}: {fout}"})

    # An include without formset= passes "" (the template engine's empty value).
    if form:
        van_form(form, "")
    if formset and getattr(formset, "is_bound", False):
        for fout in formset.non_form_errors():
            items.append({"id": "", "tekst": f"{formset_naam}: {fout}" if formset_naam else fout})
        for nummer, f in enumerate(formset.forms, start=1):
            van_form(f, f"{formset_naam} {nummer}, " if formset_naam else "")
    return items


@register.simple_tag(takes_context=True)
def eenmalig_token(context):
    """The hidden one-time token of a public form (core.eenmalig)."""
    from django.utils.html import format_html

    from core.eenmalig import VELD, nieuw_token

    return format_html(
        '<input type="hidden" name="{}" value="{}">', VELD, nieuw_token(context["request"])
    )
