# Models of participatie, one module per concern:
#   vragen.py     - residents' questions, routing, answers, reminders (vragen issue)
#   trajecten.py  - participation trajectories, toolbox use, meetings (participatie issue)
from .trajecten import (  # noqa: F401
    Aanmelding,
    Betrokkene,
    Bijeenkomst,
    BijeenkomstHerinnering,
    Traject,
    TrajectStap,
)
from .vragen import Antwoord, Herinnering, Routering, Vraag  # noqa: F401
