# A WSGI app for gunicorn: GET /slow is a request that is still in flight when the stop signal
# arrives. The marker file tells the test the worker has started handling it.
import os
import time


def app(environ, start_response):
    if environ.get("PATH_INFO") == "/slow":
        with open(os.environ["SLOW_MARKER"], "w") as marker:
            marker.write("started")
        time.sleep(1.5)
        body = b"done"
    else:
        body = b"ok"
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
