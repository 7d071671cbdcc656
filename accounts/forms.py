"""The account forms (sign up, sign in, reset and change a password) in the GOV.UK style.

Each subclasses Django's own form, so the auth views keep working, and adds a crispy-forms-gds
helper and error messages written for the person filling it in.
"""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Fixed, Layout, Size
from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
    UsernameField,
)
from django.contrib.auth.models import User
from django.forms.utils import ErrorDict

# Said once, in words, rather than as the list of Django's password validators' help texts.
NEW_PASSWORD_HINT = (
    "Use at least 8 characters. Do not use only numbers, a common password, "
    "or anything like your username or email address."
)
PASSWORD_MISMATCH = "The passwords do not match. Enter the same password in both fields."
EMAIL_MESSAGES = {
    "required": "Enter your email address.",
    "invalid": "Enter an email address in the correct format, like name@example.com.",
    "max_length": "The email address must be 254 characters or fewer.",
}
# Usernames and email addresses are not words: no spelling squiggles, no capital first letter.
LITERAL_TEXT = {"spellcheck": "false", "autocapitalize": "none"}


def _helper(form, *fields, button):
    """A helper that draws `fields` with bold labels, then one primary button saying `button`.

    Usernames and passwords are short answers, so their inputs are 20 characters wide; email
    addresses get the whole column. The width goes on the widget: a width given in the layout
    would replace the widget's classes, and with them _MarksInputsInError's red outline.
    """
    for name in fields:
        widget = form.fields[name].widget
        if not isinstance(widget, forms.EmailInput):
            widget.attrs["class"] = Fixed.for_input(Fixed.TWENTY)
    helper = FormHelper()
    helper.label_size = Size.SMALL
    # Our messages, in the error summary, rather than the browser's own for type="email".
    helper.attrs = {"novalidate": ""}
    helper.layout = Layout(*fields, Button.primary("submit", button))
    return helper


class _MarksInputsInError:
    """crispy-forms-gds outlines a text input in red when it has an error, but not an email or
    password input: outline those too."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            widget = self.fields[name].widget if name in self.fields else None
            if isinstance(widget, forms.EmailInput | forms.PasswordInput):
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} govuk-input--error"


class _CanBeRefusedWhole:
    """A form that can be turned down whole, before any of its fields is checked, with one message
    at the top of the page: checking them would answer questions (is this username taken?) that a
    visitor refused for making too many attempts should not get answered."""

    def refuse(self, message):
        # What full_clean would leave behind, with this one error instead of the fields' own.
        self.cleaned_data = {}
        self._errors = ErrorDict()
        self.add_error(None, message)


class _ChoosesPassword(_MarksInputsInError):
    """A form where someone chooses a password and repeats it: the same hint, labels and
    messages on every such form."""

    password_fields = ("new_password1", "new_password2")
    password_label = None  # the field's own ("New password") unless a form names it otherwise

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages = {**self.error_messages, "password_mismatch": PASSWORD_MISMATCH}
        password, repeat = (self.fields[name] for name in self.password_fields)
        if self.password_label:
            password.label = self.password_label
        password.help_text = NEW_PASSWORD_HINT
        password.error_messages["required"] = f"Enter a {str(password.label).lower()}."
        repeat.label = f"Confirm {str(password.label).lower()}"
        repeat.help_text = ""
        repeat.error_messages["required"] = "Enter the password again to confirm it."

    def validate_password_for_user(self, user, password_field_name=None):
        # Django reports a too-short or too-common password beside its repeat; report it beside
        # the password itself, where the hint says what a good one is.
        super().validate_password_for_user(user, self.password_fields[0])


class SignUpForm(_CanBeRefusedWhole, _MarksInputsInError, forms.ModelForm):
    """The first step of a new account: a username, and the email address we send the link to
    finish it (and later password reset links) to. The password is chosen from that link
    (ChoosePasswordForm), so no account exists, and no password is kept, until the address has
    been shown to be the visitor's.

    Whether the address already has an account is not checked here: the page must look the same
    either way (accounts/signup.py emails its owner instead).
    """

    error_messages = {"username_taken": "That username is taken. Choose another."}

    email = forms.EmailField(
        label="Email address",
        help_text=(
            "We will email you a link to finish creating your account. We use the address only "
            "for that and to send you a link if you forget your password."
        ),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", **LITERAL_TEXT}),
        error_messages=EMAIL_MESSAGES,
    )

    class Meta:
        model = User
        fields = ("username", "email")
        field_classes = {"username": UsernameField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.help_text = "Up to 150 letters, numbers and the symbols @ . + - _"
        username.error_messages["required"] = "Enter a username."
        username.widget.attrs.update(LITERAL_TEXT)
        self.helper = _helper(self, "username", "email", button="Continue")

    def clean_username(self):
        # Usernames differing only in case are the same. Saying one is taken tells only that
        # someone chose it, as any site where people choose usernames must; the public never sees
        # usernames (officers do, in a comment's history), and the sign-up limit slows guessing.
        username = self.cleaned_data.get("username")
        if username and User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(self.error_messages["username_taken"], code="unique")
        return username


class ChoosePasswordForm(_ChoosesPassword, SetPasswordForm):
    """The last step of a new account, from the link we emailed: its password, twice. `user` is
    the account to be, not yet saved; save() creates it."""

    password_label = "Password"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            self,
            "new_password1",
            "new_password2",
            button="Create account",
        )


class SignInForm(_MarksInputsInError, AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "The username or password is not right. Check both and try again: "
            "they are case-sensitive."
        ),
        "inactive": "This account has been closed. Create a new account to respond.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username."
        self.fields["username"].widget.attrs.update(LITERAL_TEXT)
        self.fields["password"].error_messages["required"] = "Enter your password."
        self.helper = _helper(
            self,
            "username",
            "password",
            button="Sign in",
        )


class ResetPasswordForm(_CanBeRefusedWhole, _MarksInputsInError, PasswordResetForm):
    """Asks for the email address to send a password reset link to."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = "Email address"
        email.error_messages.update(EMAIL_MESSAGES)
        email.widget.attrs.update(LITERAL_TEXT)
        self.helper = _helper(self, "email", button="Send reset link")


class NewPasswordForm(_ChoosesPassword, SetPasswordForm):
    """Sets a new password from a reset link."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            self,
            "new_password1",
            "new_password2",
            button="Save password",
        )


class ChangePasswordForm(_ChoosesPassword, PasswordChangeForm):
    """A signed-in user's current password, then the new one twice."""

    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_incorrect": "Your current password is not right. Enter it again.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields["old_password"].error_messages["required"] = "Enter your current password."
        self.helper = _helper(
            self,
            "old_password",
            "new_password1",
            "new_password2",
            button="Change password",
        )
