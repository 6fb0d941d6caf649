# Puma 5 re-raises SIGTERM after its graceful stop (the process dies of TERM, status 143)
# unless told otherwise; this is how an app gets a clean 0 instead.
raise_exception_on_sigterm false
