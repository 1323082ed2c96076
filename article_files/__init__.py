"""Reading article files (JSONL, JSON, CSV, .txt, folders, .zip) into cleaned records.

Plain Python with no Django: the archive's ingestion (`archive.services.readers`, which
sets the limits from Django settings) and `python -m extraction` read files the same way.
"""
from article_files.read import SUFFIXES, read_paths, read_stream
from article_files.records import Limits, ReadError, Record

__all__ = ["SUFFIXES", "Limits", "ReadError", "Record", "read_paths", "read_stream"]
