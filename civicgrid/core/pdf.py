"""Printable documents (调解协议书, 季通报, periodic reports) as PDF, from a Django template.

WeasyPrint lays out the HTML with the machine's fonts through fontconfig and embeds the subset of each
font it uses, so the Chinese text prints anywhere and can be copied or searched. The page styles ask for
Noto Serif/Sans CJK SC (Debian's ``fonts-noto-cjk``); ``fonts_missing`` lets a start-up check say so when no
Chinese font is installed, instead of printing empty boxes.
"""

import shutil
import subprocess

from django.template.loader import render_to_string

CJK_FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "WenQuanYi Zen Hei")


def render(template: str, context: dict, request=None) -> bytes:
    """The PDF of ``template`` rendered with ``context``."""
    return document(render_to_string(template, context, request=request))


def document(html: str) -> bytes:
    """The PDF of a page of HTML."""
    from weasyprint import HTML  # imported on use: it loads Pango, which pages that never print do not need

    return HTML(string=html).write_pdf()


def fonts_missing() -> bool:
    """Whether fontconfig knows none of the Chinese families the print styles name."""
    if shutil.which("fc-list") is None:
        return True
    listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False).stdout
    return not any(family in listed for family in CJK_FAMILIES)
