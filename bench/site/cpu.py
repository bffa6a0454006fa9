#!/usr/bin/env python3
"""CPU seconds used by one test run's own processes, for figures that a busy machine does not distort.

Usage: cpu.py MARKER OUT
Every 2 s, finds the processes whose command line contains MARKER (the test host, by the path of its
build folder), everything they started (Chromium, Playwright's driver) and the PostgreSQL server the
tests started for that host (its data folder is /tmp/normative-tests-<host pid>-…), and keeps the CPU
time (user + system) each has used. On SIGTERM it writes the totals by kind to OUT as key=value.
A process that ends between two samples loses at most its last 2 s; the walk's processes live for the
whole run.
"""
import os
import signal
import sys
import time

marker, out = sys.argv[1], sys.argv[2]
tick = os.sysconf("SC_CLK_TCK")
seen = {}  # (pid, start) -> (kind, cpu seconds)


def read(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmdline = f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2:].split()
    return int(fields[1]), int(fields[19]), (int(fields[11]) + int(fields[12])) / tick, cmdline


def kind(cmdline):
    for name in ("chromium", "postgres", "node"):
        if name in cmdline:
            return name
    return "dotnet"


def sample():
    procs = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            info = read(int(entry))
            if info:
                procs[int(entry)] = info
    hosts = {pid for pid, (_, _, _, cmd) in procs.items() if marker in cmd}
    databases = {pid for pid, (_, _, _, cmd) in procs.items()
                 if any(f"/tmp/normative-tests-{host}-" in cmd for host in hosts)}
    ours = hosts | databases
    changed = True
    while changed:
        changed = False
        for pid, (ppid, _, _, _) in procs.items():
            if ppid in ours and pid not in ours:
                ours.add(pid)
                changed = True
    for pid in ours:
        _, start, cpu, cmd = procs[pid]
        key = (pid, start)
        seen[key] = (kind(cmd), max(cpu, seen.get(key, ("", 0.0))[1]))


def finish(*_):
    totals = {}
    for name, cpu in seen.values():
        totals[name] = totals.get(name, 0.0) + cpu
    line = " ".join(f"cpu_{name}={cpu:.0f}" for name, cpu in sorted(totals.items()))
    with open(out, "w") as f:
        f.write(f"cpu_total={sum(totals.values()):.0f} {line}\n")
    sys.exit(0)


signal.signal(signal.SIGTERM, finish)
while True:
    sample()
    time.sleep(2)
