"""The production settings of ``deploy/streamlit-production.toml`` as ``streamlit run`` flags,
so a load test or a local replica runs exactly what the container runs."""

from __future__ import annotations

import tomllib
from pathlib import Path

PRODUCTION_TOML = Path(__file__).resolve().parent / "streamlit-production.toml"


def production_flags(toml: Path = PRODUCTION_TOML, **overrides: object) -> list[str]:
    """``["--server.maxUploadSize", "1", ...]`` for every setting of the production file
    (``toml``: another checkout's, to run its code as it was deployed); ``overrides``
    (``server_disconnectedSessionTTL=20``) replace single settings."""
    settings = tomllib.loads(toml.read_text())
    flat = {
        f"{section}.{key}": value
        for section, keys in settings.items()
        for key, value in keys.items()
    }
    flat.update({name.replace("_", ".", 1): value for name, value in overrides.items()})
    flags: list[str] = []
    for name, value in flat.items():
        text = str(value).lower() if isinstance(value, bool) else str(value)
        flags += [f"--{name}", text]
    return flags
