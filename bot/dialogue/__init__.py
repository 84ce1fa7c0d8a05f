"""The dialogue manager: Rasa-style tracker, rules as data, forms, and action running."""
