"""The GOV.UK error summary every form's page includes: _error_summary.html."""

from crispy_forms_gds.helper import FormHelper
from django import forms
from django.template import Context, Template

from tests.error_summary import error_summary_links


class ChoicesForm(forms.Form):
    colour = forms.ChoiceField(
        choices=[("red", "Red"), ("green", "Green")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a colour."},
    )
    sizes = forms.MultipleChoiceField(
        choices=[("s", "Small"), ("l", "Large")],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one size."},
    )
    name = forms.CharField(error_messages={"required": "Enter a name."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean(self):
        raise forms.ValidationError("This order cannot be made.")


ChoicesFormSet = forms.formset_factory(
    ChoicesForm, min_num=3, validate_min=True, extra=0, can_delete=True
)


def page(form=None, formset=None):
    """The summary above the form or formset drawn by crispy-forms-gds, as a page would be."""
    return Template(
        "{% load crispy_forms_tags %}"
        '{% include "_error_summary.html" %}'
        "{% if form %}{% crispy form %}{% endif %}"
        "{% for each in formset %}{% crispy each %}{% endfor %}"
    ).render(Context({"form": form, "formset": formset}))


def test_nothing_is_drawn_for_a_form_without_errors():
    assert "govuk-error-summary" not in page(form=ChoicesForm())


def test_each_error_links_to_its_field_and_form_errors_to_the_first_field():
    assert error_summary_links(page(form=ChoicesForm(data={}))) == [
        ("#id_colour_1", "This order cannot be made."),
        ("#id_colour_1", "Choose a colour."),
        ("#id_sizes_1", "Choose at least one size."),
        ("#id_name", "Enter a name."),
    ]


def test_every_link_leads_to_an_element_on_the_page():
    html = page(form=ChoicesForm(data={}))

    for target, _message in error_summary_links(html):
        assert f'id="{target[1:]}"' in html


def test_a_formset_lists_its_own_errors_then_each_forms_but_not_deleted_ones():
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "0",
        "form-0-name": "Ada",
        "form-1-DELETE": "on",
    }
    html = page(formset=ChoicesFormSet(data=data))

    links = error_summary_links(html)
    assert links == [
        ("#id_form-0-colour_1", "Please submit at least 3 forms."),
        ("#id_form-0-colour_1", "This order cannot be made."),
        ("#id_form-0-colour_1", "Choose a colour."),
        ("#id_form-0-sizes_1", "Choose at least one size."),
    ]
    for target, _message in links:
        assert f'id="{target[1:]}"' in html
