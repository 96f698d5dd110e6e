// Strings of Django 6.1's admin scripts (the calendar, the clock, the group
// picker, the list's actions) that its Bulgarian catalogue leaves empty or
// words in a way an organiser would stumble on. Listing them here puts them
// in our djangojs catalogue (`make messages`), whose translations take
// precedence over Django's, as conference/catalogue_gaps.py does for the
// templates' strings. No page loads this file. Remove an entry once Django
// translates it.

// The calendar: dates and their screen-reader labels ("6 декември 2026 г.").
// The month names are written in lower case, as inside a Bulgarian date.
// English writes the day first too ("6 December 2026", locale/en), as the
// rest of the site does.
gettext_noop("%(month)s %(day)s, %(year)s");
gettext_noop("January");
gettext_noop("February");
gettext_noop("March");
gettext_noop("April");
gettext_noop("May");
gettext_noop("June");
gettext_noop("July");
gettext_noop("August");
gettext_noop("September");
gettext_noop("October");
gettext_noop("November");
gettext_noop("December");
gettext_noop("%s (today, current selection)");
gettext_noop("%s (today)");
gettext_noop("%s (current selection)");
gettext_noop("Today (%(date)s)");
gettext_noop("Yesterday (%(date)s)");
gettext_noop("Tomorrow (%(date)s)");
gettext_noop("Previous (%(month)s %(year)s)");
gettext_noop("Next (%(month)s %(year)s)");

// The clock: times of the day, the 24-hour way.
gettext_noop("Choose a Time");
gettext_noop("Choose a time");
gettext_noop("6 a.m.");
gettext_noop("6 p.m.");
gettext_noop("server");
ngettext(
    "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour ahead.)",
    "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hours ahead.)",
    0,
);
ngettext(
    "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour behind.)",
    "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hours behind.)",
    0,
);

// The group and permission picker of a user's form ("Choose групи by…").
gettext_noop('Choose %s by selecting them and then select the "Choose" arrow button.');
gettext_noop('Remove %s by selecting them and then select the "Remove" arrow button.');
gettext_noop("Choose all %s");
gettext_noop("Choose selected %s");
gettext_noop("Remove selected %s");
gettext_noop("Remove all %s");
gettext_noop("Chosen %s");
gettext_noop("(click to clear)");
ngettext("%s selected option not visible", "%s selected options not visible", 0);

// The list's actions.
ngettext("%(sel)s of %(cnt)s selected", "%(sel)s of %(cnt)s selected", 0);
gettext_noop(
    "You have unsaved changes on individual editable fields. If you run an " +
    "action, your unsaved changes will be lost.",
);
gettext_noop(
    "You have selected an action, but you haven’t saved your changes to " +
    "individual fields yet. Please click OK to save. You’ll need to re-run the " +
    "action.",
);
gettext_noop(
    "You have selected an action, and you haven’t made any changes on " +
    "individual fields. You’re probably looking for the Run button rather than " +
    "the Save button.",
);
