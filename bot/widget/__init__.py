"""The web widget: a loader script, the chat page it frames, and a demo clinic page."""
