"""`make bench`: a turn's cost against a bare FastAPI endpoint measured in the same run.

Writes tests/bench/results/latest.json, latest.md and latency.png. Absolute times vary on shared
machines; the targets are ratios against baselines from this same run, plus the DESIGN.md §5
per-worker limits.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bot.config import INTENTS_DIR, Settings
from bot.dialogue.tracker import DialogueState
from bot.nlu import pipeline
from bot.nlu.data import held_out_data
from bot.nlu.interpreter import Interpreter
from bot.safety.gate import PARSE_CACHE_SIZE
from bot.store.sqlite import SQLiteStore
from tests.conftest import RedisServer, agent_over, data_dir_holding, free_port
from tests.servers import BotServer, server_env

HERE = Path(__file__).parent
RESULTS = HERE / "results"
CONCURRENCY = (1, 20, 100)
SECONDS = int(os.environ.get("BENCH_SECONDS", "6"))
# one start is one sample of a noisy machine's disk cache and scheduler: the target is read on
# the median of several, and the report shows them all
HEALTHY_STARTS = 5
MESSAGES = [
    "what causes calcinosis",
    "is it cancer?",
    "i have a hard lump on my finger",
    "/affirm",
    "/deny",
    "/unsure",
    "hello",
    "thanks",
    "tell me more",
    "can lupus cause calcium deposits",
    "how do i treat the flu",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def summary(samples: list[float]) -> dict[str, float]:
    """Median and p99 of timings in ms, and how many there were."""
    return {
        "median": round(statistics.median(samples), 4),
        "p99": round(percentile(samples, 99), 4),
        "n": len(samples),
    }


def wrk(
    url: str, connections: int, seconds: int = SECONDS, fresh_every: int = 4
) -> dict[str, float]:
    """Debian's wrk, one thread, with the Lua script of varied turns; every ``fresh_every``th
    message is text never sent before (0: none is)."""
    out = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(HERE / "turns.lua"),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "BENCH_FRESH_EVERY": str(fresh_every)},
    ).stdout
    match = re.search(r"^JSON (.*)$", out, re.M)
    assert match, out
    result: dict[str, float] = json.loads(match.group(1))
    result["rps"] = result["requests"] / result["seconds"]
    return result


class AppServer:
    """An ASGI app of the benchmark's own under uvicorn, one worker, as `calcibot serve` runs
    the bot: the bare endpoint (``BENCH_BARE_CPU_MS`` of busy work per request) or the floor
    control (the bot's app with a turn that costs nothing, over the data dir ``floor_over``)."""

    def __init__(self, cpu_ms: float = 0.0, *, floor_over: Path | None = None) -> None:
        self.port = free_port()
        target = ["tests.bench.bare_app:app"]
        env = {**os.environ, "BENCH_BARE_CPU_MS": str(cpu_ms)}
        log = None
        if floor_over is not None:  # logs its turns as the bot does, to a file as BotServer
            target = ["tests.bench.floor_app:create_app", "--factory"]
            env = server_env(floor_over)
            log = open(floor_over / "server.log", "ab")  # noqa: SIM115  (kept for the process)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                *target,
                "--port",
                str(self.port),
                "--log-level",
                "warning",
                "--no-access-log",
            ],
            env=env,
            stderr=log,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/health", timeout=0.5).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.05)
        raise TimeoutError("benchmark app did not start")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def with_children(pid: int) -> list[int]:
    """A server process and its children (uvicorn workers)."""
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [pid, *map(int, children.stdout.split())]


# where one worker's memory is read, and how many turns run before each reading
MEMORY_POINTS = (
    ("start", 0),
    ("after_1k_turns", 1000),
    ("after_10k_turns", 9000),
    ("after_20k_turns", 10000),
)


def memory_mb(pid: int) -> dict[str, float]:
    """Resident memory of a process and its children in MB: all of it (``rss``), and the
    anonymous part (``anon``), the worker's own heap. The rest maps shared libraries, and how
    much of them is resident follows the page cache: a fresh install read about 20 MB more."""
    totals = {"rss": 0, "anon": 0}
    for p in with_children(pid):
        status = Path(f"/proc/{p}/status").read_text()
        for key, field in (("rss", "VmRSS"), ("anon", "RssAnon")):
            match = re.search(rf"^{field}:\s+(\d+)", status, re.M)
            assert match, status
            totals[key] += int(match.group(1))
    return {key: round(kb / 1024, 1) for key, kb in totals.items()}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children so far."""
    ticks = 0
    for p in with_children(pid):
        fields = Path(f"/proc/{p}/stat").read_text().rpartition(")")[2].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def served(url: str, pid: int, connections: int, fresh_every: int = 4) -> dict[str, float]:
    """wrk's figures plus the server's CPU per request: what a turn costs, whatever else
    runs on the machine."""
    before = cpu_seconds(pid)
    result = wrk(url, connections, fresh_every=fresh_every)
    result["cpu_ms_per_request"] = round(
        (cpu_seconds(pid) - before) * 1000 / max(1, result["requests"]), 4
    )
    return result


def compare(base: dict[str, float], turn: dict[str, float]) -> dict[str, Any]:
    """The bot's figures against the bare endpoint's from the same run."""
    return {
        "bare": base,
        "bot": turn,
        "throughput_ratio": round(turn["rps"] / base["rps"], 3),
        "p99_ratio": round(turn["p99_ms"] / base["p99_ms"], 3),
        "cpu_ratio": round(turn["cpu_ms_per_request"] / base["cpu_ms_per_request"], 3),
    }


def turns(url: str, count: int, senders: int = 200) -> int:
    """Turns over ``senders`` conversations; every fourth text is new (memory must not grow
    with the words patients type). Returns how many were not answered with a 200: a failed
    turn is counted, not left to end the run, so the report says what the figures rest on."""

    def message(i: int) -> str:
        if i % 4 == 0:
            return f"i have had a hard lump on my elbow for {i} days"
        return MESSAGES[i % len(MESSAGES)]

    async def run() -> int:
        failed = 0
        async with httpx.AsyncClient(timeout=60) as client:
            sem = asyncio.Semaphore(20)

            async def one(i: int) -> None:
                nonlocal failed
                async with sem:
                    try:
                        response = await client.post(
                            f"{url}/webhooks/rest/webhook",
                            json={"sender": f"rss-{i % senders}", "message": message(i)},
                        )
                    except httpx.TransportError as exc:
                        print(f"memory phase, turn {i}: {exc!r}", file=sys.stderr)
                        failed += 1
                        return
                    if response.status_code != 200:
                        print(f"memory phase, turn {i}: {response.status_code}", file=sys.stderr)
                        failed += 1

            await asyncio.gather(*(one(i) for i in range(count)))
        return failed

    return asyncio.run(run())


def healthy_after(data_dir: Path, starts: int = HEALTHY_STARTS - 1) -> list[float]:
    """Seconds from start to healthy of ``starts`` servers started and stopped in turn."""
    seconds = []
    for _ in range(starts):
        server = BotServer(data_dir)
        seconds.append(server.start())
        server.stop()
    return seconds


def bench_http(data_dir: Path, results: dict[str, Any]) -> None:
    bare = AppServer()
    starts = healthy_after(data_dir)
    bot = BotServer(data_dir)
    starts.append(bot.start())
    results["healthy_starts"] = [round(s, 3) for s in starts]
    results["healthy_seconds"] = round(statistics.median(starts), 3)
    try:
        wrk(bare.url, 20, 2)  # warm up both
        wrk(bot.url, 20, 2)
        rows = []
        assert bot.process is not None
        for c in CONCURRENCY:
            base = served(bare.url, bare.process.pid, c)
            rows.append({"connections": c, **compare(base, served(bot.url, bot.process.pid, c))})
        results["http"] = rows
        # the same at 20 connections with no new text: what is left when the parse cache
        # answers every message
        base = served(bare.url, bare.process.pid, 20, fresh_every=0)
        turn = served(bot.url, bot.process.pid, 20, fresh_every=0)
        results["http_repeated_texts_at_20"] = compare(base, turn)
        floor = AppServer(floor_over=data_dir_holding(data_dir / "model", data_dir / "floor"))
        try:
            wrk(floor.url, 20, 2)
            results["http_floor_at_20"] = compare(
                served(bare.url, bare.process.pid, 20, fresh_every=0),
                served(floor.url, floor.process.pid, 20, fresh_every=0),
            )
        finally:
            floor.stop()
        busy = AppServer(cpu_ms=1.0)
        try:
            wrk(busy.url, 20, 2)
            results["bare_1ms_cpu_at_100"] = wrk(busy.url, 100)
        finally:
            busy.stop()
    finally:
        bot.stop()
        bare.stop()


def bench_memory(model_dir: Path, results: dict[str, Any]) -> None:
    """One worker's memory from start-up through 20,000 turns, on a server of its own."""
    with tempfile.TemporaryDirectory() as tmp:
        bot = BotServer(data_dir_holding(model_dir, Path(tmp) / "data"))
        bot.start()
        try:
            assert bot.process is not None
            memory = {}
            failed = 0
            for point, count in MEMORY_POINTS:
                if count:
                    failed += turns(bot.url, count)
                memory[point] = memory_mb(bot.process.pid)
        finally:
            bot.stop()
    results["rss_mb"] = {k: v["rss"] for k, v in memory.items()}
    results["anon_mb"] = {k: v["anon"] for k, v in memory.items()}
    results["memory_failed_turns"] = failed


def bench_redis_workers(model_dir: Path, results: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        redis = RedisServer(Path(tmp), fsync="everysec")  # as docker-compose.yml runs it
        redis.start()
        try:
            rates = {}
            for workers in (1, 2):
                data_dir = data_dir_holding(model_dir, Path(tmp) / f"w{workers}")
                bot = BotServer(data_dir, CALCIBOT_REDIS_URL=redis.url)
                bot.args = ["--workers", str(workers)]
                bot.start()
                try:
                    wrk(bot.url, 20, 3)  # warm up; every worker has loaded by then
                    rates[workers] = wrk(bot.url, 20)
                finally:
                    bot.stop()
            results["redis_workers"] = {
                "one_worker_rps": round(rates[1]["rps"], 1),
                "two_workers_rps": round(rates[2]["rps"], 1),
                "ratio": round(rates[2]["rps"] / rates[1]["rps"], 3),
                "errors": int(rates[1]["errors"] + rates[2]["errors"]),
                "cores": "2 cores, unpinned: wrk (1 thread), redis-server and workers share them",
                "redis": "appendonly yes, appendfsync everysec (as in docker-compose.yml)",
            }
        finally:
            redis.stop()


def bench_in_process(model_dir: Path, results: dict[str, Any]) -> None:
    interpreter = Interpreter.load(model_dir)
    texts = [e.text for e in held_out_data(INTENTS_DIR).examples]
    for text in texts:
        interpreter.parse(text)
    samples = []
    for _ in range(20):
        for text in texts:
            started = time.perf_counter()
            interpreter.parse(text)
            samples.append((time.perf_counter() - started) * 1000)
    results["parse_ms"] = summary(samples)
    with tempfile.TemporaryDirectory() as tmp:
        agent = agent_over(model_dir, Path(tmp) / "data")
        settings = Settings(data_dir=Path(tmp) / "data")

        store = SQLiteStore(settings.sqlite_path, ttl_seconds=86400)
        stored: list[float] = []

        async def conversation(sender: str) -> list[float]:
            state = DialogueState(sender)
            times = []
            for message in MESSAGES:
                started = time.perf_counter()
                turn = await agent.handle(state, message)
                times.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                await store.append(sender, turn.events)
                stored.append((time.perf_counter() - started) * 1000)
            return times

        async def run() -> list[float]:
            out: list[float] = []
            for i in range(300):
                out += await conversation(f"c{i}")
            return out[len(MESSAGES) * 10 :]

        # every text parsed anew (the parse cache off), then as repeated texts are
        agent.gate.cache.size = 0
        fresh_ms = asyncio.run(run())
        agent.gate.cache.size = PARSE_CACHE_SIZE
        cached_ms = asyncio.run(run())
        asyncio.run(store.close())
    results["turn_ms"] = summary(fresh_ms)
    results["turn_cached_ms"] = summary(cached_ms)
    results["store_turn_ms"] = summary(stored)


def failed_requests(results: dict[str, Any]) -> dict[str, int]:
    """Requests that got no answer or an error status, by run: the ratios count only
    answered turns, and a bot that fails fast would look fast."""
    compared = [
        *((f"{r['connections']} connections", r) for r in results["http"]),
        ("20 connections, no new text", results["http_repeated_texts_at_20"]),
        ("20 connections, floor", results["http_floor_at_20"]),
    ]
    return {
        **{
            f"{name}: {side}": int(r[side]["errors"])
            for name, r in compared
            for side in ("bare", "bot")
        },
        "memory phase": results["memory_failed_turns"],
        "Redis workers": results["redis_workers"]["errors"],
    }


def check_targets(results: dict[str, Any]) -> dict[str, bool]:
    at20 = next(r for r in results["http"] if r["connections"] == 20)
    return {
        "every request answered (no errors in any run)": not any(failed_requests(results).values()),
        "throughput >= 0.5 x bare at 20 connections": at20["throughput_ratio"] >= 0.5,
        "p99 <= 2 x bare at 20 connections": at20["p99_ratio"] <= 2.0,
        "NLU parse median <= 0.5 ms": results["parse_ms"]["median"] <= 0.5,
        "RSS <= 200 MB per worker after 10k turns": results["rss_mb"]["after_10k_turns"] <= 200,
        "RSS flat from 1k to 10k turns (< 10% growth)": results["rss_mb"]["after_10k_turns"]
        <= 1.1 * results["rss_mb"]["after_1k_turns"],
        "RSS flat from 10k to 20k turns (< 2% growth)": results["rss_mb"]["after_20k_turns"]
        <= 1.02 * results["rss_mb"]["after_10k_turns"],
        "healthy <= 3 s with a trained model": results["healthy_seconds"] <= 3.0,
        "training <= 60 s": results["train_seconds"] <= 60.0,
        "2 workers on Redis >= 1.3 x 1 worker": results["redis_workers"]["ratio"] >= 1.3,
    }


def write_report(results: dict[str, Any]) -> None:
    busy = results["bare_1ms_cpu_at_100"]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2))
    lines = [
        "| connections | bare rps | bot rps | throughput ratio | bare p50/p95/p99 ms "
        "| bot p50/p95/p99 ms | p99 ratio | server CPU ms per request, bare / bot |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results["http"]:
        b, t = r["bare"], r["bot"]
        lines.append(
            f"| {r['connections']} | {b['rps']:.0f} | {t['rps']:.0f} | {r['throughput_ratio']} "
            f"| {b['p50_ms']:.2f} / {b['p95_ms']:.2f} / {b['p99_ms']:.2f} "
            f"| {t['p50_ms']:.2f} / {t['p95_ms']:.2f} / {t['p99_ms']:.2f} | {r['p99_ratio']} "
            f"| {b['cpu_ms_per_request']:.3f} / {t['cpu_ms_per_request']:.3f} |"
        )
    repeated = results["http_repeated_texts_at_20"]
    floor = results["http_floor_at_20"]
    lines += [
        "",
        "| measure | value |",
        "|---|---|",
        f"| 20 connections, no new text (every parse from the cache): bare / bot rps, "
        f"ratio; p99 ratio; server CPU ms per request | {repeated['bare']['rps']:.0f} / "
        f"{repeated['bot']['rps']:.0f}, {repeated['throughput_ratio']}; "
        f"{repeated['p99_ratio']}; {repeated['bare']['cpu_ms_per_request']:.3f} / "
        f"{repeated['bot']['cpu_ms_per_request']:.3f} |",
        f"| 20 connections, the bot's app with a turn that costs nothing (the floor: middleware, "
        f"validation, rate limits, log line, metrics; nothing run, loaded or stored): bare / "
        f"floor rps, ratio; p99 ratio; server CPU ms per request | {floor['bare']['rps']:.0f} / "
        f"{floor['bot']['rps']:.0f}, {floor['throughput_ratio']}; {floor['p99_ratio']}; "
        f"{floor['bare']['cpu_ms_per_request']:.3f} / {floor['bot']['cpu_ms_per_request']:.3f} |",
        f"| NLU parse median / p99 (in-process) | {results['parse_ms']['median']} / "
        f"{results['parse_ms']['p99']} ms |",
        f"| dialogue turn median / p99 (in-process, no HTTP, every text parsed) | "
        f"{results['turn_ms']['median']} / {results['turn_ms']['p99']} ms |",
        f"| dialogue turn median / p99 (in-process, repeated texts from the parse cache) | "
        f"{results['turn_cached_ms']['median']} / {results['turn_cached_ms']['p99']} ms |",
        f"| storing a turn's events in SQLite, committed (in-process) median / p99 | "
        f"{results['store_turn_ms']['median']} / {results['store_turn_ms']['p99']} ms |",
        f"| bare endpoint spending 1 ms of CPU, 100 connections: rps, p50/p95/p99 | "
        f"{busy['rps']:.0f}, {busy['p50_ms']:.2f} / {busy['p95_ms']:.2f} / {busy['p99_ms']:.2f}"
        f" ms ({busy['errors']} errors) |",
        f"| training | {results['train_seconds']} s |",
        f"| start to healthy, median of {len(results['healthy_starts'])} starts (each) | "
        f"{results['healthy_seconds']} s ({' / '.join(map(str, results['healthy_starts']))}) |",
        *(
            f"| {title} of one worker at start / after 1k / 10k / 20k turns | "
            + " / ".join(str(results[key][point]) for point, _ in MEMORY_POINTS)
            + " MB |"
            for title, key in (("RSS", "rss_mb"), ("anonymous RSS (its own heap)", "anon_mb"))
        ),
        f"| Redis, 1 vs 2 workers | {results['redis_workers']['one_worker_rps']} vs "
        f"{results['redis_workers']['two_workers_rps']} rps "
        f"(x{results['redis_workers']['ratio']}) |",
        f"| requests with no answer or an error status, all runs | "
        f"{sum(failed_requests(results).values())} |",
        "",
        *(f"- {'met' if ok else 'NOT met'}: {name}" for name, ok in results["targets"].items()),
    ]
    (RESULTS / "latest.md").write_text("\n".join(lines) + "\n")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4))
    for name, style in (("bare", "--"), ("bot", "-")):
        for q in ("p50_ms", "p95_ms", "p99_ms"):
            ax.plot(
                CONCURRENCY,
                [r[name][q] for r in results["http"]],
                style,
                marker="o",
                label=f"{name} {q[:3]}",
            )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("concurrent connections")
    ax.set_ylabel("latency (ms)")
    ax.set_title("Turn latency: bot vs bare FastAPI endpoint")
    ax.legend(fontsize=7, ncol=2)
    fig.tight_layout()
    fig.savefig(RESULTS / "latency.png", dpi=110)


def main() -> int:
    if shutil.which("wrk") is None:
        print("wrk is not installed (make system-deps)", file=sys.stderr)
        return 2
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
        "cpus": os.cpu_count(),
        "seconds_per_run": SECONDS,
    }
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        trained = pipeline.train(data_dir / "model")
        results["train_seconds"] = round(trained.seconds, 2)
        bench_in_process(data_dir / "model", results)
        bench_http(data_dir, results)
        bench_memory(data_dir / "model", results)
        bench_redis_workers(data_dir / "model", results)
    results["targets"] = check_targets(results)
    write_report(results)
    print((RESULTS / "latest.md").read_text())
    return 0 if all(results["targets"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
