#!/usr/bin/env python3
"""Runs the healthchecks of the containers of a Podman engine on a machine without systemd.

Podman 4.3 schedules healthchecks with systemd timers; without systemd it logs "unable to get
systemd connection to add healthchecks" and a container stays "starting" for ever, so compose's
`depends_on: condition: service_healthy` is never met (containers/podman#19326, #16749). This loop
stands in for the timers: every running container with a healthcheck gets it run at its interval
through the engine's own API (`GET /libpod/containers/{id}/healthcheck` runs the check and
records the result, as `podman healthcheck run` does). `./containers provision` starts it next to
the API service.

    healthchecks.py SOCKET
"""

import http.client
import json
import socket
import sys
import threading
import time

# How often the list of containers is read; a check never runs more often than its interval.
POLL_SECONDS = 1.0


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost", timeout=60)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(60)
        self.sock.connect(self.path)


def get(path, socket_path):
    connection = UnixConnection(socket_path)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        return response.status, json.loads(body) if body else None
    finally:
        connection.close()


def run_check(cid, socket_path, checking):
    try:
        get(f"/v4.0.0/libpod/containers/{cid}/healthcheck", socket_path)
    except (OSError, ValueError, http.client.HTTPException) as e:
        print(f"healthchecks: {cid[:12]}: {e}", file=sys.stderr, flush=True)
    finally:
        checking.discard(cid)


def main(socket_path):
    intervals = {}  # container id -> seconds, or None without a healthcheck
    due = {}  # container id -> monotonic time of its next check
    checking = set()  # containers whose check runs now (a slow check holds up no other)
    while True:
        try:
            _, running = get("/v1.41/containers/json", socket_path)
            now = time.monotonic()
            ids = {c["Id"] for c in running}
            for cid in ids - intervals.keys():
                status, info = get(f"/v1.41/containers/{cid}/json", socket_path)
                check = (info or {}).get("Config", {}).get("Healthcheck") if status == 200 else None
                test = (check or {}).get("Test") or ["NONE"]
                intervals[cid] = None if test[0] == "NONE" else (check.get("Interval") or 30e9) / 1e9
            for cid in ids:
                if intervals.get(cid) is not None and now >= due.get(cid, 0) and cid not in checking:
                    due[cid] = now + intervals[cid]
                    checking.add(cid)
                    threading.Thread(
                        target=run_check, args=(cid, socket_path, checking), daemon=True
                    ).start()
            for gone in intervals.keys() - ids:
                intervals.pop(gone)
                due.pop(gone, None)
        except (OSError, ValueError, http.client.HTTPException) as e:
            print(f"healthchecks: {e}", file=sys.stderr, flush=True)
        time.sleep(POLL_SECONDS)


if __name__ == "__main__":
    main(sys.argv[1])
