"""The file uploader's own words replaced by ours (:mod:`ui.app.file_upload`), as CSS that no
text can break out of."""

from __future__ import annotations

from ui.app.file_upload import css_string, uploader_css


def test_a_text_becomes_one_css_string_that_cannot_close_its_style():
    assert css_string("Vælg fil") == '"Vælg fil"'
    assert css_string('a "b" \\ c') == '"a \\"b\\" \\\\ c"'
    assert css_string("</style><script>") == '"\\3C /style>\\3C script>"'
    assert "\n" not in css_string("two\nlines")


def test_only_the_keyed_uploader_gets_our_button_text_and_limit():
    css = uploader_css("share_upload", "Vælg fil", "JSON, højst 100 kB")
    rules = [line for line in css.splitlines() if "{" in line]
    assert len(rules) == 4
    assert all(line.startswith(".st-key-share_upload ") for line in rules)
    assert 'content: "Vælg fil"' in css
    assert 'content: "JSON, højst 100 kB"' in css
    # Streamlit's own words are hidden, not just covered: a screen reader skips them too.
    assert css.count("display: none") == 2
