"""The package as a whole: its documented examples run, and it never loads a user interface."""

import doctest
import subprocess
import sys

import pytest

import sib_model.analysis_creaming
import sib_model.analysis_parking
import sib_model.irr
import sib_model.simulation

# The examples in numpy-financial's manner: short, runnable, with the figures a reader sees.
# (ui/ and app_pages/ import streamlit at import time, so doctests stay with the model.)
DOCUMENTED = {
    sib_model.irr: ["irr"],
    sib_model.simulation: ["evaluate", "simulate"],
    sib_model.analysis_creaming: ["creaming_frontier"],
    sib_model.analysis_parking: ["parking_frontier"],
}


@pytest.mark.parametrize("module", list(DOCUMENTED), ids=lambda m: m.__name__)
def test_the_documented_examples_run_and_show_what_they_say(module):
    finder = doctest.DocTestFinder()
    tests = {t.name.rsplit(".", 1)[-1]: t for t in finder.find(module) if t.examples}
    assert set(DOCUMENTED[module]) <= set(tests), "an example went missing"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in tests.values():
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_importing_the_model_loads_no_user_interface():
    code = (
        "import sys, sib_model; "
        "bad = [m for m in ('streamlit', 'plotly') if m in sys.modules]; "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, f"sib_model imported {done.stdout.strip()} {done.stderr}"
