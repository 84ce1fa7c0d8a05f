"""The safety gate: red flags on every message, before anything else."""

# the category of an emergency the classifier reads that no red flag names (the advice for it
# is the general one); here, so the actions know it without loading the red-flag matcher
NAMED_BY_NO_FLAG = "other"
# the emergency advice holds for this many of the patient's messages after it, until one says
# the emergency is past or help has come, or takes leave: "could the calcinosis be causing
# it?" gets its answer after a reminder, "what do i give her while we wait?" the advice again
LIVE_EMERGENCY_MESSAGES = 3
