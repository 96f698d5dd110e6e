import gzip

import pytest

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/agenda/", "/bg/"])
def test_public_pages_are_sent_compressed_from_the_cache_too(client, event, path):
    plain = client.get(path).content

    for _visit in range(2):  # rendered, then from the page cache
        response = client.get(path, **GZIP)
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert gzip.decompress(response.content) == plain
        assert len(response.content) < len(plain) / 2


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/register/", "/bg/register/", "/en/admin/login/"])
def test_pages_with_a_csrf_token_are_never_compressed(client, event, path):
    response = client.get(path, **GZIP)

    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert not response.has_header("Content-Encoding")
