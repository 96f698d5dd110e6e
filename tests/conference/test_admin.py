import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from conference.models import Partner
from tests.conference.test_images import picture_bytes, png_declaring
from tests.factories import PartnerFactory


def partner_form(partner, logo):
    return {
        "name_bg": partner.name_bg,
        "name_en": partner.name_en,
        "short_name_bg": "",
        "short_name_en": "",
        "slug": partner.slug,
        "role": partner.role,
        "country_bg": "",
        "country_en": "",
        "website": "",
        "order": 1,
        "logo": logo,
    }


@pytest.mark.django_db
def test_organiser_is_not_a_superuser_but_can_edit_content(client, organiser):
    client.force_login(organiser)

    assert not organiser.is_superuser
    assert client.get("/en/admin/conference/event/").status_code == 200
    assert client.get("/en/admin/conference/partner/add/").status_code == 200
    assert client.get("/en/admin/auth/user/").status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "The image has too many pixels (10000 × 10000)"),
        ("bg", "Изображението има твърде много пиксели (10000 × 10000)"),
    ],
)
def test_admin_refuses_a_decompression_bomb_logo(client, organiser, language, message):
    partner = PartnerFactory()
    client.force_login(organiser)
    logo = SimpleUploadedFile("bomb.png", png_declaring(10_000, 10_000))

    response = client.post(
        f"/{language}/admin/conference/partner/{partner.pk}/change/",
        partner_form(partner, logo),
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    partner.refresh_from_db()
    assert not partner.logo


@pytest.mark.django_db
def test_admin_saves_a_logo_reencoded(client, organiser):
    partner = PartnerFactory()
    client.force_login(organiser)
    logo = SimpleUploadedFile("logo.png", picture_bytes("PNG"))

    response = client.post(
        f"/en/admin/conference/partner/{partner.pk}/change/",
        partner_form(partner, logo),
    )

    assert response.status_code == 302
    partner = Partner.objects.get(pk=partner.pk)
    assert partner.logo.name.startswith("partners/logo")
    with Image.open(partner.logo) as saved:
        assert (saved.format, saved.size) == ("PNG", (64, 48))
