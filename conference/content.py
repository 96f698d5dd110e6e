"""The conference’s real content. Bulgarian is the original, written from the
organisers’ announcement and their and the donor’s public pages; the English
is translated from it. Every factual sentence has a row in docs/sources.md.

Loaded by `manage.py load_conference_content`. Records are keyed by slug and
only created when missing, so running the loader again changes nothing and
never overwrites what an organiser edited in the admin. Details the sources do
not give (the venue’s address, the data controller, the contact address, the
times) stay empty: the public pages leave them out or say "to be announced",
and the admin’s go-live checklist lists them for the organisers.
"""

import datetime

from django.db import transaction

from conference.models import Event, Partner, PartnerRole

EVENT_SLUG = "closing-conference"

EVENT = {
    "title": {
        "bg": "Заключителна конференция на Българо-швейцарската програма за "
        "сътрудничество в борбата с трафика на хора и реинтеграцията на жертвите",
        "en": "Closing Conference of the Bulgarian–Swiss Programme for Cooperation "
        "in Combating Trafficking in Human Beings and Reintegration of Victims",
    },
    "short_title": {
        # Never "Българо-швейцарската програма" alone: that names the donor
        # instrument (docs/terminology.md).
        "bg": "Заключителна конференция на Програмата за борба с трафика на хора",
        "en": "Closing Conference of the Programme for Combating Trafficking in "
        "Human Beings",
    },
    "tagline": {
        "bg": "Резултатите и добрите практики от четиригодишната работа на Програмата",
        "en": "The results and good practices of the Programme’s four years of work",
    },
    "description": {
        "bg": (
            "Заключителната конференция на Българо-швейцарската програма за "
            "сътрудничество в борбата с трафика на хора и реинтеграцията на "
            "жертвите е посветена на резултатите и добрите практики от "
            "четиригодишната работа на Програмата. Специално място в нея заемат "
            "новите предизвикателства в борбата с трафика на хора.\n\n"
            "Дневният ред включва презентации на участници в Програмата и на "
            "експерти от български и международни институции, посветени на нейните "
            "постижения: "
            "анализите на изследователи и картографирането; разработените практически "
            "инструменти за сътрудничество и преките мерки за защита и подкрепа на "
            "жертвите на трафик; ефекта от няколко информационни кампании; "
            "конкретните и устойчиви резултати от българо-швейцарското "
            "сътрудничество в областта на сигурността.\n\n"
            "Конференцията е и форум за дискусия между експерти на различни нива в "
            "областта на сигурността, борбата с трафика на хора и закрилата на "
            "жертвите, както и за обмен на виждания и оценки между представители на "
            "партньорски организации от България и Швейцария.\n\n"
            "Тя е и възможност за преки контакти и бъдещо сътрудничество между "
            "български и швейцарски експерти по борбата с трафика на хора и за "
            "подготовка на нови програми и проекти в тази област."
        ),
        "en": (
            "The Closing Conference of the Bulgarian–Swiss Programme for "
            "Cooperation in Combating Trafficking in Human Beings and Reintegration "
            "of Victims is devoted to the results and good practices of the "
            "Programme’s four years of work. Particular attention is given to the "
            "new challenges in combating trafficking in human beings.\n\n"
            "The agenda includes presentations by participants in the Programme "
            "and by experts from Bulgarian and international institutions on its "
            "achievements: researchers’ analyses and mapping; the practical tools "
            "for cooperation that were developed and the direct measures to protect "
            "and support victims of trafficking; the effect of several information "
            "campaigns; and the concrete, lasting results of Bulgarian–Swiss "
            "cooperation in the field of security.\n\n"
            "The conference is also a forum for discussion among experts working "
            "at different levels in security, combating trafficking in human beings "
            "and the protection of victims, and for representatives of partner "
            "organisations from Bulgaria and Switzerland to exchange views and "
            "assessments.\n\n"
            "It also offers an opportunity for direct contact and future cooperation "
            "between Bulgarian and Swiss experts in combating trafficking in human "
            "beings, and for preparing new programmes and projects in this field."
        ),
    },
    "programme_description": {
        "bg": (
            "Програмата е изпълнена през 2015–2018 г. в рамките на Тематичен фонд "
            "„Сигурност“ на Българо-швейцарската програма за сътрудничество. Тя "
            "обедини усилията на Националната комисия за борба с трафика на хора, "
            "Фондация „Асоциация Анимус“ и Международната организация по миграция с "
            "тези на швейцарски партньори, сред които Швейцарската федерална "
            "полиция (fedpol), FIZ – Застъпничество и подкрепа за жени мигранти и "
            "жертви на трафик, и Международния център за развитие на миграционната "
            "политика.\n\n"
            "В резултат на съвместната работа капацитетът за настаняване на жертви "
            "на трафик в България беше удвоен. През 2017 г. в София бяха открити "
            "Кризисен център за деца, първата специализирана услуга за деца – "
            "жертви на трафик в България, и Приют за пълнолетни жертви на трафик. "
            "В София беше създаден и транзитен център, който работи денонощно. "
            "Разработено беше практическо ръководство за идентификация, защита и "
            "връщане в България на жертви на трафик в Швейцария, което гарантира "
            "правата на жертвите и синхронизира действията на институциите от "
            "двете страни. Полицейските служби на България и Швейцария проведоха "
            "работни посещения и съвместни дни за действие. Осъществени бяха "
            "пилотни инициативи и приложени иновативни подходи в борбата с трафика "
            "на хора."
            "\n\n"
            "Програмата обхвана периода 2015–2018 г., а някои от проектите ѝ "
            "продължиха и през 2019 г.: проектът на Националната комисия за "
            "идентификация и дългосрочно подпомагане на деца и възрастни жертви на "
            "трафик приключи през март 2019 г. Според страницата на швейцарския "
            "донор проектът „Prevention of THB and the Identification, Protection, "
            "Support, Return & Reintegration of Victims of Trafficking“ приключи на "
            "31 май 2019 г."
        ),
        "en": (
            "The Programme was implemented in 2015–2018 under the Thematic Fund "
            "“Security” of the Swiss–Bulgarian Cooperation Programme. It brought "
            "together the efforts of the National Commission for Combating "
            "Trafficking in Human Beings, the Animus Association Foundation and the "
            "International Organization for Migration with those of Swiss "
            "partners, among them the Swiss Federal Office of Police (fedpol), FIZ "
            "– Advocacy and Support for Migrant Women and Victims of Trafficking, "
            "and the International Centre for Migration Policy Development.\n\n"
            "As a result of this joint work, the capacity to accommodate victims of "
            "trafficking in Bulgaria was doubled. In 2017 a Crisis Centre for "
            "Children – the first specialised service for child victims of "
            "trafficking in Bulgaria – and a Shelter for adult victims of "
            "trafficking opened in Sofia. A transit centre operating around the "
            "clock was also set up in Sofia. A practical guide was developed for the "
            "identification, protection and return to Bulgaria of victims of "
            "trafficking in Switzerland; it guarantees the victims’ rights and "
            "coordinates the action of the institutions in both countries. The "
            "police services of Bulgaria and Switzerland held working visits and "
            "joint action days. Pilot initiatives and innovative approaches to "
            "combating trafficking in human beings were implemented.\n\n"
            "The Programme covered the years 2015–2018, and some of its projects "
            "continued into 2019: the National Commission’s project on the "
            "identification and long-term assistance of child and adult victims of "
            "trafficking ran until March 2019. The Swiss donor’s page for the "
            "project “Prevention of THB and the Identification, Protection, "
            "Support, Return & "
            "Reintegration of Victims of Trafficking” gives 31 May 2019 as its end "
            "date."
        ),
    },
    "funding_statement": {
        "bg": "Конференцията е организирана с подкрепата на Българо-швейцарската "
        "програма за сътрудничество.",
        "en": "The conference is organised with the support of the Swiss–Bulgarian "
        "Cooperation Programme.",
    },
    "city": {"bg": "София", "en": "Sofia"},
    "venue_name": {"bg": "Хотел „КООП“", "en": "COOP Hotel"},
    # The topics the announcement lists, shown on the agenda page until the
    # organisers publish a timed agenda.
    "announced_topics": {
        "bg": "Анализи на изследователи и картографиране\n"
        "Практически инструменти за сътрудничество и преки мерки за защита и "
        "подкрепа на жертвите на трафик\n"
        "Ефектът от няколко информационни кампании\n"
        "Конкретни и устойчиви резултати от българо-швейцарското сътрудничество "
        "в областта на сигурността\n"
        "Новите предизвикателства в борбата с трафика на хора",
        "en": "Researchers’ analyses and mapping\n"
        "Practical tools for cooperation and direct measures for the protection "
        "and support of victims of trafficking\n"
        "The effect of several information campaigns\n"
        "Concrete and sustainable results of Bulgarian–Swiss cooperation in the "
        "field of security\n"
        "The new challenges in combating trafficking in human beings",
    },
}

PARTNERS = [
    {
        "slug": "nccthb",
        "role": PartnerRole.ORGANISER,
        "website": "https://antitraffic.government.bg/",
        "name": {
            "bg": "Национална комисия за борба с трафика на хора",
            "en": "National Commission for Combating Trafficking in Human Beings",
        },
        "short_name": {"bg": "НКБТХ", "en": "NCCTHB"},
        "country": {"bg": "България", "en": "Bulgaria"},
    },
    {
        "slug": "animus",
        "role": PartnerRole.ORGANISER,
        "website": "",
        "name": {
            "bg": "Фондация „Асоциация Анимус“",
            "en": "Animus Association Foundation",
        },
        "short_name": {"bg": "Асоциация Анимус", "en": "Animus Association"},
        "country": {"bg": "България", "en": "Bulgaria"},
    },
    {
        "slug": "iom",
        "role": PartnerRole.ORGANISER,
        "website": "",
        "name": {
            "bg": "Международна организация по миграция",
            "en": "International Organization for Migration",
        },
        "short_name": {"bg": "МОМ", "en": "IOM"},
        "country": {"bg": "", "en": ""},
    },
    {
        "slug": "fedpol",
        "role": PartnerRole.SWISS,
        "website": "",
        "name": {
            "bg": "Швейцарска федерална полиция (fedpol)",
            "en": "Swiss Federal Office of Police (fedpol)",
        },
        "short_name": {"bg": "fedpol", "en": "fedpol"},
        "country": {"bg": "Швейцария", "en": "Switzerland"},
    },
    {
        "slug": "fiz",
        "role": PartnerRole.SWISS,
        "website": "",
        "name": {
            "bg": "FIZ – Застъпничество и подкрепа за жени мигранти и жертви на трафик",
            "en": "FIZ – Advocacy and Support for Migrant Women and Victims of "
            "Trafficking",
        },
        "short_name": {"bg": "FIZ", "en": "FIZ"},
        "country": {"bg": "Швейцария", "en": "Switzerland"},
    },
    {
        "slug": "icmpd",
        "role": PartnerRole.SWISS,
        "website": "",
        "name": {
            "bg": "Международен център за развитие на миграционната политика",
            "en": "International Centre for Migration Policy Development",
        },
        "short_name": {"bg": "ICMPD", "en": "ICMPD"},
        "country": {"bg": "", "en": ""},
    },
    {
        "slug": "bulgarian-swiss-cooperation-programme",
        "role": PartnerRole.DONOR,
        "website": "http://www.swiss-contribution.bg/",
        "name": {
            "bg": "Българо-швейцарска програма за сътрудничество",
            "en": "Swiss–Bulgarian Cooperation Programme",
        },
        "short_name": {"bg": "Швейцарски принос", "en": "Swiss Contribution"},
        "country": {"bg": "", "en": ""},
    },
]

# The sources give no times or capacity: the times stay hidden ("to be
# announced") while times_are_provisional is set, and the checklist asks for both.
UNCONFIRMED_START = datetime.time(9, 0)
UNCONFIRMED_END = datetime.time(17, 0)
UNCONFIRMED_CAPACITY = 150


def next_conference_date(today: datetime.date) -> datetime.date:
    """The next 20 September on or after `today`."""
    this_year = datetime.date(today.year, 9, 20)
    return this_year if this_year >= today else datetime.date(today.year + 1, 9, 20)


def bilingual(field: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{field}_{language}": text for language, text in texts.items()}


def translated_fields(data: dict) -> dict[str, str]:
    values = {}
    for field, value in data.items():
        if isinstance(value, dict):
            values |= bilingual(field, value)
        else:
            values[field] = value
    return values


@transaction.atomic
def load_content(*, event_date: datetime.date) -> list[str]:
    """Create the event and partners that are missing; return what was created."""
    created = []
    if not Event.objects.filter(slug=EVENT_SLUG).exists():
        Event.objects.create(
            slug=EVENT_SLUG,
            is_current=not Event.objects.filter(is_current=True).exists(),
            date=event_date,
            start_time=UNCONFIRMED_START,
            end_time=UNCONFIRMED_END,
            times_are_provisional=True,
            capacity=UNCONFIRMED_CAPACITY,
            **translated_fields(EVENT),
        )
        created.append(f"event {EVENT_SLUG} on {event_date.isoformat()}")
    for order, partner in enumerate(PARTNERS, start=1):
        if Partner.objects.filter(slug=partner["slug"]).exists():
            continue
        Partner.objects.create(order=order * 10, **translated_fields(partner))
        created.append(f"partner {partner['slug']}")
    return created
