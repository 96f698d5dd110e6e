"""The results of the Programme and its projects. Bulgarian is the original;
the English is translated from it. Every figure names its source and period,
and every claim has a row in docs/sources.md. Loaded by programme.content."""

from programme.content.agenda import EMPTY
from programme.models import ResultCategory

# The sources' own pages (docs/sources.md quotes them).
NEWS_5381 = "https://antitraffic.government.bg/bg/news/5381"
PROJECT_7 = "https://antitraffic.government.bg/en/projects/7"
DONOR_PAGE = (
    "https://www.schweizerbeitrag.admin.ch/schweizerbeitrag/de/home/"
    "der_erweiterungsbeitrag_2007-2024/laender/bulgarien/projekte-in-bulgarien.html/"
    "content/dezaprojects/SDC/en/2011/7F07927/phase1/action10.html"
)
# The donor's page names a project whose title matches the third project of
# the announcement but for one word ("Return"): the organisers confirm the
# link in the admin; until then its figures are the donor page's, under its
# own title, and belong to no project here.
DONOR_PAGE_SOURCE = {
    "bg": "Страница на швейцарския донор за проекта „Prevention of THB and the "
    "Identification, Protection, Support, Return & Reintegration of Victims of "
    "Trafficking“ (крайна дата 31 май 2019 г.)",
    "en": "The Swiss donor’s page for the project “Prevention of THB and the "
    "Identification, Protection, Support, Return & Reintegration of Victims of "
    "Trafficking” (end date 31 May 2019)",
}
NEWS_SOURCE = {
    "bg": "Национална комисия за борба с трафика на хора, новина за "
    "конференцията; Програмата, 2015–2018 г.",
    "en": "National Commission for Combating Trafficking in Human Beings, news "
    "item on the conference; the Programme, 2015–2018",
}
NO_LOCATIONS = {
    "bg": "От съображения за сигурността на пострадалите на сайта не се посочват "
    "адресите и местоположението на приютите и кризисните центрове.",
    "en": "For the safety of the people they protect, this site does not give the "
    "address or location of any shelter or crisis centre.",
}
NCCTHB_PROJECT = "identification-and-long-term-assistance"

# Each result says what was done, by whom, when and for whom, as far as the
# sources say it; a figure sits with the project its source gives it to.
RESULTS = [
    {
        "slug": "first-specialised-shelters",
        "category": ResultCategory.SHELTERS,
        "project": NCCTHB_PROJECT,
        "title": {
            "bg": "Кризисен център за деца и приют за пълнолетни жертви на трафик",
            "en": "A Crisis Centre for Children and a Shelter for adult victims of "
            "trafficking",
        },
        "summary": {
            "bg": "През 2017 г. в София бяха открити две специализирани услуги: "
            "Кризисен център за деца, първата специализирана услуга за деца – "
            "жертви на трафик в България, и Приют за пълнолетни жертви на трафик.",
            "en": "In 2017 two specialised services opened in Sofia: a Crisis "
            "Centre for Children – the first specialised service for child victims "
            "of trafficking in Bulgaria – and a Shelter for adult victims of "
            "trafficking.",
        },
        "body": {
            "bg": "Двете услуги са създадени по проекта на Националната комисия за "
            "борба с трафика на хора „Швейцарско-българско сътрудничество за "
            "идентификация и дългосрочно подпомагане на деца и възрастни жертви на "
            "трафик на хора“ (октомври 2015 г. – март 2019 г.).\n\n"
            "От откриването на двете услуги през лятото на 2017 г. в тях са "
            "получили подкрепа „17 души и 7 деца“, според новината на Националната "
            "комисия за конференцията.\n\n" + NO_LOCATIONS["bg"],
            "en": "Both services were set up under “Swiss-Bulgarian Cooperation in "
            "Identification and Long-term Assistance of Children and Adult Victims "
            "of Trafficking in Human Beings” (October 2015 – March 2019), a project "
            "of the National Commission for Combating Trafficking in Human Beings."
            "\n\n"
            "According to the National Commission’s news item on the conference, "
            "“17 people and 7 children” have been supported since the services "
            "opened in the summer of 2017.\n\n" + NO_LOCATIONS["en"],
        },
        "figure_value": {"bg": "17", "en": "17"},
        "figure_label": {
            "bg": "души, от които 7 деца, получили подкрепа в двете услуги",
            "en": "people, including 7 children, supported by the two services",
        },
        "figure_source": {
            "bg": "Страница на проекта на Националната комисия, септември 2017 г. – "
            "декември 2018 г.",
            "en": "The National Commission’s project page, September 2017 – "
            "December 2018",
        },
        "figure_source_url": PROJECT_7,
    },
    {
        "slug": "accommodation-capacity-doubled",
        "category": ResultCategory.SHELTERS,
        "title": {
            "bg": "Удвоен капацитет за настаняване на жертви на трафик",
            "en": "Accommodation capacity for victims of trafficking doubled",
        },
        "summary": {
            "bg": "В резултат на съвместната работа по Програмата капацитетът за "
            "настаняване на жертви на трафик в България беше удвоен.",
            "en": "As a result of the joint work under the Programme, the capacity "
            "to accommodate victims of trafficking in Bulgaria was doubled.",
        },
        "body": EMPTY,
        "figure_value": {"bg": "×2", "en": "×2"},
        "figure_label": {
            "bg": "капацитет за настаняване на жертви на трафик в България",
            "en": "accommodation capacity for victims of trafficking in Bulgaria",
        },
        "figure_source": NEWS_SOURCE,
        "figure_source_url": NEWS_5381,
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
            "bg": "По Програмата беше разработено практическо ръководство за "
            "случаите на жертви на трафик от България в Швейцария. То гарантира "
            "правата на жертвите и синхронизира действията на институциите от "
            "двете страни.",
            "en": "A practical guide was developed under the Programme for cases of "
            "victims of trafficking from Bulgaria in Switzerland. It guarantees the "
            "victims’ rights and coordinates the action of the institutions in "
            "both countries.",
        },
        "body": EMPTY,
    },
    {
        "slug": "joint-police-work",
        "category": ResultCategory.TOOLS,
        "title": {
            "bg": "Съвместна работа на българската и швейцарската полиция",
            "en": "Joint work of the Bulgarian and Swiss police",
        },
        "summary": {
            "bg": "Полицейските служби на България и Швейцария проведоха работни "
            "посещения и съвместни дни за действие.",
            "en": "The police services of Bulgaria and Switzerland held working "
            "visits and joint action days.",
        },
        "body": EMPTY,
    },
    {
        "slug": "information-campaigns",
        "category": ResultCategory.CAMPAIGNS,
        "title": {
            "bg": "Три ежегодни информационни кампании и телефонна линия",
            "en": "Three annual information campaigns and a helpline",
        },
        "summary": {
            "bg": "Според страницата на швейцарския донор резултатите включват "
            "шест работни срещи с уязвими групи, три ежегодни информационни "
            "кампании и телефонна линия с информация как да се работи и живее "
            "законно в чужбина.",
            "en": "The Swiss donor’s page lists six workshops with vulnerable "
            "groups, three annual information campaigns and a helpline with "
            "information on how to work and live legally abroad.",
        },
        "body": {
            "bg": "Ефектът от информационните кампании е сред темите на конференцията.",
            "en": "The effect of the information campaigns is one of the "
            "conference’s topics.",
        },
        "figure_value": {"bg": "3", "en": "3"},
        "figure_label": {
            "bg": "ежегодни информационни кампании",
            "en": "annual information campaigns",
        },
        "figure_source": DONOR_PAGE_SOURCE,
        "figure_source_url": DONOR_PAGE,
    },
    {
        "slug": "analyses-and-mapping",
        "category": ResultCategory.RESEARCH,
        "title": {
            "bg": "Изследване на трафика на хора и оценка на Националния механизъм "
            "за насочване",
            "en": "Research on trafficking and an evaluation of the National "
            "Referral Mechanism",
        },
        "summary": {
            "bg": "Според страницата на швейцарския донор резултатите включват "
            "изследване на актуалното състояние на трафика на хора, както и "
            "мониторинг и оценка на Националния механизъм за насочване.",
            "en": "The Swiss donor’s page lists research on the current situation "
            "of trafficking in human beings and the monitoring and evaluation of "
            "the National Referral Mechanism.",
        },
        "body": {
            "bg": "Анализите на изследователите и картографирането са сред темите "
            "на конференцията.",
            "en": "The researchers’ analyses and the mapping are among the "
            "conference’s topics.",
        },
    },
    {
        "slug": "pilot-initiatives",
        "category": ResultCategory.PILOTS,
        "title": {
            "bg": "Междуведомствен мобилен екип",
            "en": "A multi-agency mobile team",
        },
        "summary": {
            "bg": "Според страницата на швейцарския донор към Националната комисия "
            "за борба с трафика на хора е създаден междуведомствен мобилен екип.",
            "en": "The Swiss donor’s page lists the creation of a multi-agency "
            "mobile team within the National Commission for Combating Trafficking in "
            "Human Beings.",
        },
        "body": EMPTY,
    },
    {
        "slug": "cooperation-tools",
        "category": ResultCategory.TOOLS,
        "title": {
            "bg": "80 обучени български експерти",
            "en": "80 Bulgarian experts trained",
        },
        "summary": {
            "bg": "Според страницата на швейцарския донор 80 български експерти са "
            "обучени да идентифицират и насочват жертви на трафик.",
            "en": "The Swiss donor’s page lists 80 Bulgarian experts trained in "
            "identifying and referring victims of trafficking.",
        },
        "body": EMPTY,
        "figure_value": {"bg": "80", "en": "80"},
        "figure_label": {
            "bg": "български експерти, обучени да идентифицират и насочват жертви",
            "en": "Bulgarian experts trained to identify and refer victims",
        },
        "figure_source": DONOR_PAGE_SOURCE,
        "figure_source_url": DONOR_PAGE,
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
            "bg": "октомври 2015 г. – март 2019 г.",
            "en": "October 2015 – March 2019",
        },
        "description": {
            "bg": "Проект на Националната комисия за борба с трафика на хора, "
            "изпълнен в партньорство с Швейцарската федерална полиция (fedpol), "
            "Международния център за развитие на миграционната политика (ICMPD) и "
            "кризисния център „Die Drehscheibe“.",
            "en": "A project of the National Commission for Combating Trafficking "
            "in Human Beings, carried out in partnership with the Swiss Federal "
            "Office of Police (fedpol), the International Centre for Migration "
            "Policy Development (ICMPD) and the crisis centre “Die Drehscheibe”.",
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
        "period": EMPTY,
        "description": EMPTY,
    },
]
