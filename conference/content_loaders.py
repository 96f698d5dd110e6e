"""Each app's loader of the real content, run by `load_conference_content`.

An app that has content registers its `load_content(*, event_date)` (which
returns a line per record it created) in its `AppConfig.ready()`. Loaders run
in the order of INSTALLED_APPS, so the event exists before the sessions that
refer to it.
"""

import datetime
from collections.abc import Callable

ContentLoader = Callable[..., list[str]]

LOADERS: list[ContentLoader] = []


def register_content_loader(loader: ContentLoader) -> None:
    if loader not in LOADERS:
        LOADERS.append(loader)


def load_all_content(*, event_date: datetime.date) -> list[str]:
    created = []
    for loader in LOADERS:
        created += loader(event_date=event_date)
    return created
