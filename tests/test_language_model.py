"""The trained stance model: what it ships, that it is deterministic, and its held-out (leave-one-company-out)
figures beside the rules alone and the Loughran-McDonald dictionary."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from aicycle.language import classify, model, train
from aicycle.language.evaluate import CORPUS, evaluate_corpus, load_labelled
from aicycle.language.labels import LABELS

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus() -> list[dict[str, str]]:
    return load_labelled(CORPUS())


def test_parameters_ship_as_plain_json_with_their_provenance() -> None:
    raw = resources.files("aicycle").joinpath(model.MODEL_FILE).read_bytes()
    assert not raw.startswith(b"\x80")  # not a pickle
    payload = json.loads(raw)
    assert payload["labels"] == list(LABELS) and len(payload["features"]) == len(payload["weights"]) > 5000
    assert payload["trained_on"]["sentences"] >= 2500 and payload["trained_on"]["companies"] >= 30
    assert 0.3 < payload["temperature"] < 3
    assert model.from_json(payload).labels == LABELS


def test_predictions_are_pinned() -> None:
    # label and calibrated confidence, the same on every machine (pure-Python inference over the JSON)
    got = {s: (classify(s).label, classify(s).confidence) for s in PINNED}
    assert got == PINNED


PINNED = {
    "Demand continues to exceed the capacity we can bring online.": ("expand", 0.998),
    "We are reducing our capital expenditures for 2026.": ("cut", 0.988),
    "We reaffirm our capital expenditure outlook for the year.": ("maintain", 0.963),
    "We are pausing a few early-stage sites while we reassess.": ("moderate", 0.9),
    "Revenue grew 20% and operating margin expanded.": ("none", 0.95),
}


def test_training_is_deterministic(corpus: list[dict[str, str]]) -> None:
    subset = [r for r in corpus if r["company"] in ("AMAT", "INTC", "META", "NVDA", "STX")]
    data = train.examples(subset)
    first, second = train.fit(data), train.fit(data)
    assert train.export(first, 1.0, {}) == train.export(second, 1.0, {})


def test_corpus_is_large_labelled_twice_and_covers_every_company(corpus: list[dict[str, str]]) -> None:
    assert len(corpus) >= 2500
    companies = {r["company"] for r in corpus}
    assert {"META", "MSFT", "GOOGL", "AMZN", "NVDA", "IREN", "CIFR", "WULF", "ORCL", "CRWV"} <= companies
    assert len(companies) >= 30
    assert all(r["source_file"].startswith("data/") and isinstance(r["sentence_index"], int) for r in corpus)
    assert {label: sum(r["label"] == label for r in corpus) for label in LABELS}["cut"] >= 40
    assert len(corpus) >= 5600  # round 19's 1,945 labelled twice joined the 3,670


@pytest.fixture(scope="module")
def held_out(corpus: list[dict[str, str]]) -> dict[str, object]:
    return evaluate_corpus(corpus, baseline=True)


def test_leave_one_company_out_beats_the_rules_and_the_dictionary(held_out: dict) -> None:
    model_f1, rules_f1 = held_out["model"]["macro_f1"], held_out["rules"]["macro_f1"]
    assert held_out["companies"] >= 30 and held_out["method"] == "leave-one-company-out"
    assert model_f1 >= 0.54  # the figure in docs/language.md (0.552); the rules alone: 0.476
    assert model_f1 > rules_f1 > held_out["loughran_mcdonald"]["macro_f1"]
    assert held_out["model"]["ece"] < 0.05  # calibrated confidence
    assert sum(sum(row.values()) for row in held_out["model"]["confusion"].values()) == held_out["sentences"]


def test_the_definitions_shapes_carry_to_a_writer_the_model_has_not_seen(held_out: dict) -> None:
    # the written sentences join training; each writer's are scored by a model fitted without them
    written = held_out["written"]
    assert written["method"] == "leave-one-writer-out" and written["writers"] == 4 and written["sentences"] >= 1200
    assert written["model"]["macro_f1"] >= 0.72  # 0.747 (docs/language.md); the rules alone 0.611
    assert written["model"]["macro_f1"] > written["rules"]["macro_f1"] + 0.1
    assert all(c["f1"] >= 0.6 for c in written["model"]["per_class"].values())


def test_written_sentences_are_training_only_and_labelled_by_the_definitions() -> None:
    from aicycle.language.evaluate import WRITTEN

    rows = load_labelled(WRITTEN())
    assert {r["company"] for r in rows} == {"written"} and {r["writer"] for r in rows} == {1, 2, 3, 4}
    assert all(r["label"] in LABELS and r["why"] for r in rows)
    real = {r["text"].lower() for r in load_labelled(CORPUS())}
    assert not real & {r["text"].lower() for r in rows}  # none is a corpus sentence
    payload = json.loads(resources.files("aicycle").joinpath(model.MODEL_FILE).read_bytes())
    assert payload["trained_on"]["written"]["sentences"] == len(rows)


@pytest.mark.xfail(strict=True, reason="issue 14's target (macro-F1 >= 0.85, no label below 0.75) is not met: "
                                       "0.552 leave-one-company-out (docs/language.md)")
def test_the_issue_target_on_held_out_companies(held_out: dict) -> None:
    assert held_out["model"]["macro_f1"] >= 0.85
    assert all(c["f1"] >= 0.75 for c in held_out["model"]["per_class"].values())


def test_a_documents_sentences_in_one_batch_read_as_one_at_a_time() -> None:
    from aicycle.language.lexicon import TOPICAL
    from aicycle.language.stance import classify_topical, classify_topical_many
    from aicycle.language.text import document_text, sentences

    text = (REPO / "data" / "transcripts" / "AMAT_2024_Q1.txt").read_text(encoding="utf-8")
    topical = [s.lower() for s in sentences(document_text(text, "transcript")) if TOPICAL.search(s.lower())]
    assert len(topical) > 50
    batch = classify_topical_many([(s, None) for s in topical])
    assert batch == [classify_topical(s) for s in topical]
    assert {s.label for s in batch} - {"none"}  # the batch holds stances, not only `none`


def test_encoded_rows_are_the_text_features_the_model_knows() -> None:
    # `StanceModel.encode` and the document batch skip the feature names: the same rows and the same L2
    # count as `text_features`, also after the token table forgets the words outside the model
    from aicycle.language.batch import text_rows_many
    from aicycle.language.encoding import text_rows
    from aicycle.language.text import document_text, sentences

    trained = model.load()
    text = (REPO / "data" / "transcripts" / "AMD_2024_Q3.txt").read_text(encoding="utf-8")
    lowered = [s.lower() for s in sentences(document_text(text, "transcript"))]
    lowered += ["we don't see any slowing, not at all, and won’t pause capex of $5 billion in 2025 (12%)", ""]
    for forget in (False, True):
        if forget:
            trained.tables.forget()
        tokens = [model._TOKEN.findall(sentence) for sentence in lowered]
        batch = text_rows_many(tokens, trained.tables, trained.batch_tables)
        assert batch is not None
        for n, sentence in enumerate(lowered):
            expected = model.text_features(sentence)
            known = sorted(trained.index[name] for name in expected if name in trained.index)
            rows, count = text_rows(tokens[n], trained.tables)
            assert count == len(expected) == batch[2][n]
            assert sorted(rows) == known == sorted(batch[0][batch[1] == n].tolist())
