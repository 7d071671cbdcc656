"""The links of a GOV.UK error summary: every error of a form or formset, pointing at its field.

Used by templates/_error_summary.html, the one error summary every form's page
includes.
"""

from crispy_forms_gds.templatetags.crispy_forms_gds import field_errors, is_checkboxes, is_radios
from django import template

register = template.Library()


@register.simple_tag
def error_summary_links(form=None, formset=None):
    """(field id, message) pairs, in page order: the form's errors, then the formset's."""
    links = []
    if form:
        links += _form_links(form)
    if formset and formset.is_bound:
        first_form = next(iter(formset.forms), None)
        anchor = _first_field_anchor(first_form) if first_form else "main-content"
        links += [(anchor, error) for error in formset.non_form_errors()]
        for each in formset.forms:
            # A form ticked for deletion is not saved, so its errors do not stop the formset.
            if not (formset.can_delete and formset._should_delete_form(each)):
                links += _form_links(each)
    return links


def _form_links(form):
    # Errors not tied to a field the user can see (including hidden fields') point at the first.
    first = _first_field_anchor(form)
    hidden_errors = [error for field in form.hidden_fields() for error in field.errors]
    links = [(first, error) for error in [*form.non_field_errors(), *hidden_errors]]
    for field in form.visible_fields():
        links += [
            (_anchor(field, field_id), error)
            for field_id, errors in field_errors(field)
            for error in errors
        ]
    return links


def _first_field_anchor(form):
    fields = form.visible_fields()
    return _anchor(fields[0], fields[0].auto_id) if fields else "main-content"


def _anchor(field, field_id):
    # crispy-forms-gds numbers the inputs of a radio or checkbox group from 1 (id_<name>_1), but
    # field_errors names the group by its auto_id, which no element on the page has.
    # A bound field may name the element its errors are about (responses.section_picker's).
    if anchor := getattr(field, "error_anchor_id", None):
        return anchor
    if is_radios(field) or is_checkboxes(field):
        return f"id_{field.html_name}_1"
    return field_id
