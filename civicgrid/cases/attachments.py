"""Photos and files on a case: checked by their content (not their name) and size, cleaned, and stored via
Django's storage API.

The type is read from the file's first bytes with ``filetype``, so a renamed executable is refused
whatever its extension says. A photo (JPEG, PNG, WebP) is opened with Pillow, which names its type, and
saved again without its metadata: no position (GPS), device or time of the EXIF leaves the uploader's
phone, and its orientation is applied to the pixels instead. A file is stored, and named, by the type its
content has (``x.html`` holding a PNG is ``x.png``, served as ``image/png``). Every refusal names the limit.

A file stored inside a transaction that rolls back is removed again (``core.files``).
"""

import io
from pathlib import Path

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from civicgrid.core import files as stored_files

from .models import Attachment
from .models.records import EXTENSIONS

# Pillow's format → the type a photo is stored and served as.
IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
ALLOWED_TYPES = frozenset({*IMAGE_FORMATS.values(), "application/pdf", "video/mp4"})
ALLOWED_LABEL = "JPEG、PNG、WebP、PDF、MP4"
JPEG_QUALITY = 90
# A photo is decoded to be cleaned: more pixels than a 48-megapixel phone camera is no photo but a trap.
MAX_PIXELS = 50_000_000
SAVE_OPTIONS = {"JPEG": {"quality": JPEG_QUALITY}, "PNG": {}, "WEBP": {"quality": JPEG_QUALITY}}


def max_size() -> int:
    return settings.CIVICGRID_UPLOAD_MAX_MB * 1024 * 1024


def max_files() -> int:
    return settings.CIVICGRID_UPLOAD_MAX_FILES


def check(files) -> dict[str, str]:
    """{file name: message} for every file refused, empty when all may be stored; reads only the head."""
    errors = {}
    if len(files) > max_files():
        errors["*"] = _("一次最多上传 %(n)d 个文件，本次有 %(got)d 个。") % {"n": max_files(), "got": len(files)}
    for upload in files:
        problem = _problem(upload)
        if problem:
            errors[upload.name] = problem
    return errors


def _problem(upload) -> str | None:
    if upload.size > max_size():
        return _("文件“%(name)s”大小为 %(size)s，超过了 %(limit)s 的上限。") % {
            "name": upload.name, "size": filesizeformat(upload.size), "limit": f"{settings.CIVICGRID_UPLOAD_MAX_MB} MB"}
    if upload.size == 0:
        return _("文件“%(name)s”是空文件。") % {"name": upload.name}
    kind = content_type(upload)
    if kind not in ALLOWED_TYPES:
        return _("文件“%(name)s”的类型不允许上传，只接受 %(types)s。") % {"name": upload.name, "types": ALLOWED_LABEL}
    if kind in IMAGE_FORMATS.values() and cleaned(upload) is None:
        return _("文件“%(name)s”不是完整有效的图片，请重新拍照或另选一张。") % {"name": upload.name}
    return None


def content_type(upload) -> str | None:
    """The type by the first bytes; a photo's by what Pillow reads in it (``cleaned``)."""
    upload.seek(0)
    kind = filetype.guess(upload.read(8192))
    upload.seek(0)
    mime = kind.mime if kind else None
    if mime in IMAGE_FORMATS.values():
        found = cleaned(upload)
        return found[1] if found else mime
    return mime


def cleaned(upload) -> tuple[bytes, str] | None:
    """The photo saved again without its metadata, with its orientation applied, and its type; None when
    Pillow cannot read it as a JPEG, PNG or WebP. Worked out once per upload."""
    if not hasattr(upload, "_civicgrid_cleaned"):
        upload._civicgrid_cleaned = _clean(upload)
    return upload._civicgrid_cleaned


def _clean(upload) -> tuple[bytes, str] | None:
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            if image.format not in IMAGE_FORMATS or image.width * image.height > MAX_PIXELS:
                return None
            found, kind = io.BytesIO(), image.format
            upright = ImageOps.exif_transpose(image)
            # Only what the pixels need: no exif, xmp or text chunks; the colour profile stays.
            upright.save(found, format=kind, icc_profile=image.info.get("icc_profile"), **SAVE_OPTIONS[kind])
    except Exception:  # noqa: BLE001  (a crafted file can fail Pillow's parsers in many ways: each is "not a photo")
        return None
    finally:
        upload.seek(0)
    return found.getvalue(), IMAGE_FORMATS[kind]


def renamed(name: str, kind: str) -> str:
    """The uploaded name with the extension of its content's type: ``x.html`` holding a PNG is ``x.png``."""
    stem = Path(name).stem[:190] or "file"
    return f"{stem}.{EXTENSIONS.get(kind, 'bin')}"


def store(case, event, files, user=None) -> list[Attachment]:
    """Save checked files; callers run ``check`` first and inside the transition's transaction. A file is
    dated with its step (a batch writes steps taken earlier)."""
    return [_store_one(case, event, upload, user) for upload in files]


def _store_one(case, event, upload, user) -> Attachment:
    kind = content_type(upload)
    photo = cleaned(upload) if kind in IMAGE_FORMATS.values() else None
    content = ContentFile(photo[0]) if photo else upload
    attachment = Attachment(case=case, event=event, name=renamed(upload.name, kind), content_type=kind,
                            size=content.size, uploaded_by=user if getattr(user, "pk", None) else None,
                            created_at=event.created_at if event else timezone.now())
    attachment.file.save(attachment.name, content, save=False)
    stored_files.written(attachment.file.storage, attachment.file.name)
    attachment.save()
    return attachment


def response(attachment: Attachment) -> FileResponse:
    """Serve a stored file to someone the caller has already let see it; a file lost from storage is a 404.

    Images open in the page; anything else downloads rather than render in our origin."""
    try:
        stream = attachment.file.open("rb")
    except OSError:
        raise Http404 from None
    served = FileResponse(stream, content_type=attachment.content_type, as_attachment=not attachment.is_image,
                          filename=attachment.name)
    served["Cache-Control"] = "private, max-age=3600"
    return served
