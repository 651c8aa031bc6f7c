"""Deterministic generator of a synthetic Persian/Arabic/English news corpus for benchmarks.

    python benchmarks/corpus.py OUT_DIR --n 10000 --corrupt 0.01 --seed 7

writes about N inputs into ``OUT_DIR/shard_000/``, ``shard_001/`` ... (1,000 files per shard) and
``OUT_DIR/manifest.json``. ``n`` counts *articles*: every good article (a JSON line counts as one)
and every corrupt file counts once, so ``good_articles + corrupt_files == n`` and there are
slightly fewer files than ``n`` because JSONL files hold 1-5 articles.

Good articles are built from templates (real offices, invented events) in fa/ar/en, in four
formats (plain text, crawler "seed" text with a `` date YYYY-MM-DD`` header, HTML pages, JSON
Lines) and several encodings (UTF-8, UTF-8 with BOM, UTF-16 with BOM, windows-1256). The
manifest records, per good article, the language and the publication date a reader should find
(and where: header, metadata, text or none), and per file the SHA-256 of the intended decoded
text. Corrupt files come in four kinds: ``binary``, ``empty``, ``bad-encoding`` and
``truncated-html``.

Only the standard library is used, so the generator runs with any Python >= 3.11.
"""

# ruff: noqa: E501  (long lines are sentence templates in three languages)
from __future__ import annotations

import argparse
import bisect
import datetime as dt
import functools
import gzip
import hashlib
import html
import json
import random
import re
import shutil
import struct
import sys
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SHARD_SIZE = 1000
MANIFEST_NAME = "manifest.json"


def corpus_files(root: Path) -> list[Path]:
    """Every file of the corpus in ``root`` but its manifest, in path order."""
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name != MANIFEST_NAME)


MANIFEST_VERSION = 1
CORRUPT_KINDS: tuple[str, ...] = ("binary", "empty", "bad-encoding", "truncated-html")
FORMATS: tuple[str, ...] = ("text", "seed", "html", "jsonl")
ZWNJ = "\u200c"

PUB_START = dt.date(2024, 8, 1)
PUB_END = dt.date(2025, 10, 31)

# --------------------------------------------------------------------------------------------
# Calendars (tables cover every date the generator can produce: 2024-06 .. 2026-01)
# --------------------------------------------------------------------------------------------

# Gregorian date of 1 Farvardin for Jalali years 1402..1406.
_NOWRUZ: dict[int, dt.date] = {
    1402: dt.date(2023, 3, 21),
    1403: dt.date(2024, 3, 20),
    1404: dt.date(2025, 3, 21),
    1405: dt.date(2026, 3, 21),
    1406: dt.date(2027, 3, 21),
}
_JALALI_MONTH_DAYS = (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30)

# Umm al-Qura month starts (Gregorian) from Dhu al-Hijjah 1445 to Muharram 1448.
_HIJRI_STARTS: list[tuple[int, int, dt.date]] = []
for _y, _starts in (
    (1445, ["2024-06-07"]),
    (
        1446,
        [
            "2024-07-07",
            "2024-08-05",
            "2024-09-04",
            "2024-10-04",
            "2024-11-03",
            "2024-12-02",
            "2025-01-01",
            "2025-01-31",
            "2025-03-01",
            "2025-03-30",
            "2025-04-29",
            "2025-05-28",
        ],
    ),
    (
        1447,
        [
            "2025-06-26",
            "2025-07-26",
            "2025-08-24",
            "2025-09-23",
            "2025-10-23",
            "2025-11-22",
            "2025-12-21",
            "2026-01-20",
            "2026-02-18",
            "2026-03-20",
            "2026-04-18",
            "2026-05-18",
        ],
    ),
    (1448, ["2026-06-16"]),
):
    _first = 12 if _y == 1445 else 1
    for _i, _s in enumerate(_starts):
        _HIJRI_STARTS.append((_y, _first + _i, dt.date.fromisoformat(_s)))
_HIJRI_KEYS = [d for _, _, d in _HIJRI_STARTS]


def to_jalali(day: dt.date) -> tuple[int, int, int]:
    """Gregorian -> Jalali (year, month, day) for 1402-1405."""
    year = max(y for y, start in _NOWRUZ.items() if start <= day)
    offset = (day - _NOWRUZ[year]).days
    for month, length in enumerate(_JALALI_MONTH_DAYS, start=1):
        if offset < length:
            return year, month, offset + 1
        offset -= length
    return year, 12, offset + 1


def to_hijri(day: dt.date) -> tuple[int, int, int]:
    """Gregorian -> Umm al-Qura Hijri (year, month, day) for 1445-12 .. 1447-12."""
    i = bisect.bisect_right(_HIJRI_KEYS, day) - 1
    if i < 0 or i >= len(_HIJRI_STARTS) - 1:
        raise ValueError(f"date outside the Hijri table: {day}")
    year, month, start = _HIJRI_STARTS[i]
    return year, month, (day - start).days + 1


# --------------------------------------------------------------------------------------------
# Language data
# --------------------------------------------------------------------------------------------

FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
TO_ASCII_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")

GREG_EN = "January February March April May June July August September October November December"
GREG_EN_MONTHS = GREG_EN.split()
GREG_FA = [
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
]
JALALI_FA = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
]
GREG_AR: dict[str, list[str]] = {
    "standard": [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    "levantine": [
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ],
    "maghrebi": [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "ماي",
        "يونيو",
        "يوليوز",
        "غشت",
        "شتنبر",
        "أكتوبر",
        "نونبر",
        "دجنبر",
    ],
}
HIJRI_AR = [
    "محرم",
    "صفر",
    "ربيع الأول",
    "ربيع الآخر",
    "جمادى الأولى",
    "جمادى الآخرة",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو القعدة",
    "ذو الحجة",
]
# Monday = 0, as datetime.weekday()
WEEKDAY = {
    "fa": ["دوشنبه", "سه~شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"],
    "ar": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}


@dataclass(frozen=True)
class Person:
    """A real office holder; names and titles per language (``~`` = ZWNJ in Persian)."""

    key: str
    country: str  # IRN / IRQ
    group: str  # state / faction / spokes
    name: dict[str, str]
    short: dict[str, str]
    title: dict[str, str]
    start: dt.date = dt.date(2000, 1, 1)
    end: dt.date = dt.date(2100, 1, 1)


def _p(
    key: str,
    country: str,
    group: str,
    fa: tuple[str, str, str],
    ar: tuple[str, str, str],
    en: tuple[str, str, str],
    start: str = "2000-01-01",
    end: str = "2100-01-01",
) -> Person:
    return Person(
        key,
        country,
        group,
        {"fa": fa[0], "ar": ar[0], "en": en[0]},
        {"fa": fa[1], "ar": ar[1], "en": en[1]},
        {"fa": fa[2], "ar": ar[2], "en": en[2]},
        dt.date.fromisoformat(start),
        dt.date.fromisoformat(end),
    )


PEOPLE: tuple[Person, ...] = (
    _p(
        "abbas-araghchi",
        "IRN",
        "state",
        ("سید عباس عراقچی", "عراقچی", "وزیر امور خارجه جمهوری اسلامی ایران"),
        ("عباس عراقجي", "عراقجي", "وزير الخارجية الإيراني"),
        ("Abbas Araghchi", "Araghchi", "Iranian Foreign Minister"),
        "2024-08-21",
    ),
    _p(
        "masoud-pezeshkian",
        "IRN",
        "state",
        ("مسعود پزشکیان", "پزشکیان", "رئیس~جمهور کشورمان"),
        ("مسعود بزشكيان", "بزشكيان", "الرئيس الإيراني"),
        ("Masoud Pezeshkian", "Pezeshkian", "Iranian President"),
        "2024-07-28",
    ),
    _p(
        "mohammad-reza-aref",
        "IRN",
        "state",
        ("محمدرضا عارف", "عارف", "معاون اول رئیس~جمهور"),
        ("محمد رضا عارف", "عارف", "النائب الأول للرئيس الإيراني"),
        ("Mohammad Reza Aref", "Aref", "Iran's First Vice President"),
        "2024-07-28",
    ),
    _p(
        "ali-larijani",
        "IRN",
        "state",
        ("علی لاریجانی", "لاریجانی", "دبیر شورای عالی امنیت ملی"),
        ("علي لاريجاني", "لاريجاني", "أمين المجلس الأعلى للأمن القومي الإيراني"),
        ("Ali Larijani", "Larijani", "secretary of Iran's Supreme National Security Council"),
        "2025-08-05",
    ),
    _p(
        "ali-akbar-ahmadian",
        "IRN",
        "state",
        ("علی~اکبر احمدیان", "احمدیان", "دبیر شورای عالی امنیت ملی"),
        ("علي أكبر أحمديان", "أحمديان", "أمين المجلس الأعلى للأمن القومي الإيراني"),
        ("Ali Akbar Ahmadian", "Ahmadian", "secretary of Iran's Supreme National Security Council"),
        "2000-01-01",
        "2025-08-05",
    ),
    _p(
        "mohammad-bagher-ghalibaf",
        "IRN",
        "state",
        ("محمدباقر قالیباف", "قالیباف", "رئیس مجلس شورای اسلامی"),
        ("محمد باقر قاليباف", "قاليباف", "رئيس مجلس الشورى الإسلامي الإيراني"),
        ("Mohammad Bagher Ghalibaf", "Ghalibaf", "speaker of Iran's parliament"),
    ),
    _p(
        "kazem-gharibabadi",
        "IRN",
        "state",
        ("کاظم غریب~آبادی", "غریب~آبادی", "معاون حقوقی و بین~المللی وزارت امور خارجه"),
        ("كاظم غريب آبادي", "غريب آبادي", "نائب وزير الخارجية الإيراني"),
        ("Kazem Gharibabadi", "Gharibabadi", "Iran's deputy foreign minister"),
        "2024-08-25",
    ),
    _p(
        "mohammad-kazem-al-e-sadeq",
        "IRN",
        "faction",
        ("محمدکاظم آل~صادق", "آل~صادق", "سفیر جمهوری اسلامی ایران در بغداد"),
        ("محمد كاظم آل صادق", "آل صادق", "السفير الإيراني في بغداد"),
        ("Mohammad Kazem Al-e Sadeq", "Al-e Sadeq", "Iran's ambassador to Iraq"),
    ),
    _p(
        "esmail-qaani",
        "IRN",
        "faction",
        ("سردار اسماعیل قاآنی", "قاآنی", "فرمانده نیروی قدس سپاه پاسداران"),
        ("إسماعيل قاآني", "قاآني", "قائد فيلق القدس في الحرس الثوري الإيراني"),
        ("Esmail Qaani", "Qaani", "commander of the Revolutionary Guards' Quds Force"),
    ),
    _p(
        "esmaeil-baghaei",
        "IRN",
        "spokes",
        ("اسماعیل بقائی", "بقائی", "سخنگوی وزارت امور خارجه"),
        ("إسماعيل بقائي", "بقائي", "المتحدث باسم الخارجية الإيرانية"),
        ("Esmaeil Baghaei", "Baghaei", "Iranian foreign ministry spokesman"),
        "2024-08-27",
    ),
    _p(
        "mohammed-shia-al-sudani",
        "IRQ",
        "state",
        ("محمد شیاع السودانی", "السودانی", "نخست~وزیر عراق"),
        ("محمد شياع السوداني", "السوداني", "رئيس مجلس الوزراء العراقي"),
        ("Mohammed Shia al-Sudani", "al-Sudani", "Iraqi Prime Minister"),
    ),
    _p(
        "fuad-hussein",
        "IRQ",
        "state",
        ("فؤاد حسین", "فؤاد حسین", "وزیر امور خارجه عراق"),
        ("فؤاد حسين", "فؤاد حسين", "وزير الخارجية العراقي"),
        ("Fuad Hussein", "Hussein", "Iraqi Foreign Minister"),
    ),
    _p(
        "abdul-latif-rashid",
        "IRQ",
        "state",
        ("عبداللطیف رشید", "رشید", "رئیس~جمهور عراق"),
        ("عبد اللطيف جمال رشيد", "رشيد", "رئيس الجمهورية العراقية"),
        ("Abdul Latif Rashid", "Rashid", "Iraqi President"),
    ),
    _p(
        "qasim-al-araji",
        "IRQ",
        "state",
        ("قاسم الاعرجی", "الاعرجی", "مشاور امنیت ملی عراق"),
        ("قاسم الأعرجي", "الأعرجي", "مستشار الأمن القومي العراقي"),
        ("Qasim al-Araji", "al-Araji", "Iraq's national security adviser"),
    ),
    _p(
        "mahmoud-al-mashhadani",
        "IRQ",
        "state",
        ("محمود المشهدانی", "المشهدانی", "رئیس مجلس نمایندگان عراق"),
        ("محمود المشهداني", "المشهداني", "رئيس مجلس النواب العراقي"),
        ("Mahmoud al-Mashhadani", "al-Mashhadani", "speaker of Iraq's parliament"),
        "2024-10-31",
    ),
    _p(
        "nechirvan-barzani",
        "IRQ",
        "state",
        ("نچیروان بارزانی", "بارزانی", "رئیس اقلیم کردستان عراق"),
        ("نيجيرفان بارزاني", "بارزاني", "رئيس إقليم كردستان العراق"),
        ("Nechirvan Barzani", "Barzani", "President of the Kurdistan Region"),
    ),
    _p(
        "falih-al-fayyadh",
        "IRQ",
        "faction",
        ("فالح الفیاض", "الفیاض", "رئیس هیئت حشد الشعبی"),
        ("فالح الفياض", "الفياض", "رئيس هيئة الحشد الشعبي"),
        ("Falih al-Fayyadh", "al-Fayyadh", "head of the Popular Mobilisation Forces"),
    ),
    _p(
        "hadi-al-amiri",
        "IRQ",
        "faction",
        ("هادی العامری", "العامری", "دبیرکل سازمان بدر"),
        ("هادي العامري", "العامري", "الأمين العام لمنظمة بدر"),
        ("Hadi al-Amiri", "al-Amiri", "leader of the Badr Organisation"),
    ),
    _p(
        "qais-al-khazali",
        "IRQ",
        "faction",
        ("قیس الخزعلی", "الخزعلی", "دبیرکل عصائب اهل~الحق"),
        ("قيس الخزعلي", "الخزعلي", "الأمين العام لحركة عصائب أهل الحق"),
        ("Qais al-Khazali", "al-Khazali", "leader of Asaib Ahl al-Haq"),
    ),
    _p(
        "ammar-al-hakim",
        "IRQ",
        "faction",
        ("سید عمار حکیم", "حکیم", "رئیس جریان حکمت ملی عراق"),
        ("عمار الحكيم", "الحكيم", "رئيس تيار الحكمة الوطني"),
        ("Ammar al-Hakim", "al-Hakim", "head of the National Wisdom Movement"),
    ),
    _p(
        "nouri-al-maliki",
        "IRQ",
        "faction",
        ("نوری المالکی", "المالکی", "رئیس ائتلاف دولت قانون"),
        ("نوري المالكي", "المالكي", "رئيس ائتلاف دولة القانون"),
        ("Nouri al-Maliki", "al-Maliki", "head of the State of Law Coalition"),
    ),
)

CAPITAL = {
    "IRN": {"fa": "تهران", "ar": "طهران", "en": "Tehran"},
    "IRQ": {"fa": "بغداد", "ar": "بغداد", "en": "Baghdad"},
}
OTHER_CITY = {
    "IRN": [
        {"fa": "مشهد", "ar": "مشهد", "en": "Mashhad"},
        {"fa": "تهران", "ar": "طهران", "en": "Tehran"},
    ],
    "IRQ": [
        {"fa": "اربیل", "ar": "أربيل", "en": "Erbil"},
        {"fa": "نجف", "ar": "النجف", "en": "Najaf"},
        {"fa": "بغداد", "ar": "بغداد", "en": "Baghdad"},
    ],
}
SUMMITS: tuple[dict[str, str], ...] = (
    {
        "fa": "نشست مشترک سران کشورهای عربی و اسلامی",
        "ar": "القمة العربية الإسلامية المشتركة",
        "en": "joint Arab-Islamic summit",
        "place_fa": "ریاض",
        "place_ar": "الرياض",
        "place_en": "Riyadh",
    },
    {
        "fa": "نشست مجمع عمومی سازمان ملل متحد",
        "ar": "اجتماعات الجمعية العامة للأمم المتحدة",
        "en": "United Nations General Assembly",
        "place_fa": "نیویورک",
        "place_ar": "نيويورك",
        "place_en": "New York",
    },
    {
        "fa": "مجمع گفت~وگوی دوحه",
        "ar": "منتدى الدوحة",
        "en": "Doha Forum",
        "place_fa": "دوحه",
        "place_ar": "الدوحة",
        "place_en": "Doha",
    },
    {
        "fa": "نشست وزیران خارجه سازمان همکاری اسلامی",
        "ar": "اجتماع وزراء خارجية منظمة التعاون الإسلامي",
        "en": "meeting of Organisation of Islamic Cooperation foreign ministers",
        "place_fa": "جده",
        "place_ar": "جدة",
        "place_en": "Jeddah",
    },
    {
        "fa": "مجمع دیپلماسی آنتالیا",
        "ar": "منتدى أنطاليا الدبلوماسي",
        "en": "Antalya Diplomacy Forum",
        "place_fa": "آنتالیا",
        "place_ar": "أنطاليا",
        "place_en": "Antalya",
    },
)
TOPICS: dict[str, list[str]] = {
    "fa": [
        "تأمین گاز نیروگاه~های عراق و پرداخت بدهی~های گازی",
        "اجرای توافق~نامه امنیتی مرزی دو کشور",
        "تسهیل سفر زائران اربعین حسینی",
        "تحولات سوریه و امنیت مرزهای غربی عراق",
        "ادامه جنگ در غزه و حملات به لبنان",
        "گسترش مبادلات تجاری و همکاری~های بانکی",
        "تکمیل پروژه راه~آهن شلمچه-بصره",
        "وضعیت منابع آب مشترک و رودخانه~های مرزی",
        "انتخابات پارلمانی عراق و روند تشکیل دولت",
        "همکاری در مبارزه با قاچاق مواد مخدر",
    ],
    "ar": [
        "تجهيز محطات الكهرباء العراقية بالغاز الإيراني وتسديد المستحقات",
        "تنفيذ الاتفاق الأمني الحدودي بين البلدين",
        "تسهيل حركة زائري الأربعين",
        "التطورات في سوريا وأمن الحدود الغربية للعراق",
        "استمرار الحرب على غزة والاعتداءات على لبنان",
        "تطوير التبادل التجاري والتعاون المصرفي",
        "استكمال مشروع سكة حديد الشلامجة-البصرة",
        "ملف المياه والأنهار المشتركة",
        "الانتخابات النيابية العراقية وتشكيل الحكومة",
        "التعاون في مكافحة تهريب المخدرات",
    ],
    "en": [
        "Iranian gas supplies to Iraqi power plants and payment of gas debts",
        "implementation of the two countries' border security agreement",
        "arrangements for Arbaeen pilgrims",
        "developments in Syria and the security of Iraq's western border",
        "the war in Gaza and strikes on Lebanon",
        "trade and banking cooperation",
        "completion of the Shalamcheh-Basra railway",
        "shared water resources and cross-border rivers",
        "Iraq's parliamentary elections and government formation",
        "cooperation against drug trafficking",
    ],
}
OUTLETS: dict[str, list[str]] = {
    "fa": [
        "خبرگزاری پیام روز",
        "پایگاه خبری دیدبان",
        "خبرگزاری آوای تهران",
        "روزنامه نگاه منطقه",
        "خبرگزاری نوای ایران",
    ],
    "ar": ["دجلة اليوم", "المرصد النيابي", "الحدث العراقي", "شبكة نخيل الإخبارية", "الضفتين"],
    "en": ["Gulf & Levant Wire", "Tigris Monitor", "Crescent Daily", "Mesopotamia Report"],
}
DOMAINS: dict[str, list[str]] = {
    "fa": ["payamrooz.example", "didban-news.example", "avaye-tehran.example"],
    "ar": ["dijla-alyawm.example", "alhadath-aliraqi.example", "nakheel-news.example"],
    "en": ["gulf-levant-wire.example", "tigris-monitor.example", "crescent-daily.example"],
}
QUOTES_POS: dict[str, list[str]] = {
    "fa": [
        "روابط ایران و عراق فراتر از روابط دو همسایه است و ریشه در تاریخ و باورهای مشترک دو ملت دارد.",
        "هیچ طرف خارجی نمی~تواند در مناسبات برادرانه تهران و بغداد خللی ایجاد کند.",
        "امنیت و ثبات عراق برای جمهوری اسلامی ایران اهمیتی راهبردی دارد.",
        "ما آماده~ایم همه ظرفیت~های خود را برای توسعه همکاری~های اقتصادی به کار بگیریم.",
        "اجرای توافق~های امضاشده میان دو کشور باید با سرعت بیشتری دنبال شود.",
        "عراق هرگز اجازه نمی~دهد خاکش به محلی برای تهدید همسایگانش تبدیل شود.",
        "همکاری دو کشور در برگزاری مراسم اربعین الگویی موفق برای منطقه است.",
        "گفت~وگو و همکاری میان کشورهای منطقه تنها راه رسیدن به امنیت پایدار است.",
    ],
    "ar": [
        "العلاقات بين العراق وإيران تتجاوز حدود الجوار وتستند إلى روابط تاريخية ودينية عميقة.",
        "لن يسمح العراق باستخدام أراضيه منطلقاً للاعتداء على أي من دول الجوار.",
        "أمن العراق واستقراره جزء لا يتجزأ من أمن المنطقة بأسرها.",
        "نحن مستعدون لتوظيف كل الإمكانات من أجل تطوير التعاون الاقتصادي بين البلدين.",
        "يجب الإسراع في تنفيذ الاتفاقات الموقّعة بين البلدين الجارين.",
        "الحوار والتعاون بين دول المنطقة هو الطريق الوحيد لتحقيق الاستقرار الدائم.",
        "نجاح زيارة الأربعين ثمرة تعاون مشترك نعتز به.",
        "الحكومة العراقية تتبنى سياسة متوازنة تقوم على إبعاد البلاد عن سياسة المحاور.",
    ],
    "en": [
        "Relations between Iraq and Iran go beyond those of neighbours; they rest on deep historical and religious ties.",
        "Iraq will not allow its territory to be used to attack any of its neighbours.",
        "The security and stability of Iraq are of strategic importance to the whole region.",
        "We are ready to use every opportunity to expand economic cooperation between our two countries.",
        "The agreements signed between the two neighbours must be implemented faster.",
        "Dialogue among the countries of the region is the only road to lasting security.",
        "The success of the Arbaeen pilgrimage shows what our cooperation can achieve.",
        "Baghdad follows a balanced policy and keeps the country out of regional rivalries.",
    ],
}
ACCUSED: dict[str, list[tuple[str, str]]] = {
    # (target, what they are accused of)
    "fa": [
        ("آمریکا", "دخالت در امور داخلی عراق و اعمال فشار بر دولت این کشور"),
        ("رژیم صهیونیستی", "تلاش برای گسترش دامنه جنگ به کل منطقه"),
        ("واشنگتن", "استفاده از تحریم~ها به عنوان سلاحی علیه ملت~های منطقه"),
        ("برخی رسانه~های خارجی", "انتشار اخبار جعلی برای ایجاد شکاف میان دو ملت"),
    ],
    "ar": [
        ("الولايات المتحدة", "التدخل في الشؤون الداخلية للعراق والضغط على حكومته"),
        ("الكيان الصهيوني", "السعي إلى توسيع رقعة الحرب لتشمل المنطقة بأسرها"),
        ("واشنطن", "استخدام العقوبات سلاحاً ضد شعوب المنطقة"),
        ("جهات إعلامية أجنبية", "بثّ أخبار مفبركة لزرع الفرقة بين الشعبين"),
    ],
    "en": [
        (
            "the United States",
            "interfering in Iraq's internal affairs and pressuring its government",
        ),
        ("Israel", "trying to drag the whole region into war"),
        ("Washington", "using sanctions as a weapon against the peoples of the region"),
        ("some foreign media", "spreading fabricated reports to divide the two nations"),
    ],
}
RUMOURS: dict[str, list[str]] = {
    "fa": [
        "انتقال پیام~های تهدیدآمیز از سوی واشنگتن",
        "حضور مستشاران نظامی خارجی در استان~های مرزی",
        "توقف صادرات گاز به عراق",
        "اختلاف میان دو کشور بر سر پرونده گروه~های مسلح",
    ],
    "ar": [
        "نقل رسائل تهديد من واشنطن",
        "وجود مستشارين عسكريين أجانب في المحافظات الحدودية",
        "توقف صادرات الغاز إلى العراق",
        "خلاف بين البلدين على ملف الجماعات المسلحة",
    ],
    "en": [
        "threatening messages passed on from Washington",
        "foreign military advisers deployed in border provinces",
        "a halt to gas exports to Iraq",
        "a rift between the two countries over armed groups",
    ],
}
BACKGROUND: dict[str, list[str]] = {
    "fa": [
        "ایران و عراق بیش از ۱۴۰۰ کیلومتر مرز مشترک دارند و ایران یکی از بزرگ~ترین شرکای تجاری عراق به شمار می~رود. بخش قابل توجهی از برق مورد نیاز عراق در ماه~های گرم سال با گاز وارداتی از ایران تأمین می~شود.",
        "دو کشور در سال~های اخیر چندین تفاهم~نامه در زمینه~های انرژی، حمل~ونقل، بانکی و امنیتی امضا کرده~اند که اجرای برخی از آنها به دلیل تحریم~ها با تأخیر همراه بوده است.",
        "توافق امنیتی مرزی ایران و عراق متعهد شده است که گروه~های مسلح مخالف ایرانی مستقر در اقلیم کردستان خلع سلاح و از مناطق مرزی دور شوند.",
        "هر سال میلیون~ها زائر ایرانی برای شرکت در مراسم اربعین از گذرگاه~های مرزی مهران، شلمچه و چذابه وارد عراق می~شوند.",
        "مقامات دو کشور بارها بر ضرورت تسریع در پرداخت بدهی~های عراق بابت واردات گاز و برق تأکید کرده~اند؛ بدهی~هایی که بخشی از آن به دلیل محدودیت~های بانکی در حساب~های عراقی مانده است.",
        "تحولات سوریه و نگرانی از بازگشت گروه~های تروریستی به مناطق مرزی، در ماه~های اخیر محور بسیاری از رایزنی~های مقامات ایرانی و عراقی بوده است.",
    ],
    "ar": [
        "ويرتبط العراق وإيران بحدود مشتركة يزيد طولها على 1400 كيلومتر، وتعدّ إيران من أكبر الشركاء التجاريين للعراق، فيما تعتمد محطات الكهرباء العراقية على الغاز الإيراني لتأمين جزء كبير من حاجتها صيفاً.",
        "ووقّع البلدان خلال السنوات الماضية مذكرات تفاهم عدة في مجالات الطاقة والنقل والمصارف والأمن، تأخّر تنفيذ بعضها بسبب العقوبات الأمريكية.",
        "ويُلزم الاتفاق الأمني الحدودي بين بغداد وطهران الحكومة العراقية بنزع سلاح جماعات المعارضة الكردية الإيرانية المتمركزة في إقليم كردستان وإبعادها عن الشريط الحدودي.",
        "ويعبر ملايين الزائرين الإيرانيين سنوياً منافذ مهران والشلامجة والشيب الحدودية للمشاركة في إحياء زيارة الأربعين في كربلاء.",
        "وأكد مسؤولو البلدين مراراً ضرورة الإسراع في تسديد مستحقات الغاز والكهرباء، التي ما يزال جزء منها محتجزاً في المصارف العراقية بسبب القيود المفروضة على التحويلات.",
        "وتشكّل التطورات في سوريا والمخاوف من عودة الجماعات الإرهابية إلى المناطق الحدودية محوراً رئيسياً في المباحثات العراقية الإيرانية خلال الأشهر الأخيرة.",
    ],
    "en": [
        "Iraq and Iran share a border of more than 1,400 km, and Iran is one of Iraq's largest trading partners. Iraqi power stations rely on Iranian gas for a large part of their supply during the summer months.",
        "The two countries have signed several memoranda of understanding on energy, transport, banking and security in recent years, some of which have been delayed by US sanctions.",
        "Under their border security agreement, Baghdad committed to disarm Iranian Kurdish opposition groups based in the Kurdistan Region and to move them away from the frontier.",
        "Millions of Iranian pilgrims cross the Mehran, Shalamcheh and Chazabeh border posts every year to take part in the Arbaeen commemorations in Karbala.",
        "Officials from both countries have repeatedly called for faster settlement of Iraq's gas and electricity debts, part of which remains frozen in Iraqi banks because of restrictions on transfers.",
        "Developments in Syria and fears that militant groups could return to border areas have dominated Iraqi-Iranian talks in recent months.",
    ],
}


# --------------------------------------------------------------------------------------------
# Date phrases
# --------------------------------------------------------------------------------------------


def _num(lang: str, n: int | str, rng: random.Random, pad: int = 0) -> str:
    """ASCII digits; a whole article is converted to Persian/Arabic-Indic digits at the end."""
    return str(n).zfill(pad)


_DIGIT_RUN = re.compile(r"[0-9]+")


def _with_digits(text: str, table: dict[int, int] | None) -> str:
    if not table:
        return text
    return _DIGIT_RUN.sub(lambda m: m.group().translate(table), text)


def digit_table(lang: str, rng: random.Random) -> dict[int, int] | None:
    """The digits an article is written with: mostly Persian in fa, mostly ASCII in ar and en."""
    if lang == "fa" and rng.random() < 0.85:
        return FA_DIGITS
    if lang == "ar" and rng.random() < 0.15:
        return AR_DIGITS
    return None


def gregorian_phrase(lang: str, day: dt.date, rng: random.Random, style: str = "") -> str:
    if lang == "fa":
        return f"{_num(lang, day.day, rng)} {GREG_FA[day.month - 1]} {_num(lang, day.year, rng)}"
    if lang == "ar":
        months = GREG_AR[style or rng.choice(list(GREG_AR))]
        return f"{_num(lang, day.day, rng)} {months[day.month - 1]} {_num(lang, day.year, rng)}"
    if rng.random() < 0.5:
        return f"{GREG_EN_MONTHS[day.month - 1]} {day.day}, {day.year}"
    return f"{day.day} {GREG_EN_MONTHS[day.month - 1]} {day.year}"


def jalali_phrase(day: dt.date, rng: random.Random) -> str:
    y, m, d = to_jalali(day)
    return f"{_num('fa', d, rng)} {JALALI_FA[m - 1]} {_num('fa', y, rng)}"


def hijri_phrase(day: dt.date, rng: random.Random) -> str:
    y, m, d = to_hijri(day)
    return f"{_num('ar', d, rng)} {HIJRI_AR[m - 1]} {_num('ar', y, rng)} هـ"


def event_date_phrase(
    lang: str, pub: dt.date, day: dt.date, rng: random.Random, explicit: bool = True
) -> str:
    """How an article published on ``pub`` refers to a past ``day`` (0-9 days earlier).

    ``explicit=False`` keeps to relative forms (for articles that must not show any date).
    """
    back = (pub - day).days
    wd = WEEKDAY[lang][day.weekday()]
    r = rng.random()
    if explicit and r < 0.3:
        if lang == "fa":
            return (
                f"روز {wd} {jalali_phrase(day, rng)}"
                if rng.random() < 0.7
                else f"{gregorian_phrase(lang, day, rng)}"
            )
        if lang == "ar":
            return (
                f"يوم {wd} {hijri_phrase(day, rng)}"
                if rng.random() < 0.3
                else f"يوم {wd} {gregorian_phrase(lang, day, rng)}"
            )
        return f"on {gregorian_phrase(lang, day, rng)}"
    if back == 0:
        return {"fa": f"امروز {wd}", "ar": f"اليوم {wd}", "en": f"on {wd}"}[lang]
    if back == 1:
        return {"fa": "دیروز", "ar": f"أمس {wd}", "en": "yesterday"}[lang]
    if back < 7:
        return {"fa": f"روز {wd}", "ar": f"يوم {wd}", "en": f"on {wd}"}[lang]
    return {"fa": f"{wd} گذشته", "ar": f"يوم {wd} الماضي", "en": f"last {wd}"}[lang]


def future_phrase(lang: str, rng: random.Random) -> str:
    return rng.choice(
        {
            "fa": ["هفته آینده", "در روزهای آینده", "ماه آینده", "به~زودی"],
            "ar": ["الأسبوع المقبل", "خلال الأيام المقبلة", "الشهر المقبل", "قريباً"],
            "en": ["next week", "in the coming days", "next month", "soon"],
        }[lang]
    )


# --------------------------------------------------------------------------------------------
# Article text
# --------------------------------------------------------------------------------------------


@dataclass
class Draft:
    lang: str
    title: str
    kicker: str | None
    outlet: str
    paragraphs: list[str]
    digits: dict[int, int] | None = None

    def num(self, text: str) -> str:
        return _with_digits(text, self.digits)


@functools.lru_cache(maxsize=1024)
def _people_at(day: dt.date) -> tuple[Person, ...]:
    return tuple(p for p in PEOPLE if p.start <= day < p.end)


@functools.lru_cache(maxsize=4096)
def _sides(day: dt.date, group: str) -> tuple[tuple[Person, ...], tuple[Person, ...]]:
    people = _people_at(day)
    return (
        tuple(p for p in people if p.country == "IRN" and p.group == group),
        tuple(p for p in people if p.country == "IRQ" and p.group == group),
    )


def _pair(rng: random.Random, day: dt.date) -> tuple[Person, Person]:
    iran, iraq = _sides(day, rng.choice(("state", "state", "faction")))
    a, b = rng.choice(iran), rng.choice(iraq)
    return (a, b) if rng.random() < 0.5 else (b, a)


def _full(p: Person, lang: str, rng: random.Random) -> str:
    """Name with title, in one of the orders newspapers use."""
    n, t = p.name[lang], p.title[lang]
    if lang == "en":  # "Iraqi Prime Minister X", but "X, head of the ...,"
        return f"{t} {n}" if t[0].isupper() and rng.random() < 0.6 else f"{n}, {t},"
    return f"{t} {n}" if rng.random() < 0.4 else f"{n} {t}"


def _paragraph_lead(
    lang: str,
    rng: random.Random,
    pub: dt.date,
    a: Person,
    b: Person,
    outlet: str,
    explicit: bool = True,
) -> tuple[str, str, str]:
    """Returns (paragraph, title, kind)."""
    kind = rng.choice(("phone", "visit", "visit", "sidelines"))
    day = pub - dt.timedelta(days=rng.choice((0, 0, 1, 1, 2, 3, 5, 8)))
    when = event_date_phrase(lang, pub, day, rng, explicit)
    t1, t2 = rng.sample(TOPICS[lang], 2)
    host_city = CAPITAL[b.country][lang]
    summit = rng.choice(SUMMITS)
    A, B = _full(a, lang, rng), _full(b, lang, rng)
    sa, sb = a.short[lang], b.short[lang]
    if lang == "fa":
        intro = f"به گزارش {outlet}، "
        if kind == "phone":
            text = f"{intro}{A} {when} در تماسی تلفنی با {B} درباره {t1} و {t2} گفت~وگو کرد."
            title = f"گفت~وگوی تلفنی {sa} و {sb} درباره {t1}"
        elif kind == "visit":
            text = (
                f"{intro}{A} که {when} برای سفری رسمی وارد {host_city} شد، با {B} دیدار و "
                f"درباره {t1} و {t2} رایزنی کرد."
            )
            title = f"دیدار {sa} با {sb} در {host_city}"
        else:
            text = (
                f"{intro}{A} {when} در حاشیه {summit['fa']} در {summit['place_fa']} با {B} "
                f"دیدار و درباره {t1} گفت~وگو کرد."
            )
            title = f"دیدار {sa} و {sb} در حاشیه {summit['fa']}"
    elif lang == "ar":
        intro = rng.choice(("", f"{CAPITAL['IRQ']['ar']}/ {outlet}- "))
        if kind == "phone":
            text = (
                f"{intro}تلقّى {B} {when} اتصالاً هاتفياً من {A}، جرى خلاله بحث {t1} إضافة إلى {t2}."
            )
            title = f"{sb} و{sa} يبحثان هاتفياً {t1}"
        elif kind == "visit":
            text = (
                f"{intro}التقى {A}، {when}، {B} في {host_city}، في زيارة رسمية تناولت {t1} و{t2}."
            )
            title = f"{sa} يلتقي {sb} في {host_city}"
        else:
            text = (
                f"{intro}بحث {A} مع {B}، {when}، على هامش {summit['ar']} في "
                f"{summit['place_ar']}، {t1}."
            )
            title = f"لقاء بين {sa} و{sb} على هامش {summit['ar']}"
    else:
        intro = f"{host_city.upper()} ({outlet}) - " if rng.random() < 0.5 else ""
        if kind == "phone":
            text = f"{intro}{A} spoke by telephone {when} with {B} about {t1} and {t2}."
            title = f"{sa} and {sb} discuss {t1} by phone"
        elif kind == "visit":
            text = (
                f"{intro}{A} met {B} in {host_city} {when} during an official visit focused on "
                f"{t1} and {t2}."
            )
            title = f"{sa} meets {sb} in {host_city}"
        else:
            text = (
                f"{intro}{A} met {B} {when} on the sidelines of the {summit['en']} in "
                f"{summit['place_en']} to discuss {t1}."
            )
            title = f"{sa}, {sb} meet on sidelines of {summit['en']}"
    return text.replace(",,", ","), title, kind


def _paragraph_quote(lang: str, rng: random.Random, p: Person) -> str:
    q = rng.choice(QUOTES_POS[lang])
    s = p.short[lang]
    if lang == "fa":
        verb = rng.choice(("گفت", "اظهار داشت", "تصریح کرد", "افزود"))
        return f"{s} در این دیدار {verb}: «{q}»"
    if lang == "ar":
        verb, that = rng.choice((("قال", "إن"), ("أكد", "أن"), ("أوضح", "أن")))
        return f"و{verb} {s}، بحسب بيان صادر عن مكتبه، {that} “{q}”"
    verb = rng.choice(("said", "told reporters", "was quoted as saying"))
    return f'"{q[:-1]}," {s} {verb}, according to a statement from his office.'


def _paragraph_accuse(lang: str, rng: random.Random, p: Person) -> str:
    target, what = rng.choice(ACCUSED[lang])
    s = p.short[lang]
    if lang == "fa":
        return f"{s} همچنین {target} را به {what} متهم کرد و گفت این رفتارها ثبات منطقه را به خطر می~اندازد."
    if lang == "ar":
        return f"واتّهم {s} {target} بـ“{what}”، محذّراً من أن ذلك يهدد استقرار المنطقة."
    return f"{s} also accused {target} of {what}, warning that it threatened regional stability."


def _paragraph_denial(lang: str, rng: random.Random, pub: dt.date) -> str:
    speaker = rng.choice([p for p in _people_at(pub) if p.group in ("spokes", "state")])
    rumour = rng.choice(RUMOURS[lang])
    s = _full(speaker, lang, rng)
    if lang == "fa":
        return f"در همین حال {s} گزارش~های منتشرشده درباره {rumour} را تکذیب کرد و آن را «بی~اساس» خواند."
    if lang == "ar":
        return f"في غضون ذلك، نفى {s} التقارير التي تحدثت عن {rumour}، واصفاً إياها بأنها “عارية عن الصحة”."
    return f"Separately, {s} denied reports of {rumour}, calling them baseless."


def _paragraph_future(lang: str, rng: random.Random, a: Person, b: Person) -> str:
    when = future_phrase(lang, rng)
    city = CAPITAL[a.country][lang]
    sb = b.short[lang]
    if lang == "fa":
        return f"بر اساس این گزارش، قرار است {sb} {when} به دعوت همتای خود به {city} سفر کند."
    if lang == "ar":
        return f"ومن المقرر أن يزور {sb} {city} {when} تلبية لدعوة رسمية."
    return f"{sb} is expected to travel to {city} {when} at the invitation of his counterpart."


def _paragraph_cancel(lang: str, rng: random.Random, pub: dt.date) -> str:
    a, b = _pair(rng, pub)
    city = rng.choice(OTHER_CITY[b.country])[lang]
    sa, sb = a.short[lang], b.short[lang]
    if lang == "fa":
        return (
            f"از سوی دیگر، دیدار برنامه~ریزی~شده {sa} و {sb} در {city} "
            "به دلایلی که اعلام نشد لغو شد."
        )
    if lang == "ar":
        return (
            f"من جهة أخرى، أُلغي اللقاء الذي كان مقرراً بين {sa} و{sb} في {city}، من دون ذكر الأسباب."
        )
    return f"A planned meeting between {sa} and {sb} in {city} was called off without explanation."


def _paragraph_second_event(
    lang: str, rng: random.Random, pub: dt.date, explicit: bool = True
) -> str:
    a, b = _pair(rng, pub)
    day = pub - dt.timedelta(days=rng.randint(2, 9))
    when = event_date_phrase(lang, pub, day, rng, explicit)
    t = rng.choice(TOPICS[lang])
    A, B = _full(a, lang, rng), _full(b, lang, rng)
    city = CAPITAL[b.country][lang]
    v = rng.randrange(3)
    if lang == "fa":
        return (
            f"پیش از این، {A} نیز {when} با {B} درباره {t} گفت~وگو کرده بود.",
            f"{A} {when} در تماس تلفنی با {B} بر ضرورت پیگیری {t} تأکید کرده بود.",
            f"{A} {when} در سفر به {city} با {B} دیدار و درباره {t} تبادل نظر کرد.",
        )[v]
    if lang == "ar":
        return (
            f"وكان {A} قد بحث {when} مع {B} {t}.",
            f"وفي اتصال هاتفي جرى {when}، بحث {A} مع {B} {t}.",
            f"كما زار {A} {city} {when}، حيث التقى {B} وبحث معه {t}.",
        )[v]
    return (
        f"Earlier, {A} had discussed {t} with {B} {when}.",
        f"{A} also spoke by phone with {B} {when}, focusing on {t}.",
        f"{A} visited {city} {when} and met {B} to discuss {t}.",
    )[v]


def draft_article(
    rng: random.Random, lang: str, pub: dt.date, target_bytes: int, explicit: bool = True
) -> Draft:
    """Paragraphs about events around ``pub`` until the body reaches ``target_bytes`` (UTF-8).

    With ``explicit=False`` the body has relative dates only, so that an undated article really
    carries no date a reader could take for its publication date.
    """
    outlet = rng.choice(OUTLETS[lang])
    a, b = _pair(rng, pub)
    lead, title, _kind = _paragraph_lead(lang, rng, pub, a, b, outlet, explicit)
    paras = [lead]
    once: list[Callable[[], str]] = [
        lambda: _paragraph_quote(lang, rng, a),
        lambda: _paragraph_quote(lang, rng, b),
        lambda: _paragraph_accuse(lang, rng, rng.choice((a, b))),
        lambda: _paragraph_denial(lang, rng, pub),
        lambda: _paragraph_future(lang, rng, a, b),
        lambda: _paragraph_cancel(lang, rng, pub),
    ]
    rng.shuffle(once)
    backgrounds = rng.sample(BACKGROUND[lang], len(BACKGROUND[lang]))
    size = len(lead.encode())
    while size < target_bytes:
        r = rng.random()
        if r < 0.3 and backgrounds:
            para = backgrounds.pop()
        elif r < 0.45 or not once:
            para = _paragraph_second_event(lang, rng, pub, explicit)
        else:
            para = once.pop()()
        if lang == "en":
            para = para[0].upper() + para[1:]
        paras.append(para)
        size += len(para.encode()) + 2
    kicker = None
    if lang == "fa" and rng.random() < 0.3:
        kicker = f"{a.short['fa']}:"
    if lang == "en":
        title = title[0].upper() + title[1:]
    digits = digit_table(lang, rng)
    if digits:
        paras = [_with_digits(p, digits) for p in paras]
        title = _with_digits(title, digits)
    return Draft(lang, title, kicker, outlet, paras, digits)


# --------------------------------------------------------------------------------------------
# Formats and encodings
# --------------------------------------------------------------------------------------------


def _pub_line(lang: str, pub: dt.date, rng: random.Random) -> str:
    hh, mm = rng.randint(7, 22), rng.choice((0, 5, 12, 20, 30, 41, 55))
    clock = f"{hh:02d}:{mm:02d}"
    if lang == "fa":
        if rng.random() < 0.8:
            line = f"تاریخ انتشار: {jalali_phrase(pub, rng)} - {_num('fa', clock, rng)}"
        else:
            line = f"تاریخ انتشار: {gregorian_phrase('fa', pub, rng)} - {_num('fa', clock, rng)}"
        return line
    if lang == "ar":
        if rng.random() < 0.25:
            return f"تاريخ النشر: {hijri_phrase(pub, rng)} - {gregorian_phrase('ar', pub, rng)}"
        return f"تاريخ النشر: {gregorian_phrase('ar', pub, rng)} - {clock}"
    return f"Published: {gregorian_phrase('en', pub, rng)} {clock} GMT"


def _finish(text: str, lang: str, strip_zwnj: bool) -> str:
    return text.replace("~", "" if strip_zwnj else ZWNJ)


def render_text(d: Draft, pub: dt.date, dated: bool, rng: random.Random) -> str:
    lines: list[str] = []
    if d.kicker:
        lines += [d.kicker, ""]
    lines.append(d.title)
    if d.lang == "fa":
        lines.append("")
        if dated:
            lines.append(d.num(f"کد خبر: {rng.randint(100000, 9999999)}"))
            lines.append(d.num(_pub_line("fa", pub, rng)))
            lines.append("")
    elif dated:
        lines.append(d.num(_pub_line(d.lang, pub, rng)))
        lines.append("")
    else:
        lines.append("")
    lines.append("\n\n".join(d.paragraphs))
    return "\n".join(lines) + ("\n" if rng.random() < 0.7 else "")


def _url(lang: str, rng: random.Random, pub: dt.date) -> str:
    dom = rng.choice(DOMAINS[lang])
    return f"https://www.{dom}/{lang}/news/{pub:%Y/%m/%d}/{rng.randint(10000, 9999999)}"


def render_seed(d: Draft, pub: dt.date, rng: random.Random) -> tuple[str, bool]:
    """Crawler format: `` date YYYY-MM-DD URL`` then title and body, or body on the header line.

    Returns the text and whether it carries a title.
    """
    if rng.random() < 0.7:
        body = d.title + "\n" + "\n\n".join(d.paragraphs)
        return f" date {pub.isoformat()} {_url(d.lang, rng, pub)}\n{body}", True
    return f" date {pub.isoformat()} " + "\n\n".join(d.paragraphs) + "\n", False


_HTML_NAV = {
    "fa": ["صفحه اصلی", "سیاسی", "بین~الملل", "اقتصادی", "ورزشی", "فرهنگی"],
    "ar": ["الرئيسية", "سياسة", "أمن", "اقتصاد", "عربي ودولي", "رياضة"],
    "en": ["Home", "Politics", "World", "Business", "Sport", "Opinion"],
}
_HTML_FOOT = {
    "fa": "© 2019 کلیه حقوق برای {o} محفوظ است.",
    "ar": "© 2019 {o}. جميع الحقوق محفوظة.",
    "en": "© 2019 {o}. All rights reserved.",
}


def render_html(d: Draft, pub: dt.date, rng: random.Random, charset: str) -> str:
    e = html.escape
    url = _url(d.lang, rng, pub)
    tz = {"fa": "+03:30", "ar": "+03:00", "en": "+00:00"}[d.lang]
    stamp = f"{pub.isoformat()}T{rng.randint(8, 21):02d}:{rng.randint(0, 59):02d}:00{tz}"
    direction = "ltr" if d.lang == "en" else "rtl"
    nav = "".join(f'<li><a href="/{i}">{e(x)}</a></li>' for i, x in enumerate(_HTML_NAV[d.lang]))
    body = "\n".join(f"<p>{e(p)}</p>" for p in d.paragraphs)
    old = pub - dt.timedelta(days=rng.randint(30, 400))
    sidebar = f'<aside class="most-read"><ul><li><a href="/old/{rng.randint(1000, 9999)}">…</a> <span>{old.isoformat()}</span></li></ul></aside>'
    foot = _HTML_FOOT[d.lang].format(o=e(d.outlet))
    return (
        f'<!DOCTYPE html>\n<html lang="{d.lang}" dir="{direction}">\n<head>\n'
        f'<meta charset="{charset}">\n<title>{e(d.title)} | {e(d.outlet)}</title>\n'
        f'<link rel="canonical" href="{url}">\n'
        f'<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{e(d.title)}">\n'
        f'<meta property="og:site_name" content="{e(d.outlet)}">\n'
        f'<meta property="article:published_time" content="{stamp}">\n'
        '<link rel="stylesheet" href="/static/main.css">\n'
        "<script>window.dataLayer=window.dataLayer||[];</script>\n</head>\n"
        f"<body>\n<header><nav><ul>{nav}</ul></nav></header>\n<main>\n<article>\n"
        f'<h1>{e(d.title)}</h1>\n<div class="body">\n{body}\n</div>\n</article>\n{sidebar}\n'
        f"</main>\n<footer><p>{foot}</p></footer>\n</body>\n</html>\n"
    )


def render_jsonl_line(d: Draft, pub: dt.date, rng: random.Random) -> str:
    tz = {"fa": "+03:30", "ar": "+03:00", "en": "Z"}[d.lang]
    obj = {
        "url": _url(d.lang, rng, pub),
        "title": d.title,
        "text": "\n\n".join(d.paragraphs),
        "published": f"{pub.isoformat()}T{rng.randint(8, 21):02d}:{rng.randint(0, 59):02d}:00{tz}",
        "source": d.outlet,
        "section": {"fa": "سیاسی", "ar": "سياسة", "en": "World"}[d.lang],
    }
    return json.dumps(obj, ensure_ascii=rng.random() < 0.2)


def cp1256_view(text: str) -> str:
    """What a windows-1256 site would have published: Arabic yeh for Farsi yeh, ASCII digits."""
    return text.replace("ی", "ي").translate(TO_ASCII_DIGITS)


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-8":
        return text.encode("utf-8")
    if encoding == "utf-8-sig":
        return text.encode("utf-8-sig")
    if encoding == "utf-16-le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if encoding == "utf-16-be":
        return b"\xfe\xff" + text.encode("utf-16-be")
    if encoding == "windows-1256":
        return text.encode("cp1256")
    raise ValueError(encoding)


def decode(data: bytes, encoding: str) -> str:
    """Inverse of :func:`encode` (the BOM is consumed)."""
    if encoding in ("utf-16-le", "utf-16-be"):
        return data.decode("utf-16")
    if encoding == "windows-1256":
        return data.decode("cp1256")
    return data.decode(encoding)


# --------------------------------------------------------------------------------------------
# Corrupt files
# --------------------------------------------------------------------------------------------

# windows-1256 bytes that decode to punctuation or symbols, never to Arabic letters
_CP1256_JUNK = bytes(
    [
        0x80,
        0x82,
        0x83,
        0x84,
        0x85,
        0x86,
        0x87,
        0x89,
        0x8B,
        0x8C,
        0x91,
        0x92,
        0x93,
        0x94,
        0x95,
        0x96,
        0x97,
        0x99,
        0x9B,
        0x9C,
        0x9D,
        0x9E,
        0xA6,
        0xA9,
        0xAE,
        0xB0,
        0xB1,
    ]
)
_CONTROLS = bytes([*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def _png(rng: random.Random) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    w, h = rng.randint(16, 64), rng.randint(16, 64)
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    raw = bytes(rng.getrandbits(8) for _ in range(w * 3 * 4))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def corrupt_bytes(kind: str, rng: random.Random) -> tuple[bytes, str, str]:
    """Returns (data, file extension, detail)."""
    if kind == "binary":
        sub = rng.choice(("random", "png", "gzip"))
        if sub == "png":
            return _png(rng), rng.choice((".txt", ".html")), "png"
        if sub == "gzip":
            payload = "".join(rng.choice(QUOTES_POS["ar"]) for _ in range(20)).encode()
            return gzip.compress(payload, mtime=0), ".txt", "gzip"
        n = rng.randint(512, 4096) | 1  # odd length: never valid UTF-16
        noise = bytearray(rng.getrandbits(8) for _ in range(n))
        noise[0], noise[1], noise[7] = 0x00, 0xFF, 0x00  # NULs, and no BOM / valid UTF-8 start
        return bytes(noise), ".txt", "random"
    if kind == "empty":
        sub = rng.choice(("zero", "spaces", "newlines", "bom"))
        data = {
            "zero": b"",
            "spaces": b" " * rng.randint(1, 40) + b"\n",
            "newlines": b"\r\n" * rng.randint(1, 12) + b"\t \n",
            "bom": b"\xef\xbb\xbf" + b"\n" * rng.randint(1, 5),
        }[sub]
        return data, rng.choice((".txt", ".txt", ".html")), sub
    if kind == "bad-encoding":
        n = rng.randint(400, 3000) | 1
        pool = _CP1256_JUNK * 3 + _CONTROLS + b"\xff\xfe\xc0\xc1" + b"  "
        junk = bytearray(rng.choice(pool) for _ in range(n))
        junk[0] = 0x81  # a continuation byte: invalid UTF-8 from the first byte, not a BOM
        junk[1] = 0xC0  # never valid in UTF-8
        for i in range(3, n - 1, 97):  # lone low surrogates in both byte orders
            junk[i : i + 2] = b"\xdc\x00" if (i // 97) % 2 else b"\x00\xdc"
        return bytes(junk), ".txt", "c1-controls"
    if kind == "truncated-html":
        lang = rng.choice(("fa", "ar", "en"))
        o = html.escape(rng.choice(OUTLETS[lang]))
        head = (
            f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta property="og:site_name" content="{o}">\n'
            '<link rel="stylesheet" href="/static/css/main.css">\n'
            "<script>\n  window.dataLayer = window.dataLayer || [];\n"
            "  function gtag(){dataLayer.push(arguments);}\n  gtag('js', new Date());\n"
            "  gtag('config', 'G-XXXXXXX');\n</script>\n"
            '<link rel="preload" as="font" href="/static/fonts/vazir.woff2" crossorigin>\n'
        )
        cut = rng.randint(len(head) // 3, len(head) - 1)
        return head[:cut].encode("utf-8"), ".html", f"cut@{cut}"
    raise ValueError(kind)


# --------------------------------------------------------------------------------------------
# Manifest and driver
# --------------------------------------------------------------------------------------------


@dataclass
class ArticleTruth:
    lang: str
    published: str | None
    published_basis: str  # header | metadata | text | none
    title: str | None


@dataclass
class FileEntry:
    path: str  # relative to the corpus root, POSIX separators
    status: str  # good | corrupt
    kind: str  # format for good files (text/seed/html/jsonl); corruption kind otherwise
    encoding: str | None
    bytes: int
    sha256: str | None = None  # of the intended decoded text (good files)
    detail: str | None = None
    articles: list[ArticleTruth] = field(default_factory=list)


@dataclass
class Manifest:
    seed: int
    n: int
    corrupt_rate: float
    good_articles: int
    corrupt_files: int
    files: list[FileEntry]
    version: int = MANIFEST_VERSION

    def to_json(self) -> dict[str, Any]:
        out = {k: v for k, v in vars(self).items() if k != "files"}
        out["files"] = [{**vars(f), "articles": [vars(a) for a in f.articles]} for f in self.files]
        return out

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Manifest:
        raw = json.loads(path.read_text(encoding="utf-8"))
        files = [
            FileEntry(**{**f, "articles": [ArticleTruth(**a) for a in f["articles"]]})
            for f in raw.pop("files")
        ]
        return cls(files=files, **raw)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.files:
            key = f"{f.status}:{f.kind}"
            out[key] = out.get(key, 0) + (len(f.articles) if f.status == "good" else 1)
        return dict(sorted(out.items()))


def _pick(rng: random.Random, weights: Sequence[tuple[str, float]]) -> str:
    r = rng.random() * sum(w for _, w in weights)
    for name, w in weights:
        r -= w
        if r < 0:
            return name
    return weights[-1][0]


_FORMAT_WEIGHTS = (("text", 0.41), ("seed", 0.31), ("html", 0.24), ("jsonl", 0.04))
_LANG_WEIGHTS = (("fa", 0.4), ("ar", 0.35), ("en", 0.25))


def _good_file(rng: random.Random, fmt: str, k: int) -> tuple[bytes, str, FileEntry]:
    """One good file holding ``k`` articles (k > 1 only for JSONL)."""
    articles: list[ArticleTruth] = []
    span = (PUB_END - PUB_START).days

    lang = _pick(rng, _LANG_WEIGHTS)
    strip = lang == "fa" and rng.random() < 0.35  # crawler lost the ZWNJs

    def one(lang: str, explicit: bool = True) -> tuple[Draft, dt.date]:
        pub = PUB_START + dt.timedelta(days=rng.randint(0, span))
        d = draft_article(rng, lang, pub, rng.randint(1900, 5600), explicit)
        d.title = _finish(d.title, lang, strip)
        d.kicker = _finish(d.kicker, lang, strip) if d.kicker else None
        d.paragraphs = [_finish(x, lang, strip) for x in d.paragraphs]
        return d, pub

    if fmt == "jsonl":
        lines = []
        for _ in range(k):
            lang_i = _pick(rng, _LANG_WEIGHTS)
            d, pub = one(lang_i)
            lines.append(render_jsonl_line(d, pub, rng))
            articles.append(ArticleTruth(lang_i, pub.isoformat(), "metadata", d.title))
        text, encoding, ext = "".join(x + "\n" for x in lines), "utf-8", ".jsonl"
    else:
        dated = fmt != "text" or rng.random() < 0.85
        d, pub = one(lang, explicit=dated)
        if fmt == "html":
            encoding = "windows-1256" if lang != "en" and rng.random() < 0.1 else "utf-8"
            text = render_html(d, pub, rng, encoding)
            truth = ArticleTruth(lang, pub.isoformat(), "metadata", d.title)
            ext = ".html"
        elif fmt == "seed":
            text, has_title = render_seed(d, pub, rng)
            truth = ArticleTruth(lang, pub.isoformat(), "header", d.title if has_title else None)
            ext = ".txt"
        else:
            text = render_text(d, pub, dated, rng)
            truth = ArticleTruth(
                lang,
                pub.isoformat() if dated else None,
                "text" if dated else "none",
                d.title,
            )
            ext = ".txt"
        if fmt != "html":
            r = rng.random()
            if lang != "en" and r < 0.08:
                encoding = "windows-1256"
            elif r < 0.14:
                encoding = "utf-16-le" if rng.random() < 0.8 else "utf-16-be"
            elif r < 0.21:
                encoding = "utf-8-sig"
            else:
                encoding = "utf-8"
            if rng.random() < 0.08:
                text = text.replace("\n", "\r\n")
        text = _finish(text, lang, strip)
        articles.append(truth)
    if encoding == "windows-1256":
        text = cp1256_view(text)
        for a in articles:
            a.title = cp1256_view(a.title) if a.title else None
        try:
            data = encode(text, encoding)
        except UnicodeEncodeError:
            encoding = "utf-8"
            data = encode(text, encoding)
            if fmt == "html":
                data = data.replace(b'charset="windows-1256"', b'charset="utf-8"')
                text = data.decode("utf-8")
    else:
        data = encode(text, encoding)
    entry = FileEntry(
        path="",
        status="good",
        kind=fmt,
        encoding=encoding,
        bytes=len(data),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        articles=articles,
    )
    return data, ext, entry


def _plan(rng: random.Random, n: int, corrupt: float) -> list[tuple[str, int]]:
    """File plan: ("text"|"seed"|"html"|"jsonl", articles) or ("corrupt:<kind>", 1)."""
    n_corrupt = round(n * corrupt)
    n_good = n - n_corrupt
    plan: list[tuple[str, int]] = []
    left = n_good
    while left > 0:
        fmt = _pick(rng, _FORMAT_WEIGHTS)
        k = min(left, rng.randint(1, 5)) if fmt == "jsonl" else 1
        plan.append((fmt, k))
        left -= k
    kinds = [CORRUPT_KINDS[i % len(CORRUPT_KINDS)] for i in range(n_corrupt)]
    rng.shuffle(kinds)
    for kind in kinds:
        plan.insert(rng.randint(0, len(plan)), (f"corrupt:{kind}", 1))
    return plan


def generate(out_dir: Path, n: int, corrupt: float, seed: int, *, force: bool = False) -> Manifest:
    """Write the corpus into ``out_dir`` and return its manifest (also saved as manifest.json).

    Raises FileExistsError when ``out_dir`` already holds a corpus, unless ``force`` is set, in
    which case the old ``shard_*`` directories and manifest are removed first.
    """
    if n < 0 or not 0.0 <= corrupt <= 1.0:
        raise ValueError("n must be >= 0 and corrupt within [0, 1]")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    old = [p for p in out_dir.iterdir() if re.fullmatch(r"shard_\d{3,}", p.name) and p.is_dir()]
    if old or (out_dir / MANIFEST_NAME).exists():
        if not force:
            raise FileExistsError(f"{out_dir} already holds a corpus (use force=True)")
        for p in old:
            shutil.rmtree(p)
        (out_dir / MANIFEST_NAME).unlink(missing_ok=True)

    plan = _plan(random.Random(seed), n, corrupt)
    files: list[FileEntry] = []
    made_dirs: set[int] = set()
    for i, (what, k) in enumerate(plan):
        rng = random.Random(seed * 1_000_003 + i)
        if what.startswith("corrupt:"):
            kind = what.split(":", 1)[1]
            data, ext, detail = corrupt_bytes(kind, rng)
            entry = FileEntry("", "corrupt", kind, None, len(data), detail=detail)
        else:
            data, ext, entry = _good_file(rng, what, k)
        shard = i // SHARD_SIZE
        if shard not in made_dirs:
            (out_dir / f"shard_{shard:03d}").mkdir()
            made_dirs.add(shard)
        rel = f"shard_{shard:03d}/{i:06d}_{rng.getrandbits(32):08x}{ext}"
        (out_dir / rel).write_bytes(data)
        entry.path = rel
        files.append(entry)
    good = sum(len(f.articles) for f in files if f.status == "good")
    manifest = Manifest(
        seed=seed,
        n=n,
        corrupt_rate=corrupt,
        good_articles=good,
        corrupt_files=sum(1 for f in files if f.status == "corrupt"),
        files=files,
    )
    manifest.write(out_dir / MANIFEST_NAME)
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--n", type=int, default=10_000, help="articles (JSON lines count singly)")
    ap.add_argument("--corrupt", type=float, default=0.01, help="share of corrupt inputs")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--force", action="store_true", help="replace a corpus already in OUT_DIR")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    try:
        m = generate(args.out_dir, args.n, args.corrupt, args.seed, force=args.force)
    except (FileExistsError, ValueError) as exc:
        print(f"corpus: {exc}", file=sys.stderr)
        return 2
    secs = time.perf_counter() - t0
    size = sum(f.bytes for f in m.files)
    print(
        f"wrote {len(m.files)} files ({m.good_articles} good articles, {m.corrupt_files} corrupt"
        f" files, {size / 1e6:.1f} MB) to {args.out_dir} in {secs:.2f} s"
    )
    for key, count in m.counts().items():
        print(f"  {key:<24} {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
