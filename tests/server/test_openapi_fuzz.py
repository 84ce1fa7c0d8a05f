"""schemathesis against the app's own OpenAPI spec: no answer is ever a 5xx."""

from __future__ import annotations

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from pydantic import TypeAdapter

from bot.config import CLOSING_ADVICE
from bot.server.routers.rest import BotReply

REPLIES = TypeAdapter(list[BotReply])


def test_no_operation_answers_a_server_error(client: TestClient) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/webhooks/rest/webhook", "/model/parse"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
        def no_5xx(case: schemathesis.Case) -> None:
            response = case.call()
            assert response.status_code < 500, f"{case.method} {case.path}: {response.text}"
            if case.path == "/webhooks/rest/webhook" and response.status_code == 200:
                replies = response.json()
                assert replies[-1]["text"].endswith(CLOSING_ADVICE)
                # the documented shape (replies are encoded directly, not through the model)
                REPLIES.validate_python(replies)
                assert all(v is not None for reply in replies for v in reply.values())
                assert all(set(reply) <= set(BotReply.model_fields) for reply in replies)

        no_5xx()
