"""Writes the expected public holidays of the built-in German, Austrian and Swiss calendars,
2024 to 2030, to tests/fixtures/holidays/*.json, from the Python `holidays` package (an
independent, widely used source). tests/holidays_dach.rs compares the Rust calendars with
these files.

Run once by hand when the calendars change, and commit the result:

    python3 -m venv /tmp/holidays-venv
    /tmp/holidays-venv/bin/pip install holidays
    /tmp/holidays-venv/bin/python tools/holidays/generate.py

Where the product deliberately differs from the package, the difference is applied here,
in the open, and listed under "differences" in the file it changes:
- Bavaria: the package leaves out Mariä Himmelfahrt (15 August), a holiday in most Bavarian
  municipalities (Munich included); the product keeps it, so it is added to "BY".
- Switzerland: the package lists only the federal days; the product keeps every day that at
  least 18 of the 26 cantons (two thirds) keep, so those days are taken from the package's cantons.
"""

import datetime
import json
import pathlib
import sys

import holidays

YEARS = range(2024, 2031)
LAENDER = ["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"]
CANTONS = ["AG", "AI", "AR", "BE", "BL", "BS", "FR", "GE", "GL", "GR", "JU", "LU", "NE",
           "NW", "OW", "SG", "SH", "SO", "SZ", "TG", "TI", "UR", "VD", "VS", "ZG", "ZH"]
SWISS_THRESHOLD = 18
OUT = pathlib.Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "holidays"


def listed(days):
    return [[d.isoformat(), name] for d, name in sorted(days.items())]


def country(code, subdiv=None):
    return dict(holidays.country_holidays(code, subdiv=subdiv, years=YEARS, language="de"))


def germany():
    nationwide = country("DE")
    states = {}
    for land in LAENDER:
        days = country("DE", land)
        if land == "BY":
            for year in YEARS:
                days.setdefault(datetime.date(year, 8, 15), "Mariä Himmelfahrt")
        states[land] = listed(days)
    return {
        "nationwide": listed(nationwide),
        "states": states,
        "differences": ["BY: Mariä Himmelfahrt (15 August) added; the package leaves it out"],
    }


def switzerland():
    days = country("CH")
    counts = {}
    for canton in CANTONS:
        for day, name in country("CH", canton).items():
            if day not in days:
                counts.setdefault(day, [name, 0])[1] += 1
    for day, (name, count) in counts.items():
        if count >= SWISS_THRESHOLD:
            days[day] = name
    return {
        "nationwide": listed(days),
        "differences": [
            f"days kept by at least {SWISS_THRESHOLD} of the 26 cantons added to the federal days"
        ],
    }


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    source = f"Python holidays {holidays.__version__}, years {YEARS.start}-{YEARS.stop - 1}"
    files = {
        "germany.json": germany(),
        "austria.json": {"nationwide": listed(country("AT")), "differences": []},
        "switzerland.json": switzerland(),
    }
    for name, content in files.items():
        content = {"source": source, **content}
        (OUT / name).write_text(json.dumps(content, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT / name}", file=sys.stderr)


if __name__ == "__main__":
    main()
