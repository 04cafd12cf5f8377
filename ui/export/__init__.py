"""What leaves the dashboard as a file or a link: tables (Excel, CSV), the one-page PDF
handout, saved workshop files read back, and the share link with its QR code.

* :mod:`ui.export.tables` — the workshop's tables and their Excel and CSV files;
* :mod:`ui.export.pdf` — the PDF handout;
* :mod:`ui.export.files` — reading an uploaded workshop file, with messages for bad ones;
* :mod:`ui.export.share` — the share link and its QR code;
* :mod:`ui.export.guide` — the facilitator's guide as Markdown and PDF.

May import: ``sib_model``, ``ui.text``, ``ui.spec``, ``ui.words``, ``ui.charts``; never
Streamlit.
"""
