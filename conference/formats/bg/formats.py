# Bulgarian dates as people write them: "20 септември 2027 г.", "20.09.2027",
# times on the 24-hour clock. Django's own bg formats leave the long date
# time formats at the English defaults ("Септ. 20, 2027, 9 преди обяд").
# Years in running text take "г." (docs/terminology.md): "20 септември 2027 г."
DATE_FORMAT = r"j E Y \г."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"j E Y \г., H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
