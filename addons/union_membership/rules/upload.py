"""Limits of an uploaded file, read from a zip archive's directory before any parser opens it.

XLSX, DOCX, ODS... are zip archives: a file of 0.5 MB can unpack to 500 MB (a "zip bomb").
The central directory lists every entry with its packed and unpacked sizes, so the limits
are checked there without unpacking anything. Plain Python: no Odoo import.
"""
import io
import warnings
import zipfile
from dataclasses import dataclass

from PIL import Image

MB = 1024 * 1024


@dataclass(frozen=True)
class UploadLimits:
    max_bytes: int = 10 * MB
    max_unpacked_bytes: int = 100 * MB
    max_entries: int = 10_000
    max_ratio: int = 100


@dataclass(frozen=True)
class UploadProblem:
    """Why an upload is refused: ``kind`` names the limit, ``value`` what the file has."""
    kind: str  # "size", "unpacked", "entries", "ratio", "broken"; photos: "image", "pixels"
    value: float
    limit: float


DEFAULT_LIMITS = UploadLimits()

# A photo sent through a public or portal form: a raster image only (an SVG or HTML page sent as
# "image/svg+xml" would pass Odoo's image field untouched), of at most 5 MB and 50 megapixels
# (Odoo's own IMAGE_MAX_RESOLUTION: beyond it the image field refuses to resize it).
PHOTO_FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
MAX_PHOTO_BYTES = 5 * MB
MAX_PHOTO_PIXELS = 50_000_000


def check_upload(data, limits=DEFAULT_LIMITS):
    """Return the first limit ``data`` (bytes) breaks, or None when it is within all of them.

    Only a zip archive is looked into; any other content is checked for its size alone.
    A zip whose directory cannot be read is ``broken``.
    """
    size = len(data or b"")
    if size > limits.max_bytes:
        return UploadProblem("size", size, limits.max_bytes)
    if not data or not data.startswith(b"PK"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        return UploadProblem("broken", size, 0)
    if len(entries) > limits.max_entries:
        return UploadProblem("entries", len(entries), limits.max_entries)
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > limits.max_unpacked_bytes:
        return UploadProblem("unpacked", unpacked, limits.max_unpacked_bytes)
    packed = sum(entry.compress_size for entry in entries)
    # a small archive (< 1 MB unpacked) is never a bomb, whatever its ratio
    if unpacked > MB and unpacked > limits.max_ratio * max(packed, 1):
        return UploadProblem("ratio", unpacked / max(packed, 1), limits.max_ratio)
    return None


def check_photo(data, max_bytes=MAX_PHOTO_BYTES, max_pixels=MAX_PHOTO_PIXELS):
    """Return why ``data`` (bytes) is no acceptable photo, or None.

    The format and the size in pixels are read from the image's header; the pixels are never
    decoded here (a small file can declare a huge image: a "decompression bomb").
    """
    size = len(data or b"")
    if size > max_bytes:
        return UploadProblem("size", size, max_bytes)
    if not size:
        return UploadProblem("image", 0, 0)
    try:
        with warnings.catch_warnings():
            # PIL warns of a possible bomb past 89 megapixels: refused below, past 50
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
        with image:
            width, height = image.size
            if (image.format or "").upper() not in PHOTO_FORMATS:
                return UploadProblem("image", size, 0)
            if width * height > max_pixels:
                return UploadProblem("pixels", width * height, max_pixels)
            image.verify()
    except Image.DecompressionBombError:
        return UploadProblem("pixels", max_pixels * 2, max_pixels)
    except Exception:  # noqa: BLE001 - PIL raises many kinds for a file that is no image
        return UploadProblem("image", size, 0)
    return None
