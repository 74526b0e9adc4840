"""The one QR drawer of the suite: the member card, the training check-in codes, the VietQR
dues codes of the portal and of the arrears reminders.

Drawn with the ``qrcode`` library (Pillow): ``ir.actions.report.barcode()`` needs a reportlab
raster backend that is often missing.
"""
import base64
import io

import qrcode


def qr_png(data, box_size=4, border=2):
    """PNG bytes of the QR code of ``data`` (error correction M, black on white)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=box_size, border=border)
    code.add_data(data)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    return buffer.getvalue()


def qr_data_url(data, box_size=4, border=2):
    """The same QR code as a PNG data URL, for an ``<img src>`` of a page or an e-mail."""
    return "data:image/png;base64," + base64.b64encode(qr_png(data, box_size, border)).decode()
