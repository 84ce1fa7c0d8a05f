"""What the bot says: facts from the source, Jinja2 templates, and the closing advice."""
