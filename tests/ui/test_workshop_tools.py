"""The workshop tools' pure parts, without Streamlit: the baseline ghost in every chart, the
headline changes, the link and its QR code, the upload handler, and the exports (Excel, CSV,
PDF) whose numbers must be the model's own."""

from __future__ import annotations

import io
import json
import zipfile

import openpyxl
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from sib_model import (
    PRESETS,
    Scenario,
    Workspace,
    creaming_frontier,
    evaluate,
    parking_frontier,
    scenario_to_json,
    workspace_to_json,
)
from ui import charts
from ui.charts import baseline
from ui.export.files import read_upload
from ui.export.pdf import handout_pdf
from ui.export.share import app_root, is_local, qr_png, share_link
from ui.export.tables import Entry, csv_zip_bytes, export_tables, kind_of, workbook_bytes
from ui.text.translator import Translator
from ui.words.comparison import differing_inputs, key_results
from ui.words.headline import change_text, headline_figures

EN, DA = Translator("en"), Translator("da")
NOW = Scenario(cohort_size=60, difficulty=0.7)
BEFORE = Scenario()


# --- the baseline ghost -----------------------------------------------------------------


def _figure(builder):
    return builder(NOW).to_plotly_json(), builder(BEFORE).to_plotly_json()


def _cash(s):
    return charts.cash_flow_chart(evaluate(s).cash_flows, EN)


def _payoff(s):
    from sib_model import payoff_curve

    return charts.payoff_chart(payoff_curve(s, n_points=21), s, EN)


@pytest.mark.parametrize("builder", [_cash, _payoff])
def test_the_baseline_is_drawn_faintly_with_one_legend_entry(builder):
    now, before = _figure(builder)
    combined = charts.add_baseline(now, before, "Baseline")
    ghosts = [trace for trace in combined["data"] if trace.get("legendgroup") == "baseline"]
    lines = [t for t in before["data"] if t["type"] == "scatter"]
    # The baseline's lines become one trace (the lines apart, points on a straight piece
    # left out), its bars one outline: plotly redraws every trace on each slider move.
    merged = ghosts[0]
    assert merged["x"].count(None) == len(lines) - 1
    assert len(merged["x"]) <= sum(len(baseline._array(t["x"])) for t in lines) + len(lines) - 1
    assert len(ghosts) == (2 if any(t["type"] == "bar" for t in before["data"]) else 1)
    assert [g.get("showlegend") for g in ghosts].count(True) == 1
    assert next(g for g in ghosts if g.get("showlegend"))["name"] == "Baseline"
    for ghost in ghosts:
        colour = (
            ghost["marker"]["line"]["color"] if ghost["type"] == "bar" else ghost["line"]["color"]
        )
        assert colour == charts.GHOST
        assert ghost["hoverinfo"] == "skip"
        assert "text" not in ghost
        assert "error_y" not in ghost
    # The current scenario's traces are all still there, unchanged but for their bar groups.
    current = [trace for trace in combined["data"] if trace.get("legendgroup") != "baseline"]
    assert [t["name"] for t in current] == [t["name"] for t in now["data"]]


def _rectangles(outline):
    """The (left, right, height) of each bar an outline trace draws."""
    xs, ys = outline["x"] + [None], outline["y"] + [None]
    return [(xs[k], xs[k + 2], ys[k + 1]) for k in range(0, len(xs), 5)]


@pytest.mark.parametrize("build", ["cash", "commissioner"])
def test_each_partys_baseline_bar_is_outlined_over_its_current_bar(build):
    def figure(s):
        result = evaluate(s)
        if build == "cash":
            return charts.cash_flow_chart(result.cash_flows, EN).to_plotly_json()
        return charts.commissioner_comparison(result.summary, EN).to_plotly_json()

    before = figure(BEFORE)
    combined = charts.add_baseline(figure(NOW), before, "Baseline")
    outline = next(t for t in combined["data"] if t.get("legendgroup") == "baseline")
    if build == "cash":
        outline = [t for t in combined["data"] if t.get("legendgroup") == "baseline"][-1]
    drawn = _rectangles(outline)
    current = [t for t in combined["data"] if t["type"] == "bar"]
    slots = {
        (x + bar["offset"], x + bar["offset"] + bar["width"])
        for bar in current
        for x in baseline._array(bar["x"])
    }
    assert {(left, right) for left, right, _ in drawn} <= slots
    heights = [h for t in before["data"] if t["type"] == "bar" for h in baseline._array(t["y"])]
    assert sorted(h for _, _, h in drawn) == pytest.approx(sorted(heights))
    if build == "commissioner":  # categories became positions, named on the axis
        assert combined["layout"]["xaxis"]["ticktext"] == ["Social impact bond", "Direct funding"]


def test_a_ghost_line_keeps_its_kinks_and_drops_only_points_on_straight_pieces():
    x = [0, 1, 2, 3, 4, 5]
    y = [0, 1, 2, 2, 2, 5]
    assert baseline._simplified(x, y) == ([0.0, 2.0, 4.0, 5.0], [0.0, 2.0, 2.0, 5.0])


def test_lines_go_behind_and_bar_outlines_in_front():
    now, before = _figure(_payoff)
    combined = charts.add_baseline(now, before, "Baseline")
    kinds = [trace.get("legendgroup") == "baseline" for trace in combined["data"]]
    assert kinds == sorted(kinds, reverse=True), "scatter ghosts are drawn first"


def test_an_overlaid_histograms_baseline_is_one_outline_of_its_bins():
    def histogram(s):
        result = evaluate(s)
        return charts.investor_return_histogram(
            result.distribution, result.summary, EN
        ).to_plotly_json()

    before = histogram(BEFORE)
    combined = charts.add_baseline(histogram(NOW), before, "Baseline")
    ghosts = [t for t in combined["data"] if t.get("legendgroup") == "baseline"]
    assert [g["type"] for g in ghosts] == ["scatter"]
    bins = sum(len(baseline._array(t["x"])) for t in before["data"])
    assert len(ghosts[0]["x"]) == 5 * bins + len(before["data"]) - 1


def test_a_heatmap_gets_no_ghost_grid_only_the_baseline_marker():
    from sib_model import deal_space

    def heatmap(s):
        grid = deal_space(s.replace(difficulty=0.5), n_prices=5, n_difficulties=5)
        return charts.deal_space_heatmap(grid, s, EN).to_plotly_json()

    combined = charts.add_baseline(heatmap(NOW), heatmap(BEFORE), "Baseline")
    ghosts = [t for t in combined["data"] if t.get("legendgroup") == "baseline"]
    assert [g["type"] for g in ghosts] == ["scatter"]


def test_the_compare_return_chart_bins_the_baseline_like_the_scenarios():
    figure = charts.compare_return_chart(
        [("A", evaluate(NOW).distribution)], EN, baseline=evaluate(BEFORE).distribution
    )
    ghost, scenario = figure.data
    assert ghost.legendgroup == "baseline"
    assert ghost.name == "Baseline"
    assert list(ghost.x) == list(scenario.x)


# --- headline changes -------------------------------------------------------------------


def test_each_headline_figure_shows_its_change_from_the_baseline_in_the_readers_words():
    now, before = evaluate(NOW).summary, evaluate(BEFORE).summary
    figures = headline_figures(now, DA, before)
    assert all(f.delta and f.delta.endswith("ift. baseline") for f in figures)
    change = (now["expected_investor_irr"] - before["expected_investor_irr"]) * 100
    irr = next(f for f in figures if f.key == "irr")
    assert irr.delta == f"-{DA.fmt.number(abs(change), 1)} pct.-point ift. baseline"
    loss = next(f for f in figures if f.key == "loss")
    assert loss.delta.startswith("+")
    assert loss.delta_color == "inverse"


def test_no_change_reads_plus_minus_zero_in_grey():
    summary = evaluate(BEFORE).summary
    text, colour = change_text("commissioner", summary, summary, EN)
    assert text == "±DKK 0.0m vs baseline"
    assert colour == "off"


# --- link and QR code -------------------------------------------------------------------


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


# --- the upload handler -----------------------------------------------------------------


def test_a_good_file_loads_whole():
    ws = Workspace(NOW, BEFORE.replace(difficulty=0.9), (("easy", Scenario(difficulty=0.2)),))
    assert read_upload("a.json", workspace_to_json(ws).encode(), EN) == (ws, "")
    assert read_upload("old.json", scenario_to_json(NOW).encode(), EN)[0] == Workspace(NOW)


BAD_FILES = {
    "too_large": (b" " * 100_001, "larger than 100 kB", "større end 100 kB"),
    "not_utf8": ('{"cohort_size": "æ"}'.encode("latin-1"), "UTF-8", "UTF-8"),
    "not_json": (b"n,p\n60,0.4\n", "not a readable JSON", "ikke en læsbar JSON"),
    "too_deep": (b"[" * 50_000 + b"]" * 50_000, "nested far too deeply", "indlejret alt for dybt"),
    "foreign": (b'{"invoice": 12}', "not a scenario file", "ikke en scenariefil"),
    "future": (b'{"sib_scenario": 9, "scenario": {}}', "format 9", "format 9"),
    "out_of_range": (
        b'{"sib_scenario": 2, "scenario": {}, "baseline": {"cohort_size": 0}}',
        "Cohort size (baseline)",
        "Antal borgere (baseline)",
    ),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_file_is_refused_with_a_short_message_in_the_users_language(kind):
    content, english, danish = BAD_FILES[kind]
    for t, words in ((EN, english), (DA, danish)):
        ws, message = read_upload("my file.json", content, t)
        assert ws is None
        assert words in message
        assert "my file" in message
        assert len(message) < 250
    assert "unchanged" in read_upload("f.json", content, EN)[1]


# --- exports ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tables():
    entries = [
        Entry(DA("scenario_current"), NOW, evaluate(NOW)),
        Entry("Baseline", BEFORE, evaluate(BEFORE)),
        Entry("Aalborg", PRESETS["aalborg"], evaluate(PRESETS["aalborg"])),
    ]
    return export_tables(
        entries, creaming_frontier(NOW, n_points=5), parking_frontier(NOW, n_points=3), DA
    )


def test_the_workbook_holds_every_sheet_with_the_models_numbers(tables):
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(tables, DA)))
    assert book.sheetnames == [
        "Forudsætninger",
        "Resumé – Aktuelt",
        "Resumé – Baseline",
        "Resumé – Aalborg",
        "Pengestrømme",
        "Skumning af fløden",
        "Parkering",
    ]
    for sheet, scenario in (("Resumé – Aktuelt", NOW), ("Resumé – Aalborg", PRESETS["aalborg"])):
        summary = evaluate(scenario).summary
        rows = {row[0].value: row[1] for row in book[sheet].iter_rows(min_row=2)}
        for key in ("expected_investor_irr", "expected_commissioner_net", "deadweight_share"):
            assert rows[key].value == pytest.approx(summary[key], rel=1e-12)
            assert isinstance(rows[key].value, float)
        assert rows["expected_investor_irr"].number_format == "0.0 %"
        assert rows["expected_commissioner_net"].number_format == '#,##0" kr."'
    inputs = book["Forudsætninger"]
    header = [cell.value for cell in inputs[1]]
    assert header[:4] == ["Forudsætning", "Modelnavn", "Enhed", "Betydning"]
    cohort = next(row for row in inputs.iter_rows(min_row=2) if row[1].value == "cohort_size")
    assert cohort[4].value == 60
    assert cohort[3].value  # the meaning is written out
    cash = book["Pengestrømme"]
    years = [row[1].value for row in cash.iter_rows(min_row=2) if row[0].value == "Aktuelt"]
    assert years == list(evaluate(NOW).cash_flows["year"])


def test_the_csv_zip_holds_the_same_tables_in_danish_notation(tables):
    archive = zipfile.ZipFile(io.BytesIO(csv_zip_bytes(tables, DA)))
    assert len(archive.namelist()) == len(tables)
    text = archive.read("Resumé – Aktuelt.csv").decode("utf-8-sig")
    line = next(row for row in text.splitlines() if row.startswith("expected_investor_irr;"))
    value = evaluate(NOW).summary["expected_investor_irr"]
    assert float(line.split(";")[1].replace(",", ".")) == pytest.approx(value, rel=1e-12)


def test_column_kinds_follow_the_models_names():
    assert kind_of("expected_investor_irr") == "percent"
    assert kind_of("expected_commissioner_net") == "money"
    assert kind_of("expected_investor_moic") == "multiple"
    assert kind_of("expected_additional_outcomes") == "count"


@pytest.mark.parametrize("t", [EN, DA])
def test_the_handout_is_one_page_with_the_headline_numbers_and_the_link(t):
    link = "https://sib.example.dk/?n=60&d=0.7&b.d=0.3"
    result = evaluate(NOW)
    reader = PdfReader(io.BytesIO(handout_pdf(NOW, result, link, t)))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for figure in headline_figures(result.summary, t):
        assert figure.value.replace("×", "x") in text
    assert link in text.replace("\n", "")


def test_the_compare_tables_use_the_explorers_strings():
    easy, hard = Scenario(difficulty=0.2), Scenario(difficulty=0.8)
    table = key_results([("easy", evaluate(easy).summary), ("hard", evaluate(hard).summary)], EN)
    explorer = headline_figures(evaluate(hard).summary, EN)
    assert table["hard"].iloc[0] == explorer[0].value
    inputs = differing_inputs([("easy", easy), ("hard", hard)], EN)
    assert list(inputs["Input"]) == ["Target-group difficulty"]
    assert json.dumps(list(inputs.columns)) == '["Input", "easy", "hard"]'
