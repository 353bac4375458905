"""Dates in Hindi, Gujarati and English: found as written, never completed by guessing."""

from __future__ import annotations

import pytest

from sangam.dates import find_dates, is_date_only


@pytest.mark.parametrize(
    "line, iso",
    [
        ("प्रकाशित: 12 जुलाई 2025", "2025-07-12"),
        ("૧૨ જુલાઈ ૨૦૨૫", "2025-07-12"),  # Gujarati digits
        ("१२ जुलाई २०२५", "2025-07-12"),  # Devanagari digits
        ("Thursday, November 6, 2025", "2025-11-06"),  # month first, not misread as June
        ("28 ઓગષ્ટ, 2016ના રોજ", "2016-08-28"),
        ("5 ઓક્ટોબર 2023", "2023-10-05"),  # plain ઓ, which dateparser misses
        ("2024-03-18", "2024-03-18"),
        ("18/03/2024", "2024-03-18"),  # day first, as written in India
    ],
)
def test_full_dates(line, iso):
    assert [d.iso for d in find_dates(line)][:1] == [iso]


def test_a_day_and_month_get_no_invented_year():
    (found,) = find_dates("13 सितंबर को रूसी सुरक्षा परिषद के सचिव पहुंचे")
    assert (found.day, found.month, found.year, found.iso) == (13, 9, None, None)


def test_month_and_year_without_a_day_is_not_a_date():
    assert all(d.iso is None for d in find_dates("मन की बात, जुलाई 2018"))


def test_impossible_dates_are_ignored():
    assert [d.iso for d in find_dates("31 फरवरी 2025")] == []
    assert find_dates("30/02/2024") == []


def test_numbers_alone_are_not_dates():
    assert find_dates("इस पुल की लागत 200 करोड़ रुपये है और 43 डिग्री तापमान") == []


@pytest.mark.parametrize(
    "line",
    ["Thursday, November 6, 2025", "बुधवार, 9 एप्रिल 2025", "મંગળવાર, 4 ફેબ્રુઆરી 2025", "मंगलवार, 4 फरवरी 2025 | 10:15 AM IST", "13 सितंबर"],
)
def test_date_stamps(line):
    assert is_date_only(line)


@pytest.mark.parametrize(
    "line",
    ["13 सितंबर को रूसी सुरक्षा परिषद के सचिव पहुंचे", "उत्तर कोरिया के नेता ने कहा", "प्रकाशित: 12 जुलाई 2025"],
)
def test_sentences_with_dates_are_not_stamps(line):
    assert not is_date_only(line)
