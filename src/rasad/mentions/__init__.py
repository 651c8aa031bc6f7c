"""Mentions: spans of an article that name an entity or an office, found in the normalized view."""
