"""Calcibot: a triage chatbot about calcinosis that answers only from one source text."""

__version__ = "0.1.0"
