"""What the benchmarks read about processes from Linux's ``/proc``: resident memory and CPU
time (user + system, all threads) of the servers they measure, and the benchmark's own CPU
time (its load generator runs on the same cores)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

__all__ = ["rss_mb", "cpu_seconds", "own_cpu_seconds"]

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def rss_mb(pids: Iterable[int]) -> float:
    """Resident memory of the processes ``pids`` together, in MB."""
    total = 0.0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) / 1024
                break
        else:
            raise RuntimeError(f"no VmRSS for process {pid}")
    return total


def cpu_seconds(pids: Iterable[int]) -> float:
    """CPU seconds (user + system, over all threads) the processes ``pids`` used so far."""
    total = 0.0
    for pid in pids:
        # The command name in parentheses may hold spaces: the fields follow its last ")".
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND
    return total


def own_cpu_seconds() -> float:
    """CPU seconds this benchmark's own process used so far."""
    times = os.times()
    return times.user + times.system
