"""The safety gate: red flags on every message, before anything else."""
