"""End to end in a real browser: the app on a store built from the seeds.

Walks what a person does: sees the series chart, follows a figure's link to its
marked sentence, downloads the CSV, records a review that survives a restart,
and sees a document holding <script> as text. Screenshots of each page go to
tests/e2e/screenshots/.
"""
from __future__ import annotations

import csv
import io
import pathlib
import re

import pytest
from playwright.sync_api import Page, expect

from dashboard.seeding import seed_documents
from extract.store import Store, StoredDocument, sha256_text

from e2e_app import App

EVIL_ID = "evil.txt"
EVIL = ('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
        "\nThe council approved 12 new schools. [click me](javascript:window.__pwned=3) and $x^2$ **bold**\n")
TIMEOUT = 30_000


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    """The seeds through the real extractor, and a document full of markup."""
    store = Store(tmp_path_factory.mktemp("store"))
    evil = StoredDocument(id=EVIL_ID, text=EVIL, lang="en", sha256=sha256_text(EVIL))
    summary = store.ingest_documents(seed_documents())
    assert summary["failed"] == 0, summary["errors"]
    if store.ingest_documents([evil])["failed"]:  # this test is about escaping, not extraction
        store.write_batch([evil], [])
    return store


@pytest.fixture(scope="module")
def app(store, tmp_path_factory):
    app = App(store.folder, tmp_path_factory.mktemp("log") / "streamlit.log")
    app.start()
    yield app
    app.stop()


def wait_idle(page: Page) -> None:
    """Streamlit shows a running indicator during a rerun; wait until it is gone."""
    page.wait_for_selector("[data-testid='stApp']", timeout=TIMEOUT)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=TIMEOUT)
    page.wait_for_timeout(300)


def svg_texts(locator) -> list[str]:
    """Text of SVG nodes (inner_text is None for SVG)."""
    return locator.evaluate_all("els => els.map(e => e.textContent)")


def open_page(page: Page, url: str, heading: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name=heading).first).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)


def test_overview_shows_the_series_chart(page: Page, app: App, store: Store, screenshots):
    open_page(page, app.url, "Figures from news text")
    chart_titles = page.locator(".js-plotly-plot .gtitle")
    # charts are drawn one by one as their data arrive: two series, by kind, unit, document
    expect(chart_titles).to_have_count(5, timeout=TIMEOUT)
    titles = svg_texts(chart_titles)
    assert any("26.6 trillion CNY" in t for t in titles), titles
    assert any("30%" in t for t in titles), titles
    y_titles = svg_texts(page.locator(".js-plotly-plot .ytitle"))
    assert any("trillion CNY" in t for t in y_titles), y_titles
    x_ticks = svg_texts(page.locator(".js-plotly-plot .xtick text"))
    assert "2012" in x_ticks and "2020" in x_ticks, x_ticks
    body = page.locator("[data-testid='stMain']").inner_text()
    assert not re.search(r"\d{9,}\.0\b", body), "an unformatted float is on the page"
    page.screenshot(path=str(screenshots / "overview.png"), full_page=True)
    # the charts answer hover with the figure as it reads (plotly.js's basic bundle)
    box = page.locator(".js-plotly-plot .scatterlayer .point").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # over plotly's drag layer
    expect(page.locator(".js-plotly-plot .hoverlayer .hovertext").first).to_be_visible(timeout=TIMEOUT)
    hover = svg_texts(page.locator(".js-plotly-plot .hoverlayer .hovertext"))
    assert any(re.search(r"2012: (16\.98 trillion CNY|22\.5%)", t) for t in hover), hover


def test_figure_link_opens_its_marked_sentence(page: Page, app: App, store: Store, screenshots):
    open_page(page, app.url, "Figures from news text")
    link = page.get_by_role("link", name="open the source").first
    href = link.get_attribute("href")
    assert href and "source?doc=" in href and "fig=" in href
    link.click()
    if "source?" not in page.url:  # markdown links may open in a new tab
        page.goto(f"{app.url}/{href.lstrip('/')}")
    expect(page.get_by_role("heading", name="Source")).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)
    fig_id = re.search(r"fig=([0-9a-f]+)", page.url).group(1)
    expected = store.figures_frame(figure_ids=[fig_id]).iloc[0]
    # the linked figure, marked in the document (inside the iframe) and in both sentences
    frame = page.frame_locator("iframe").first
    expect(frame.locator("mark#linked")).to_have_text(expected.text, timeout=TIMEOUT)
    n_marks = frame.locator("mark").count()
    assert n_marks == len(store.figures_frame(doc=[expected.doc]))
    original = page.get_by_test_id("original-sentence")
    expect(original.locator("mark")).to_have_text(expected.text)
    expect(page.get_by_test_id("cleaned-sentence")).to_be_visible()
    page.screenshot(path=str(screenshots / "source.png"), full_page=True)


def test_figures_table_page(page: Page, app: App, screenshots):
    open_page(page, f"{app.url}/figures", "Figures")
    expect(page.get_by_test_id("stDataFrame")).to_be_visible(timeout=TIMEOUT)
    page.screenshot(path=str(screenshots / "figures.png"), full_page=True)


def test_csv_download_holds_every_figure(page: Page, app: App, store: Store, screenshots):
    open_page(page, f"{app.url}/downloads", "Downloads")
    expect(page.get_by_role("button", name="Data Package (zip)")).to_be_visible(timeout=TIMEOUT)
    page.screenshot(path=str(screenshots / "downloads.png"), full_page=True)
    with page.expect_download(timeout=TIMEOUT) as info:
        page.get_by_role("button", name="CSV").click()
    body = pathlib.Path(info.value.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    stored = store.figures_frame()
    assert len(rows) == len(stored)
    assert {r["figure_id"] for r in rows} == set(stored["figure_id"])
    by_id = {r["figure_id"]: r for r in rows}
    for fig in stored.itertuples():
        assert float(by_id[fig.figure_id]["value"]) == pytest.approx(fig.value)


def test_review_survives_a_restart(page: Page, app: App, store: Store, screenshots):
    fig = store.figures_frame(text="4.000").iloc[0]
    open_page(page, f"{app.url}/review?fig={fig.figure_id}", "Review")
    page.get_by_label("Note (optional)").fill("checked in the browser")
    page.get_by_role("button", name="Right").click()
    expect(page.get_by_text(re.compile(r"^1 / \d+ figures reviewed$"))).to_be_visible(timeout=TIMEOUT)
    page.screenshot(path=str(screenshots / "review.png"), full_page=True)

    app.restart()
    open_page(page, f"{app.url}/review?fig={fig.figure_id}", "Review")
    expect(page.get_by_text(re.compile(r"^1 / \d+ figures reviewed$"))).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Current review")).to_contain_text("Right")
    review = Store(store.folder).get_review(fig.figure_id)
    assert review["state"] == "right" and review["note"] == "checked in the browser"


def test_script_in_a_document_is_shown_as_text(page: Page, app: App, screenshots):
    open_page(page, f"{app.url}/source?doc={EVIL_ID}", "Source")
    frame = page.frame_locator("iframe").first
    doc_text = frame.get_by_test_id("document-text")
    expect(doc_text).to_contain_text("<script>window.__pwned = 1</script>", timeout=TIMEOUT)
    expect(doc_text).to_contain_text('onerror="window.__pwned = 2"')
    expect(doc_text).to_contain_text("[click me](javascript:window.__pwned=3) and $x^2$ **bold**")
    assert frame.locator("img").count() == 0 and frame.locator("div script").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0 and page.locator(".katex").count() == 0
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.__pwned") is None
    for f in page.frames:
        assert f.evaluate("() => window.__pwned") is None
    page.screenshot(path=str(screenshots / "source-script.png"), full_page=True)


def test_upload_stores_good_files_and_names_bad_ones(page: Page, app: App, store: Store,
                                                      screenshots):
    open_page(page, f"{app.url}/add", "Add documents")
    page.screenshot(path=str(screenshots / "add.png"), full_page=True)
    page.locator("input[type=file]").set_input_files([
        {"name": "council.txt", "mimeType": "text/plain",
         "buffer": "The council approved 12 new schools and 3 parks.".encode()},
        {"name": "page.html", "mimeType": "text/html",
         "buffer": "<html><body><p>Hơn 4.000 đại biểu tham dự.</p></body></html>".encode()},
        {"name": "broken.txt", "mimeType": "text/plain", "buffer": bytes(range(32)) * 40},
    ])
    expect(page.get_by_text("broken.txt").first).to_be_visible(timeout=TIMEOUT)
    button = page.get_by_role("button", name="Extract and store")
    expect(button).to_be_enabled(timeout=TIMEOUT)
    button.click()
    success = page.get_by_test_id("stAlertContentSuccess")
    expect(success).to_contain_text("Stored 2 document(s)", timeout=TIMEOUT)
    expect(page.get_by_test_id("stAlertContentError")).to_contain_text("broken.txt")
    expect(page.get_by_test_id("stProgress")).to_contain_text("Done")
    page.screenshot(path=str(screenshots / "add-done.png"), full_page=True)
    known = Store(store.folder).known_documents()
    assert {"uploads/council.txt", "uploads/page.html"} <= set(known)
    assert "uploads/broken.txt" not in known
    open_page(page, app.url, "Figures from news text")  # and it shows in every view
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(str(len(known)))
