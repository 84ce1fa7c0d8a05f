"""Conversation stores: events per sender, appended under a per-sender lock."""
