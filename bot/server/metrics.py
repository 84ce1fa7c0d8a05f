"""Prometheus metrics of the conversations (per worker process)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Protocol

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import CounterMetricFamily
from prometheus_client.registry import Collector


class CacheStats(Protocol):
    hits: int
    misses: int


class CacheCollector(Collector):
    """Hits and misses of each named cache (parse, render, state), read when scraped."""

    def __init__(self, caches: Mapping[str, CacheStats]) -> None:
        self.caches = caches

    def collect(self) -> Iterator[CounterMetricFamily]:
        family = CounterMetricFamily(
            "calcibot_cache_lookups",
            "Cache lookups by cache and result",
            labels=["cache", "result"],
        )
        for name, cache in self.caches.items():
            family.add_metric([name, "hit"], cache.hits)
            family.add_metric([name, "miss"], cache.misses)
        yield family


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

    def watch_caches(self, caches: Mapping[str, CacheStats]) -> None:
        self.registry.register(CacheCollector(caches))

    def observe_turn(self, intent: str, actions: list[str], seconds: float) -> None:
        self.turns.labels(intent=intent).inc()
        if intent == "nlu_fallback":
            self.fallbacks.inc()
        if "action_emergency" in actions:
            self.emergencies.inc()
        if "action_triage_summary" in actions:
            self.triage_completions.inc()
        self.turn_latency.observe(seconds)
