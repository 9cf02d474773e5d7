"""Absolute dates and dates relative to publication."""
from datetime import date

import pytest

from extract.dates import find_dates, most_recent_weekday, resolve_date

PUBLISHED = date(2024, 5, 8)  # a Wednesday


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 3 January 2023, a blast hit the port.", date(2023, 1, 3)),
        ("It happened on 11 March.", date(2024, 3, 11)),
        ("It happened on March 11.", date(2024, 3, 11)),
        ("It happened on March 11th, 2021.", date(2021, 3, 11)),
        ("Drones struck overnight into Sunday.", date(2024, 5, 5)),
        ("in the early hours of Wednesday", date(2024, 5, 8)),
        ("A depot burned yesterday.", date(2024, 5, 7)),
        ("Sirens sounded last night.", date(2024, 5, 7)),
        ("The town was shelled on Monday.", date(2024, 5, 6)),
        ("The town was shelled on Wednesday.", date(2024, 5, 8)),
        ("The town was shelled last Wednesday.", date(2024, 5, 1)),
        ("Missiles hit the city overnight.", date(2024, 5, 8)),
        ("It was hit two days ago.", date(2024, 5, 6)),
        ("published 2024-04-30", date(2024, 4, 30)),
        ("the deadliest since 8 July last year", date(2023, 7, 8)),
    ],
)
def test_resolve_date(text, expected):
    assert resolve_date(text, PUBLISHED) == expected


def test_day_month_after_publication_means_last_year():
    assert resolve_date("on 20 December", date(2024, 1, 10)) == date(2023, 12, 20)


def test_relative_dates_need_publication():
    assert resolve_date("on Monday", None) is None
    assert resolve_date("On 3 January 2023", None) == date(2023, 1, 3)


def test_month_and_year_precision_are_not_days():
    found = find_dates("In April 2019 and in 2015 he left.", PUBLISHED)
    assert [(m.precision, m.value) for m in found] == [("month", date(2019, 4, 1)), ("year", date(2015, 1, 1))]
    assert resolve_date("In April 2019 he left.", PUBLISHED) is None


@pytest.mark.parametrize("text, precision, value", [
    ("Troops stormed the city in late January.", "month", date(2024, 1, 1)),
    ("The plant was seized in early March.", "month", date(2024, 3, 1)),
    ("It was hit in September.", "month", date(2023, 9, 1)),  # after publication: last year's
    ("It was hit earlier this month.", "month", date(2024, 5, 1)),
    ("It was hit last month.", "month", date(2024, 4, 1)),
    ("It was captured earlier this year.", "year", date(2024, 1, 1)),
    ("It was captured last year.", "year", date(2023, 1, 1)),
    ("Nine warplanes were destroyed last week.", "week", date(2024, 4, 29)),
    ("It was hit earlier this week.", "week", date(2024, 5, 6)),
])
def test_a_month_or_a_period_without_a_day_is_month_or_year_precise(text, precision, value):
    (found,) = find_dates(text, PUBLISHED)
    assert (found.precision, found.value) == (precision, value)
    assert resolve_date(text, PUBLISHED) is None


def test_may_the_verb_is_not_a_month():
    assert resolve_date("Officials may 4 times revise it", PUBLISHED) is None


def test_spans_are_verbatim():
    text = "Blasts were heard overnight into Saturday in the port."
    (match,) = find_dates(text, PUBLISHED)
    assert text[match.start:match.end] == match.text == "overnight into Saturday"


def test_most_recent_weekday():
    assert most_recent_weekday(2, PUBLISHED) == PUBLISHED
    assert most_recent_weekday(2, PUBLISHED, strictly_before=True) == date(2024, 5, 1)


@pytest.mark.parametrize("text, expected", [
    ("On March 3-5, 2015, the depot burned.", date(2015, 3, 3)),
    ("during the night of 9–10 June the town was hit", date(2024, 6, 9)),
])
def test_a_span_of_days_is_dated_by_its_first_day_and_keeps_its_year(text, expected):
    assert [m.value for m in find_dates(text, date(2024, 6, 20))] == [expected]


@pytest.mark.parametrize("text, expected, precision", [
    ("the town fell several months ago", date(2022, 7, 1), "month"),
    ("two years ago a shell hit the school", date(2020, 1, 1), "year"),
    ("a strike 14 months ago", date(2021, 8, 1), "month"),
])
def test_months_or_years_ago_count_back_from_publication(text, expected, precision):
    [found] = find_dates(text, date(2022, 10, 24))
    assert (found.value, found.precision) == (expected, precision)


@pytest.mark.parametrize("text, year", [
    ("since the US dropped atomic bombs on Hiroshima nearly 80 years before", 1944),
    ("a few years earlier", 2021),
    ("two decades ago", 2004),
])
def test_years_or_decades_before_are_a_year_long_past(text, year):
    found = find_dates(text, PUBLISHED)
    assert [(m.value.year, m.precision) for m in found] == [(year, "year")]


def test_a_year_before_tells_no_year():
    assert find_dates("a year earlier", PUBLISHED) == []
