"""The Arabic event extractor: plain Python, no Django."""
