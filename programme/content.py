"""The programme’s real content: results, projects, the opening session with
the four people who opened the conference, and a draft agenda for the rest of
the day built only from what the announcement says will be presented.

Sources: ../shared/seed/000_a57578a6a12fdde2.txt (the announcement) and
../shared/seed/FACTS.md (the organisers’ and the donor’s public pages). Every
figure names its source and period. Times, rooms, biographies and the speakers
of later sessions are not in the sources: those fields stay empty, and the
sessions are a draft that stays unpublished until the organisers publish a
version of the agenda (only the opening, which the sources confirm, is marked
confirmed).

Loaded by `manage.py load_conference_content` after conference.content.
Records are keyed by slug and only created when missing; an organiser’s edits
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
    Room,
    Session,
    SessionKind,
    SessionSpeaker,
    Speaker,
    SpeakerRole,
)

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
        # affiliations (FACTS.md): a neutral wording for the organisers to confirm.
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
            "bg": "Конференцията се открива от представители на Министерството на "
            "вътрешните работи, Националната комисия за борба с трафика на хора "
            "и швейцарската страна в Програмата.",
            "en": "The conference is opened by representatives of the Ministry of "
            "the Interior, the National Commission for Combating Trafficking in "
            "Human Beings and the Swiss side of the Programme.",
        },
        "is_confirmed": True,
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
            "Представяне на анализите на изследователи и на картографирането, "
            "извършени в рамките на Програмата.",
            "A presentation of the researchers’ analyses and of the mapping "
            "carried out under the Programme.",
        ),
    },
    {
        "slug": "lunch",
        "kind": SessionKind.LUNCH,
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
    "bg": "Страницата на швейцарския донор за проекта „Prevention of THB and the "
    "Identification, Protection, Support, Return & Reintegration of Victims of "
    "Trafficking“ (schweizerbeitrag.admin.ch); краен срок на проекта 31 май 2019 г.",
    "en": "The Swiss donor’s page of the project “Prevention of THB and the "
    "Identification, Protection, Support, Return & Reintegration of Victims of "
    "Trafficking” (schweizerbeitrag.admin.ch); project end date 31 May 2019",
}
ANNOUNCEMENT = {
    "bg": "Съобщението на организаторите за конференцията; Програмата, 2015–2018 г.",
    "en": "The organisers’ announcement of the conference; the Programme, 2015–2018",
}
NO_LOCATIONS = {
    "bg": "За сигурността на хората, които закрилят, на този сайт не се посочват "
    "адресът или местоположението на приюти и кризисни центрове.",
    "en": "For the safety of the people they protect, this site never gives the "
    "address or location of a shelter or crisis centre.",
}
THIRD_PROJECT = "prevention-identification-reintegration"
NCCTHB_PROJECT = "identification-and-long-term-assistance"

# Each result says what was done, by whom, when and for whom, as far as the
# sources say it; a figure sits with the project it belongs to.
RESULTS = [
    {
        "slug": "first-specialised-shelters",
        "category": ResultCategory.SHELTERS,
        "project": NCCTHB_PROJECT,
        "title": {
            "bg": "Първите специализирани услуги за деца и възрастни – жертви на "
            "трафик",
            "en": "The first specialised services for child and adult victims of "
            "trafficking",
        },
        "summary": {
            "bg": "През 2017 г. в София бяха открити Кризисен център за деца – "
            "първата специализирана услуга за деца – жертви на трафик в България, "
            "и Приют за пълнолетни жертви; до края на 2018 г. те подкрепиха общо "
            "17 души, от които 7 деца.",
            "en": "In 2017 a Crisis Centre for Children – the first specialised "
            "service for child victims of trafficking in Bulgaria – and a Shelter "
            "for adult victims opened in Sofia; by the end of 2018 they had "
            "supported a total of 17 people, including 7 children.",
        },
        "body": {
            "bg": "Двете услуги са създадени по проекта на Националната комисия за "
            "борба с трафика на хора за идентификация и дългосрочно подпомагане на "
            "деца и възрастни жертви на трафик (октомври 2015 – март 2019 г.). "
            "В София беше създаден и транзитен център, който работи денонощно "
            "(24/7).\n\n"
            "Съобщението за конференцията посочва „17 души и 7 деца“, подкрепени "
            "от откриването на услугите; страницата на проекта посочва „общо 17 "
            "души, от които 7 деца“ за периода септември 2017 – декември 2018 г. "
            "Тук е дадена формулировката на страницата на проекта.\n\n"
            + NO_LOCATIONS["bg"],
            "en": "Both services were set up under the National Commission for "
            "Combating Trafficking in Human Beings’ project on the identification "
            "and long-term assistance of child and adult victims of trafficking "
            "(October 2015 – March 2019). A transit centre working around the "
            "clock (24/7) was also established in Sofia.\n\n"
            "The announcement of the conference counts “17 people and 7 children” "
            "supported since the services opened; the project page gives “a total "
            "of 17 people, including 7 children” for September 2017 – December "
            "2018. This page uses the project page’s wording.\n\n" + NO_LOCATIONS["en"],
        },
        "figure_value": {"bg": "17", "en": "17"},
        "figure_label": {
            "bg": "души, от които 7 деца, подкрепени от новите специализирани услуги",
            "en": "people, including 7 children, supported by the new specialised "
            "services",
        },
        "figure_source": {
            "bg": "Страницата на проекта на НКБТХ, септември 2017 – декември "
            "2018 г. Съобщението за конференцията го формулира като „17 души и 7 "
            "деца“.",
            "en": "NCCTHB project page, September 2017 – December 2018. The "
            "announcement of the conference words it as “17 people and 7 "
            "children”.",
        },
        "figure_source_url": "https://antitraffic.government.bg/en/projects/7",
        "chart_rows": {
            "bg": "Деца | 7\nПълнолетни | 10",
            "en": "Children | 7\nAdults | 10",
        },
        "chart_unit": {"bg": "души", "en": "people"},
    },
    {
        "slug": "accommodation-capacity-doubled",
        "category": ResultCategory.SHELTERS,
        "title": {
            "bg": "Удвоен капацитет за настаняване на жертви на трафик",
            "en": "Accommodation capacity for victims of trafficking doubled",
        },
        "summary": {
            "bg": "С откриването на новите специализирани услуги по Програмата "
            "(2015–2018 г.) капацитетът за настаняване на жертви на трафик в "
            "България се удвои.",
            "en": "With the new specialised services opened under the Programme "
            "(2015–2018), the capacity to accommodate victims of trafficking in "
            "Bulgaria doubled.",
        },
        "body": {
            "bg": "Източниците посочват удвояването, без да дават броя на местата "
            "преди и след Програмата; диаграмата показва съотношението.",
            "en": "The sources state the doubling without giving the number of "
            "places before and after the Programme; the chart shows the ratio.",
        },
        "figure_value": {"bg": "×2", "en": "×2"},
        "figure_label": {
            "bg": "капацитет за настаняване на жертви на трафик в България",
            "en": "accommodation capacity for victims of trafficking in Bulgaria",
        },
        "figure_source": ANNOUNCEMENT,
        "chart_rows": {
            "bg": "Преди Програмата | 1\nСлед Програмата | 2",
            "en": "Before the Programme | 1\nAfter the Programme | 2",
        },
        "chart_unit": {
            "bg": "капацитет (преди = 1)",
            "en": "capacity (before = 1)",
        },
    },
    {
        "slug": "practical-guide",
        "category": ResultCategory.GUIDE,
        "expects_document": True,
        "title": {
            "bg": "Практическо ръководство за идентификация, защита и връщане в "
            "България на жертви на трафик в Швейцария",
            "en": "Practical guide for the identification, protection and return to "
            "Bulgaria of victims of trafficking in Switzerland",
        },
        "summary": {
            "bg": "Българските и швейцарските институции разработиха по Програмата "
            "общо ръководство за случаите на жертви на трафик от България в "
            "Швейцария: то гарантира правата на жертвите и синхронизира действията "
            "на институциите от двете страни.",
            "en": "Bulgarian and Swiss institutions developed under the Programme a "
            "shared guide for cases of victims of trafficking from Bulgaria in "
            "Switzerland: it guarantees the victims’ rights and synchronises the "
            "actions of the institutions of both countries.",
        },
        "body": EMPTY,
    },
    {
        "slug": "information-campaigns",
        "category": ResultCategory.CAMPAIGNS,
        "project": THIRD_PROJECT,
        "title": {
            "bg": "Три годишни информационни кампании и телефонна линия",
            "en": "Three annual information campaigns and a helpline",
        },
        "summary": {
            "bg": "Проектът за превенция и закрила проведе три годишни "
            "информационни кампании и шест работни срещи с уязвими групи и откри "
            "телефонна линия за информация за законна работа и живот в чужбина.",
            "en": "The prevention and protection project ran three annual "
            "information campaigns and six workshops with vulnerable groups, and "
            "opened a helpline on working and living legally abroad.",
        },
        "body": {
            "bg": "На конференцията се представя ефектът от кампаниите.",
            "en": "The conference presents the effect of the campaigns.",
        },
        "figure_value": {"bg": "3", "en": "3"},
        "figure_label": {
            "bg": "годишни информационни кампании",
            "en": "annual information campaigns",
        },
        "figure_source": SWISS_PAGE,
    },
    {
        "slug": "analyses-and-mapping",
        "category": ResultCategory.RESEARCH,
        "project": THIRD_PROJECT,
        "title": {
            "bg": "Изследване на трафика на хора и оценка на Националния механизъм "
            "за насочване",
            "en": "Research on trafficking and an evaluation of the National "
            "Referral Mechanism",
        },
        "summary": {
            "bg": "Проектът за превенция и закрила включва изследване на актуалното "
            "състояние на трафика на хора и мониторинг и оценка на Националния "
            "механизъм за насочване на жертвите.",
            "en": "The prevention and protection project included research on the "
            "current situation of trafficking in human beings and the monitoring "
            "and evaluation of the National Referral Mechanism.",
        },
        "body": {
            "bg": "На конференцията изследователите представят своите анализи и "
            "картографирането, извършено по Програмата.",
            "en": "At the conference, researchers present their analyses and the "
            "mapping carried out under the Programme.",
        },
    },
    {
        "slug": "pilot-initiatives",
        "category": ResultCategory.PILOTS,
        "project": THIRD_PROJECT,
        "title": {
            "bg": "Междуведомствен мобилен екип",
            "en": "A multi-agency mobile team",
        },
        "summary": {
            "bg": "Към Националната комисия за борба с трафика на хора беше "
            "създаден междуведомствен мобилен екип – една от пилотните инициативи "
            "и иновативните подходи на Програмата.",
            "en": "A multi-agency mobile team was set up at the National Commission "
            "for Combating Trafficking in Human Beings – one of the Programme’s "
            "pilot initiatives and innovative approaches.",
        },
        "body": EMPTY,
    },
    {
        "slug": "cooperation-tools",
        "category": ResultCategory.TOOLS,
        "project": THIRD_PROJECT,
        "title": {
            "bg": "80 обучени експерти и съвместна работа на полицията",
            "en": "80 trained experts and joint police work",
        },
        "summary": {
            "bg": "80 български експерти бяха обучени да идентифицират и насочват "
            "жертви на трафик; българските и швейцарските полицейски служби "
            "проведоха работни посещения и съвместни дни за действие.",
            "en": "80 Bulgarian experts were trained to identify and refer victims "
            "of trafficking; the Bulgarian and Swiss police services held working "
            "visits and joint action days.",
        },
        "body": EMPTY,
        "figure_value": {"bg": "80", "en": "80"},
        "figure_label": {
            "bg": "български експерти, обучени за идентификация и насочване на жертви",
            "en": "Bulgarian experts trained in the identification and referral of "
            "victims",
        },
        "figure_source": SWISS_PAGE,
    },
]

PROJECTS = [
    {
        "slug": NCCTHB_PROJECT,
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
            "изпълнен заедно с Швейцарската федерална полиция (fedpol), "
            "Международния център за развитие на миграционната политика (ICMPD) и "
            "кризисния център „Die Drehscheibe“. Проектът продължи до "
            "март 2019 г., след края на Програмата (2015–2018 г.).",
            "en": "A project of the National Commission for Combating Trafficking "
            "in Human Beings, carried out with the Swiss Federal Office of Police "
            "(fedpol), the International Centre for Migration Policy Development "
            "(ICMPD) and the crisis centre “Die Drehscheibe”. It ran until "
            "March 2019, after the Programme’s 2015–2018 period.",
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
        "period": EMPTY,
        "description": EMPTY,
    },
    {
        "slug": THIRD_PROJECT,
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
        "period": {"bg": "до 31 май 2019 г.", "en": "until 31 May 2019"},
        "description": {
            "bg": "Страницата на швейцарския донор за проекта „Prevention of THB "
            "and the Identification, Protection, Support, Return & Reintegration "
            "of Victims of Trafficking“, чието наименование отговаря на това на "
            "проекта, посочва: бюджет 1 863 478 CHF, "
            "краен срок 31 май 2019 г., 80 обучени български експерти, шест работни "
            "срещи с уязвими групи, три годишни информационни кампании и телефонна "
            "линия, междуведомствен мобилен екип към НКБТХ, изследване на трафика "
            "на хора и оценка на Националния механизъм за насочване.",
            "en": "The Swiss donor’s page of the project “Prevention of THB and "
            "the Identification, Protection, Support, Return & Reintegration of "
            "Victims of Trafficking”, whose title matches this project’s, gives: "
            "budget CHF 1,863,478, end "
            "date 31 May 2019, 80 Bulgarian experts trained, six workshops with "
            "vulnerable groups, three annual information campaigns and a helpline, "
            "a multi-agency mobile team at the NCCTHB, research on trafficking in "
            "human beings and an evaluation of the National Referral Mechanism.",
        },
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
            **translated_fields(data),
        )
        created.append(f"speaker {data['slug']}")
    return created


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


def _load_rooms(event: Event) -> list[str]:
    """The rooms, only for an event that has none (an organiser's rooms are
    never touched)."""
    if Room.objects.filter(event=event).exists():
        return []
    created = []
    for order, data in enumerate(ROOMS, start=1):
        Room.objects.create(event=event, order=order * 10, **translated_fields(data))
        created.append(f"room {data['name']['en']}")
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
            **translated_fields(fields),
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
        fields = {key: value for key, value in data.items() if key != "project"}
        Result.objects.create(
            order=order * 10,
            project=Project.objects.filter(slug=data.get("project", "")).first(),
            **translated_fields(fields),
        )
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

    Sessions go on the current event’s own date (an organiser may have moved
    it), so `event_date` only matters to the event itself.
    """
    created = _load_speakers() + _load_projects() + _load_results()
    event = Event.objects.filter(slug=EVENT_SLUG).first()
    if event is not None:
        created += _load_rooms(event) + _load_sessions(event)
    return created
