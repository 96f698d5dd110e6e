"""The results of the Programme and its projects, each figure with its source
and period. Loaded by programme.content."""

from programme.content.agenda import EMPTY
from programme.models import ResultCategory

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
