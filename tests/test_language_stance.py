"""The stance engine on the labelled development set and on the hard cases the issue names."""

from __future__ import annotations

from pathlib import Path

import pytest

from aicycle.language import LABELS, Stance, classify
from aicycle.language.evaluate import evaluate, lm_baseline, load_labelled, scores
from aicycle.language.stance import classify_rules

DEV = Path(__file__).parent / "data" / "stance_dev.jsonl"


@pytest.fixture(scope="module")
def dev_rows() -> list[dict[str, str]]:
    return load_labelled(DEV)


def test_dev_set_covers_every_label_with_real_sources(dev_rows: list[dict[str, str]]) -> None:
    assert len(dev_rows) >= 300
    counts = {label: sum(1 for r in dev_rows if r["label"] == label) for label in LABELS}
    assert min(counts.values()) >= 15, counts
    assert all(r["source"].startswith("data/") for r in dev_rows)
    assert len({r["id"] for r in dev_rows}) == len(dev_rows)


def test_macro_f1_on_dev_set_meets_target_and_beats_lm(dev_rows: list[dict[str, str]]) -> None:
    # The rules were written on this set (so their figure is not a held-out one); the model was not trained
    # on it. The held-out figures are leave-one-company-out on the corpus (test_language_model.py).
    rules = evaluate(dev_rows, lambda text: classify_rules(text).label)
    trained = evaluate(dev_rows)
    lm = evaluate(dev_rows, lm_baseline())
    assert rules["macro_f1"] >= 0.84, rules
    assert trained["macro_f1"] >= 0.80, trained
    assert min(rules["macro_f1"], trained["macro_f1"]) > lm["macro_f1"] + 0.4


@pytest.mark.parametrize(("text", "label"), [
    ("We are not slowing down our investment in AI infrastructure.", "expand"),
    ("We're not seeing any slowdown in data center demand.", "expand"),
    ("There is no digestion happening; we continue to add capacity as fast as we can.", "expand"),
    ("We expect capital expenditures to grow meaningfully in 2026.", "expand"),
    ("We expect 2026 capex to grow at a lower rate than in 2025.", "moderate"),
    ("Capex will continue to grow next year, but at a slower pace.", "moderate"),
    ("We will be disciplined with our capital spending.", "moderate"),
    ("We remain capacity constrained and demand continues to exceed our available supply.", "expand"),
    ("We plan to moderate the pace of our data center build-out.", "moderate"),
    ("Customers are digesting the capacity they deployed last year.", "moderate"),
    ("Efficiency gains let us serve more workloads, so we will deploy even more compute.", "expand"),
    ("Because our own capacity is short, we are renting third-party GPU capacity from neoclouds.", "expand"),
    ("We will sell excess capacity to third parties.", "moderate"),
    ("We are adding warehouse capacity in the Midwest.", "none"),
    ("Smartphones now average 8 GB of DRAM capacity per phone.", "none"),
    ("Operating expenses will grow as we hire more engineers.", "none"),
    ("We are reducing our capital expenditures for 2026.", "cut"),
    ("We now expect capital expenditures to be roughly flat year over year.", "maintain"),
    ("We reaffirm our capital expenditure outlook for the year.", "maintain"),
    ("We are pausing construction of several data center projects.", "moderate"),
    ("We are cancelling two data center projects and cutting capex by 20%.", "cut"),
    ("Revenue grew 20% and operating margin expanded.", "none"),
])
def test_hard_cases(text: str, label: str) -> None:
    assert classify(text).label == label


# How hyperscaler executives talk about capex (written for these tests, not drawn from the dev set).
@pytest.mark.parametrize(("text", "label"), [
("We expect capital expenditures to increase meaningfully in 2026 as we continue to invest in AI infrastructure.", "expand"),
("We expect full-year 2025 capex to be approximately $85 billion, up from $75 billion.", "expand"),
("We continue to be capacity constrained, and we expect to remain constrained through at least the end of our fiscal year.", "expand"),
("Demand continues to exceed our available capacity.", "expand"),
("We will continue to be disciplined in how we invest.", "moderate"),
("We are committed to investing responsibly and with discipline.", "moderate"),
("We expect capex growth to moderate in fiscal 2026.", "moderate"),
("The growth rate of our capital expenditures will be lower than this year.", "moderate"),
("We expect our capex spend to be roughly in line with this year.", "maintain"),
("We are not seeing any signs of digestion.", "expand"),
("We think there could be a period of digestion at some point, but we do not see it today.", "expand"),
("We are leasing additional data center capacity from third parties to meet demand.", "expand"),
("We signed contracts with neocloud providers for additional compute capacity because our own data centers are full.", "expand"),
("We are optimizing our infrastructure spend and extending the useful life of our servers.", "moderate"),
("We are pausing or slowing some early-stage projects in certain regions.", "moderate"),
("We have decided to slow the pace of construction at some data center sites.", "moderate"),
("We plan to reduce our capital expenditures next year.", "cut"),
("Capex declined 10% sequentially.", "cut"),
("Our capex outlook is unchanged at $70 billion to $75 billion.", "maintain"),
("We are reiterating our capex guidance for the year.", "maintain"),
("Our operating expenses grew 9% year over year driven by headcount.", "none"),
("Cloud revenue grew 28% year over year.", "none"),
("Our fulfillment network capacity increased as we opened new warehouses.", "none"),
("We had an excellent quarter.", "none"),
("The majority of our capex is for technical infrastructure, with roughly 60% in servers and 40% in data centers and networking.", "none"),
("Given the strong demand signals, we are accelerating our data center build-out.", "expand"),
("We expect to roughly double our total data center footprint over the next two years.", "expand"),
("Efficiency gains from DeepSeek-style models will lead to more demand for compute, not less.", "expand"),
("We may be able to sell excess capacity to third parties if we overbuild.", "moderate"),
("We are not going to increase capex beyond what we outlined.", "maintain"),
("We remain supply constrained on GPUs.", "expand"),
("Capex will be meaningfully higher next year.", "expand"),
("We expect capital expenditures, including finance leases, to grow sequentially.", "expand"),
("We will moderate our pace of investment in the metaverse to fund AI.", "moderate"),
("We don't see any slowdown in our capex plans.", "expand"),
    ("Capital expenditures, including finance leases, were $22.6 billion, up 78% year over year.", "expand"),
    ("Capital expenditures were $19.37 billion in the third quarter.", "none"),
    ("Remaining performance obligations increased 49% to $455 billion.", "none"),
    ("Our capex will be roughly $100 billion in 2025, driven by AI.", "maintain"),
    ("We expect the sequential growth in capex to slow in the second half.", "moderate"),
    ("We're going to be very thoughtful about the pace of our investment.", "moderate"),
    ("We have more demand than we have capacity to serve.", "expand"),
    ("We'll be short power and data center capacity through the first half of next year.", "expand"),
    ("We now expect capex to be at the high end of our range.", "expand"),
    ("We are lowering our capex outlook for the year due to data center delays at a third-party provider.", "cut"),
    ("Our depreciation expense will grow significantly as these assets come online.", "none"),
    ("We expect to spend less on capex in 2027.", "cut"),
    ("The pace of capex growth will moderate in 2026 but capex will still grow.", "moderate"),
    ("Capex was up 2x year over year.", "expand"),
    ("AWS continues to be capacity constrained, primarily by power.", "expand"),
    ("We expect to be short on power and space for Azure through the end of the fiscal year.", "expand"),
    ("We added about 120 megawatts of active power during the quarter.", "expand"),
    ("We lowered our capex guidance for the year due to delays by a third-party data center developer.", "cut"),
    ("We are going to aggressively front-load building capacity.", "expand"),
    ("The company ended the quarter with $55.6 billion of revenue backlog.", "none"),
    ("We expect capex to be in line with our prior guidance.", "maintain"),
    ("We'll be disciplined about when and where we add capacity.", "moderate"),
    ("We see no evidence of a slowdown in AI infrastructure spending.", "expand"),
    ("Our spending on AI infrastructure is measured and tied to demand signals.", "moderate"),
    # a depreciation change alone is accounting (the corpus's seven real useful-life sentences are all labelled
    # `none`); the fleet sweated in place of new capacity is the moderate row's
    ("We are extending the useful life of our servers from five to six years.", "none"),
    ("We're extending the useful life of our fleet rather than buying new capacity.", "moderate"),
    ("We have ample capacity to meet demand.", "moderate"),
    ("We expect to slow our data center construction while we evaluate returns.", "moderate"),
    ("We remain committed to our capex plan.", "maintain"),
])
def test_executive_phrasings(text: str, label: str) -> None:
    assert classify(text).label == label


@pytest.mark.parametrize(("text", "label"), [
    # the new range against the prior one decides, whatever the verb says; raising only the low end of a
    # range is maintain (docs/stance_labels.md)
    ("We anticipate 2026 capital expenditures, including principal payments on finance leases, to be in "
     "the range of $130-145 billion, narrowed from our prior outlook of $125-145 billion.", "maintain"),
    ("We now expect capex of $64 billion to $72 billion, updated from our prior range of $66 billion to "
     "$74 billion.", "cut"),
    ("We raised our full-year capex guidance to $75 billion from $70 billion.", "expand"),
    ("During fiscal year 2025 and fiscal year 2024, we spent $3.4 billion and $1.1 billion on capital "
     "expenditures, respectively.", "expand"),
])
def test_guidance_and_yearly_figures_are_compared(text: str, label: str) -> None:
    stance = classify(text)
    assert stance.label == label
    assert any("→" in cue for cue in stance.cues)


def test_stance_carries_confidence_and_deciding_cues() -> None:
    stance = classify("We will continue to invest aggressively in AI infrastructure.")
    assert isinstance(stance, Stance)
    assert stance.label == "expand" and 0.5 <= stance.confidence <= 1.0
    assert "continue to invest" in stance.cues
    assert classify("The weather was nice.") == Stance("none", 0.95, ())


def test_scores_counts_per_class() -> None:
    result = scores(["expand", "cut", "none", "none"], ["expand", "none", "none", "cut"])
    per = result["per_class"]
    assert per["expand"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}  # type: ignore[index]
    assert per["cut"]["f1"] == 0.0 and per["none"]["precision"] == 0.5  # type: ignore[index]


# The definitions' own cases (docs/stance_labels.md): the traps of the `none` row, negation, slower growth
# against lower capex, delivery timing, a flat run-rate, raising only the low end of a range.
@pytest.mark.parametrize(("text", "label"), [
    ("Our ads monetization efficiency improved again this quarter.", "none"),
    ("We expect operating expenses to grow in the mid-teens as we add headcount.", "none"),
    ("We expect full-year revenue growth of about 20%.", "none"),
    ("Drive capacity per unit reached 30 terabytes.", "none"),
    ("We have ample borrowing capacity under our revolving credit facility.", "none"),
    ("Capex for our new headquarters office building will be about $200 million.", "none"),
    ("We recorded an inventory write-off of $300 million for older products.", "none"),
    ("Capital expenditures were $19.37 billion in the third quarter.", "none"),
    ("We are not slowing down our investment in AI infrastructure.", "expand"),
    ("We expect 2026 capex to grow at a lower rate than in 2025.", "moderate"),
    ("We expect 2026 capex to be lower than in 2025.", "cut"),
    ("We expect capex in the second half to be similar to the second quarter's level.", "maintain"),
    ("We now expect capital expenditures of $125-145 billion, narrowed from $120-145 billion.", "maintain"),
    ("Demand continues to exceed the capacity we can bring online.", "expand"),
    ("We now expect capital expenditures to be meaningfully higher next year.", "expand"),
    ("We are pausing a few early-stage sites while we reassess.", "moderate"),
    ("We have reduced our capital budget for the year.", "cut"),
    ("We are renting capacity from other clouds because our own data centers are full.", "expand"),
    ("We can throttle our spending if demand softens.", "moderate"),
])
def test_definitions_cases(text: str, label: str) -> None:
    assert classify(text).label == label


# Known misses of the shipped model on the definitions' wording, kept visible (strict: a fix must say so).
@pytest.mark.parametrize(("text", "label"), [
    # the definitions' own illustrations and borderline rules (language/definitions.py)
    ("Gaming supply remained constrained through the holiday quarter.", "none"),
    ("There has been no change to our build plans.", "maintain"),
    ("We will not add any new data center capacity this year.", "cut"),
    ("Spending came in below plan because a lease delivery moved into next quarter.", "maintain"),
    ("Capex was lower than expected this quarter due to the timing of deliveries from third-party providers.",
     "maintain"),
    ("Our HBM for next year is fully booked.", "expand"),
    ("We are taking wafer starts down by about a fifth.", "cut"),
    ("We reduced NAND wafer starts by 10% to bring supply in line with demand.", "cut"),
    ("We will prioritize discipline and efficiency rather than adding capacity.", "moderate"),
    ("We think there could be a period of digestion at some point, but we do not see it today.", "expand"),
    ("We are limiting our forward commitments for new capacity until we see how demand develops.", "moderate"),
    ("We keep flexibility to adjust the pace of our data center build.", "moderate"),
    ("Spending rises again next year, though by less than this year's increase.", "moderate"),
    ("We will use these efficiency gains to scale up our compute even faster.", "expand"),
    ("Our backlog grew to a record, driven by strong demand for AI infrastructure.", "expand"),
    ("The increase in our remaining performance obligations was driven by customer commitments for capacity.", "expand"),
    ("Our customers are still building.", "expand"),
    ("Hyperscalers continue to scale up and scale out their AI clusters.", "expand"),
    ("We are not adding capacity this year.", "cut"),
    ("We are not building new data centers this year.", "cut"),
    ("Both buildings remain on schedule for lease commencement in the fourth quarter.", "maintain"),
    ("We still expect to spend about $40 billion this year.", "maintain"),
    ("We expect Q2 capex to be reasonably representative of the quarterly run rate for the rest of the year.",
     "maintain"),
    ("We preserve the flexibility to accommodate next-generation systems when they are available.", "none"),
    # round 18: the cut, maintain and moderate rows in other words than the shapes above had
    ("We've cancelled the planned data center expansion in Frankfurt.", "cut"),
    ("We're releasing about 800 megawatts of leased capacity back to the market.", "cut"),
    ("Our plan to bring roughly 2 gigawatts online this year is unchanged.", "maintain"),
    ("The first-quarter capex run-rate is a good proxy for each of the remaining quarters.", "maintain"),
    ("Spending will continue to grow in fiscal 2026, but at a more moderate rate.", "moderate"),
    ("We're adding capacity only when we have firm purchase orders in hand.", "moderate"),
    # negation and look-alikes stay out of those shapes
    ("Our HBM is not fully booked for next year.", "none"),
    ("We have entered into various non-cancelable operating lease agreements for our data centers.", "none"),
    ("We will retire older capacity and replace it with Blackwell systems.", "expand"),
    ("We are not adding capacity as fast as demand grows, but we are adding.", "expand"),
    ("Customers are building AI applications on our platform.", "none"),
    ("We reduced production costs by 10%.", "none"),
    # demand above supply said at some length is expand; a consumer segment's is the `none` trap
    ("We are operating in an environment where demand for our products exceeds supply.", "expand"),
    ("We are seeing demand that continues to outpace supply.", "expand"),
    ("Demand for our gaming products exceeds supply.", "none"),
    ("PC demand exceeded supply in the quarter.", "none"),
    # a reported amount with a comparison has a direction (STANCE_LABELS.md: only one without is `none`)
    ("Capital expenditures for the December quarter were $115 million, up $38 million from the September quarter.",
     "expand"),
    ("Capital expenditures were $19.37 billion in the third quarter.", "none"),
])
def test_definitions_shapes(text: str, label: str) -> None:
    assert classify(text).label == label


@pytest.mark.xfail(strict=True, reason="the model misreads these; see docs/language.md, what remains")
@pytest.mark.parametrize(("text", "label"), [
    ("There's a risk of overbuilding, but the risk of underinvesting is far greater.", "expand"),
])
def test_definitions_cases_the_model_misses(text: str, label: str) -> None:
    assert classify(text).label == label


@pytest.mark.parametrize("question", [
    "Could you talk about how much capacity you expect to add next year?",
    "And then, you talked quite a bit about supply capacity constraints.",
    "Are you still planning to grow capex meaningfully in 2026?",
])
def test_an_analysts_question_is_none_by_definition(question: str) -> None:
    stance = classify(question)
    assert stance.label == "none" and stance.cues == ("an analyst's question",)
