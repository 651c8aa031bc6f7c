"""Sample texts and feed builders for the reader tests (written for these tests)."""

from __future__ import annotations

# Realistic news sentences written for these tests.
FA = (
    "علی‌اکبر ولایتی، مشاور رهبر انقلاب اسلامی در امور بین‌الملل، روز سه‌شنبه در تماس تلفنی "
    "با نوری مالکی، نخست‌وزیر پیشین عراق، درباره تحولات منطقه‌ای و روابط تهران و بغداد "
    "گفت‌وگو کرد.\nوی گفت: «حضور گسترده مردم در انتخابات، جایگاه عراق را تقویت کرده است.»"
)
# Persian as archives in windows-1256 write it: Arabic yeh (windows-1256 has no Persian yeh)
FA_CP1256 = FA.replace("ی", "ي")
AR = (
    "أكد رئيس الوزراء العراقي محمد شياع السوداني، خلال استقباله وزير الخارجية الإيراني في "
    "بغداد، أن العلاقات بين البلدين «تاريخية»، مبيّنًا أن الحكومة يقدّر دعم طهران.\n"
    "وقال مصدر مطلع إن الزيارة تستمر يومين."
)
EN = (
    "Iraqi Prime Minister Mohammed Shia al-Sudani received Iran’s foreign minister in Baghdad "
    "on Tuesday, officials said.\nThe two sides discussed “regional developments” and trade."
)


def rss(title: str, items: list[tuple[str, str, str, str]]) -> bytes:
    """An RSS 2.0 feed; items are (guid, title, html description, pubDate)."""
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0"><channel>',
        f"<title>{title}</title><link>https://example.ir/</link><language>fa</language>",
    ]
    for guid, item_title, description, date in items:
        parts.append(
            f"<item><title>{item_title}</title><link>https://example.ir/news/{guid}</link>"
            f'<guid isPermaLink="false">{guid}</guid><pubDate>{date}</pubDate>'
            f"<description><![CDATA[{description}]]></description></item>"
        )
    parts.append("</channel></rss>")
    return "\n".join(parts).encode("utf-8")


def atom(title: str, entries: list[tuple[str, str, str, str]]) -> bytes:
    """An Atom feed; entries are (id, title, html content, published)."""
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{title}</title><id>urn:feed:ar</id><updated>2024-09-19T10:00:00Z</updated>",
    ]
    for entry_id, entry_title, content, date in entries:
        parts.append(
            f"<entry><id>{entry_id}</id><title>{entry_title}</title>"
            f'<link href="https://example.iq/{entry_id.rsplit(":", 1)[-1]}"/>'
            f"<published>{date}</published><updated>{date}</updated>"
            f'<content type="html"><![CDATA[{content}]]></content></entry>'
        )
    parts.append("</feed>")
    return "\n".join(parts).encode("utf-8")


FA_PARAGRAPHS = [
    "علی‌اکبر ولایتی، مشاور رهبر انقلاب اسلامی در امور بین‌الملل، روز سه‌شنبه در تماس تلفنی با "
    "نوری مالکی، نخست‌وزیر پیشین عراق، درباره تحولات منطقه‌ای و بین‌المللی گفت‌وگو کرد.",
    "در این گفت‌وگو، ولایتی انتخابات اخیر پارلمانی عراق را به ملت بزرگ این کشور تبریک گفت و "
    "مشارکت گسترده مردم را ستود و افزود که این پیروزی جایگاه عراق را در منطقه تقویت کرده است.",
    "مالکی نیز با قدردانی از مواضع جمهوری اسلامی ایران، بر ضرورت گسترش همکاری‌های دو کشور در "
    "زمینه‌های سیاسی، اقتصادی و امنیتی تأکید کرد و گفت بغداد دوستی با تهران را ارج می‌نهد.",
]
FA_TITLE = "گفت‌وگوی تلفنی ولایتی با نوری مالکی درباره تحولات منطقه‌ای"


def html_page(
    *,
    head: str = "",
    title_tag: str | None = FA_TITLE,
    h1: str | None = FA_TITLE,
    paragraphs: list[str] | None = None,
    extra_body: str = "",
    lang: str = "fa",
) -> str:
    """A news page with navigation, a table and a footer holding an unrelated year."""
    paras = FA_PARAGRAPHS if paragraphs is None else paragraphs
    title_html = f"<title>{title_tag}</title>" if title_tag is not None else ""
    h1_html = f"<h1>{h1}</h1>" if h1 is not None else ""
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="rtl"><head><meta charset="utf-8">'
        f"{title_html}{head}</head>\n<body>\n"
        '<nav><ul><li><a href="/">صفحه اصلی</a></li><li><a href="/iran">ایران</a></li></ul></nav>\n'
        f"<main><article>{h1_html}\n{body}\n"
        "<table><tr><td>جدول‌آمار</td><td>۱۲۳</td></tr></table>\n"
        f"{extra_body}</article></main>\n"
        "<footer><p>© 2019 کلیه حقوق این سایت محفوظ است.</p></footer>\n"
        "</body></html>\n"
    )
