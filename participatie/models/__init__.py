# Models of participatie, one module per concern:
#   vragen.py     - residents' questions, routing, answers, reminders (vragen issue)
#   trajecten.py  - participation trajectories, toolbox use, meetings (participatie issue)
from .vragen import Antwoord, Herinnering, Routering, Vraag  # noqa: F401
