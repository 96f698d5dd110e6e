"""The greeting that opens every e-mail to a registrant.

With a form of address: „Уважаема г-жо Петрова,“ / “Dear Ms Petrova,”; without
one, a neutral formula that needs no gender: „Уважаема госпожо/Уважаеми
господине,“ / “Dear Maria Petrova,”. docs/terminology.md explains the choice.

Bulgarian needs the gender for the adjective („Уважаема“/„Уважаеми“): г-н and
г-жа give it; with д-р and проф. a Cyrillic surname with a clearly feminine or
masculine ending gives it (Петрова, Петров), and any other surname gets the
double form („Уважаеми/Уважаема д-р Smith,“), never a guess. Each variant is
its own catalogue entry (pgettext context), so the wording lives in the .po.
"""

import re

from django.utils.translation import pgettext

from registrations.models import FormOfAddress, Registration

CYRILLIC_WORD = re.compile(r"^[а-яѝ]+$")
FEMININE_ENDINGS = ("ова", "ева", "ина", "ска", "цка")
MASCULINE_ENDINGS = ("ов", "ев", "ин", "ски", "цки")


def surname_gender(last_name: str) -> str:
    """The gender a surname shows by its Bulgarian ending: "f", "m" or ""."""
    last_part = re.split(r"[\s-]+", last_name.strip().lower())[-1]
    if not CYRILLIC_WORD.match(last_part):
        return ""
    if last_part.endswith(FEMININE_ENDINGS):
        return "f"
    if last_part.endswith(MASCULINE_ENDINGS):
        return "m"
    return ""


def _titled(form: str, gender: str) -> str:
    """The catalogue entry for a title whose Bulgarian adjective needs the
    gender; one entry per gender, written out so makemessages finds them."""
    if form == FormOfAddress.DR:
        if gender == "f":
            return pgettext("salutation to a woman", "Dear Dr %(surname)s,")
        if gender == "m":
            return pgettext("salutation to a man", "Dear Dr %(surname)s,")
        return pgettext("salutation, gender not known", "Dear Dr %(surname)s,")
    if gender == "f":
        return pgettext("salutation to a woman", "Dear Professor %(surname)s,")
    if gender == "m":
        return pgettext("salutation to a man", "Dear Professor %(surname)s,")
    return pgettext("salutation, gender not known", "Dear Professor %(surname)s,")


def salutation(registration: Registration) -> str:
    """The opening line of an e-mail, in the active language."""
    form = registration.form_of_address
    surname = registration.last_name.strip()
    if form == FormOfAddress.MS and surname:
        text = pgettext("salutation", "Dear Ms %(surname)s,")
    elif form == FormOfAddress.MR and surname:
        text = pgettext("salutation", "Dear Mr %(surname)s,")
    elif form in (FormOfAddress.DR, FormOfAddress.PROF) and surname:
        text = _titled(form, surname_gender(surname))
    else:
        # Translators: a neutral greeting that needs no gender; it may leave
        # the name out („Уважаема госпожо/Уважаеми господине,“).
        # xgettext:no-python-format
        text = pgettext("salutation, no form of address", "Dear %(name)s,")
    return text % {"surname": surname, "name": registration.full_name}
