"""`calcibot train | serve | shell | test | check | report` (also `python -m bot`)."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.config import get_settings

Command = Callable[[argparse.Namespace], int]


def cmd_train(args: argparse.Namespace) -> int:
    from bot.nlu import pipeline

    settings = get_settings()
    result = pipeline.train(settings.model_dir)
    print(
        f"trained on {result.examples} examples, {result.intents} intents "
        f"in {result.seconds:.1f} s -> {result.path}"
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from bot.logs import configure_json_logging
    from bot.server.runtime import ensure_model

    if ensure_model(get_settings()):
        gc.collect()  # training's garbage, before the worker freezes what it holds (app.py)
    configure_json_logging()
    print(f"Calcibot on http://{args.host}:{args.port}/ (demo clinic page), API docs at /docs")
    uvicorn.run(
        "bot.server.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
        access_log=False,
    )
    return 0


def cmd_test(args: argparse.Namespace) -> int:
    """Like `rasa test`: NLU on the held-out set and by cross-validation, then conversations."""
    import asyncio

    from bot.dialogue import stories
    from bot.nlu import evaluate
    from bot.server.runtime import build_agent, ensure_model

    settings = get_settings()
    out = Path(args.out)
    ensure_model(settings)
    report = evaluate.run(out, folds=args.folds, model_dir=settings.model_dir)
    print(evaluate.format_summary(report))
    agent = build_agent(settings, settings.clinic())
    paths = sorted(Path(args.conversations).glob("*.yml"))
    results = asyncio.run(stories.run_all(agent, paths))
    stories.write_failures(results, out / "failed_conversations.yml")
    print(stories.summary(results))
    print(f"reports written to {out}/")
    return 0 if report["passed"] and all(r.passed for r in results) else 1


def cmd_check(args: argparse.Namespace) -> int:
    from bot.check import run_checks

    problems = run_checks(get_settings())
    for problem in problems:
        print(f"error: {problem}")
    print("content OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


def cmd_shell(args: argparse.Namespace) -> int:
    from bot.shell import run

    return run(get_settings())


def cmd_report(args: argparse.Namespace) -> int:
    import asyncio
    import json
    from datetime import datetime

    from bot.report import as_json, format_report, unanswered
    from bot.server.runtime import build_store

    since = datetime.fromisoformat(args.since) if args.since else None
    store = build_store(get_settings())

    async def collect() -> object:
        try:
            return await unanswered(store, since)
        finally:
            await store.close()

    counts = asyncio.run(collect())
    print(json.dumps(as_json(counts), indent=2) if args.json else format_report(counts, args.limit))  # type: ignore[arg-type]
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="calcibot", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("train", help="train the NLU model into CALCIBOT_DATA_DIR/model")
    serve = sub.add_parser("serve", help="serve the bot (trains first when no model is present)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--log-level", default="info")
    test = sub.add_parser("test", help="evaluate NLU (held-out set, cross-validation)")
    test.add_argument("--out", default="results")
    test.add_argument("--folds", type=int, default=5)
    test.add_argument("--conversations", default="tests/conversations")
    sub.add_parser("shell", help="chat in the terminal")
    sub.add_parser("check", help="validate facts, templates, rules, safety list, clinic file")
    report = sub.add_parser("report", help="what patients asked that the bot could not answer")
    report.add_argument("--since", help="ISO date, e.g. 2026-11-01")
    report.add_argument("--limit", type=int, default=50)
    report.add_argument("--json", action="store_true")
    return parser


COMMANDS: dict[str, Command] = {
    "train": cmd_train,
    "serve": cmd_serve,
    "test": cmd_test,
    "check": cmd_check,
    "shell": cmd_shell,
    "report": cmd_report,
}


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("rasa_sdk", "spacy", "matplotlib"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
