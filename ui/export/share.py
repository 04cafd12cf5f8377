"""The link of the current view and its QR code: pure functions, no Streamlit.

The app's address comes from the browser (``st.context.url``, which includes the page's
path); :func:`app_root` cuts the page off, so a link can open any page.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno

__all__ = ["app_root", "share_link", "qr_png", "is_local"]


def app_root(url: str | None, page_urls: Iterable[str], fallback: str) -> str:
    """The app's root address from the browser's ``url`` (scheme, host, port and any base
    path, without the page, query or anchor); ``fallback`` when the browser said nothing."""
    if not url:
        return fallback.rstrip("/")
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    for page in page_urls:
        if path.endswith("/" + page):
            path = path[: -len(page) - 1]
            break
    return urlunsplit((parts.scheme, parts.netloc, path, "", "")).rstrip("/")


def share_link(root: str, page: str, params: Mapping[str, str]) -> str:
    """``root`` + page path + query string (``page`` empty for the default page)."""
    path = f"/{page}" if page else "/"
    query = urlencode(params, safe=".,:")
    return f"{root.rstrip('/')}{path}" + (f"?{query}" if query else "")


def is_local(url: str) -> bool:
    """True for a link only this computer can open (localhost, 127.0.0.1)."""
    host = urlsplit(url).hostname or ""
    return host in {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


def qr_png(text: str, scale: int = 10) -> bytes:
    """A QR code of ``text`` as PNG (error correction M, a quiet zone of four modules)."""
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
