#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The baseline steward-bench compares Steward's listing with: every datastore of a deployment
fetched the way the vendor's CLI does it, with nothing but Python's standard library.

    bench/baseline-pager.py URL TOKEN

URL is the API's base (e.g. http://127.0.0.1:8000/api); TOKEN is the bearer token, or "-" to read
it from the first line of standard input (steward-bench passes it that way, so it never shows in
a process list). It asks GET URL/datastores?page=P&size=100 for P = 1, 2, ... one page after the
other, parses each answer with json and keeps its items, until the last page. It then prints one
JSON object: its own wall and CPU time (from the first request to the last page parsed; the
interpreter's start is left out), the pages and bytes fetched, and how many items it holds.
"""
import json
import sys
import time
import urllib.request

PAGE_SIZE = 100


def main():
    if len(sys.argv) != 3:
        print("usage: baseline-pager.py URL TOKEN|-", file=sys.stderr)
        return 2

    base = sys.argv[1].rstrip("/")
    token = sys.stdin.readline().strip() if sys.argv[2] == "-" else sys.argv[2]
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}

    items = []
    requests = 0
    received = 0
    wall_start = time.perf_counter()
    cpu_start = time.process_time()

    page = 1
    while True:
        request = urllib.request.Request(f"{base}/datastores?page={page}&size={PAGE_SIZE}",
                                         headers=headers)
        with urllib.request.urlopen(request, timeout=60) as answer:
            body = answer.read()
        requests += 1
        received += len(body)
        data = json.loads(body)
        batch = data.get("items", [])
        items.extend(batch)
        pages = data.get("pages", page)
        if not batch or page >= pages:
            break
        page += 1

    wall_ms = (time.perf_counter() - wall_start) * 1000.0
    cpu_ms = (time.process_time() - cpu_start) * 1000.0
    print(json.dumps({
        "wall_ms": round(wall_ms, 1),
        "cpu_ms": round(cpu_ms, 1),
        "requests": requests,
        "bytes": received,
        "items": len(items),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
