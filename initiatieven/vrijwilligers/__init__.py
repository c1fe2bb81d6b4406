"""Volunteers: the information pages (content as data, inhoud.py) and the nominations for the
volunteer prizes (a small flow of its own: form, confirmation by mail, the kernambtenaar's
list). Part of initiatieven because a nomination, like an initiative, is a resident's
submission for a kern that the kernambtenaar of that kern handles."""
