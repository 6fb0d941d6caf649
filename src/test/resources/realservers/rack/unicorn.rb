# One worker, so the in-flight request is on the worker the stop signal reaches;
# timeout well above the request so unicorn's own watchdog never kills it.
worker_processes 1
timeout 30
