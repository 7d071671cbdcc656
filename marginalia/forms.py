"""What every form of ours shares: its crispy-forms-gds layout."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout, Size


def form_helper(*fields):
    """A crispy-forms-gds layout of `fields`, small labels and legends, in a <form> the
    template writes itself (with its own CSRF token)."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.label_size = Size.SMALL
    helper.legend_size = Size.SMALL
    helper.layout = Layout(*fields)
    return helper
