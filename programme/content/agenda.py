"""The day as the sources give it: the people who opened the conference, the
sessions the announcement names (a draft, unpublished) and the one room.
Loaded by programme.content."""

from programme.models import SessionKind, SpeakerRole

EMPTY = {"bg": "", "en": ""}

SPEAKERS = [
    {
        "slug": "krasimir-tsipov",
        "name": {"bg": "Красимир Ципов", "en": "Krasimir Tsipov"},
        "position": {
            "bg": "заместник-министър на вътрешните работи и член на Националната "
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
            "bg": "посланик на Конфедерация Швейцария в България",
            "en": "Ambassador of the Swiss Confederation to Bulgaria",
        },
        "organisation": {"bg": "", "en": ""},
        "country": {"bg": "Швейцария", "en": "Switzerland"},
    },
    {
        "slug": "kamelia-dimitrova",
        "name": {"bg": "Камелия Димитрова", "en": "Kamelia Dimitrova"},
        "position": {
            "bg": "секретар на Националната комисия за борба с трафика на хора",
            "en": "Secretary of the National Commission for Combating Trafficking "
            "in Human Beings",
        },
        "organisation": {"bg": "", "en": ""},
        "country": {"bg": "България", "en": "Bulgaria"},
    },
    {
        # The two language versions of the organisers’ page give different
        # affiliations (https://antitraffic.government.bg/bg/news/5381 and
        # /en/news/5381): a neutral wording for the organisers to confirm.
        "slug": "victor-prestel",
        "name": {"bg": "Виктор Престел", "en": "Victor Prestel"},
        "position": {
            "bg": "представител на швейцарската страна в Програмата",
            "en": "Representative of the Swiss side of the Programme",
        },
        "organisation": {"bg": "", "en": ""},
        "country": {"bg": "", "en": ""},
    },
]


def _draft(description_bg: str, description_en: str) -> dict[str, str]:
    return {"bg": description_bg, "en": description_en}


# Breaks, lunch and the registration desk are not in the sources: they only
# make the draft day readable for the organisers, who confirm or remove them
# before publishing.
LOGISTICS = EMPTY

# (slug, kind, start, end, title, description, speakers as (slug, role))
SESSIONS = [
    {
        "slug": "registration",
        "kind": SessionKind.REGISTRATION,
        "start": (9, 0),
        "end": (9, 30),
        "title": {"bg": "Регистрация на участниците", "en": "Registration"},
        "description": LOGISTICS,
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
            "bg": "Приветствия от името на Министерството на вътрешните работи, "
            "Конфедерация Швейцария, Националната комисия за борба с трафика на "
            "хора и швейцарската страна в Програмата.",
            "en": "Welcome addresses on behalf of the Ministry of the Interior, the "
            "Swiss Confederation, the National Commission for Combating Trafficking "
            "in Human Beings and the Swiss side of the Programme.",
        },
        "is_confirmed": True,
        "speakers": [
            ("krasimir-tsipov", SpeakerRole.WELCOME),
            ("muriel-berset-kohen", SpeakerRole.WELCOME),
            ("kamelia-dimitrova", SpeakerRole.WELCOME),
            ("victor-prestel", SpeakerRole.WELCOME),
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
            "Постиженията от четиригодишната работа на Програмата, представени от "
            "нейни участници и от експерти от български и международни "
            "институции: удвоеният капацитет за настаняване на жертви на трафик, "
            "новите специализирани услуги за деца и възрастни и практическото "
            "ръководство за идентификация, защита и връщане в България на жертви "
            "на трафик в Швейцария.",
            "The achievements of the Programme’s four years of work, presented by "
            "participants in the Programme and experts from Bulgarian and "
            "international institutions: the doubled accommodation capacity for "
            "victims of trafficking, the new specialised services for children and "
            "adults, and the practical guide for the identification, protection "
            "and return to Bulgaria of victims of trafficking in Switzerland.",
        ),
    },
    {
        "slug": "morning-break",
        "kind": SessionKind.BREAK,
        "in_every_room": True,
        "start": (11, 15),
        "end": (11, 45),
        "title": {"bg": "Кафе-пауза", "en": "Coffee break"},
        "description": LOGISTICS,
    },
    {
        "slug": "analyses-and-mapping",
        "kind": SessionKind.PRESENTATION,
        "start": (11, 45),
        "end": (12, 30),
        "title": {
            "bg": "Анализи на изследователи и картографиране",
            "en": "Researchers’ analyses and mapping",
        },
        "description": _draft(
            "Анализите на изследователи и картографирането, извършени по Програмата.",
            "The researchers’ analyses and the mapping carried out under the "
            "Programme.",
        ),
    },
    {
        "slug": "lunch",
        "kind": SessionKind.LUNCH,
        "in_every_room": True,
        "start": (12, 30),
        "end": (13, 30),
        "title": {"bg": "Обяд", "en": "Lunch"},
        "description": LOGISTICS,
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
            "The practical tools for cooperation developed under the Programme and "
            "the direct measures for the protection and support of victims of "
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
            "The effect of several information campaigns carried out under the "
            "Programme.",
        ),
    },
    {
        "slug": "afternoon-break",
        "kind": SessionKind.BREAK,
        "in_every_room": True,
        "start": (15, 0),
        "end": (15, 15),
        "title": {"bg": "Кафе-пауза", "en": "Coffee break"},
        "description": LOGISTICS,
    },
    {
        "slug": "sustainable-results",
        "kind": SessionKind.PRESENTATION,
        "start": (15, 15),
        "end": (16, 0),
        "title": {
            "bg": "Конкретни и устойчиви резултати от българо-швейцарското "
            "сътрудничество в областта на сигурността",
            "en": "Concrete and sustainable results of Bulgarian–Swiss cooperation "
            "in the field of security",
        },
        "description": _draft(
            "Конкретните и устойчиви резултати от българо-швейцарското "
            "сътрудничество в областта на сигурността.",
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
            "Дискусия между експерти на различни нива в областта на сигурността, "
            "борбата с трафика на хора и закрилата на жертвите и обмен на "
            "виждания и оценки между представители на партньорски организации от "
            "България и Швейцария.",
            "A discussion among experts working at different levels in security, "
            "combating trafficking in human beings and the protection of victims, "
            "and an exchange of views and assessments between representatives of "
            "partner organisations from Bulgaria and Switzerland.",
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
            "и швейцарски експерти по борбата с трафика на хора и за подготовка на "
            "нови програми и проекти в тази област.",
            "Opportunities for direct contact and future cooperation between "
            "Bulgarian and Swiss experts in combating trafficking in human beings, "
            "and for preparing new programmes and projects in this field.",
        ),
    },
]


# The sources name the venue but none of its halls. One room, named for what
# it is, gives the draft day a column on the organisers' day grid; they rename
# it to the hotel's name of the hall. No session is put in it (unknown is
# empty), so no room appears in public until the organisers choose one.
ROOMS = [
    {
        "name": {"bg": "Пленарна зала", "en": "Plenary hall"},
        "accessibility": EMPTY,
    },
]
