"""The command-line summary: numbers for analysts, clear errors for bad input."""

from sib_model.__main__ import main


def test_cli_prints_the_headline_numbers_of_a_preset(capsys):
    assert main(["--preset", "ballerup", "--draws", "2000"]) == 0
    out = capsys.readouterr().out
    assert "Autism pilot" in out
    assert "illustrative" in out
    assert "Probability of loss" in out
    assert "Creaming" in out
    # The dashboard's figures (evaluate): Ballerup's 6 of 10 starters succeed half the time.
    assert "3.0  (2.4)" in out
    # Each party's preference by its own objective, read from the CreamingFrontier.
    # The municipality's own net is below zero for every group: it would not sign.
    assert "difficulty 0.00 (highest expected IRR), the commissioner's none (would not sign)" in out


def test_cli_refuses_a_bad_value_with_the_field_and_range(capsys):
    assert main(["cohort_size=-1"]) == 2
    err = capsys.readouterr().err
    assert "cohort_size" in err
    assert "from 1 to 10000" in err


def test_cli_names_a_value_that_is_no_number(capsys):
    assert main(["cohort_size=abc"]) == 2
    assert "cohort_size" in capsys.readouterr().err


def test_cli_names_an_unknown_field(capsys):
    assert main(["cohort_sise=5"]) == 2
    assert "cohort_sise" in capsys.readouterr().err


def test_cli_reads_typed_values(capsys):
    assert main(["--draws", "500", "difficulty=0.8", "payment_cap=none"]) == 0
    assert "difficulty=0.8" in capsys.readouterr().out
