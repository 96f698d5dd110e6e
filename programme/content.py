"""The programme's real content: results, projects, the opening session with
the four people who opened the conference, and a draft agenda for the rest of
the day built only from what the announcement says will be presented.

Sources: ../shared/seed/000_a57578a6a12fdde2.txt (the announcement) and
../shared/seed/FACTS.md (the organisers' and the donor's public pages). Every
figure names its source and period. Times, rooms and the speakers of later
sessions are not in the sources: they are clearly labelled placeholders, and
the event's "times are provisional" flag makes the agenda say it is a draft.

Loaded by `manage.py load_conference_content` after conference.content.
Records are keyed by slug and only created when missing; an organiser's edits
are never overwritten.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from conference.content import EVENT_SLUG, translated_fields
from conference.models import Event, Partner
from programme.models import (
    Project,
    Result,
    ResultCategory,
    Session,
    SessionKind,
    SessionSpeaker,
    Speaker,
    SpeakerRole,
)

PLACEHOLDER_BIO = {
    "bg": "[Място за попълване: кратка биография, въвежда се от организаторите]",
    "en": "[Placeholder: short biography, to be entered by the organisers]",
}
PLACEHOLDER_ROOM = {
    "bg": "[Място за попълване: зала]",
    "en": "[Placeholder: hall]",
}
NO_ROOM = {"bg": "", "en": ""}
BREAKS = {SessionKind.REGISTRATION, SessionKind.BREAK, SessionKind.LUNCH}
PLACEHOLDER_SPEAKERS = {
    "bg": "[Място за попълване: лекторите се обявяват от организаторите]",
    "en": "[Placeholder: speakers to be announced by the organisers]",
}
PLACEHOLDER_DESCRIPTION = {
    "bg": "[Място за попълване: описание, въвежда се от организаторите]",
    "en": "[Placeholder: description, to be entered by the organisers]",
}

SPEAKERS = [
    {
        "slug": "krasimir-tsipov",
        "name": {"bg": "Красимир Ципов", "en": "Krasimir Tsipov"},
        "position": {
            "bg": "Заместник-министър на вътрешните работи и член на Националната "
            "комисия за борба с трафика на хора",
            "en": "Deputy Minister of the Interior and member of the National "
            "Commission for Combating Trafficking in Human Beings",
        },
        "organisation": {
            "bg": "Министерство на вътрешните работи",
            "en": "Ministry of the Interior",
        },
        "country": {"bg": "България", "en": "Bulgaria"},
    },
    {
        "slug": "muriel-berset-kohen",
        "name": {"bg": "Мюриел Берсе Коен", "en": "Muriel Berset Kohen"},
        "position": {
            "bg": "Посланик на Конфедерация Швейцария в България",
            "en": "Ambassador of the Swiss Confederation to Bulgaria",
        },
        "organisation": {"bg": "", "en": ""},
        "country": {"bg": "Швейцария", "en": "Switzerland"},
    },
    {
        "slug": "kamelia-dimitrova",
        "name": {"bg": "Камелия Димитрова", "en": "Kamelia Dimitrova"},
        "position": {
            "bg": "Секретар на Националната комисия за борба с трафика на хора",
            "en": "Secretary of the National Commission for Combating Trafficking "
            "in Human Beings",
        },
        "organisation": {"bg": "", "en": ""},
        "country": {"bg": "България", "en": "Bulgaria"},
    },
    {
        # The two language versions of the organisers' page give different
        # affiliations (FACTS.md): a neutral wording for the organisers to confirm.
        "slug": "victor-prestel",
        "name": {"bg": "Виктор Престел", "en": "Victor Prestel"},
        "position": {
            "bg": "Представител на швейцарската страна в Българо-швейцарската "
            "програма за сътрудничество [Място за попълване: длъжността и "
            "институцията се потвърждават от организаторите]",
            "en": "Representative of the Swiss side of the Bulgarian–Swiss "
            "Cooperation Programme [Placeholder: position and institution to be "
            "confirmed by the organisers]",
        },
        "organisation": {"bg": "", "en": ""},
        "country": {"bg": "", "en": ""},
    },
]


def _draft(description_bg: str, description_en: str) -> dict[str, str]:
    return {
        "bg": f"{description_bg}\n\n{PLACEHOLDER_SPEAKERS['bg']}",
        "en": f"{description_en}\n\n{PLACEHOLDER_SPEAKERS['en']}",
    }


# Breaks, lunch and the registration desk are not in the sources: they only
# make the draft day readable, and say so until the organisers confirm them.
PLACEHOLDER_LOGISTICS = {
    "bg": "[Място за попълване: част от проекта на програмата, която "
    "организаторите потвърждават или премахват]",
    "en": "[Placeholder: part of the draft agenda, for the organisers to "
    "confirm or remove]",
}

# (slug, kind, start, end, title, description, speakers as (slug, role))
SESSIONS = [
    {
        "slug": "registration",
        "kind": SessionKind.REGISTRATION,
        "start": (9, 0),
        "end": (9, 30),
        "title": {"bg": "Регистрация на участниците", "en": "Registration"},
        "description": PLACEHOLDER_LOGISTICS,
    },
    {
        "slug": "opening",
        "kind": SessionKind.OPENING,
        "start": (9, 30),
        "end": (10, 15),
        "title": {
            "bg": "Откриване на конференцията",
            "en": "Opening of the conference",
        },
        "description": {
            "bg": "Конференцията се открива от представители на Министерството на "
            "вътрешните работи, Националната комисия за борба с трафика на хора "
            "и швейцарската страна в Програмата.",
            "en": "The conference is opened by representatives of the Ministry of "
            "the Interior, the National Commission for Combating Trafficking in "
            "Human Beings and the Swiss side of the Programme.",
        },
        "speakers": [
            ("krasimir-tsipov", SpeakerRole.SPEAKER),
            ("muriel-berset-kohen", SpeakerRole.SPEAKER),
            ("kamelia-dimitrova", SpeakerRole.SPEAKER),
            ("victor-prestel", SpeakerRole.SPEAKER),
        ],
    },
    {
        "slug": "results-and-good-practices",
        "kind": SessionKind.PRESENTATION,
        "start": (10, 15),
        "end": (11, 15),
        "title": {
            "bg": "Резултатите и добрите практики на Програмата",
            "en": "The results and good practices of the Programme",
        },
        "description": _draft(
            "Участници в Програмата и експерти от български и международни "
            "институции представят постиженията от четиригодишната ѝ работа: "
            "удвоения капацитет за настаняване на жертви на трафик, първите "
            "специализирани приюти и практическото ръководство за идентификация, "
            "защита и връщане в България на жертви на трафик в Швейцария.",
            "Participants in the Programme and experts from Bulgarian and "
            "international institutions present the achievements of its four "
            "years of work: the doubled accommodation capacity for victims of "
            "trafficking, the first specialised shelters and the practical guide "
            "for the identification, protection and return to Bulgaria of victims "
            "of trafficking in Switzerland.",
        ),
    },
    {
        "slug": "morning-break",
        "kind": SessionKind.BREAK,
        "start": (11, 15),
        "end": (11, 45),
        "title": {"bg": "Кафе пауза", "en": "Coffee break"},
        "description": PLACEHOLDER_LOGISTICS,
    },
    {
        "slug": "analyses-and-mapping",
        "kind": SessionKind.PRESENTATION,
        "start": (11, 45),
        "end": (12, 30),
        "title": {
            "bg": "Анализи на изследователи и картографиране",
            "en": "Researchers' analyses and mapping",
        },
        "description": _draft(
            "Представяне на анализите на изследователи и на картографирането, "
            "извършени в рамките на Програмата.",
            "A presentation of the researchers' analyses and of the mapping "
            "carried out under the Programme.",
        ),
    },
    {
        "slug": "lunch",
        "kind": SessionKind.LUNCH,
        "start": (12, 30),
        "end": (13, 30),
        "title": {"bg": "Обяд", "en": "Lunch"},
        "description": PLACEHOLDER_LOGISTICS,
    },
    {
        "slug": "cooperation-tools-and-protection",
        "kind": SessionKind.PRESENTATION,
        "start": (13, 30),
        "end": (14, 15),
        "title": {
            "bg": "Практически инструменти за сътрудничество и преки мерки за "
            "защита и подкрепа на жертвите",
            "en": "Practical tools for cooperation and direct measures to protect "
            "and support victims",
        },
        "description": _draft(
            "Разработените практически инструменти за сътрудничество и преките "
            "мерки за защита и подкрепа на жертвите на трафик.",
            "The practical tools for cooperation that were developed and the "
            "direct measures for the protection and support of victims of "
            "trafficking.",
        ),
    },
    {
        "slug": "information-campaigns",
        "kind": SessionKind.PRESENTATION,
        "start": (14, 15),
        "end": (15, 0),
        "title": {
            "bg": "Ефектът от информационните кампании",
            "en": "The effect of the information campaigns",
        },
        "description": _draft(
            "Ефектът от няколко информационни кампании, проведени по Програмата.",
            "The effect of several information campaigns run under the Programme.",
        ),
    },
    {
        "slug": "afternoon-break",
        "kind": SessionKind.BREAK,
        "start": (15, 0),
        "end": (15, 15),
        "title": {"bg": "Кафе пауза", "en": "Coffee break"},
        "description": PLACEHOLDER_LOGISTICS,
    },
    {
        "slug": "sustainable-results",
        "kind": SessionKind.PRESENTATION,
        "start": (15, 15),
        "end": (16, 0),
        "title": {
            "bg": "Конкретни и устойчиви резултати от българо-швейцарското "
            "сътрудничество в сферата на сигурността",
            "en": "Concrete and sustainable results of Bulgarian–Swiss cooperation "
            "in the field of security",
        },
        "description": _draft(
            "Конкретните и устойчиви резултати от българо-швейцарското "
            "сътрудничество в сферата на сигурността.",
            "The concrete and sustainable results of Bulgarian–Swiss cooperation "
            "in the field of security.",
        ),
    },
    {
        "slug": "expert-discussion",
        "kind": SessionKind.DISCUSSION,
        "start": (16, 0),
        "end": (16, 45),
        "title": {
            "bg": "Дискусия: новите предизвикателства в борбата с трафика на хора",
            "en": "Discussion: the new challenges in combating trafficking in "
            "human beings",
        },
        "description": _draft(
            "Платформа за дискусия между експерти по сигурността, борбата с "
            "трафика на хора и закрилата на жертвите на различни нива; "
            "представители на партньорски организации от България и Швейцария "
            "споделят своите виждания и оценки.",
            "A platform for discussion between experts in security, combating "
            "trafficking in human beings and the protection of victims at "
            "different levels; representatives of partner organisations from "
            "Bulgaria and Switzerland share their views and assessments.",
        ),
    },
    {
        "slug": "closing-future-cooperation",
        "kind": SessionKind.CLOSING,
        "start": (16, 45),
        "end": (17, 0),
        "title": {
            "bg": "Закриване: контакти и бъдещо сътрудничество",
            "en": "Closing: contacts and future cooperation",
        },
        "description": _draft(
            "Възможности за преки контакти и бъдещо сътрудничество между български "
            "и швейцарски експерти по борбата с трафика на хора и за подготовката "
            "на нови програми и проекти в тази сфера.",
            "Opportunities for direct contacts and future cooperation between "
            "Bulgarian and Swiss experts in combating trafficking in human beings, "
            "and for preparing new programmes and projects in this field.",
        ),
    },
]

SWISS_PAGE = {
    "bg": "Страница на проекта „Prevention of THB and the Identification, "
    "Protection, Support, Return & Reintegration of Victims of Trafficking“ на "
    "сайта на швейцарския принос (schweizerbeitrag.admin.ch), краен срок на "
    "проекта 31 май 2019 г.",
    "en": "Swiss contribution project page “Prevention of THB and the "
    "Identification, Protection, Support, Return & Reintegration of Victims of "
    "Trafficking” (schweizerbeitrag.admin.ch), project end date 31 May 2019",
}
NO_LOCATIONS = {
    "bg": "За сигурността на хората, които закрилят, на този сайт не се посочват "
    "адресът или местоположението на приюти и кризисни центрове.",
    "en": "For the safety of the people they protect, this site never gives the "
    "address or location of a shelter or crisis centre.",
}

RESULTS = [
    {
        "slug": "first-specialised-shelters",
        "category": ResultCategory.SHELTERS,
        "title": {
            "bg": "Първите специализирани приюти за жертви на трафик",
            "en": "The first specialised shelters for victims of trafficking",
        },
        "summary": {
            "bg": "Отворени бяха първите специализирани приюти: за деца-жертви на "
            "трафик и Транзитен център-приют, който действа денонощно.",
            "en": "The first specialised shelters were opened: one for child "
            "victims of trafficking and a Transit Centre-Shelter that operates "
            "around the clock.",
        },
        "body": {
            "bg": "През 2017 г. бяха открити две специализирани услуги: Кризисен "
            "център за деца – първата специализирана услуга за деца-жертви на "
            "трафик в България – и Приют за пълнолетни жертви. Създаден беше и "
            "Транзитен център-приют, който работи денонощно (24/7).\n\n"
            + NO_LOCATIONS["bg"],
            "en": "Two specialised services were opened in 2017: a Crisis Centre for "
            "Children – the first specialised service for child victims of "
            "trafficking in Bulgaria – and a Shelter for adult victims. A Transit "
            "Centre-Shelter working around the clock (24/7) was also "
            "established.\n\n" + NO_LOCATIONS["en"],
        },
        "figure_value": {"bg": "17 и 7", "en": "17 and 7"},
        "figure_label": {
            "bg": "души и деца, подкрепени от новите специализирани услуги",
            "en": "people and children supported by the new specialised services",
        },
        "figure_source": {
            "bg": "Съобщението на организаторите за конференцията посочва „17 души "
            "и 7 деца“, подкрепени от откриването на услугите; страницата на "
            "проекта на НКБТХ посочва „общо 17 души, от които 7 деца“ за периода "
            "септември 2017 – декември 2018 г. Двата източника се разминават.",
            "en": "The organisers' announcement of the conference counts “17 people "
            "and 7 children” supported since the services opened; the NCCTHB "
            "project page gives “a total of 17 people, including 7 children” for "
            "September 2017 – December 2018. The two sources differ.",
        },
        "figure_source_url": "https://antitraffic.government.bg/en/projects/7",
    },
    {
        "slug": "accommodation-capacity-doubled",
        "category": ResultCategory.SHELTERS,
        "title": {
            "bg": "Удвоен капацитет за настаняване на жертви на трафик",
            "en": "Accommodation capacity for victims of trafficking doubled",
        },
        "summary": {
            "bg": "Като резултат от съвместната работа бе удвоен капацитетът за "
            "настаняване на жертви на трафик в България.",
            "en": "As a result of the joint work, the capacity for accommodating "
            "victims of trafficking in Bulgaria was doubled.",
        },
        "body": {"bg": "", "en": ""},
        "figure_value": {"bg": "×2", "en": "×2"},
        "figure_label": {
            "bg": "капацитет за настаняване на жертви на трафик в България",
            "en": "accommodation capacity for victims of trafficking in Bulgaria",
        },
        "figure_source": {
            "bg": "Съобщение за конференцията; Програмата, 2015–2018 г.",
            "en": "Announcement of the conference; the Programme, 2015–2018",
        },
    },
    {
        "slug": "practical-guide",
        "category": ResultCategory.GUIDE,
        "title": {
            "bg": "Практическо ръководство за идентификация, защита и връщане в "
            "България на жертви на трафик в Швейцария",
            "en": "Practical guide for the identification, protection and return to "
            "Bulgaria of victims of trafficking in Switzerland",
        },
        "summary": {
            "bg": "Ръководството гарантира правата на жертвите и синхронизира "
            "съвместните действия на институциите от двете страни.",
            "en": "The guide guarantees the rights of victims and synchronises the "
            "joint actions of the institutions of both countries.",
        },
        "body": {"bg": "", "en": ""},
    },
    {
        "slug": "information-campaigns",
        "category": ResultCategory.CAMPAIGNS,
        "title": {
            "bg": "Ефектът от информационните кампании",
            "en": "The effect of the information campaigns",
        },
        "summary": {
            "bg": "На конференцията се представя ефектът от няколко информационни "
            "кампании.",
            "en": "The conference presents the effect of several information "
            "campaigns.",
        },
        "body": {
            "bg": "Според страницата на проекта на швейцарския донор бяха проведени "
            "три годишни информационни кампании, шест работни срещи с уязвими "
            "групи и беше открита телефонна линия за информация за законна работа "
            "и живот в чужбина.",
            "en": "According to the Swiss donor's project page, there were three "
            "annual information campaigns, six workshops with vulnerable groups "
            "and a helpline on working and living legally abroad.",
        },
        "figure_value": {"bg": "3", "en": "3"},
        "figure_label": {
            "bg": "годишни информационни кампании, шест работни срещи с уязвими "
            "групи и телефонна линия",
            "en": "annual information campaigns, six workshops with vulnerable "
            "groups and a helpline",
        },
        "figure_source": SWISS_PAGE,
    },
    {
        "slug": "analyses-and-mapping",
        "category": ResultCategory.RESEARCH,
        "title": {
            "bg": "Анализи на изследователи и картографиране",
            "en": "Researchers' analyses and mapping",
        },
        "summary": {
            "bg": "На конференцията се представят анализите на изследователи и "
            "картографирането, извършени по Програмата.",
            "en": "The conference presents the researchers' analyses and the "
            "mapping carried out under the Programme.",
        },
        "body": {
            "bg": "Според страницата на проекта на швейцарския донор работата "
            "включва изследване на актуалното състояние на трафика на хора и "
            "мониторинг и оценка на Националния механизъм за насочване.",
            "en": "According to the Swiss donor's project page, the work included "
            "research on the current situation of trafficking in human beings and "
            "the monitoring and evaluation of the National Referral Mechanism.",
        },
    },
    {
        "slug": "pilot-initiatives",
        "category": ResultCategory.PILOTS,
        "title": {
            "bg": "Пилотни инициативи и иновативни подходи",
            "en": "Pilot initiatives and innovative approaches",
        },
        "summary": {
            "bg": "Осъществени бяха пилотни инициативи и иновативни подходи в "
            "борбата с трафика на хора.",
            "en": "Pilot initiatives and innovative approaches to combating "
            "trafficking in human beings were carried out.",
        },
        "body": {
            "bg": "Според страницата на проекта на швейцарския донор към "
            "Националната комисия за борба с трафика на хора беше създаден "
            "междуведомствен мобилен екип.",
            "en": "According to the Swiss donor's project page, a multi-agency "
            "mobile team was set up at the National Commission for Combating "
            "Trafficking in Human Beings.",
        },
    },
    {
        "slug": "cooperation-tools",
        "category": ResultCategory.TOOLS,
        "title": {
            "bg": "Практически инструменти за сътрудничество и преки мерки за защита",
            "en": "Practical cooperation tools and direct protection measures",
        },
        "summary": {
            "bg": "Разработени бяха практически инструменти за сътрудничество и "
            "преки мерки за защита и подкрепа на жертвите на трафик.",
            "en": "Practical tools for cooperation and direct measures for the "
            "protection and support of victims of trafficking were developed.",
        },
        "body": {
            "bg": "Организаторите посочват работни посещения и съвместни дни за "
            "действие на българските и швейцарските полицейски служби.",
            "en": "The organisers name working visits and joint action days of the "
            "Bulgarian and Swiss police services.",
        },
        "figure_value": {"bg": "80", "en": "80"},
        "figure_label": {
            "bg": "български експерти, обучени за идентификация и насочване на жертви",
            "en": "Bulgarian experts trained in the identification and referral of "
            "victims",
        },
        "figure_source": SWISS_PAGE,
    },
    {
        "slug": "sustainable-cooperation",
        "category": ResultCategory.TOOLS,
        "title": {
            "bg": "Устойчиви резултати от българо-швейцарското сътрудничество",
            "en": "Sustainable results of Bulgarian–Swiss cooperation",
        },
        "summary": {
            "bg": "Конкретни и устойчиви резултати от българо-швейцарското "
            "сътрудничество в сферата на сигурността.",
            "en": "Concrete and sustainable results of Bulgarian–Swiss cooperation "
            "in the field of security.",
        },
        "body": {
            "bg": "Програмата обедини българските институции и организации с "
            "швейцарски партньори – Швейцарската федерална полиция (FEDPOL), FIZ "
            "и Международния център за развитие на миграционната политика.",
            "en": "The Programme brought Bulgarian institutions and organisations "
            "together with Swiss partners – the Swiss Federal Office of Police "
            "(fedpol), FIZ and the International Centre for Migration Policy "
            "Development.",
        },
        "figure_value": {"bg": "1 863 478 CHF", "en": "CHF 1,863,478"},
        "figure_label": {
            "bg": "бюджет на проекта „Prevention of THB and the Identification, "
            "Protection, Support, Return & Reintegration of Victims of "
            "Trafficking“",
            "en": "budget of the project “Prevention of THB and the "
            "Identification, Protection, Support, Return & Reintegration of "
            "Victims of Trafficking”",
        },
        "figure_source": SWISS_PAGE,
    },
]

PROJECTS = [
    {
        "slug": "identification-and-long-term-assistance",
        "url": "http://www.swiss-contribution.bg/projects/sigurnost/"
        "shveytsarsko-balgarsko-satrudnichestvo-za-identifikatsiya-i-"
        "dalgosrochno-podpomagane-na-detsa-i-vazrastni-zhertvi-na-trafik-na-hora",
        "partners": ["nccthb", "fedpol", "icmpd"],
        "title": {
            "bg": "Швейцарско-българско сътрудничество за идентификация и "
            "дългосрочно подпомагане на деца и възрастни жертви на трафик на хора",
            "en": "Swiss-Bulgarian Cooperation in Identification and Long-term "
            "Assistance of Children and Adult Victims of Trafficking in Human "
            "Beings",
        },
        "period": {
            "bg": "октомври 2015 – март 2019 г.",
            "en": "October 2015 – March 2019",
        },
        "description": {
            "bg": "Проект на Националната комисия за борба с трафика на хора, "
            "изпълнен заедно с Швейцарската федерална полиция (FEDPOL), "
            "Международния център за развитие на миграционната политика (ICMPD) и "
            "кризисния център „Die Drehscheibe“.",
            "en": "A project of the National Commission for Combating Trafficking "
            "in Human Beings, carried out with the Swiss Federal Office of Police "
            "(fedpol), the International Centre for Migration Policy Development "
            "(ICMPD) and the crisis centre “Die Drehscheibe”.",
        },
    },
    {
        "slug": "prevention-and-unconditional-protection",
        "url": "http://www.swiss-contribution.bg/projects/sigurnost/"
        "balgaro-shveytsarski-savmestni-usiliya-za-preventsiya-na-trafika-na-"
        "hora-i-za-osiguryavane-na-nezabavna-i-bezuslovna-zakrila-na-zhertvite",
        "partners": [],
        "title": {
            "bg": "Българо-швейцарски съвместни усилия за превенция на трафика на "
            "хора и за осигуряване на незабавна и безусловна закрила на жертвите",
            "en": "Bulgarian–Swiss joint efforts to prevent trafficking in human "
            "beings and to ensure immediate and unconditional protection of "
            "victims",
        },
        "period": {"bg": "", "en": ""},
        "description": PLACEHOLDER_DESCRIPTION,
    },
    {
        "slug": "prevention-identification-reintegration",
        "url": "http://www.swiss-contribution.bg/projects/sigurnost/"
        "programa-za-preventsiya-na-trafika-na-hora-i-za-identifitsirane-"
        "zashtita-podkrepa-i-reintegratsiya-na-zhertvi-na-trafik",
        "partners": [],
        "title": {
            "bg": "Програма за превенция на трафика на хора и за идентифициране, "
            "защита, подкрепа и реинтеграция на жертви на трафик",
            "en": "Programme for the prevention of trafficking in human beings and "
            "for the identification, protection, support and reintegration of "
            "victims of trafficking",
        },
        "period": {"bg": "", "en": ""},
        "description": PLACEHOLDER_DESCRIPTION,
    },
]


def _at(date: datetime.date, hour_minute: tuple[int, int]) -> datetime.datetime:
    return datetime.datetime.combine(
        date, datetime.time(*hour_minute), tzinfo=timezone.get_default_timezone()
    )


def _load_speakers() -> list[str]:
    created = []
    for order, data in enumerate(SPEAKERS, start=1):
        if Speaker.objects.filter(slug=data["slug"]).exists():
            continue
        Speaker.objects.create(
            order=order * 10,
            **translated_fields({**data, "bio": PLACEHOLDER_BIO}),
        )
        created.append(f"speaker {data['slug']}")
    return created


def _load_sessions(event: Event) -> list[str]:
    created = []
    for order, data in enumerate(SESSIONS, start=1):
        if Session.objects.filter(event=event, slug=data["slug"]).exists():
            continue
        fields = {
            key: value
            for key, value in data.items()
            if key not in {"start", "end", "speakers"}
        }
        session = Session.objects.create(
            event=event,
            starts_at=_at(event.date, data["start"]),
            ends_at=_at(event.date, data["end"]),
            order=order * 10,
            **translated_fields(
                {
                    **fields,
                    "room": NO_ROOM if data["kind"] in BREAKS else PLACEHOLDER_ROOM,
                }
            ),
        )
        for position, (slug, role) in enumerate(data.get("speakers", []), start=1):
            speaker = Speaker.objects.filter(slug=slug).first()
            if speaker is not None:
                SessionSpeaker.objects.create(
                    session=session, speaker=speaker, role=role, order=position
                )
        created.append(f"session {data['slug']}")
    return created


def _load_results() -> list[str]:
    created = []
    for order, data in enumerate(RESULTS, start=1):
        if Result.objects.filter(slug=data["slug"]).exists():
            continue
        Result.objects.create(order=order * 10, **translated_fields(data))
        created.append(f"result {data['slug']}")
    return created


def _load_projects() -> list[str]:
    created = []
    for order, data in enumerate(PROJECTS, start=1):
        if Project.objects.filter(slug=data["slug"]).exists():
            continue
        fields = {key: value for key, value in data.items() if key != "partners"}
        project = Project.objects.create(order=order * 10, **translated_fields(fields))
        project.partners.set(Partner.objects.filter(slug__in=data["partners"]))
        created.append(f"project {data['slug']}")
    return created


@transaction.atomic
def load_content(*, event_date: datetime.date) -> list[str]:
    """Create the programme content that is missing; return what was created.

    Sessions go on the current event's own date (an organiser may have moved
    it), so `event_date` only matters to the event itself.
    """
    created = _load_speakers() + _load_results() + _load_projects()
    event = Event.objects.filter(slug=EVENT_SLUG).first()
    if event is not None:
        created += _load_sessions(event)
    return created
