"""No request a browser or a script can send makes the site answer 500."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROUTES = [
    "/",
    "/{language}/",
    "/{language}/about/",
    "/{language}/agenda/",
    "/{language}/agenda/{text}/",
    "/{language}/agenda/{text}.ics",
    "/{language}/speakers/{text}/",
    "/{language}/results/{text}/",
    "/{language}/register/",
    "/{language}/registration/{text}/",
    "/{language}/registration/{text}/confirm/",
    "/{language}/registration/{text}/cancel/",
    "/{language}/registration/{text}/my-data.json",
    "/{language}/check-in/{text}/",
    "/{language}/conference.ics",
    "/{language}/schedule.json",
    "/{language}/{text}",
    "/sitemap.xml",
    "/healthz",
]
METHODS = ["get", "head", "post", "put", "delete", "options"]
segment = st.text(
    st.characters(codec="utf-8", exclude_characters="/?#"), min_size=1, max_size=60
)


@pytest.mark.django_db
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    route=st.sampled_from(ROUTES),
    language=st.sampled_from(["bg", "en", "de", ""]),
    text=segment,
    method=st.sampled_from(METHODS),
    query=st.dictionaries(segment, segment, max_size=3),
    headers=st.dictionaries(
        st.sampled_from(["accept-language", "if-none-match", "referer", "cookie"]),
        st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=80),
        max_size=3,
    ),
)
def test_no_request_gets_a_server_error(
    real_content, route, language, text, method, query, headers
):
    client = Client(raise_request_exception=False)
    path = route.format(language=language, text=text).replace("//", "/")

    response = getattr(client, method)(path, query, headers=headers)

    assert response.status_code < 500, (method, path, query, headers)
