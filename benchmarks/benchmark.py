"""Every performance figure the issues ask for, in one run: ``make bench``.

Runs the model benchmark, then the real-browser slider latency benchmark (Explorer against a
bare Streamlit page). ``--model-only`` skips the browser part.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import browser_latency  # noqa: E402
import model_benchmark  # noqa: E402

if __name__ == "__main__":
    status = model_benchmark.main()
    if "--model-only" not in sys.argv:
        print()
        status = browser_latency.main([]) or status
    raise SystemExit(status)
