#!/usr/bin/env python3
"""Time from saving a file to the `reload` event of a running `gloss serve`.

    bench/serve-latency.py PORT CONTENT_FILE [SAVES]

Connects to the server's event stream, then appends a paragraph to
CONTENT_FILE SAVES times (20 by default), waiting each time for the reload
event, and prints the median; the file is put back as it was at the end.
"""
import socket
import statistics
import sys
import time


def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    saves = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    stream = socket.create_connection(("127.0.0.1", port))
    stream.sendall(b"GET /__gloss/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    pending = b""

    def wait_for(token):
        nonlocal pending
        while token not in pending:
            chunk = stream.recv(65536)
            if not chunk:
                sys.exit("the event stream closed")
            pending += chunk
        pending = pending[pending.index(token) + len(token):]

    def drain(quiet):
        """Reads and drops whatever arrives until nothing has for `quiet` seconds."""
        nonlocal pending
        stream.settimeout(quiet)
        try:
            while stream.recv(65536):
                pass
        except socket.timeout:
            pass
        finally:
            stream.settimeout(None)
        pending = b""

    # The server states the current build first; a broken one never reloads.
    # A start-up build may still be going on: wait until the stream is quiet,
    # so that no reload of it is taken for the reload of a save.
    wait_for(b"event: ok")
    drain(2.0)
    with open(path, encoding="utf-8") as file:
        original = file.read()
    times = []
    try:
        for save in range(saves):
            start = time.monotonic()
            with open(path, "w", encoding="utf-8") as file:
                file.write(original + f"\n\nEdit {save}.\n")
            wait_for(b"event: reload")
            times.append((time.monotonic() - start) * 1000)
            drain(0.3)
    finally:
        with open(path, "w", encoding="utf-8") as file:
            file.write(original)
    print(f"save to reload event: median {statistics.median(times):.0f} ms, "
          f"min {min(times):.0f}, max {max(times):.0f} over {len(times)} saves")


if __name__ == "__main__":
    main()
