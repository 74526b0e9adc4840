"""Plain tests of union_membership/rules/upload.py (no Odoo): zip bombs refused from the directory."""
import io
import zipfile

from rule_loader import load_rule

upload = load_rule("union_membership", "upload")
MB = upload.MB


def _zip(entries):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries:
            archive.writestr(name, content)
    return out.getvalue()


def test_plain_small_file_passes():
    assert upload.check_upload(b"hello") is None
    assert upload.check_upload(_zip([("a.xml", b"<a/>" * 100)])) is None


def test_too_large_upload():
    problem = upload.check_upload(b"x" * (2 * MB), upload.UploadLimits(max_bytes=MB))
    assert problem.kind == "size"


def test_zip_bomb_ratio_refused_without_unpacking():
    bomb = _zip([("xl/sharedStrings.xml", b"0" * (50 * MB))])
    assert len(bomb) < MB
    problem = upload.check_upload(bomb)
    assert problem.kind == "ratio"


def test_unpacked_size_refused():
    limits = upload.UploadLimits(max_unpacked_bytes=2 * MB, max_ratio=10_000)
    problem = upload.check_upload(_zip([("a", b"0" * (3 * MB))]), limits)
    assert problem.kind == "unpacked"


def test_too_many_entries():
    data = _zip([(f"f{i}", b"") for i in range(30)])
    assert upload.check_upload(data, upload.UploadLimits(max_entries=20)).kind == "entries"


def test_broken_zip():
    assert upload.check_upload(b"PK\x03\x04garbage").kind == "broken"


# --- photos sent through a form ---------------------------------------------------------------

def _png(width=4, height=3, fmt="PNG"):
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, format=fmt)
    return out.getvalue()


def _png_declaring(width, height):
    """A small PNG whose header claims width x height (the pixels are never there)."""
    import struct
    import zlib

    data = bytearray(_png())
    ihdr = bytes(data[12:16]) + struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(ihdr) & 0xFFFFFFFF)
    return bytes(data)


def test_raster_photos_pass():
    for fmt in ("PNG", "JPEG", "GIF"):
        assert upload.check_photo(_png(fmt=fmt)) is None, fmt


def test_photo_that_is_no_image_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    for data in (b"", b"hello", svg, b"<html><script>alert(1)</script></html>", b"%PDF-1.4\n", _png()[:40]):
        problem = upload.check_photo(data)
        assert problem is not None and problem.kind == "image", data[:20]


def test_photo_too_large_in_bytes():
    problem = upload.check_photo(_png(), max_bytes=10)
    assert problem.kind == "size"


def test_photo_too_many_pixels_refused_from_its_header():
    problem = upload.check_photo(_png_declaring(10_000, 10_000))
    assert problem.kind == "pixels" and problem.value == 100_000_000
    # beyond PIL's own bomb limit too: refused, never decoded
    assert upload.check_photo(_png_declaring(30_000, 30_000)).kind == "pixels"
