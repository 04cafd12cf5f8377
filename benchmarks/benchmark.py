"""Every performance figure the issues ask for, in one run: ``make bench``, or from the
repository root ``.venv/bin/python -m benchmarks.benchmark [--model-only]``.

Runs the model benchmark, then the real-browser slider latency benchmark (Explorer against a
bare Streamlit page). ``--model-only`` skips the browser part.
"""

from __future__ import annotations

import sys

from benchmarks import browser_latency, model_benchmark

if __name__ == "__main__":
    status = model_benchmark.main()
    if "--model-only" not in sys.argv:
        print()
        status = browser_latency.main([]) or status
    raise SystemExit(status)
