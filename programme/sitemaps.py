from conference.models import Event
from conference.sitemaps import BilingualSitemap, NamedPagesSitemap
from programme.models import Result, Session, Speaker


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
        return Session.objects.filter(event=event) if event else []


class SpeakerSitemap(BilingualSitemap):
    priority = 0.4

    def items(self):
        event = current_event()
        return Speaker.objects.for_event(event) if event else []


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
