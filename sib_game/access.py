"""Who may open which screen of a room: one unguessable secret per role, kept only as a hash.

A room's code is short (4–6 letters, typed from a projector) and so guessable; what opens a
screen is the link's ``key``. A new room draws the facilitator's secret with
:func:`new_token` (``secrets.token_urlsafe(16)``: 128 random bits). Each group's secret is
derived from it (:func:`role_token`: HMAC-SHA256 of the role and how many times its link was
issued, keyed by the facilitator's secret, cut to 128 bits), so

* the facilitator's screen can show every group's link again on any run, any replica, after a
  reload, while the room stores **no secret in clear**: only :func:`token_hash` of each;
* a group's secret says nothing about another's or the facilitator's (HMAC is one-way);
* issuing a group a fresh link is counting one up: the old secret's hash is replaced, so the
  old link stops working.

A secret is checked by comparing hashes with :func:`secrets.compare_digest` (:func:`matches`),
whose time does not depend on where two values differ.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

__all__ = ["TOKEN_BYTES", "MAX_TOKEN_LENGTH", "new_token", "role_token", "token_hash", "matches"]

#: Random bytes in a secret (128 bits: far beyond any number of guesses a server answers).
TOKEN_BYTES = 16
#: Longest text read as a secret (a 16-byte secret is 22 characters); longer is refused unread.
MAX_TOKEN_LENGTH = 64


def new_token() -> str:
    """A fresh secret: :data:`TOKEN_BYTES` random bytes, URL-safe base64 (22 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def role_token(facilitator_token: str, role: str, issue: int) -> str:
    """The secret of ``role``'s link, issue number ``issue`` (0 for the first), derived from
    the facilitator's: ``base64url(HMAC-SHA256(facilitator_token, f"{role}:{issue}")[:16])``."""
    digest = hmac.new(
        facilitator_token.encode(), f"{role}:{issue}".encode(), hashlib.sha256
    ).digest()
    return base64.urlsafe_b64encode(digest[:TOKEN_BYTES]).rstrip(b"=").decode()


def token_hash(token: str) -> str:
    """What a room keeps of a secret: its SHA-256, in hex (a secret of 128 random bits needs
    no slow hash: there is nothing to guess from)."""
    return hashlib.sha256(token.encode()).hexdigest()


def matches(token: object, stored_hash: str | None) -> bool:
    """True when ``token`` (a link's ``key``, as given: anything) is the secret whose hash is
    ``stored_hash``; compared with :func:`secrets.compare_digest` on the hashes."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        return False
    if stored_hash is None:
        return False
    return secrets.compare_digest(token_hash(token), stored_hash)
