"""Benchmarks and quality measurements run on the shared dev data, never by the worker."""
