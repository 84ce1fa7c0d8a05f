"""`calcibot test` (NLU part): held-out evaluation and k-fold cross-validation, like
`rasa test nlu`. Writes `intent_report.json`, a confusion-matrix PNG and a summary."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypedDict

from spacy.language import Language

from bot.config import INTENTS_DIR
from bot.nlu import pipeline
from bot.nlu.components import FALLBACK_INTENT, IntentScore, decide
from bot.nlu.data import Example, NluData, held_out_data, training_data
from bot.nlu.interpreter import Interpreter, ParseResult, is_negated
from bot.nlu.metrics import Report, classification_report
from bot.safety.gate import SafeUnderstanding
from bot.safety.redflags import RedFlagDetector, load_red_flags

# DESIGN.md §5 quality bars
BARS = {"accuracy": 0.95, "macro_f1": 0.93, "out_of_scope_recall": 0.95, "emergency_recall": 1.0}
TYPO_BAR = 0.90
# messages of two or three questions (intents/test/questions.yml): how many get each question
# read, in order, and how many of one question keep one reading; floors against regressions
QUESTIONS_BARS = {"each_read": 0.45, "one_kept_whole": 0.90}


class Prediction(TypedDict):
    text: str
    intent: str
    predicted: str
    confidence: float
    ranking: list[IntentScore]


def predict(
    interpreter: Interpreter | Callable[[str], ParseResult], examples: Sequence[Example]
) -> list[Prediction]:
    """Predictions of the NLU alone (an Interpreter) or of any understanding function."""
    understand = interpreter.parse if isinstance(interpreter, Interpreter) else interpreter
    out: list[Prediction] = []
    for example in examples:
        parsed = understand(example.text)
        out.append(
            Prediction(
                text=example.text,
                intent=example.intent,
                predicted=parsed["intent"]["name"],
                confidence=parsed["intent"]["confidence"],
                ranking=parsed["intent_ranking"],
            )
        )
    return out


def report_of(predictions: Sequence[Prediction]) -> Report:
    return classification_report(
        [p["intent"] for p in predictions], [p["predicted"] for p in predictions]
    )


def recall_of(report: Report, intent: str) -> float:
    scores = report["per_intent"].get(intent)
    return scores["recall"] if scores else 0.0


def folds(examples: Sequence[Example], k: int, seed: int) -> list[list[Example]]:
    """Stratified folds: each intent spread evenly over the k folds."""
    by_intent: dict[str, list[Example]] = defaultdict(list)
    for example in examples:
        by_intent[example.intent].append(example)
    rng = random.Random(seed)
    out: list[list[Example]] = [[] for _ in range(k)]
    for intent in sorted(by_intent):
        group = by_intent[intent][:]
        rng.shuffle(group)
        for i, example in enumerate(group):
            out[i % k].append(example)
    return out


def cross_validate(data: NluData, k: int, seed: int = 7) -> list[Prediction]:
    """Train k models, each predicting the fold it did not see."""
    predictions: list[Prediction] = []
    parts = folds(data.examples, k, seed)
    for i, held in enumerate(parts):
        train = NluData(
            examples=[e for j, part in enumerate(parts) if j != i for e in part],
            synonyms=data.synonyms,
            lookups=data.lookups,
        )
        interpreter = Interpreter(pipeline.train_pipeline(train))
        predictions.extend(predict(interpreter, held))
    return predictions


def tune_fallback(predictions: Sequence[Prediction]) -> dict[str, float]:
    """Pick threshold and ambiguity margin on cross-validation predictions.

    Utility per message: +1 for a right intent, 0 for a fallback (a clarifying question), -1
    for a wrong intent (Chow's reject rule at cost 1/2). The utility curve is flat and noisy,
    so the one-standard-error rule applies: the least fallback-prone setting whose mean utility
    is within one standard error of the best.
    """
    n = max(len(predictions), 1)
    grid = []
    for threshold in [t / 100 for t in range(0, 70, 5)]:
        for margin in [m / 100 for m in range(0, 30, 2)]:
            scores = []
            for p in predictions:
                decided = decide(p["ranking"], threshold, margin)["name"]
                if decided == FALLBACK_INTENT:
                    scores.append(0.0)
                else:
                    scores.append(1.0 if decided == p["intent"] else -1.0)
            mean = sum(scores) / n
            sd = (sum((x - mean) ** 2 for x in scores) / max(n - 1, 1)) ** 0.5
            grid.append((threshold, margin, mean, sd / n**0.5))
    best = max(grid, key=lambda g: g[2])
    eligible = [g for g in grid if g[2] >= best[2] - best[3]]
    threshold, margin, mean, _ = min(eligible, key=lambda g: (g[0] + g[1], g[0]))
    return {
        "threshold": threshold,
        "ambiguity_threshold": margin,
        "utility": round(mean, 4),
        "best_utility": round(best[2], 4),
        "standard_error": round(best[3], 4),
    }


def raw_predictions(predictions: Sequence[Prediction]) -> list[Prediction]:
    """The top textcat intent without the fallback rule (for tuning and for CV figures)."""
    out = []
    for p in predictions:
        top = p["ranking"][0]["name"] if p["ranking"] else FALLBACK_INTENT
        out.append(Prediction(**{**p, "predicted": top}))
    return out


def evaluate_entities(nlp: Language, examples: Sequence[Example]) -> dict[str, float]:
    """Exact-span, exact-value entity recall and precision on annotated examples."""
    expected = found = hit = 0
    interpreter = Interpreter(nlp)
    for example in examples:
        if not example.entities:
            continue
        gold = {(a["entity"], a["value"].lower(), a["start"], a["end"]) for a in example.entities}
        got = {
            (e["entity"], e["value"].lower(), e["start"], e["end"])
            for e in interpreter.parse(example.text)["entities"]
        }
        expected += len(gold)
        found += len(got)
        hit += len(gold & got)
    return {
        "recall": round(hit / max(expected, 1), 4),
        "precision": round(hit / max(found, 1), 4),
        "annotated": expected,
    }


def evaluate_negation(nlp: Language, cases: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Share of negation cases whose mention is found and marked as the case says."""
    right = 0
    failures = []
    for case in cases:
        text, mention = str(case["text"]), str(case["mention"])
        start = text.find(mention)
        doc = nlp(text)
        span = next(
            (
                e
                for e in doc.ents
                if e.start_char <= start < e.end_char
                or start <= e.start_char < start + len(mention)
            ),
            None,
        )
        ok = span is not None and is_negated(span, text) == bool(case["negated"])
        right += ok
        if not ok:
            failures.append({"text": text, "mention": mention, "negated": case["negated"]})
    return {
        "accuracy": round(right / max(len(cases), 1), 4),
        "cases": len(cases),
        "failures": failures,
    }


def evaluate_questions(interpreter: Interpreter, examples: Sequence[Example]) -> dict[str, Any]:
    """Of messages labelled as Rasa labels several intents (``ask_causes+ask_treatment``), the
    share whose questions are read one by one with those intents in that order; of the rest,
    the share read as one question (no `questions` in the parse)."""
    several = [e for e in examples if "+" in e.intent]
    one = [e for e in examples if "+" not in e.intent]
    read = {e.text: interpreter.parse(e.text).get("questions") or [] for e in examples}
    each = [e for e in several if "+".join(q["intent"]["name"] for q in read[e.text]) == e.intent]
    return {
        "several": len(several),
        "each_read": len(each) / max(len(several), 1),
        "split": sum(bool(read[e.text]) for e in several),
        "one": len(one),
        "one_kept_whole": sum(not read[e.text] for e in one) / max(len(one), 1),
        "missed": [e.text for e in several if e not in each],
        "split_though_one": [e.text for e in one if read[e.text]],
    }


def plot_confusion(predictions: Sequence[Prediction], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = sorted({p["intent"] for p in predictions} | {p["predicted"] for p in predictions})
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for p in predictions:
        matrix[index[p["intent"]]][index[p["predicted"]]] += 1
    fig, ax = plt.subplots(figsize=(12, 10))
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels, rotation=90, fontsize=7)
    ax.set_yticks(range(len(labels)), labels, fontsize=7)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    for i, row in enumerate(matrix):
        for j, n in enumerate(row):
            if n:
                ax.text(j, i, str(n), ha="center", va="center", fontsize=6)
    ax.set_title("Intent confusion matrix (held-out set)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def run(out: Path, *, folds: int = 5, model_dir: Path | None = None) -> dict[str, Any]:
    """Evaluate everything and write the reports to ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    data = training_data(INTENTS_DIR)
    if model_dir is not None and pipeline.is_trained(model_dir):
        nlp = pipeline.load(model_dir)
    else:
        nlp = pipeline.train_pipeline(data)
    interpreter = Interpreter(nlp)
    understand = SafeUnderstanding(interpreter, RedFlagDetector(nlp, load_red_flags()))
    held_out = held_out_data(INTENTS_DIR, "nlu.yml")
    typos = held_out_data(INTENTS_DIR, "typos.yml")
    negation = held_out_data(INTENTS_DIR, "negation.yml").negation
    test_predictions = predict(understand, held_out.examples)
    test_report = report_of(test_predictions)
    nlu_only = report_of(predict(interpreter, held_out.examples))
    typo_report = report_of(predict(understand, typos.examples))
    result: dict[str, Any] = {
        "test": test_report,
        "out_of_scope_recall": recall_of(test_report, "out_of_scope"),
        "emergency_recall": recall_of(test_report, "emergency"),
        "nlu_only": {
            "accuracy": nlu_only["accuracy"],
            "macro_f1": nlu_only["macro_f1"],
            "emergency_recall": recall_of(nlu_only, "emergency"),
        },
        "typos": {"accuracy": typo_report["accuracy"], "support": typo_report["support"]},
        "entities": evaluate_entities(nlp, held_out.examples + typos.examples),
        "negation": evaluate_negation(nlp, negation),
        "questions": evaluate_questions(
            interpreter, held_out_data(INTENTS_DIR, "questions.yml").examples
        ),
        "errors": [p for p in test_predictions if p["predicted"] != p["intent"]],
    }
    if folds > 1:
        cv_predictions = cross_validate(data, folds)
        cv_report = report_of(cv_predictions)
        result["cross_validation"] = {
            "folds": folds,
            "accuracy": cv_report["accuracy"],
            "macro_f1": cv_report["macro_f1"],
            "raw_accuracy": report_of(raw_predictions(cv_predictions))["accuracy"],
            "confused_pairs": cv_report["confused_pairs"],
            "fallback_tuning": tune_fallback(cv_predictions),
        }
    result["passed"] = (
        test_report["accuracy"] >= BARS["accuracy"]
        and test_report["macro_f1"] >= BARS["macro_f1"]
        and result["out_of_scope_recall"] >= BARS["out_of_scope_recall"]
        and result["emergency_recall"] >= BARS["emergency_recall"]
        and result["typos"]["accuracy"] >= TYPO_BAR
    )
    (out / "intent_report.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    plot_confusion(test_predictions, out / "intent_confusion_matrix.png")
    return result


def format_summary(result: dict[str, Any]) -> str:
    test = result["test"]
    lines = [f"{'intent':<20} {'prec':>6} {'recall':>6} {'f1':>6} {'n':>4}"]
    for name, s in test["per_intent"].items():
        lines.append(
            f"{name:<20} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1_score']:>6.3f} "
            f"{s['support']:>4}"
        )
    lines.append(
        f"held-out: accuracy {test['accuracy']:.3f}, macro-F1 {test['macro_f1']:.3f}, "
        f"out_of_scope recall {result['out_of_scope_recall']:.3f}, "
        f"emergency recall {result['emergency_recall']:.3f}"
    )
    lines.append(
        f"typos: accuracy {result['typos']['accuracy']:.3f} on {result['typos']['support']}"
    )
    only = result["nlu_only"]
    lines.append(
        f"(NLU alone, before the safety gate: accuracy {only['accuracy']:.3f}, "
        f"macro-F1 {only['macro_f1']:.3f}, emergency recall {only['emergency_recall']:.3f})"
    )
    ents, neg = result["entities"], result["negation"]
    lines.append(
        f"entities: recall {ents['recall']:.3f}, precision {ents['precision']:.3f} (test "
        f"sentences are partly annotated, so precision is a lower bound) "
        f"on {ents['annotated']} annotated; negation: accuracy {neg['accuracy']:.3f} "
        f"on {neg['cases']}"
    )
    asked = result["questions"]
    lines.append(
        f"several questions in one message: each read in {asked['each_read']:.3f} of "
        f"{asked['several']} ({asked['split']} split); one question kept whole in "
        f"{asked['one_kept_whole']:.3f} of {asked['one']}"
    )
    lines.append(
        "most confused: " + ", ".join(f"{t}->{p} ({n})" for t, p, n in test["confused_pairs"][:8])
    )
    cv = result.get("cross_validation")
    if cv:
        tuning = cv["fallback_tuning"]
        lines.append(
            f"{cv['folds']}-fold cross-validation: accuracy {cv['accuracy']:.3f} "
            f"(raw top intent {cv['raw_accuracy']:.3f}), macro-F1 {cv['macro_f1']:.3f}; "
            f"fallback tuned: threshold {tuning['threshold']}, "
            f"ambiguity {tuning['ambiguity_threshold']}"
        )
    lines.append("PASSED" if result["passed"] else "FAILED: below the DESIGN.md §5 bars")
    return "\n".join(lines)
