"""Counts as news writes them: digits, words, bounds, vague plurals, part-of-whole."""
import pytest

from extract.numbers import find_quantities, is_aggregate, parse_number, part_of_whole


@pytest.mark.parametrize(
    "text, value",
    [("12", 12), ("1,200", 1200), ("one", 1), ("twelve", 12), ("twenty-three", 23),
     ("twenty three", 23), ("two hundred and fifty", 250), ("3 thousand", 3000), ("dozens", 24)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_parse_number_rejects_words():
    assert parse_number("several") is None
    assert parse_number("") is None


def values(text):
    return [(q.value, q.low, q.high) for q in find_quantities(text)]


def test_lower_bound_keeps_figure_as_value_and_low():
    assert values("at least 12 people") == [(12, 12, 12)]
    assert values("more than 70 were hurt") == [(70, 70, 70)]


def test_upper_bound_leaves_low_open():
    assert values("up to 9 people") == [(9, None, 9)]


def test_vague_plural_is_open_above():
    assert values("dozens of people") == [(24, 24, None)]


def test_measures_are_not_counts():
    text = "a 41-year-old man, 152mm shells, 30 km away, in 2023, on 5 March, at 10:30, 40% and $5"
    assert values(text) == []


def test_spans_are_verbatim():
    text = "Officials said at least twenty-one civilians died."
    (quantity,) = find_quantities(text)
    assert text[quantity.start:quantity.end] == quantity.text == "at least twenty-one"


def test_part_of_whole():
    assert part_of_whole("air defence downed 71 out of 123 drones") == (71, 123)
    assert part_of_whole("destroyed six of seven missiles") == (6, 7)
    assert part_of_whole("nine of them") is None


def test_aggregate_magnitudes():
    assert is_aggregate("tens of thousands of people")
    assert not is_aggregate("ten people")


def test_an_age_in_apposition_is_not_a_count():
    assert [q.value for q in find_quantities("Olena Marchuk, 47, said three people died.")] == [3]


@pytest.mark.parametrize("text", ["condemned by G-7 leaders", "a Su-25 jet came down", "the G7 summit"])
def test_a_number_inside_a_name_is_no_count(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text", ["a Holocaust survivor aged 91 among the dead", "children under age 5", "Aged 70, he stayed"])
def test_an_age_is_no_count(text):
    assert find_quantities(text) == []
