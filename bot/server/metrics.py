"""Prometheus metrics of the conversations (per worker process)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram


class Metrics:
    """Turns by intent, fallbacks, emergencies, triage completions, turn latency."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.turns = Counter(
            "calcibot_turns", "Bot turns by intent", ["intent"], registry=self.registry
        )
        self.fallbacks = Counter(
            "calcibot_fallbacks", "Turns that ended in nlu_fallback", registry=self.registry
        )
        self.emergencies = Counter(
            "calcibot_emergencies", "Turns routed to emergency advice", registry=self.registry
        )
        self.triage_completions = Counter(
            "calcibot_triage_completions", "Triage question sets completed", registry=self.registry
        )
        self.turn_latency = Histogram(
            "calcibot_turn_latency_seconds",
            "Time to run and store one turn",
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
            registry=self.registry,
        )

    def observe_turn(self, intent: str, actions: list[str], seconds: float) -> None:
        self.turns.labels(intent=intent).inc()
        if intent == "nlu_fallback":
            self.fallbacks.inc()
        if "action_emergency" in actions:
            self.emergencies.inc()
        if "action_triage_summary" in actions:
            self.triage_completions.inc()
        self.turn_latency.observe(seconds)
