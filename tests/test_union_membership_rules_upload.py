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
