"""Shared test code that is not a fixture: harnesses, builders, settings and checks.

Fixtures live in the `conftest.py` files; they and the tests import what they share from here
(`from tests.support.<module> import ...`), never from a `conftest.py`.
"""
