"""The conference’s real content, with a faithful English translation.

Sources (docs/content.md lists them all): the conference’s announcement, in
Bulgarian, and the organisers’ public pages, chiefly the National Commission’s
news item about the conference (https://antitraffic.government.bg/bg/news/5381
and https://antitraffic.government.bg/en/news/5381).

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
        "bg": "Резултатите и добрите практики от четиригодишната работа на "
        "Програмата в борбата с трафика на хора",
        "en": "The results and good practices of the Programme’s four years of "
        "work in combating trafficking in human beings",
    },
    "description": {
        "bg": (
            "Заключителната конференция на Българо-швейцарската програма за "
            "сътрудничество в борбата с трафика на хора и реинтеграцията на "
            "жертвите, която ще се състои на 20 септември в София, ще представи "
            "резултатите и добрите практики, постигнати в четиригодишната ѝ работа. "
            "Специално внимание ще бъде обърнато на новите предизвикателства, "
            "свързани с борбата с трафика на хора.\n\n"
            "На конференцията участници в Програмата и експерти от български и "
            "международни институции ще представят постиженията на Програмата: "
            "анализи на изследователи, картографиране; разработените практически "
            "инструменти за сътрудничество и преките мерки за защита и подкрепа на "
            "жертвите на трафик; ефекта от няколко информационни кампании; "
            "конкретни и устойчиви резултати от българо-швейцарското сътрудничество "
            "в сферата на сигурността.\n\n"
            "Целта на конференцията е и да представи платформа за дискусии между "
            "експерти по сигурността, борбата с трафика на хора и закрилата на "
            "жертвите на различни нива, както и представители на партньорски "
            "организации от България и Швейцария да споделят своите виждания и "
            "оценки.\n\n"
            "Конференцията ще предостави и възможности за преки контакти и бъдещо "
            "сътрудничество между български и швейцарски експерти по борбата с "
            "трафика на хора, както и за подготовката на нови програми и проекти в "
            "тази сфера."
        ),
        "en": (
            "The closing conference of the Bulgarian–Swiss Programme for "
            "Cooperation in Combating Trafficking in Human Beings and Reintegration "
            "of Victims, to be held on 20 September in Sofia, will present the "
            "results and good practices achieved in the Programme’s four years of "
            "work. Special attention will be paid to the new challenges in combating "
            "trafficking in human beings.\n\n"
            "At the conference, participants in the Programme and experts from "
            "Bulgarian and international institutions will present the Programme’s "
            "achievements: researchers’ analyses and mapping; the practical tools "
            "for cooperation that were developed and the direct measures for the "
            "protection and support of victims of trafficking; the effect of "
            "several information campaigns; and concrete, sustainable results of "
            "Bulgarian–Swiss cooperation in the field of security.\n\n"
            "The conference also aims to offer a platform for discussion between "
            "experts in security, combating trafficking in human beings and the "
            "protection of victims at different levels, and for representatives of "
            "partner organisations from Bulgaria and Switzerland to share their "
            "views and assessments.\n\n"
            "The conference will also provide opportunities for direct contacts and "
            "future cooperation between Bulgarian and Swiss experts in combating "
            "trafficking in human beings, and for the preparation of new programmes "
            "and projects in this field."
        ),
    },
    "programme_description": {
        "bg": (
            "Изпълнявана през 2015–2018 г. в рамките на Тематичен фонд "
            "„Сигурност“ на Българо-швейцарската програма за сътрудничество, "
            "Програмата обедини усилията на Националната комисия за борба с трафика "
            "на хора, Фондация „Асоциация Анимус“ и Международната организация по "
            "миграция, както и швейцарски партньори – Швейцарската федерална полиция "
            "(fedpol), FIZ – Застъпничество и подкрепа за жени, мигранти и жертви на "
            "трафик, Международният център за развитие на миграционната политика и "
            "др.\n\n"
            "Като резултат от съвместната им работа бе удвоен капацитетът за "
            "настаняване на жертви на трафик в България. Отворени бяха първите "
            "специализирани приюти: за деца – жертви на трафик, и Транзитен "
            "център-приют, който действа денонощно. Разработено бе практическо "
            "ръководство за идентификация, защита и връщане в България на жертви на "
            "трафик в Швейцария, което гарантира правата на жертвите и синхронизира "
            "съвместните действия на институциите от двете страни. Осъществени бяха "
            "пилотни инициативи и иновативни подходи в борбата с трафика на хора."
            "\n\nПрограмата обхваща 2015–2018 г., а някои от проектите ѝ "
            "приключиха през 2019 г.: проектът на Националната комисия за "
            "идентификация и дългосрочно подпомагане на жертви продължи до март "
            "2019 г., а страницата на швейцарския донор посочва 31 май 2019 г. като "
            "крайна дата на проекта за превенция и закрила."
        ),
        "en": (
            "Implemented in 2015–2018 under the Thematic Fund “Security” "
            "of the Swiss–Bulgarian Cooperation Programme, the Programme brought "
            "together the efforts of the National Commission for Combating "
            "Trafficking in Human Beings, the Animus Association Foundation and the "
            "International Organization for Migration, as well as Swiss partners – "
            "the Swiss Federal Office of Police (fedpol), FIZ – Advocacy and "
            "Support for Migrant Women and Victims of Trafficking, the "
            "International Centre for Migration Policy Development and others.\n\n"
            "As a result of their joint work, the capacity for accommodating victims "
            "of trafficking in Bulgaria was doubled. The first specialised shelters "
            "were opened: one for child victims of trafficking and a Transit "
            "Centre-Shelter that operates around the clock. A practical guide was "
            "developed for the identification, protection and return to Bulgaria of "
            "victims of trafficking in Switzerland; it guarantees the rights of the "
            "victims and synchronises the joint actions of the institutions of both "
            "countries. Pilot initiatives and innovative approaches to combating "
            "trafficking in human beings were carried out.\n\n"
            "The Programme covers 2015–2018, while some of its projects closed in "
            "2019: the National Commission’s project on identification and "
            "long-term assistance of victims ran until March 2019, and the Swiss "
            "donor’s page gives 31 May 2019 as the end date of the prevention and "
            "protection project."
        ),
    },
    "funding_statement": {
        "bg": "Конференцията се провежда с подкрепата на Българо-швейцарската "
        "програма за сътрудничество.",
        "en": "The conference is held with the support of the Swiss–Bulgarian "
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
        "в сферата на сигурността\n"
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
            "bg": "FIZ – Застъпничество и подкрепа за жени, мигранти и жертви "
            "на трафик",
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
