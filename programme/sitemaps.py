from conference.models import Event
from conference.sitemaps import BilingualSitemap, NamedPagesSitemap
from programme.models import Result, Session
from programme.selectors import event_speakers, public_session_ids


def current_event():
    return Event.objects.current()


class ProgrammePagesSitemap(NamedPagesSitemap):
    changefreq = "daily"
    priority = 0.7
    view_names = ("programme:agenda", "programme:speakers", "programme:results")


class SessionSitemap(BilingualSitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        event = current_event()
        if event is None:
            return []
        return Session.objects.filter(pk__in=public_session_ids(event))


class SpeakerSitemap(BilingualSitemap):
    priority = 0.4

    def items(self):
        event = current_event()
        if event is None:
            return []
        return event_speakers(event)


class ResultSitemap(BilingualSitemap):
    priority = 0.6

    def items(self):
        return Result.objects.all()


SITEMAPS = {
    "programme": ProgrammePagesSitemap,
    "sessions": SessionSitemap,
    "speakers": SpeakerSitemap,
    "results": ResultSitemap,
}
