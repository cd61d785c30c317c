"""`aicycle refresh --only releases` against a real local server replaying EDGAR.

The server replays NVIDIA's real submissions JSON, one index-headers page per earnings 8-K (the
layout of the real page in tests/data/edgar/, filled in with NVIDIA's real accession numbers and
file names) and, as the EX-99.1 bodies, the real NVIDIA release pages in data. Those pages
are the newsroom copies of the releases NVIDIA files as EX-99.1, not the exhibit files themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle import refresh
from aicycle.cli import app
from aicycle.errors import DataError
from aicycle.language.loader import release_rows
from aicycle.sec.client import SecConfig
from aicycle.sec.releases import SOURCE, parse_manifest, pick_release
from aicycle.store import open_store
from tests.replay_server import ReplayServer

AGENT = "aicycle tests tests@example.com"
SUBS = "/submissions/CIK0001045810.json"
FOLDER = "/Archives/edgar/data/1045810/{}/"
# Earnings 8-Ks in the submissions file: accession -> (filing date, primary document, EX-99.1 file,
# release page in data). EX-99.1 names as NVIDIA files them (…/000104581025000228/q3fy26pr.htm,
# …/000104581026000019/q4fy26pr.htm); the capture has no FY2026 Q4 release, so that exhibit is a 404.
FILINGS = {
    "0001045810-26-000019": ("2026-02-25", "nvda-20260225.htm", "q4fy26pr.htm", None),
    "0001045810-25-000228": ("2025-11-19", "nvda-20251119.htm", "q3fy26pr.htm", "nvda_2025-11-19_q3fy26"),
    "0001045810-25-000207": ("2025-08-27", "nvda-20250827.htm", "q2fy26pr.htm", "nvda_2025-08-27_q2fy26"),
    "0001045810-25-000115": ("2025-05-28", "nvda-20250528.htm", "q1fy26pr.htm", "nvda_2025-05-28_q1fy26"),
    "0001045810-25-000021": ("2025-02-26", "nvda-20250226.htm", "q4fy25pr.htm", "nvda_2025-02-26_q4fy25"),
}
STORED = [a for a, f in FILINGS.items() if f[3]]


def _folder(accession: str) -> str:
    return FOLDER.format(accession.replace("-", ""))


def index_headers(accession: str, filed: str, primary: str, exhibit: str) -> bytes:
    """An 8-K's index-headers page in the layout of the real page (tests/data/edgar/README.md)."""
    day = filed.replace("-", "")
    docs = [("8-K", 1, primary, "8-K"), ("EX-99.1", 2, exhibit, "EX-99.1"),
            ("EX-99.2", 3, exhibit.replace("pr.htm", "cfocommentary.htm"), "EX-99.2")]
    blocks = "".join(
        f"&lt;DOCUMENT&gt;\n&lt;TYPE&gt;{t}\n&lt;SEQUENCE&gt;{n}\n&lt;FILENAME&gt;{name}\n"
        f"&lt;DESCRIPTION&gt;{d}\n&lt;TEXT&gt;\n<a href=\"{name}\">Document {n} - file: {name}</a><br>\n"
        "&lt;/DOCUMENT&gt;\n" for t, n, name, d in docs)
    page = (f"<HTML><HEAD><TITLE>SEC EDGAR Submission {accession}</TITLE>\n<!--\n"
            f"<SEC-HEADER>{accession}.hdr.sgml : {day}\n<ACCESSION-NUMBER>{accession}\n<TYPE>8-K\n"
            f"<PUBLIC-DOCUMENT-COUNT>{len(docs)}\n<FILING-DATE>{day}\n<FILER>\n<COMPANY-DATA>\n"
            "<CONFORMED-NAME>NVIDIA CORP\n<CIK>0001045810\n</COMPANY-DATA>\n</FILER>\n</SEC-HEADER>\n-->\n"
            f"</HEAD><BODY>\n<PRE>&lt;SEC-DOCUMENT&gt;{accession}-index.html : {day}\n"
            f"&lt;SEC-HEADER&gt;{accession}.hdr.sgml : {day}\nACCESSION NUMBER:\t\t{accession}\n"
            f"CONFORMED SUBMISSION TYPE:\t8-K\nFILED AS OF DATE:\t\t{day}\n&lt;/SEC-HEADER&gt;\n"
            f"{blocks}&lt;/SEC-DOCUMENT&gt;</PRE></BODY></HTML>\n")
    return page.encode()


def _routes(data_dir: Path) -> dict[str, Path | bytes]:
    edgar = data_dir / "edgar"
    routes: dict[str, Path | bytes] = {SUBS: edgar / "submissions" / "CIK0001045810.json"}
    for accession, (filed, primary, exhibit, page) in FILINGS.items():
        routes[_folder(accession) + f"{accession}-index-headers.html"] = index_headers(accession, filed, primary,
                                                                                       exhibit)
        if page:
            routes[_folder(accession) + exhibit] = next((edgar / "earnings_releases" / "nvda").glob(f"{page}_*"))
    return routes


def _exhibit(accession: str) -> str:
    return _folder(accession) + FILINGS[accession][2]


@pytest.fixture
def server(data_dir: Path) -> Iterator[ReplayServer]:
    with ReplayServer(_routes(data_dir)) as s:
        yield s


@pytest.fixture
def env(home: Path, server: ReplayServer, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AICYCLE_SEC_USER_AGENT", AGENT)
    monkeypatch.setenv("AICYCLE_SEC_BASE_URL", server.url)
    monkeypatch.setenv("AICYCLE_SEC_ARCHIVES_URL", server.url)
    open_store(seed=False).close()  # start empty: these tests count what the refresh writes
    return home


def _run(server: ReplayServer, home: Path, **kw: object) -> dict:
    base = {"user_agent": AGENT, "base_url": server.url, "archives_url": server.url, "rate": 10.0,
            "timeout": 2.0, "attempts": 3, "backoff": 0.01, "cache_path": home / "http-cache" / "sec.sqlite"}
    cfg = SecConfig(**{**base, **kw})  # type: ignore[arg-type]
    options = {"sec_config": cfg, "releases_per_company": 5}
    return refresh.run(["releases"], ["NVDA"], options=options)["sources"]["releases"]


def _documents() -> list[dict]:
    with open_store() as store:
        return store.query("SELECT * FROM documents ORDER BY date")


def test_releases_are_stored_with_provenance(env: Path, server: ReplayServer) -> None:
    result = _run(server, env)
    assert result["ok"] == ["NVDA"] and result["changes"] == {"NVDA": {"inserted": 4, "changed": 0}}
    assert list(result["failed"]) == ["NVDA 0001045810-26-000019"]  # the capture lacks that exhibit
    assert "q4fy26pr.htm: HTTP 404" in result["failed"]["NVDA 0001045810-26-000019"]
    rows = _documents()
    assert [r["accession"] for r in rows] == STORED[::-1]
    assert [str(r["date"]) for r in rows] == ["2025-02-26", "2025-05-28", "2025-08-27", "2025-11-19"]
    q3 = rows[-1]
    assert q3["kind"] == "release" and q3["ticker"] == "NVDA" and q3["source"] == SOURCE == "sec_8k_ex99_1"
    assert q3["url"] == f"{server.url}/Archives/edgar/data/1045810/000104581025000228/q3fy26pr.htm"
    assert q3["fetched_at"].date() == dt.datetime.now(dt.UTC).date()
    assert "today reported record revenue for the third quarter ended October 26, 2025, of $57.0 billion" \
        in q3["text"]
    assert "_satellite" not in q3["text"]  # page scripts are not prose
    assert all(r.headers.get("User-Agent") == AGENT for r in server.requests)


def test_a_second_run_adds_nothing_and_fetches_no_stored_filing(env: Path, server: ReplayServer) -> None:
    _run(server, env)
    first = len(server.requests)
    again = _run(server, env)
    assert again["ok"] == ["NVDA"] and again["changes"] == {}
    assert len(_documents()) == 4
    assert again["skipped"] == {"NVDA": "4 of the newest 5 already stored"}
    repeat = [r.path for r in server.requests[first:]]
    # only the submissions (revalidated: 304) and the one filing not stored yet
    assert repeat[0] == SUBS and server.requests[first].status == 304
    assert not any(FILINGS[a][2] in p or a in p for p in repeat for a in STORED)


def test_a_failing_filing_is_reported_and_the_others_stored(env: Path, server: ReplayServer) -> None:
    q2, q1 = "0001045810-25-000207", "0001045810-25-000115"
    server.script(_exhibit(q2), ["503"] * 10)
    server.script(_folder(q1) + f"{q1}-index-headers.html", ["sleep:1.0"] * 10)
    result = _run(server, env, timeout=0.3, attempts=2)
    assert result["ok"] == ["NVDA"] and result["changes"]["NVDA"]["inserted"] == 2
    assert "HTTP 503 after 2 attempts" in result["failed"][f"NVDA {q2}"]
    assert "ReadTimeout after 2 attempts" in result["failed"][f"NVDA {q1}"]
    assert {r["accession"] for r in _documents()} == {"0001045810-25-000228", "0001045810-25-000021"}
    # the source recovers: the two missing releases come in, the two stored stay as they were
    server.script(_folder(q1) + f"{q1}-index-headers.html", [])
    server.script(_exhibit(q2), [])
    later = _run(server, env)
    assert later["changes"]["NVDA"] == {"inserted": 2, "changed": 0}
    assert len(_documents()) == 4


def test_truncated_pages_are_fetched_again(env: Path, server: ReplayServer) -> None:
    q3 = "0001045810-25-000228"
    server.script(_exhibit(q3), ["truncate", "ok"])
    server.script(_folder(q3) + f"{q3}-index-headers.html", ["cut", "ok"])
    result = _run(server, env)
    assert result["changes"]["NVDA"]["inserted"] == 4
    assert [h.status for h in server.hits(_exhibit(q3))] == [200, 200]  # half a page, then the page
    text = next(r["text"] for r in _documents() if r["accession"] == q3)
    assert "registered trademarks of NVIDIA Corporation" in text  # from the end of the release


def test_a_company_whose_submissions_fail_fails_alone(env: Path, server: ReplayServer) -> None:
    server.script(SUBS, ["503"] * 10)
    result = refresh.run(["releases"], ["NVDA", "MSFT"], options={"sec_config": SecConfig(
        user_agent=AGENT, base_url=server.url, archives_url=server.url, attempts=2, backoff=0.01)})
    failed = result["sources"]["releases"]["failed"]
    assert "HTTP 503 after 2 attempts" in failed["NVDA"] and "HTTP 404" in failed["MSFT"]
    assert result["failed_all"] and _documents() == []


def test_a_release_already_stored_from_the_newsroom_is_not_fetched_again(
        env: Path, server: ReplayServer, data_dir: Path) -> None:
    with open_store(write=True) as store:
        store.upsert("documents", [r for r in release_rows(data_dir / "edgar" / "earnings_releases")
                                   if r["ticker"] == "NVDA"])
    result = _run(server, env)
    assert result["skipped"] == {"NVDA": "4 of the newest 5 already stored"} and not result["changes"]
    assert [r.path for r in server.requests if "/Archives/" in r.path] == [
        _folder("0001045810-26-000019") + "0001045810-26-000019-index-headers.html",
        _folder("0001045810-26-000019") + "q4fy26pr.htm"]


def test_the_sec_rate_limit_covers_the_archives(env: Path, server: ReplayServer) -> None:
    _run(server, env, rate=5.0, cache_path=None)
    times = sorted(r.at for r in server.requests)
    assert len(times) == 11  # submissions + (index page + exhibit) x 5 filings
    for i, start in enumerate(times):
        assert sum(1 for t in times[i:] if t < start + 1.0) <= 5


def test_cli_refresh_releases(env: Path, server: ReplayServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AICYCLE_SEC_RELEASES_PER_COMPANY", "3")
    monkeypatch.setenv("AICYCLE_HTTP_RETRIES", "1")
    runner = CliRunner()
    result = runner.invoke(app, ["refresh", "--only", "releases", "--ticker", "NVDA"])
    assert result.exit_code == 0, result.output
    assert "NVDA: +2 new" in result.output and "0001045810-26-000019 failed" in result.output
    again = runner.invoke(app, ["refresh", "--only", "releases", "--ticker", "NVDA"])
    assert again.exit_code == 0 and "NVDA skipped: 2 of the newest 3 already stored" in again.output
    assert len(_documents()) == 2


def test_manifest_of_a_real_index_headers_page() -> None:
    page = (Path(__file__).parent / "data" / "edgar" / "lumn_0000018926-26-000014-index-headers_slice.html")
    documents = parse_manifest(page.read_text(), "0000018926-26-000014")
    assert [d.type for d in documents][:7] == ["10-K", "EX-3.2", "EX-3.3", "EX-4.1", "EX-4.4(A)(I)", "EX-21",
                                               "EX-23"]
    assert documents[5].filename == "lumn20251231ex21.htm" and documents[-1].filename == "lumn-20251231_htm.xml"
    assert documents[7].type == "GRAPHIC" and documents[7].description is None
    with pytest.raises(DataError, match="no EX-99.1 among the filed documents"):
        pick_release(documents, "0000018926-26-000014")
    with pytest.raises(DataError, match="the page is for 0000018926-26-000014"):
        parse_manifest(page.read_text(), "0001045810-25-000228")
    with pytest.raises(DataError, match="not an index-headers page"):
        parse_manifest("<html><body>Not Found</body></html>", "0001045810-25-000228")


def test_manifest_picks_exhibit_99_1() -> None:
    page = index_headers("0001045810-25-000228", "2025-11-19", "nvda-20251119.htm", "q3fy26pr.htm").decode()
    documents = parse_manifest(page, "0001045810-25-000228")
    assert pick_release(documents, "0001045810-25-000228").filename == "q3fy26pr.htm"
    unsafe = page.replace("&lt;FILENAME&gt;q3fy26pr.htm", "&lt;FILENAME&gt;../../x.htm")
    with pytest.raises(DataError, match="not a plain file name"):
        pick_release(parse_manifest(unsafe, "0001045810-25-000228"), "0001045810-25-000228")


def test_an_earnings_8k_without_exhibit_99_1_is_noted_not_failed(
        env: Path, data_dir: Path) -> None:
    routes = _routes(data_dir)
    newest = "0001045810-26-000019"
    page = index_headers(newest, "2026-02-25", "nvda-20260225.htm", "q4fy26pr.htm").decode()
    # drop the EX-99.1 block: results given only in the 8-K and EX-99.2
    start = page.index("&lt;DOCUMENT&gt;\n&lt;TYPE&gt;EX-99.1")
    end = page.index("&lt;/DOCUMENT&gt;\n", start) + len("&lt;/DOCUMENT&gt;\n")
    routes[_folder(newest) + f"{newest}-index-headers.html"] = (page[:start] + page[end:]).encode()
    with ReplayServer(routes) as server:
        result = _run(server, env)
        assert not any(_exhibit(newest) == r.path for r in server.requests)
    assert result["ok"] == ["NVDA"] and not result["failed"]
    assert result["skipped"] == {"NVDA": f"no EX-99.1 in {newest}"}
    assert result["changes"]["NVDA"]["inserted"] == 4
