"""The safety gate: red flags on every message, before anything else."""

# the category of an emergency the classifier reads that no red flag names (the advice for it
# is the general one); here, so the actions know it without loading the red-flag matcher
NAMED_BY_NO_FLAG = "other"
