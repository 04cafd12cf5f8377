"""Secrets of a room's links (:mod:`sib_game.access`): unguessable, derived one-way, kept as
hashes, compared in constant time."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sib_game.access import (
    JOIN_KEY_DIGITS,
    MAX_TOKEN_LENGTH,
    TOKEN_BYTES,
    join_code,
    matches,
    new_token,
    read_join_code,
    role_token,
    token_hash,
)


def test_a_new_secret_has_128_random_bits_in_22_url_safe_characters():
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    assert all(len(token) == 22 for token in tokens)
    assert TOKEN_BYTES * 8 == 128


def test_a_roles_secret_is_the_hmac_of_role_and_issue_keyed_by_the_facilitators():
    # By hand: HMAC-SHA256 (RFC 2104) of "investor:0" under the key "k", cut to 16 bytes.
    digest = hmac.new(b"k", b"investor:0", hashlib.sha256).digest()[:16]
    assert role_token("k", "investor", 0) == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    assert role_token("k", "investor", 1) != role_token("k", "investor", 0)
    assert role_token("k", "investor", 0) != role_token("k", "provider", 0)
    assert len(role_token("k", "state", 0)) == 22


def test_a_secret_matches_only_its_own_hash():
    token = new_token()
    assert token_hash(token) == hashlib.sha256(token.encode()).hexdigest()
    assert matches(token, token_hash(token))
    assert not matches(token + "x", token_hash(token))
    assert not matches(token, None)
    assert not matches("x" * (MAX_TOKEN_LENGTH + 1), token_hash("x" * (MAX_TOKEN_LENGTH + 1)))


@given(st.one_of(st.text(max_size=100), st.none(), st.integers(), st.binary(max_size=30)))
def test_anything_in_a_link_is_checked_without_raising(raw):
    assert matches(raw, token_hash(new_token())) is False


# --- join codes: the same secret, spelt to be typed ------------------------------------------


def _token(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def test_a_join_code_is_the_room_code_and_the_secret_in_crockford_digits():
    # By hand: 16 zero bytes are 26 zero digits; 16 bytes of 0xff are 2**128 - 1, whose 130
    # bits of 5-bit digits start with 0b00111 = 7 and then 25 digits of 31 = Z.
    assert join_code("K7QX", _token(bytes(16))) == "K7QX-0000-0000-0000-0000-0000-0000-00"
    assert join_code("K7QX", _token(b"\xff" * 16)) == "K7QX-7ZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZ"
    assert JOIN_KEY_DIGITS * 5 >= TOKEN_BYTES * 8


@given(st.binary(min_size=TOKEN_BYTES, max_size=TOKEN_BYTES), st.sampled_from(["K7QX", "ACDEFG"]))
def test_a_join_code_reads_back_as_the_links_own_key(raw, room):
    token = _token(raw)
    code = join_code(room, token)
    assert read_join_code(code) == (room, token)
    # As a group types it: small letters, spaces for dashes, O for 0 and l for 1.
    typed = code.lower().replace("-", " ").replace("0", "O").replace("1", "l")
    assert read_join_code(typed) == (room, token)


def test_every_roles_secret_has_a_join_code_that_opens_the_same_hash():
    token = role_token(new_token(), "investor", 0)
    _, key = read_join_code(join_code("K7QX", token))
    assert matches(key, token_hash(token))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "K7QX",
        "K7QX-0000",
        "0000-0000-0000-0000-0000-0000-00",  # no room code before the secret
        "K7QX-8000-0000-0000-0000-0000-0000-00",  # 129 bits: more than the secret holds
        "K7QX-UUUU-0000-0000-0000-0000-0000-00",  # U is no Crockford digit
        "K7QX-" + "0" * 200,
        None,
        42,
    ],
)
def test_what_is_not_a_join_code_reads_as_none(text):
    assert read_join_code(text) is None


def test_a_join_code_spells_only_a_secret_of_128_bits():
    with pytest.raises(ValueError, match="TOKEN_BYTES"):
        join_code("K7QX", _token(bytes(20)))
