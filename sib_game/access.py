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

A group without a camera (no QR code to scan) or without the link in a chat types its **join
code** instead (:func:`join_code`): the room's code and the same 128-bit secret, written in
Crockford's base 32 (digits and capitals without I, L, O, U, in groups of four), which reads
aloud and types without the case and the ``-``/``_`` of the link's key. It is another spelling
of the link, not a shorter secret: :func:`read_join_code` turns it back into the link's key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

__all__ = [
    "TOKEN_BYTES",
    "MAX_TOKEN_LENGTH",
    "JOIN_KEY_DIGITS",
    "new_token",
    "role_token",
    "token_hash",
    "matches",
    "join_code",
    "read_join_code",
]

#: Random bytes in a secret (128 bits: far beyond any number of guesses a server answers).
TOKEN_BYTES = 16
#: Longest text read as a secret (a 16-byte secret is 22 characters); longer is refused unread.
MAX_TOKEN_LENGTH = 64
#: Crockford's base 32: no I, L, O or U, so nothing reads as another character.
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
#: What a reader may type for a digit that looks like a letter (Crockford's decoding rule).
_LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0"})
#: Digits of a secret in a join code: 128 bits in 5-bit digits.
JOIN_KEY_DIGITS = 26
#: Longest text read as a join code (the code itself is at most 6 + 1 + 32 characters).
_MAX_JOIN_TEXT = 80
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u00b7.]")


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


def join_code(room_code: str, token: str) -> str:
    """The join code of the link with room ``room_code`` and secret ``token`` (a role's: 16
    bytes, :func:`role_token`): the room's code, then the secret in
    :data:`JOIN_KEY_DIGITS` Crockford digits in groups of four, joined by ``-``:
    ``K7QX-1B3N-…-7Q``."""
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    if len(raw) != TOKEN_BYTES:
        raise ValueError("a join code spells a secret of TOKEN_BYTES bytes")
    number = int.from_bytes(raw, "big")
    digits = "".join(
        _CROCKFORD[(number >> 5 * place) & 31] for place in reversed(range(JOIN_KEY_DIGITS))
    )
    return "-".join([room_code, *(digits[i : i + 4] for i in range(0, JOIN_KEY_DIGITS, 4))])


def read_join_code(text: object) -> tuple[str, str] | None:
    """The room code (as typed: the caller checks it) and the link's key spelled by the join
    code in ``text``; None when ``text`` is not one. Spaces, dashes and case are ignored, and
    I, L and O in the secret read as 1, 1 and 0."""
    if not isinstance(text, str) or len(text) > _MAX_JOIN_TEXT:
        return None
    cleaned = _SEPARATORS.sub("", text).upper()
    room, digits = cleaned[:-JOIN_KEY_DIGITS], cleaned[-JOIN_KEY_DIGITS:]
    digits = digits.translate(_LOOKALIKES)
    if not room or len(digits) != JOIN_KEY_DIGITS or any(d not in _CROCKFORD for d in digits):
        return None
    number = 0
    for digit in digits:
        number = number * 32 + _CROCKFORD.index(digit)
    if number >> 8 * TOKEN_BYTES:
        return None  # 26 digits hold 130 bits: more than the 128 of a secret
    raw = number.to_bytes(TOKEN_BYTES, "big")
    return room, base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
