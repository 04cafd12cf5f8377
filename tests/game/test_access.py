"""Secrets of a room's links (:mod:`sib_game.access`): unguessable, derived one-way, kept as
hashes, compared in constant time."""

from __future__ import annotations

import base64
import hashlib
import hmac

from hypothesis import given
from hypothesis import strategies as st

from sib_game.access import (
    MAX_TOKEN_LENGTH,
    TOKEN_BYTES,
    matches,
    new_token,
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
