"""Share and save: the link of the view as text and as a QR code big enough to scan from the
back of a room; the whole workshop (scenario, baseline, pinned scenarios, page settings) as a
file to download and load again; the numbers as a workbook, CSV tables and a one-page PDF."""

import streamlit as st

from ui.app import results, state
from ui.app.file_upload import file_uploader
from ui.app.layout import show_image
from ui.export import files
from ui.export.pdf import handout_pdf
from ui.export.share import is_local, qr_png, share_link
from ui.export.tables import Entry, csv_zip_bytes, export_tables, workbook_bytes
from ui.spec import keys
from ui.spec.pages import PAGES, SHARE_PAGE
from ui.words.link_messages import markdown_text

s, t = state.current()


def _load_upload() -> None:
    """Callback of the file uploader: load a good file (the next run opens the page it was
    saved on and says what was loaded there), or say here what is wrong with it."""
    upload = st.session_state.get(keys.SHARE_UPLOAD)
    if upload is None:
        return
    ws, problem = files.read_upload(upload.name, upload.getvalue(), t)
    if ws is None:
        state.flash(keys.SHARE_MESSAGE, "error", problem)
        return
    state.apply_workspace(
        ws, t("share_loaded", name=markdown_text(upload.name), count=len(ws.pinned))
    )


st.title(t("page_share"))
st.caption(t("illustrative"))
st.markdown(t("share_intro"))

linkable = [page for page in PAGES if page.url != SHARE_PAGE]
# The page the user came from, until another is chosen: the link, the QR code and the saved
# file open it.
state.page_widget_default(keys.SHARE_LINK_PAGE, state.last_page())
page = st.selectbox(
    t("share_page"),
    linkable,
    format_func=lambda p: t(p.title),
    key=keys.SHARE_LINK_PAGE,
)
link = share_link(
    state.app_root(), "" if page == PAGES[0] else page.url, state.link_params(s, shared=True)
)
st.code(link, language=None, wrap_lines=True)
if is_local(link):
    st.caption(t("share_localhost"))
qr_column, _ = st.columns([3, 2])
show_image(qr_png(link), alt=t("share_qr_alt"), caption=t("share_qr"), where=qr_column)

st.header(t("share_save_title"))
kind, message = state.take_flash(keys.SHARE_MESSAGE)
if kind == "error":
    st.error(message, icon=":material/error:")
save, load = st.columns(2)
save.download_button(
    t("share_save"),
    files.save_bytes(state.workspace(page.url)),
    file_name=files.FILE_NAME,
    mime="application/json",
    help=t("share_save_help"),
    icon=":material/download:",
)
file_uploader(
    t("share_load"),
    keys.SHARE_UPLOAD,
    _load_upload,
    words={
        "button": t("share_load_button"),
        "limit": t("share_load_limit", size=files.MAX_SIZE_TEXT),
        "drag": t("share_load_drag"),
    },
    where=load,
)

st.header(t("share_export_title"))
st.caption(t("export_note"))
entries = [Entry(t("scenario_current"), s, results.scenario_results(s).result)]
baseline = state.baseline()
entries.append(Entry(t("baseline"), baseline, results.scenario_results(baseline).result))
entries += [
    Entry(name, scenario, results.scenario_results(scenario).result)
    for name, scenario in state.pinned()
]
tables = export_tables(entries, results.creaming_results(s), results.parking_results(s), t)
# The files are made when a button is clicked (Streamlit calls the function then), not on
# every run of the page: together they cost about 60 ms. A download needs no rerun, which would
# also replace the other buttons' pending files while the user reaches for them.
xlsx, csv, pdf = st.columns(3)
xlsx.download_button(
    t("export_xlsx"),
    lambda: workbook_bytes(tables, t),
    file_name="sib-scenario.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/table:",
    on_click="ignore",
)
csv.download_button(
    t("export_csv"),
    lambda: csv_zip_bytes(tables, t),
    file_name="sib-scenario-csv.zip",
    mime="application/zip",
    icon=":material/folder_zip:",
    on_click="ignore",
)
pdf.download_button(
    t("export_pdf"),
    lambda: handout_pdf(s, entries[0].result, link, t),
    file_name="sib-scenario.pdf",
    mime="application/pdf",
    icon=":material/picture_as_pdf:",
    on_click="ignore",
)
