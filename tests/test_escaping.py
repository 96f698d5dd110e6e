"""Script payloads typed by an organiser into any translated field stay inert."""

import pytest
from django.db import models
from django.utils.html import escape
from modeltranslation.translator import translator

from tests.public_pages import public_paths

PAYLOADS = ['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>']


def fill_every_translated_field(payload):
    """Put the payload into every translated text field of every stored record."""
    for model in translator.get_registered_models(abstract=False):
        options = translator.get_options_for_model(model)
        for instance in model.objects.all():
            for field_name, translations in options.all_fields.items():
                field = model._meta.get_field(field_name)
                if not isinstance(field, (models.CharField, models.TextField)):
                    continue
                for translated in translations:
                    limit = translated.max_length or len(payload) + 10
                    setattr(
                        instance,
                        translated.name,
                        f"{payload} {translated.name}"[:limit],
                    )
            instance.save()


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS, ids=["script", "img-onerror"])
def test_payloads_in_content_are_escaped_on_every_public_page(
    client, real_content, language, payload
):
    fill_every_translated_field(payload)

    for path in public_paths(language):
        html = client.get(path).content.decode()

        assert payload not in html, path
        assert escape(payload) in html, f"{path} shows no content field"
