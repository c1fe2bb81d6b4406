"""gunicorn settings read from the working directory (`gunicorn kerngericht.wsgi`)."""

# The access log goes to stdout, without personal-link tokens.
accesslog = "-"
logger_class = "core.logfilter.GunicornLogger"
