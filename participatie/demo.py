"""Demo data of participatie (make run only); one module per concern."""

from participatie.trajecten.demo import load as _trajecten_load


def load() -> None:
    _trajecten_load()
