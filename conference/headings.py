"""Bulgarian headings never leave a one-letter word (в, с, и, а, о, у, к) at
the end of a line: a non-breaking space joins it to the next word."""

import re

ONE_LETTER_WORD = re.compile(r"(?<![\wА-Яа-яЀ-ӿ])([вксиаоуВКСИАОУ]) ")


def keep_with_next(text: str) -> str:
    return ONE_LETTER_WORD.sub("\\1\u00a0", text)
