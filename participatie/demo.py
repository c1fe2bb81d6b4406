"""Demo data of participatie (make run only); one module per concern."""

from participatie.trajecten.demo import load as _trajecten_load
from participatie.vragen.demo import load as _vragen_load


def load() -> None:
    _trajecten_load()
    _vragen_load()
