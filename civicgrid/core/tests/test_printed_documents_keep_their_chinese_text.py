"""A printed document (``core.pdf``) embeds its Chinese font: the text can be extracted again as written."""

from io import BytesIO

from django.template import engines
from pypdf import PdfReader

from civicgrid.core import pdf

PAGE = ('{% extends "core/print_base.html" %}{% block body %}<h1>人民调解协议书</h1>'
        "<p>{{ words }}</p>{% endblock %}")


def test_a_printed_page_reads_back_in_chinese():
    html = engines["django"].from_string(PAGE).render({"words": "双方自愿达成如下协议"})
    document = PdfReader(BytesIO(pdf.document(html)))
    text = "".join(p.extract_text() for p in document.pages).replace(" ", "")
    assert "人民调解协议书" in text and "双方自愿达成如下协议" in text
    fonts = [font.get_object() for p in document.pages for font in p["/Resources"]["/Font"].values()]
    assert fonts and all(_embedded(font) for font in fonts)


def _embedded(font) -> bool:
    """Whether the font's program travels in the file (a subset, named with a ``ABCDEF+`` prefix)."""
    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
    return "+" in str(font["/BaseFont"]) and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
