"""The one check of every upload of the suite: portal forms, the mail gateway, every import
wizard and attachment indexing call ``check_upload`` before any parser opens the file.

Limits are settings (System Parameters), defaulting to 10 MB uploaded, 100 MB unpacked,
10,000 entries and a 100:1 ratio.
"""
from odoo.exceptions import UserError

from ..rules.upload import MB, UploadLimits, UploadProblem
from ..rules.upload import check_photo as _check_photo
from ..rules.upload import check_upload as _check

PARAMS = {
    "max_bytes": ("union_membership.upload_max_mb", 10, MB),
    "max_unpacked_bytes": ("union_membership.upload_max_unpacked_mb", 100, MB),
    "max_entries": ("union_membership.upload_max_entries", 10_000, 1),
    "max_ratio": ("union_membership.upload_max_ratio", 100, 1),
}


def upload_limits(env):
    """The limits in force (System Parameters, or the defaults)."""
    # sudo: the limits are settings every user's upload is checked against
    get = env["ir.config_parameter"].sudo().get_param
    values = {}
    for field, (key, default, unit) in PARAMS.items():
        try:
            values[field] = int(float(get(key) or default) * unit)
        except ValueError:
            values[field] = int(default * unit)
    return UploadLimits(**values)


def upload_problem_message(env, problem, filename=None):
    """The Vietnamese (translated) sentence that says why the file is refused."""
    name = filename or env._("the file")
    if problem.kind == "size":
        return env._("%(name)s is too large: %(size)s MB (at most %(max)s MB).",
                     name=name, size=round(problem.value / MB, 1), max=round(problem.limit / MB, 1))
    if problem.kind == "unpacked":
        return env._("%(name)s unpacks to %(size)s MB (at most %(max)s MB): it cannot be read.",
                     name=name, size=round(problem.value / MB, 1), max=round(problem.limit / MB, 1))
    if problem.kind == "entries":
        return env._("%(name)s holds %(count)s files inside (at most %(max)s): it cannot be read.",
                     name=name, count=int(problem.value), max=int(problem.limit))
    if problem.kind == "ratio":
        return env._("%(name)s unpacks to %(ratio)s times its size (at most %(max)s times): "
                     "it cannot be read.", name=name, ratio=int(problem.value), max=int(problem.limit))
    if problem.kind == "image":
        return env._("%(name)s is not a photo: send a JPEG, PNG, GIF or WEBP image.", name=name)
    if problem.kind == "pixels":
        return env._("%(name)s is too large an image: %(pixels)s megapixels (at most %(max)s).",
                     name=name, pixels=round(problem.value / 1e6, 1), max=round(problem.limit / 1e6))
    return env._("%(name)s is a damaged archive and cannot be read.", name=name)


def check_upload(env, data, filename=None):
    """Refuse ``data`` (bytes) with a clear error when it breaks a limit; return it otherwise."""
    problem = _check(data, upload_limits(env))
    if problem:
        raise UserError(upload_problem_message(env, problem, filename))
    return data


def read_upload(env, upload, max_bytes=None):
    """The bytes of ``upload`` (a form's file: werkzeug's FileStorage), never more than the limit
    read into memory: a file past it is refused with the check's message, its real size taken
    from the stream when it can be."""
    limit = max_bytes or upload_limits(env).max_bytes
    data = upload.read(limit + 1)
    if len(data) > limit:
        size = _stream_size(upload) or len(data)
        raise UserError(upload_problem_message(env, UploadProblem("size", size, limit), upload.filename))
    return check_upload(env, data, upload.filename)


def _stream_size(upload):
    """The whole size of a form's file, from its stream (werkzeug keeps it in a temporary file),
    or 0 when the stream cannot tell."""
    stream = getattr(upload, "stream", None)
    if stream is None or not hasattr(stream, "seekable") or not stream.seekable():
        return 0
    stream.seek(0, 2)
    return stream.tell()


def upload_is_within_limits(env, data):
    """True when ``data`` breaks no limit (for paths that skip the file instead of refusing)."""
    return _check(data, upload_limits(env)) is None


def photo_problem(env, data, filename=None):
    """The Vietnamese sentence saying why ``data`` is no acceptable photo, or None (a form shows
    it next to its photo field instead of raising)."""
    problem = _check_photo(data)
    return upload_problem_message(env, problem, (filename or "")[:80] or env._("The photo sent")) if problem else None
