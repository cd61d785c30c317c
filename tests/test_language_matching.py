"""The one-pass forms give the answers of the plain ones they replace, on the stance corpus."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from aicycle.language import batch, definitions, model, rules
from aicycle.language.document import _index, _topical_spans, _watch_counts, watch_terms
from aicycle.language.labels import Stance
from aicycle.language.lexicon import CUE_MATCHERS, DIRECTION_MATCHER, SUBJECT_MATCHER, TOPICAL
from aicycle.language.needles import SMALL
from aicycle.language.text import sentence_spans

DATA = Path(__file__).resolve().parents[1] / "data" / "stance"


def _lowered() -> list[str]:
    return [json.loads(line)["text"].lower() for f in sorted(DATA.glob("*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines()]


def test_needles_in_one_pass_match_str_find() -> None:
    texts = [*_lowered(), "not \u2019n't year", "rp", "", "wafer"]
    assert len("\0".join(texts)) > SMALL  # the array path
    by_pass = definitions.present_many(texts)
    one_by_one = [definitions.present_many([text]) for text in texts]  # the plain path
    assert by_pass == [bits[0] for bits in one_by_one]
    assert any(by_pass)


def test_both_cue_matchers_in_one_pass_match_each_alone() -> None:
    for text in _lowered():
        positions = _index().scan(text)["cue"]
        subjects, directions = CUE_MATCHERS.matches(text, positions)
        assert [(i, m.span()) for i, m in subjects] == \
            [(i, m.span()) for i, m in SUBJECT_MATCHER.finditer(text, positions)]
        assert [(i, m.span()) for i, m in directions] == \
            [(i, m.span()) for i, m in DIRECTION_MATCHER.finditer(text, positions)]


def test_the_gate_keeps_every_sentence_holding_a_topic_word() -> None:
    text = "\n".join(_lowered())
    spans, total = _topical_spans(text, text, _index().scan(text)["gate"])
    every = sentence_spans(text)
    assert total == len(every)
    assert spans == [(a, b) for a, b in every if TOPICAL.search(text[a:b])]


def test_watch_terms_at_candidates_match_the_plain_search() -> None:
    text = "\n".join([*_lowered(), "indigestion, digestion; in digest, indigest"])
    assert _watch_counts(text, _index().scan(text)["watch"]) == watch_terms(text)
    assert watch_terms(text)["digest"] >= 4


def test_the_rules_needle_groups_in_one_pass_match_in_tests() -> None:
    texts = [*_lowered(), "the grid", "the guide seems to", "yet", "you"]
    needles = rules._NEEDLES
    expected = [sum({bit for needle, bit in needles.bits if needle in text}) for text in texts]
    assert needles.present(texts) == expected


def test_stances_of_many_rows_match_one_at_a_time() -> None:
    trained = model.load()
    rng = np.random.default_rng(5)
    probs = rng.dirichlet(np.ones(len(trained.labels)), size=200)
    probs[0] = probs[1] = 1.0 / len(trained.labels)  # ties: the first label, as `max` picks
    rule_stances = [Stance(trained.labels[i % len(trained.labels)], 0.9, ("cue",)) for i in range(len(probs))]
    assert trained.stances(rule_stances, probs) == \
        [trained.stance(r, row) for r, row in zip(rule_stances, probs.tolist(), strict=True)]


def test_dense_codes_find_what_the_binary_search_finds() -> None:
    word = model.load().batch_tables.word
    assert word.dense is not None
    codes = np.arange(len(word.dense) + 50, dtype=np.int64)[::-1].copy()
    owners = np.arange(len(codes), dtype=np.int64)
    searched = batch.Codes(word.codes, word.rows).find(owners, codes)
    dense = word.find(owners, codes)
    assert all(np.array_equal(a, b) for a, b in zip(searched, dense, strict=True))


def test_token_arrays_follow_the_table_through_forget() -> None:
    trained = model.load()
    table, tables = trained.tables, trained.batch_tables
    for round_ in range(2):
        table.number(f"zzqx{round_}")
        table.number("isn't")
        classes, negators = tables.token_arrays(table)
        assert classes.tolist() == table.class_numbers
        assert negators.tolist() == table.negators
        table.forget()
