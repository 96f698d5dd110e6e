import unicodedata

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout, Submit
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from registrations.models import FormOfAddress, OrganisationType, Registration
from registrations.validators import (
    suggest_email,
    validate_person_name,
    validate_phone,
    validate_single_line,
    validate_text_block,
)

LANGUAGE_NAMES = {"bg": _("Bulgarian"), "en": _("English")}
NAME_FIELDS = ("first_name", "last_name")
TEXT_BLOCK_FIELDS = ("accessibility_requirements", "dietary_requirements")
DETAIL_FIELDS = (
    "form_of_address",
    "first_name",
    "last_name",
    "phone",
    "language",
    "organisation",
    "position",
    "organisation_type",
    "country",
    "needs_interpretation",
    "accessibility_requirements",
    "dietary_requirements",
)
# The order in which the fields appear on the page, so that the error summary
# lists the problems in the order a person meets them.
PAGE_ORDER = (
    "form_of_address",
    "first_name",
    "last_name",
    "email",
    "keep_email",
    "organisation",
    "position",
    "organisation_type",
    "country",
    "phone",
    "language",
    "needs_interpretation",
    "accessibility_requirements",
    "dietary_requirements",
    "consent",
)


class RegistrationFieldsMixin:
    """Labels, help, limits and validation shared by registering and editing."""

    field_order = PAGE_ORDER

    def _set_up_fields(self):
        fields = self.fields
        for name, field in fields.items():
            if isinstance(field, forms.CharField):
                field.validators.append(
                    validate_text_block
                    if name in TEXT_BLOCK_FIELDS
                    else validate_single_line
                )
        for name in NAME_FIELDS:
            fields[name].validators.append(validate_person_name)
            fields[name].widget.attrs["autocomplete"] = (
                "given-name" if name == "first_name" else "family-name"
            )
        fields["form_of_address"].choices = [
            ("", pgettext_lazy("form of address", "None")),
            *FormOfAddress.choices,
        ]
        fields["form_of_address"].help_text = _(
            "Optional. How we will address you in our e-mails and on your badge."
        )
        fields["form_of_address"].widget.attrs["autocomplete"] = "honorific-prefix"
        fields["phone"].validators.append(validate_phone)
        fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")
        fields["phone"].help_text = _("Optional. Only for urgent matters on the day.")
        fields["organisation"].widget.attrs["autocomplete"] = "organization"
        fields["position"].widget.attrs["autocomplete"] = "organization-title"
        fields["country"].widget.attrs["autocomplete"] = "country-name"
        fields["organisation_type"].choices = [
            ("", _("Choose a type")),
            *OrganisationType.choices,
        ]
        fields["language"] = forms.ChoiceField(
            label=_("Preferred language"),
            choices=[
                (code, LANGUAGE_NAMES[code]) for code, _name in settings.LANGUAGES
            ],
            help_text=_("We will write to you in this language."),
        )
        fields["needs_interpretation"].label = _(
            "I need interpretation between Bulgarian and English"
        )
        fields["accessibility_requirements"].label = _("Accessibility needs")
        fields["accessibility_requirements"].help_text = _(
            "Optional. For example, step-free access, a sign language interpreter "
            "or a seat near the front."
        )
        fields["dietary_requirements"].help_text = _(
            "Optional. For example, vegetarian or vegan meals, or allergies."
        )
        for name in TEXT_BLOCK_FIELDS:
            fields[name].widget.attrs["rows"] = 2

    def _clean_text(self, name):
        return unicodedata.normalize("NFC", self.cleaned_data.get(name, ""))

    def clean_first_name(self):
        return self._clean_text("first_name")

    def clean_last_name(self):
        return self._clean_text("last_name")

    def clean_organisation(self):
        return self._clean_text("organisation")

    def clean_position(self):
        return self._clean_text("position")

    def clean_country(self):
        return self._clean_text("country")


def _pair(left: str, right: str) -> Div:
    """Two fields side by side on wide screens, stacked on phones."""
    return Div(
        Div(left, css_class="col-md-6"),
        Div(right, css_class="col-md-6"),
        css_class="row",
    )


def _detail_fieldsets():
    return [
        Fieldset(
            _("About you"),
            Div(
                Div("form_of_address", css_class="col-md-6"),
                css_class="row",
            ),
            _pair("first_name", "last_name"),
        ),
        Fieldset(
            _("Your organisation"),
            _pair("organisation", "position"),
            _pair("organisation_type", "country"),
        ),
        Fieldset(
            _("Contact and language"),
            _pair("phone", "language"),
        ),
        Fieldset(
            _("Your needs"),
            "needs_interpretation",
            "accessibility_requirements",
            "dietary_requirements",
        ),
    ]


class RegistrationForm(RegistrationFieldsMixin, forms.ModelForm):
    keep_email = forms.BooleanField(
        label=_("My e-mail address is correct as typed"), required=False
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the organisers may process my personal data to arrange "
            "my participation, as described in the privacy notice."
        ),
        error_messages={
            "required": _("To register, please consent to the processing of your data.")
        },
    )
    # Honeypot: hidden from people by CSS, filled in by naive bots.
    website = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200
    )

    class Meta:
        model = Registration
        fields = ("email", *DETAIL_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_up_fields()
        self.email_suggestion = None
        self.fields["email"].widget.attrs.update(
            autocomplete="email", spellcheck="false", autocapitalize="none"
        )
        self.fields["email"].help_text = _(
            "We will send a link to this address to confirm your registration."
        )
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def clean(self):
        cleaned_data = super().clean()
        email = cleaned_data.get("email")
        if email and not cleaned_data.get("keep_email"):
            self.email_suggestion = suggest_email(email)
            if self.email_suggestion:
                self.add_error(
                    "email",
                    forms.ValidationError(
                        _(
                            "Did you mean %(suggestion)s? Please correct the "
                            "address, or tick “My e-mail address is correct as "
                            "typed” below and send the form again."
                        ),
                        code="email_typo",
                        params={"suggestion": self.email_suggestion},
                    ),
                )
        return cleaned_data

    def validate_constraints(self, exclude=None):
        """Never tell the visitor whether an address is already registered."""

    @property
    def helper(self):
        helper = FormHelper(self)
        helper.form_tag = False
        helper.disable_csrf = True
        email_fields = ["email"]
        if self.email_suggestion:
            email_fields.append("keep_email")
        privacy_link = format_html(
            '<p class="form-text">{} <a href="{}">{}</a></p>',
            _("How we use your data:"),
            reverse("registrations:privacy"),
            _("privacy notice"),
        )
        details = _detail_fieldsets()
        details[0].fields.append(Div(*email_fields))
        helper.layout = Layout(
            *details,
            Fieldset(_("Consent"), "consent", HTML(privacy_link)),
            Div("website", css_class="form-honeypot", aria_hidden="true"),
            Submit(
                "register",
                pgettext_lazy("submit button", "Register"),
                css_class="btn-accent btn-lg",
            ),
        )
        return helper


class RegistrationDetailsForm(RegistrationFieldsMixin, forms.ModelForm):
    class Meta:
        model = Registration
        fields = DETAIL_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_up_fields()

    def validate_constraints(self, exclude=None):
        """The registration's status is not this form's business."""

    @property
    def helper(self):
        helper = FormHelper(self)
        helper.form_tag = False
        helper.disable_csrf = True
        helper.layout = Layout(
            *_detail_fieldsets(),
            Submit("save", _("Save changes"), css_class="btn-primary"),
        )
        return helper
