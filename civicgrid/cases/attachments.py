"""Photos and files on a case: checked by their content (not their name) and size, stored via Django's storage API.

The type is read from the file's first bytes with ``filetype``, so a renamed executable is refused
whatever its extension says. Every refusal names the limit.
"""

import filetype
from django.conf import settings
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Attachment

ALLOWED_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf", "video/mp4"})
ALLOWED_LABEL = "JPEG、PNG、WebP、HEIC、PDF、MP4"


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
    if content_type(upload) not in ALLOWED_TYPES:
        return _("文件“%(name)s”的类型不允许上传，只接受 %(types)s。") % {"name": upload.name, "types": ALLOWED_LABEL}
    return None


def content_type(upload) -> str | None:
    upload.seek(0)
    kind = filetype.guess(upload.read(8192))
    upload.seek(0)
    return kind.mime if kind else None


def store(case, event, files, user=None) -> list[Attachment]:
    """Save checked files; callers run ``check`` first and inside the transition's transaction. A file is
    dated with its step (a batch writes steps taken earlier)."""
    stored = []
    for upload in files:
        attachment = Attachment(case=case, event=event, name=upload.name[:200], content_type=content_type(upload),
                                size=upload.size, uploaded_by=user if getattr(user, "pk", None) else None,
                                created_at=event.created_at if event else timezone.now())
        attachment.file.save(upload.name, upload, save=False)
        attachment.save()
        stored.append(attachment)
    return stored


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
