#!/usr/bin/env python3
"""Prints issue 17's targets table from the figures bench/run.sh collected.

Usage: table.py RESULTS.tsv
RESULTS.tsv holds `key<TAB>value` lines written by bench/catalogue/run.sh and
bench/certification/run.sh (see bench/lib.sh). Every verdict is computed here from those figures;
a row whose figures are missing is printed as "not measured" with the reason, never guessed.
"""
import sys

TARGET_DELIVERABLES = 80_000
TARGET_CERTIFICATES = 3_000_000

figures = {}
for line in open(sys.argv[1], encoding="utf-8"):
    key, _, value = line.rstrip("\n").partition("\t")
    if value != "":
        figures[key] = value


def num(key):
    return float(figures[key])


class Missing(Exception):
    pass


def need(*keys):
    absent = [k for k in keys if k not in figures]
    if absent:
        raise Missing(absent)


def why_missing(area, absent, import_row=False):
    if f"{area}.exit" in figures and figures[f"{area}.exit"] != "0":
        return f"bench/{area}/run.sh stopped (exit {figures[area + '.exit']}) before measuring it; see its log"
    if import_row and figures.get("run.skip_import") == "1":
        return "the import was skipped (BENCH_SKIP_IMPORT)"
    return "no figure written (" + ", ".join(absent) + "); see the log"


def size_note(area):
    """A verdict on a smaller data set than the target's says so."""
    if area == "catalogue" and "catalogue.deliverables" in figures:
        n = int(num("catalogue.deliverables"))
        if n < TARGET_DELIVERABLES:
            return f" (on {n:,} deliverables, not {TARGET_DELIVERABLES:,})"
    if area == "certification" and "certification.certificates" in figures:
        n = int(num("certification.certificates"))
        if n < TARGET_CERTIFICATES:
            return f" (on {n:,} certificates, not {TARGET_CERTIFICATES:,})"
    return ""


def verdict(conditions, area):
    failed = [name for name, ok in conditions if not ok]
    if failed and all(name.startswith("not read") for name in failed):
        return "not shown: " + ", ".join(failed) + size_note(area)
    return ("met" if not failed else "missed: " + ", ".join(failed)) + size_note(area)


def nginx():
    need("catalogue.nginx.rps")
    return num("catalogue.nginx.rps")


def wrk_row(prefix, ratio_target=None, p99_target=None, rps_target=None):
    need(f"{prefix}.rps", f"{prefix}.p99_ms", f"{prefix}.p50_ms", f"{prefix}.errors")
    rps, p50, p99, errors = num(f"{prefix}.rps"), num(f"{prefix}.p50_ms"), num(f"{prefix}.p99_ms"), int(num(f"{prefix}.errors"))
    measured = f"{rps:,.0f} req/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms"
    conditions = []
    ratio = ""
    if ratio_target is not None:
        r = rps / nginx()
        ratio = f"{r:.4f} (nginx {nginx():,.0f} req/s)"
        conditions.append((f"ratio {r:.4f} < {ratio_target}", r >= ratio_target))
    if rps_target is not None:
        conditions.append((f"{rps:,.0f} < {rps_target:,} req/s", rps >= rps_target))
    if p99_target is not None:
        conditions.append((f"p99 {p99:.1f} > {p99_target} ms", p99 <= p99_target))
    if errors:
        measured += f", {errors:,} errors (non-2xx answers, socket errors)"
    conditions.append((f"{errors:,} errors (non-2xx answers, socket errors)", errors == 0))
    return measured, ratio, conditions


def standard_uncached():
    return wrk_row("catalogue.uncached-standard-mix", ratio_target=0.05, p99_target=50)


def search_uncached():
    return wrk_row("catalogue.uncached-search-16", ratio_target=0.015, p99_target=50)


def standard_cached():
    return wrk_row("catalogue.standard-one", ratio_target=0.5, p99_target=10)


def after_edit():
    need("catalogue.before-edit.rps", "catalogue.after-edit.rps", "catalogue.edit.shown")
    before, after = num("catalogue.before-edit.rps"), num("catalogue.after-edit.rps")
    shown = figures["catalogue.edit.shown"] == "1"
    r = after / before
    measured = f"{before:,.0f} req/s before, {after:,.0f} after = {r:.2f} × before; the edited page {'shows' if shown else 'does NOT show'} the change"
    return measured, "", [(f"{r:.2f} < 0.9 × before", r >= 0.9), ("the edit is not shown", shown)]


def verification():
    measured, ratio, conditions = wrk_row("certification.verify", ratio_target=0.14, p99_target=10, rps_target=10_000)
    if "certification.verify.cache_hits" in figures:
        hits, misses = int(num("certification.verify.cache_hits")), int(num("certification.verify.cache_misses"))
        measured += f"; the cache answered {hits:,}, the database {misses:,}"
    return measured, ratio, conditions


def name_search():
    return wrk_row("certification.search-16", p99_target=50)


def statistics():
    need("certification.statistics.computed_seconds", "certification.statistics.status")
    s = num("certification.statistics.computed_seconds")
    status = figures["certification.statistics.status"]
    return f"{s:.2f} s (HTTP {status})", "", [(f"{s:.2f} s > 1 s", s <= 1), (f"HTTP {status}", status == "200")]


def import_deliverables():
    need("catalogue.import.seconds")
    s = num("catalogue.import.seconds")
    measured = f"{s:.1f} s"
    if "catalogue.import.wall_seconds" in figures:
        measured += f" ({num('catalogue.import.wall_seconds'):.1f} s for the whole command)"
    if "catalogue.import-tiering-off.seconds" in figures:
        measured += f"; {num('catalogue.import-tiering-off.seconds'):.1f} s with DOTNET_TieredCompilation=0"
    return measured, "", [(f"{s:.1f} s > 5 s", s <= 5)]


def import_certificates():
    need("certification.import.rows_per_s")
    r = num("certification.import.rows_per_s")
    measured = f"{r:,.0f} rows/s"
    if "certification.import.seconds" in figures:
        measured += f" ({num('certification.import.seconds'):.1f} s)"
    return measured, "", [(f"{r:,.0f} < 100,000 rows/s", r >= 100_000)]


# The app processes "all of this" runs: the imports (the same file again included) and the servers.
APP_PROCESSES = ["catalogue.import-tiering-off", "catalogue.import", "catalogue.reimport", "catalogue.server-cached",
                 "catalogue.server-uncached", "certification.import", "certification.server"]


def peak_rss():
    rss = {k[: -len(".rss_kb")]: num(k) for k in figures if k.endswith(".rss_kb")}
    if not rss:
        raise Missing(["*.rss_kb"])
    worst = max(rss, key=rss.get)
    mb = rss[worst] / 1024
    unread = [p for p in APP_PROCESSES if p not in rss]
    measured = f"{mb:.0f} MB ({worst}; {len(rss)} of {len(APP_PROCESSES)} app processes read)"
    conditions = [(f"{mb:.0f} MB > 300 MB", mb <= 300)]
    if unread and mb <= 300:
        conditions.append(("not read: " + ", ".join(unread), False))
    return measured, "", conditions


ROWS = [
    ("standard page, output cache off, 1,000 pages, 64 connections", "≥ 0.05 × nginx, p99 ≤ 50 ms", "catalogue", standard_uncached, False),
    ("search, output cache off, 200 queries, 16 connections", "≥ 0.015 × nginx, p99 ≤ 50 ms", "catalogue", search_uncached, False),
    ("standard page, output cache on, 64 connections", "≥ 0.5 × nginx, p99 ≤ 10 ms", "catalogue", standard_cached, False),
    ("after an Editor changes one deliverable (1,000 pages, 10 s before / after)", "≥ 0.9 × before", "catalogue", after_edit, False),
    ("certificate verification by number, 64 connections", "≥ 10,000 req/s (≥ 0.14 × nginx), p99 ≤ 10 ms", "certification", verification, False),
    ("organization-name search, 16 connections", "p99 ≤ 50 ms", "certification", name_search, False),
    ("statistics page, computed afresh", "≤ 1 s", "certification", statistics, False),
    ("import: deliverables, .NET's default settings", "≤ 5 s", "catalogue", import_deliverables, True),
    ("import: certificates into the indexed registry", "≥ 100,000 rows/s", "certification", import_certificates, True),
    ("app memory under all of this", "peak RSS ≤ 300 MB", "", peak_rss, False),
]

print("| what | target | measured | ratio to nginx | verdict |")
print("|---|---|---|---|---|")
met = missed = unmeasured = 0
for what, target, area, row, import_row in ROWS:
    try:
        measured, ratio, conditions = row()
        v = verdict(conditions, area)
        met += v.startswith("met")
        missed += v.startswith("missed")
        unmeasured += v.startswith("not shown")
    except Missing as e:
        absent = e.args[0]
        measured, ratio = "not measured", ""
        v = "not measured: " + (why_missing(area, absent, import_row) if area else "no peak RSS was read; see the logs")
        unmeasured += 1
    print(f"| {what} | {target} | {measured} | {ratio or '—'} | {v} |")
print("| … a change to a certificate or an accreditation shows at once | at once | not measured here: a behaviour, "
      "not a speed; guarded by VerificationTests (SuspendingAnAccreditationShowsAtOnceOnItsCertificates) | — | — |")
if "catalogue.nginx.rps" in figures:
    p99 = f"{num('catalogue.nginx.p99_ms'):.1f}" if "catalogue.nginx.p99_ms" in figures else "?"
    size = f"{int(num('catalogue.nginx.bytes')):,} bytes" if "catalogue.nginx.bytes" in figures else "size unknown"
    print(f"| nginx, the same standard page as a file ({size}), 64 connections "
          f"| the ceiling | {num('catalogue.nginx.rps'):,.0f} req/s, p99 {p99} ms | 1 | — |")
print()
print(f"{met} met, {missed} missed, {unmeasured} not measured or not shown, of {len(ROWS)} rows.")
