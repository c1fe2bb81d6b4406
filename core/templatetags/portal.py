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


@register.simple_tag(takes_context=True)
def eenmalig_token(context):
    """The hidden one-time token of a public form (core.eenmalig)."""
    from django.utils.html import format_html

    from core.eenmalig import VELD, nieuw_token

    return format_html(
        '<input type="hidden" name="{}" value="{}">', VELD, nieuw_token(context["request"])
    )
