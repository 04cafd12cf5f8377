"""The share link and its QR code."""

from __future__ import annotations

import io

import zxingcpp
from PIL import Image

from ui.export.share import app_root, is_local, qr_png, share_link


def test_the_link_root_drops_the_page_and_keeps_a_base_path():
    pages = ["explorer", "compare"]
    assert app_root("http://host:8501/compare", pages, "x") == "http://host:8501"
    assert app_root("https://a.dk/sib/compare", pages, "x") == "https://a.dk/sib"
    assert app_root("https://a.dk/sib/", pages, "x") == "https://a.dk/sib"
    assert app_root(None, pages, "http://localhost:8501/") == "http://localhost:8501"
    link = share_link("https://a.dk", "compare", {"n": "60", "p1": "easy group"})
    assert link == "https://a.dk/compare?n=60&p1=easy+group"
    assert is_local("http://127.0.0.1:8501/")
    assert not is_local(link)


def test_the_qr_code_decodes_to_the_link():
    link = share_link(
        "https://sib.example.dk",
        "compare",
        {
            "n": "60",
            "b.d": "0.8",
            "p1": "hard group with rate card",
            "p1.prem": "1",
            "tirr": "0.08",
        },
    )
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr_png(link))))
    assert [barcode.text for barcode in found] == [link]
