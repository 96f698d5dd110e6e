from django import forms
from django.utils.translation import gettext_lazy as _

from archive.models import Rating
from programme.models import Session, SessionKind
from programme.selectors import public_session_ids


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Overall, how was the conference?"),
        choices=Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose a rating from 1 to 5."),
            "invalid_choice": _("Please choose a rating from 1 to 5."),
        },
    )
    most_useful_session = forms.ModelChoiceField(
        label=_("Which session was the most useful to you?"),
        queryset=Session.objects.none(),
        required=False,
        empty_label=_("— no answer —"),
    )
    comments = forms.CharField(
        label=_("Anything else you would like to tell us?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Please do not write personal data here. At most 2000 characters."),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["most_useful_session"].queryset = (
            Session.objects.filter(pk__in=public_session_ids(event))
            .exclude(
                kind__in=[
                    SessionKind.BREAK,
                    SessionKind.LUNCH,
                    SessionKind.REGISTRATION,
                ]
            )
            .order_by("starts_at", "order")
        )
