"""The dashboard through FastAPI's TestClient: pages, the JSON API, validation, escaping, headers."""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from aicycle.economics.html import money
from aicycle.language.loader import load_raw as load_documents
from aicycle.store import Store, open_store
from aicycle.web import create_app
from aicycle.web.figures import json_for_script
from tests.factsload import load_all
from tests.web_support import statement

with warnings.catch_warnings():
    # starlette asks for the "httpx2" fork; the pinned httpx works the same for TestClient
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

HOSTILE = "<script>alert(1)</script>\"'&"


@pytest.fixture(scope="module")
def store(data_dir: Path) -> Iterator[Store]:
    s = open_store(memory=True, seed=False)
    load_all(s, data_dir)
    load_documents(s, data_dir)
    s.upsert("facts", [statement("META", dt.date(2026, 1, 5), HOSTILE, source=HOSTILE,
                                 url="javascript:alert(2)")])
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store=store), base_url="http://127.0.0.1:8000") as c:
        yield c


def test_company_page_charts_real_capex_and_rpo(client: TestClient) -> None:
    r = client.get("/company/GOOGL")
    assert r.status_code == 200
    figures = _figures(r.text)
    titles = [f["layout"]["title"]["text"] for f in figures]
    assert titles == ["Quarterly capex", "Capex guidance (latest public) and actual capex, by year",
                      "Backlog and remaining performance obligations",
                      "Capex language: stance score by quarter (−1 cut … +1 expand)"]  # its 2025-26 calls
    capex = dict(zip(figures[0]["data"][0]["x"], figures[0]["data"][0]["y"], strict=True))
    assert capex["2026-03-31"] == 35_674_000_000  # Alphabet Q1 2026, 10-Q filed 2026-04-30
    assert "0001652044-26-000048" in r.text  # the accession is shown beside the number


def test_overview_shows_verdict_and_five_checkpoints(client: TestClient) -> None:
    report = client.get("/api/report").json()
    html = client.get("/").text
    state = report["verdict"]["state"].replace("_", " ")
    assert f'<span class="state">{state}</span>' in html
    assert report["verdict"]["summary"].replace("'", "&#39;") in html
    cards = re.findall(r'<section class="card" id="cp-([a-z_]+)"', html)
    assert cards == ["capex", "gpu_rental", "backlog", "memory", "power"]
    links = re.findall(r'<a class="pill" href="/checkpoint/([a-z_]+)">', html)
    assert links == cards
    figures = _figures(html)
    scores = figures[0]["data"][0]
    assert scores["y"] == [c["score"] or 0 for c in report["checkpoints"]]
    assert len(figures) > 1  # checkpoint charts beside the scores


def test_checkpoint_page_shows_evidence_with_provenance(client: TestClient) -> None:
    report = client.get("/api/report").json()
    capex = next(c for c in report["checkpoints"] if c["id"] == "capex")
    html = client.get("/checkpoint/capex").text
    assert capex["headline"].replace("'", "&#39;") in html
    accessions = [e["accession"] for e in capex["evidence"] if e["accession"]]
    assert accessions and all(a in html for a in accessions)
    assert _figures(html)
    r = client.get("/checkpoint/nonsense")
    assert r.status_code == 404 and "known: capex, gpu_rental, backlog, memory, power" in r.text


def test_report_as_of_is_point_in_time(client: TestClient) -> None:
    early = client.get("/api/report", params={"as_of": "2024-06-30"}).json()
    late = client.get("/api/report").json()
    assert early["as_of"] == "2024-06-30" and early["as_of"] < late["as_of"]
    filed = [e["filed"] for c in early["checkpoints"] for e in c["evidence"] if e["filed"]]
    assert filed and max(filed) <= "2024-06-30"
    assert "2024-06-30" in client.get("/", params={"as_of": "2024-06-30"}).text


def test_report_is_cached_per_as_of(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from aicycle.web import adapters

    first = client.get("/api/report", params={"as_of": "2025-06-30"}).content
    monkeypatch.setattr(adapters, "report", lambda store, as_of: pytest.fail("rebuilt"))
    assert client.get("/api/report", params={"as_of": "2025-06-30"}).content == first


def test_api_facts_years(client: TestClient) -> None:
    body = client.get("/api/facts", params={"ticker": "GOOGL", "metric": "capex", "freq": "year"}).json()
    assert body["rows"] and all(350 <= (dt.date.fromisoformat(r["period_end"])
                                        - dt.date.fromisoformat(r["period_start"])).days <= 380
                                for r in body["rows"])


def test_company_as_of_hides_later_filings(client: TestClient) -> None:
    r = client.get("/company/GOOGL", params={"as_of": "2026-04-28"})
    capex = _figures(r.text)[0]["data"][0]
    assert "2026-03-31" not in capex["x"]  # stated on the 2026-04-29 call, filed 2026-04-30: not public yet
    assert "2025-12-31" in capex["x"]


def test_company_page_lists_documents_and_statements(client: TestClient) -> None:
    amd = client.get("/company/AMD").text
    assert "AMD FY2025 Q2 earnings call" in amd and "AMD FY2024 Q1 earnings call" in amd
    assert "public date estimated" in amd  # transcripts carry no date: the page says so
    meta = client.get("/company/META").text
    assert "approximately $60 billion to $65 billion in 2025" in meta


def test_company_language_over_time_is_the_language_modules_tone(client: TestClient) -> None:
    from aicycle.language.documents import tone

    html = client.get("/company/AMD", params={"as_of": "2025-06-30"}).text
    with client.app.state.web.source.open() as store:  # type: ignore[attr-defined]
        quarters = tone(store, "AMD", dt.date(2025, 6, 30))
    fig = next(f for f in _figures(html) if f["layout"]["title"]["text"].startswith("Capex language"))
    assert fig["data"][0]["x"] == [q["period"] for q in quarters if q["score"] is not None]
    assert fig["data"][0]["y"] == [q["score"] for q in quarters if q["score"] is not None]
    assert "FY2025Q2" not in html  # public 2025-08-14 (estimated): after as_of


def test_hostile_text_is_escaped_everywhere(client: TestClient) -> None:
    html = client.get("/company/META").text
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;&amp;" in html
    assert 'href="javascript:' not in html  # only http(s) links become anchors


def test_script_json_cannot_close_its_block() -> None:
    text = str(json_for_script({"t": "</script><b>&\u2028"}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"t": "</script><b>&\u2028"}


def test_api_facts_rows_carry_provenance(client: TestClient) -> None:
    r = client.get("/api/facts", params={"ticker": "nvda", "metric": "capex"})
    assert r.status_code == 200
    body = r.json()
    assert body["ticker"] == "NVDA" and len(body["rows"]) >= 14
    for row in body["rows"]:
        assert row["source"] and row["filed"] and row["kind"] in ("reported", "derived", "curated")
    q4 = next(r for r in body["rows"] if r["period_end"] == "2023-01-29")  # Q4 FY2023 = year - 9 months
    assert q4["kind"] == "derived" and q4["value"] == 509_000_000 and "0001045810-23-000227" in q4["method"]
    assert {r["period_end"] for r in body["rows"]} >= {"2023-01-29", "2026-04-26"}


@pytest.mark.parametrize("url, status, words", [
    ("/api/facts?ticker=ZZZZ&metric=capex", 404, "unknown ticker"),
    ("/api/facts?ticker=..%2F..%2Fetc&metric=capex", 404, "unknown ticker"),
    ("/api/facts?ticker=NVDA&metric=DROP%20TABLE", 422, "metric"),
    ("/api/facts?ticker=NVDA&metric=capexx", 400, "capexx"),
    ("/api/facts?ticker=NVDA&metric=capex&freq=week", 422, "freq"),
    ("/api/facts?ticker=NVDA", 422, "metric: Field required"),
    ("/api/facts?ticker=NVDA&metric=capex&as_of=2026-13-01", 422, "is not a date"),
    ("/api/facts?ticker=NVDA&metric=capex&as_of=1999-01-01", 422, "before 2000"),
    ("/api/check?claim=", 422, "claim"),
    ("/api/economics/..%2F..%2Fetc%2Fpasswd", 404, ""),
    ("/api/nothing", 404, "Not Found"),
])
def test_api_rejects_bad_input_with_a_clear_message(client: TestClient, url: str, status: int,
                                                    words: str) -> None:
    r = client.get(url)
    assert r.status_code == status
    assert words in r.json()["error"]


def test_api_post_bodies_are_validated(client: TestClient) -> None:
    r = client.post("/api/check", json={"claim": "x" * 2001})
    assert r.status_code == 422 and "claim" in r.json()["error"]
    r = client.post("/api/economics", json={"scenario": "../../etc/passwd"})
    assert r.status_code == 422 and "scenario" in r.json()["error"]
    r = client.post("/api/economics", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422


@pytest.mark.parametrize("url", ["/company/../../etc/passwd", "/company/..%2F..%2Fetc%2Fpasswd",
                                 "/company/%2e%2e", "/static/../app.py", "/static/%2e%2e/app.py",
                                 "/checkpoint/..%2Fx"])
def test_no_path_traversal(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code in (404, 422)
    assert "create_app" not in r.text and "root:" not in r.text


def test_html_errors_are_pages_with_the_message(client: TestClient) -> None:
    r = client.get("/company/NOPE")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert "unknown ticker &#39;NOPE&#39;" in r.text
    r = client.get("/company/GOOGL", params={"as_of": HOSTILE[:10]})
    assert r.status_code == 422 and "<script>" not in r.text


@pytest.mark.parametrize("host, status", [("127.0.0.1:8000", 200), ("localhost:8000", 200),
                                          ("[::1]:8000", 200), ("attacker.example:8000", 400),
                                          ("127.0.0.1.attacker.example", 400), ("", 400)])
def test_only_loopback_host_names_are_answered(client: TestClient, host: str, status: int) -> None:
    r = client.get("/api/companies", headers={"host": host})
    assert r.status_code == status
    if status == 400:
        assert "Host" in r.json()["error"]


def test_security_headers_on_every_response(client: TestClient) -> None:
    for url in ("/company", "/api/companies", "/static/charts.js", "/static/report.css", "/nothing"):
        h = client.get(url).headers
        csp = h["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'self'" in csp
        assert "unsafe-inline" not in csp and "http" not in csp
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "no-referrer"


def test_pages_load_nothing_from_elsewhere(client: TestClient) -> None:
    for url in ("/company/GOOGL", "/company", "/rumor", "/docs"):
        html = client.get(url).text
        # what the browser loads by itself: src attributes and <link href> (anchors are clicks)
        loaded = re.findall(r'\bsrc="([^"]+)"', html) + re.findall(r'<link[^>]*\bhref="([^"]+)"', html)
        assert loaded and all(u.startswith("/") and not u.startswith("//") for u in loaded), loaded
        assert not re.findall(r"<script(?![^>]*\b(?:src=\"/|type=\"application/json\"))", html)


def test_plotly_loads_only_on_pages_with_charts(client: TestClient) -> None:
    for url in ("/", "/checkpoint/capex", "/company/GOOGL", "/economics/article-payback"):
        assert '<script src="/static/plotly.min.js"' in client.get(url).text, url
    for url in ("/rumor", "/docs", "/company", "/economics"):
        assert "plotly.min.js" not in client.get(url).text, url


def test_plotly_is_served_locally(client: TestClient) -> None:
    r = client.get("/static/plotly.min.js")
    assert r.status_code == 200 and r.text.lstrip().startswith("/**") and "plotly.js" in r.text[:200]
    assert "javascript" in r.headers["content-type"]


def test_docs_work_offline(client: TestClient) -> None:
    html = client.get("/docs").text
    for path in ("/api/report", "/api/facts", "/api/check", "/api/economics"):
        assert f"<code>{path}</code>" in html
    assert "cdn" not in html.lower()
    schema = client.get("/openapi.json").json()
    assert {"/api/report", "/api/facts", "/api/check", "/api/economics/{name}"} <= set(schema["paths"])


def test_missing_modules_show_not_available(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from aicycle.web import adapters

    monkeypatch.setattr(adapters, "optional", lambda module, attr: None)
    r = client.get("/economics")
    assert r.status_code == 503 and "not available yet" in r.text
    r = client.get("/api/check", params={"claim": "Meta cut capex"})
    assert r.status_code == 503 and "not available yet" in r.json()["error"]


def test_a_busy_store_answers_503_with_retry_after(client: TestClient,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from contextlib import contextmanager

    from aicycle.errors import StoreBusyError

    @contextmanager
    def busy():  # type: ignore[no-untyped-def]
        raise StoreBusyError("the store is in use by another process")
        yield

    monkeypatch.setattr(client.app.state.web.source, "open", busy)  # type: ignore[attr-defined]
    r = client.get("/api/facts", params={"ticker": "NVDA", "metric": "capex"})
    assert r.status_code == 503 and r.headers["retry-after"] == "5"
    assert "in use" in r.json()["error"]
    assert client.get("/company/NVDA").status_code == 503


def test_rumor_form_post_validates(client: TestClient) -> None:
    r = client.post("/rumor", data={"claim": "   "})
    assert r.status_code == 422 and "enter the claim" in r.text
    r = client.post("/rumor", content=b"claim=x", headers={"content-type": "text/plain"})
    assert r.status_code == 415
    r = client.post("/rumor", data={"claim": "x" * 20_000})
    assert r.status_code == 413


def _figures(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/json" id="[^"]+">(.*?)</script>', html, re.S)
    return [json.loads(b) for b in blocks]


def test_economics_page_reruns_with_edited_inputs(client: TestClient) -> None:
    from aicycle.economics import run_scenario

    base = client.get("/economics/article-payback")
    assert base.status_code == 200
    assert 'name="utilization"' in base.text and "(share)" in base.text
    edited = client.get("/economics/article-payback", params={"utilization": "0.5", "gpus": ""})
    expected = run_scenario("article-payback", {"utilization": 0.5})
    assert edited.status_code == 200 and "utilization = 0.5" in edited.text
    table = re.search(r'<table class="headline" id="headline">(.*?)</table>', edited.text, re.S)
    assert table and money(expected['npv']) in table.group(1)
    assert len(_figures(edited.text)) == 3  # cash flows, tornado, lease vs idle


@pytest.mark.parametrize("url, status, words", [
    ("/economics/article-payback?utilization=2", 400, "utilization: 2 must be &lt;= 1"),
    ("/economics/article-payback?utilization=abc", 422, "utilization: &#39;abc&#39; is not a number"),
    ("/economics/article-payback?no_such_input=1", 400, "no_such_input"),
    ("/economics/article-payback?utilization=inf", 422, "finite"),
    ("/economics/..%2F..%2Fpyproject", 404, ""),
    ("/economics/nope", 404, "shipped: article-inference-3x"),
])
def test_economics_rejects_bad_inputs(client: TestClient, url: str, status: int, words: str) -> None:
    r = client.get(url)
    assert r.status_code == status and words in r.text


def test_api_economics_runs_shipped_scenarios_only(client: TestClient) -> None:
    names = client.get("/api/economics").json()["scenarios"]
    assert "article-payback" in names
    r = client.post("/api/economics", json={"scenario": "article-payback", "overrides": {"utilization": 0.5}})
    assert r.status_code == 200 and r.json()["inputs"]["utilization"] == 0.5
    r = client.post("/api/economics", json={"scenario": "pyproject.yaml"})
    assert r.status_code == 422  # a file name is not a scenario name
    r = client.post("/api/economics", json={"scenario": "article-payback", "overrides": {"pue": "NaN"}})
    assert r.status_code == 422


def test_rumor_form_shows_the_verdict_with_evidence(client: TestClient) -> None:
    from aicycle.rumor import check

    claim = "Meta raises its 2026 capex guidance"
    r = client.post("/rumor", data={"claim": claim, "as_of": "2026-08-01"})
    assert r.status_code == 200
    with client.app.state.web.source.open() as store:  # type: ignore[attr-defined]
        expected = check(store, claim, dt.date(2026, 8, 1))
    verdict = re.search(r'id="verdict">([^<]*)<', r.text)
    assert verdict and verdict.group(1) == expected["verdict"] == "supported"
    rows = re.findall(r'<tr class="points-(\w+)">', r.text)
    assert rows == [e["points"] for e in expected["evidence"]] and rows
    same = client.get("/rumor", params={"claim": claim, "as_of": "2026-08-01"}).text
    assert re.search(r'id="verdict">([^<]*)<', same).group(1) == "supported"  # type: ignore[union-attr]


def test_rumor_claim_is_echoed_as_text(client: TestClient) -> None:
    r = client.post("/rumor", data={"claim": HOSTILE})
    assert r.status_code == 200
    assert "<script>alert(1)" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;&amp;" in r.text


def test_api_check_get_and_post_agree(client: TestClient) -> None:
    params = {"claim": "CoreWeave backlog shrinks", "as_of": "2026-08-01"}
    got = client.get("/api/check", params=params).json()
    posted = client.post("/api/check", json=params).json()
    assert got == posted and got["verdict"] == "contradicted"
    assert all(e["date"] <= "2026-08-01" for e in got["evidence"])


def test_report_cache_builds_once_under_concurrent_misses() -> None:
    import threading
    import time

    from aicycle.web.context import ReportCache

    cache = ReportCache(size=2)
    builds: list[int] = []

    def build() -> str:
        builds.append(1)
        time.sleep(0.05)
        return "report"

    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get(("k",), build))) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["report"] * 20 and len(builds) == 1
    cache.get(("a",), lambda: "a")
    cache.get(("b",), lambda: "b")
    assert cache.peek(("k",)) is None  # the oldest key left when the cache was full
