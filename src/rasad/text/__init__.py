"""Text: normalization profiles with offset maps, language identification, sentences."""
