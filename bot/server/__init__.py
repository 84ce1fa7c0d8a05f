"""The FastAPI app: Rasa-compatible HTTP API, widget and demo page."""
