"""rasa-sdk actions: they decide *what* to say (facts, response, buttons); the bot renders it.

Run in-process through rasa-sdk's ActionExecutor, or on a real action server:
`python -m rasa_sdk --actions bot.actions`.
"""

from bot.actions.answers import (
    ActionAnswer,
    ActionDoctor,
    ActionMore,
    ActionPlainer,
    ActionSource,
)
from bot.actions.conversation import ActionEmergency, ActionFallback, ActionOutOfScope
from bot.actions.triage import ActionTriageSummary, ValidateSlotMappings, ValidateTriageForm

__all__ = [
    "ActionAnswer",
    "ActionDoctor",
    "ActionEmergency",
    "ActionFallback",
    "ActionMore",
    "ActionOutOfScope",
    "ActionPlainer",
    "ActionSource",
    "ActionTriageSummary",
    "ValidateSlotMappings",
    "ValidateTriageForm",
]
