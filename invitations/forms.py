"""The guests' answer forms, the journalists' request, and the organisers'
forms of this app (the import, releasing reserved seats)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout, Submit
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from invitations.models import PressAccreditation
from registrations.forms import LANGUAGE_NAMES
from registrations.validators import (
    validate_person_name,
    validate_phone,
    validate_single_line,
    validate_text_block,
)

LANGUAGE_CHOICES = [(code, LANGUAGE_NAMES[code]) for code, _name in settings.LANGUAGES]


def _needs_fields(form):
    form.fields["needs_interpretation"].label = _(
        "I need interpretation between Bulgarian and English"
    )
    form.fields["accessibility_requirements"].help_text = _(
        "Optional. For example, step-free access, a sign language interpreter "
        "or a seat near the front."
    )
    for name in ("accessibility_requirements", "dietary_requirements"):
        if name in form.fields:
            form.fields[name].validators.append(validate_text_block)
            form.fields[name].widget.attrs["rows"] = 2


def _privacy_link():
    return HTML(
        format_html(
            '<p class="form-text">{} <a href="{}">{}</a></p>',
            _("How we use your data:"),
            reverse("registrations:privacy"),
            _("privacy notice"),
        )
    )


def _consent_field():
    return forms.BooleanField(
        label=_(
            "I agree that the organisers may process my personal data to arrange "
            "my participation, as described in the privacy notice."
        ),
        error_messages={
            "required": _(
                "To take part, please consent to the processing of your data."
            )
        },
    )


class AcceptInvitationForm(forms.Form):
    """One step after the e-mail's link: the needs, pre-filled from the list."""

    language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=LANGUAGE_CHOICES,
        help_text=_("We will write to you in this language."),
    )
    needs_interpretation = forms.BooleanField(required=False)
    accessibility_requirements = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        max_length=1000,
        widget=forms.Textarea,
    )
    dietary_requirements = forms.CharField(
        label=_("Dietary requirements"),
        required=False,
        max_length=500,
        widget=forms.Textarea,
        help_text=_("Optional. For example, vegetarian or vegan meals, or allergies."),
    )
    consent = _consent_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _needs_fields(self)

    @property
    def helper(self):
        helper = FormHelper(self)
        helper.form_tag = False
        helper.disable_csrf = True
        helper.layout = Layout(
            Fieldset(
                _("Your needs"),
                "needs_interpretation",
                "accessibility_requirements",
                "dietary_requirements",
                "language",
            ),
            Fieldset(_("Consent"), "consent", _privacy_link()),
            Submit(
                "accept",
                _("Accept the invitation"),
                css_class="btn-accent btn-lg",
            ),
        )
        return helper


class DeclineInvitationForm(forms.Form):
    delegate_name = forms.CharField(
        label=_("Name of the person who will come in your place"),
        required=False,
        max_length=200,
        validators=[validate_single_line, validate_person_name],
    )
    delegate_email = forms.EmailField(
        label=_("Their e-mail address"), required=False, max_length=254
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegate_email"].widget.attrs.update(
            autocomplete="off", spellcheck="false", autocapitalize="none"
        )

    def clean(self):
        cleaned_data = super().clean()
        name = cleaned_data.get("delegate_name", "").strip()
        email = cleaned_data.get("delegate_email", "").strip()
        if name and not email and "delegate_email" not in self.errors:
            self.add_error(
                "delegate_email",
                forms.ValidationError(
                    _("Please give the e-mail address of the person you name."),
                    code="delegate_email_missing",
                ),
            )
        if email and not name and "delegate_name" not in self.errors:
            self.add_error(
                "delegate_name",
                forms.ValidationError(
                    _("Please give the name of the person whose address you give."),
                    code="delegate_name_missing",
                ),
            )
        return cleaned_data

    @property
    def helper(self):
        helper = FormHelper(self)
        helper.form_tag = False
        helper.disable_csrf = True
        helper.layout = Layout(
            Fieldset(
                _("Someone to come in your place (optional)"),
                "delegate_name",
                "delegate_email",
            ),
            Submit(
                "decline",
                _("Send my answer"),
                css_class="btn-primary btn-lg",
            ),
        )
        return helper


class PressAccreditationForm(forms.ModelForm):
    consent = _consent_field()
    # Honeypot: hidden from people by CSS, filled in by naive bots.
    website = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200
    )

    class Meta:
        model = PressAccreditation
        fields = (
            "first_name",
            "last_name",
            "email",
            "outlet",
            "position",
            "country",
            "phone",
            "language",
            "needs_interpretation",
            "accessibility_requirements",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        for name, field in fields.items():
            if isinstance(field, forms.CharField) and name not in (
                "accessibility_requirements",
                "website",
            ):
                field.validators.append(validate_single_line)
        for name in ("first_name", "last_name"):
            fields[name].validators.append(validate_person_name)
        fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        fields["email"].widget.attrs.update(
            autocomplete="email", spellcheck="false", autocapitalize="none"
        )
        fields["email"].help_text = _("We will reply to your request at this address.")
        fields["outlet"].help_text = _(
            "The newspaper, agency, broadcaster or website you work for."
        )
        fields["position"].help_text = _(
            "For example, reporter, photographer or camera operator."
        )
        fields["phone"].validators.append(validate_phone)
        fields["phone"].help_text = _("Optional. Only for urgent matters on the day.")
        fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")
        fields["language"] = forms.ChoiceField(
            label=_("Preferred language"),
            choices=LANGUAGE_CHOICES,
            help_text=_("We will write to you in this language."),
        )
        fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        fields["needs_interpretation"].label = _(
            "I need interpretation between Bulgarian and English"
        )
        fields["accessibility_requirements"].label = _("Accessibility needs")
        fields["accessibility_requirements"].validators.append(validate_text_block)
        fields["accessibility_requirements"].widget.attrs["rows"] = 2

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def validate_constraints(self, exclude=None):
        """Never tell the visitor whether an address has applied already."""

    @property
    def helper(self):
        helper = FormHelper(self)
        helper.form_tag = False
        helper.disable_csrf = True
        helper.layout = Layout(
            Fieldset(
                _("About you"),
                Div(
                    Div("first_name", css_class="col-md-6"),
                    Div("last_name", css_class="col-md-6"),
                    css_class="row",
                ),
                "email",
                "phone",
                "language",
            ),
            Fieldset(_("Your media outlet"), "outlet", "position", "country"),
            Fieldset(
                _("Your needs"), "needs_interpretation", "accessibility_requirements"
            ),
            Fieldset(_("Consent"), "consent", _privacy_link()),
            Div("website", css_class="form-honeypot", aria_hidden="true"),
            Submit(
                "apply",
                pgettext_lazy("submit button", "Apply for accreditation"),
                css_class="btn-accent btn-lg",
            ),
        )
        return helper


class GuestImportForm(forms.Form):
    file = forms.FileField(
        label=_("Guest list (Excel or CSV)"),
        help_text=_("An Excel workbook (.xlsx) or a CSV file (.csv), at most 2 MB."),
    )


class ReleaseSeatsForm(forms.Form):
    def __init__(self, *args, unused: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seats"] = forms.IntegerField(
            label=_("Seats to release"), min_value=1, max_value=max(unused, 1)
        )
