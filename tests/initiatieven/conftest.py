import pytest


@pytest.fixture
def na_commit(django_capture_on_commit_callbacks):
    """`with na_commit(): service(...)` runs the on-commit callbacks (mail sending)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
