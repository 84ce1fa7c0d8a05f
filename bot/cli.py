"""`calcibot train | serve | shell | test | check | report` (also `python -m bot`)."""

from __future__ import annotations

import argparse
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

    from bot.server.runtime import ensure_model

    ensure_model(get_settings())
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
    from bot.nlu import evaluate

    settings = get_settings()
    out = Path(args.out)
    report = evaluate.run(out, folds=args.folds, model_dir=settings.model_dir)
    print(evaluate.format_summary(report))
    print(f"reports written to {out}/")
    return 0 if report["passed"] else 1


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
    return parser


COMMANDS: dict[str, Command] = {
    "train": cmd_train,
    "serve": cmd_serve,
    "test": cmd_test,
}


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
