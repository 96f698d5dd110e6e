"""The doors of tests/test_rules_cells.py: each action of the table of
registrations.rules done the way people do it. Each door takes a Cell and
returns (done, what the person read); None: nobody is told."""
