"""Performance figures (scripts, not timed tests).

Run from the repository root as modules, e.g. ``python -m benchmarks.benchmark``.
"""
