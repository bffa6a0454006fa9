"""Asks once for every path in a file (one per line) with 16 connections, so a cache that keeps
answers holds all of them before the measurement starts: random picks cover 20,000 paths only
slowly (after 100,000 requests some 130 are still missing, each a round trip in the figures).
Prints how many were asked and how many failed."""
import concurrent.futures
import http.client
import sys
import threading

host, port, source = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(source, encoding="utf-8") as f:
    paths = [line.strip() for line in f if line.strip()]
local = threading.local()


def ask(path):
    if not hasattr(local, "conn"):
        local.conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        local.conn.request("GET", path)
        response = local.conn.getresponse()
        response.read()
        return response.status < 400
    except (OSError, http.client.HTTPException):
        local.conn.close()
        del local.conn
        return False


with concurrent.futures.ThreadPoolExecutor(16) as pool:
    failed = sum(1 for ok in pool.map(ask, paths) if not ok)
print(f"warm-up: {len(paths)} paths asked once, {failed} failed")
sys.exit(1 if failed else 0)
