# Read by the real unicorn; the demo stand-in only prints its arguments.
worker_processes 2
timeout 15
