"""Across articles and languages: one event from many reports; the stories they make."""
