"""Classification metrics in the shape of Rasa's `intent_report.json` (no scikit-learn needed)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TypedDict


class ClassScores(TypedDict):
    precision: float
    recall: float
    f1_score: float
    support: int
    confused_with: dict[str, int]


class Report(TypedDict):
    accuracy: float
    macro_f1: float
    weighted_f1: float
    support: int
    per_intent: dict[str, ClassScores]
    confused_pairs: list[tuple[str, str, int]]


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def classification_report(truth: Sequence[str], predicted: Sequence[str]) -> Report:
    """Per-intent precision/recall/F1 over the true labels, and the most confused pairs."""
    pairs = Counter(zip(truth, predicted, strict=True))
    labels = sorted(set(truth))
    predicted_count = Counter(predicted)
    true_count = Counter(truth)
    per_intent: dict[str, ClassScores] = {}
    for label in labels:
        hit = pairs[(label, label)]
        precision = hit / predicted_count[label] if predicted_count[label] else 0.0
        recall = hit / true_count[label]
        confused = {other: n for (t, other), n in pairs.items() if t == label and other != label}
        per_intent[label] = ClassScores(
            precision=round(precision, 4),
            recall=round(recall, 4),
            f1_score=round(_f1(precision, recall), 4),
            support=true_count[label],
            confused_with=dict(sorted(confused.items(), key=lambda kv: -kv[1])),
        )
    total = len(truth)
    correct = sum(n for (t, p), n in pairs.items() if t == p)
    macro = sum(s["f1_score"] for s in per_intent.values()) / max(len(per_intent), 1)
    weighted = sum(s["f1_score"] * s["support"] for s in per_intent.values()) / max(total, 1)
    confused_pairs = sorted(
        ((t, p, n) for (t, p), n in pairs.items() if t != p), key=lambda x: (-x[2], x[0], x[1])
    )
    return Report(
        accuracy=round(correct / max(total, 1), 4),
        macro_f1=round(macro, 4),
        weighted_f1=round(weighted, 4),
        support=total,
        per_intent=per_intent,
        confused_pairs=confused_pairs[:15],
    )
