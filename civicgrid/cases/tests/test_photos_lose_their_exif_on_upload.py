"""A photo's EXIF — the GPS position where it was taken, the phone's make and model, the time — never
reaches storage: JPEG, PNG and WebP are saved again without it, with the orientation the phone recorded
turned into the pixels, so the photo still stands upright."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from civicgrid.cases.intake import file_case
from civicgrid.testing import factories

MAKE, MODEL, ORIENTATION, GPS = 0x010F, 0x0110, 0x0112, 0x8825


def phone_exif(orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[MAKE], exif[MODEL], exif[ORIENTATION] = "Apple", "iPhone 15", orientation
    exif[GPS] = {1: "N", 2: (38.0, 17.0, 24.0), 3: "E", 4: (109.0, 42.0, 36.0)}
    return exif.tobytes()


def photo(kind: str, exif: bytes) -> SimpleUploadedFile:
    found = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 30, 30)).save(found, kind, exif=exif)
    return SimpleUploadedFile(f"现场.{kind.lower()}", found.getvalue())


@pytest.fixture(autouse=True)
def _city_and_media(yulin, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def stored(street_litter, upload) -> Image.Image:
    case = file_case(factories.report(street_litter, files=[upload]))
    with case.attachments.get().file.open("rb") as saved:
        image = Image.open(io.BytesIO(saved.read()))
        image.load()
    return image


def test_a_jpeg_from_a_phone_keeps_no_position_or_device(street_litter):
    upload = factories.jpeg("现场.jpg", exif=phone_exif())
    assert Image.open(upload).getexif().get_ifd(GPS)  # the test's photo does carry a position
    image = stored(street_litter, factories.jpeg("现场.jpg", exif=phone_exif()))
    assert dict(image.getexif()) == {}
    assert "exif" not in image.info and "xmp" not in image.info


@pytest.mark.parametrize("kind", ["PNG", "WEBP"])
def test_png_and_webp_lose_their_exif_too(street_litter, kind):
    image = stored(street_litter, photo(kind, phone_exif()))
    assert image.format == kind and dict(image.getexif()) == {}


def test_the_orientation_is_applied_to_the_pixels(street_litter):
    """Orientation 6 is a phone held upright: the 40×20 sensor image is shown 20×40."""
    image = stored(street_litter, photo("JPEG", phone_exif(orientation=6)))
    assert image.size == (20, 40) and ORIENTATION not in image.getexif()


def test_the_stored_size_is_that_of_the_cleaned_photo(street_litter):
    case = file_case(factories.report(street_litter, files=[factories.jpeg("现场.jpg", size=50_000)]))
    attachment = case.attachments.get()
    assert attachment.size == attachment.file.size < 50_000
