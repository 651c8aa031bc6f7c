"""Linking: from alias hits to knowledge-base entities, by date, context and coreference."""
