"""The understanding layer: a spaCy pipeline that maps patient text to intents and entities."""
