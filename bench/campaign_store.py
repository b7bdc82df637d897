#!/usr/bin/env python3
"""The campaign store benchmark (docs/performance.md, issue 14), run by bench/run.sh.

Measures, with the `ocop` CLI as a user runs it (every figure includes starting the process):
- durable append: events/s of one `campaign apply` of a large batch, and of one call per event;
- opening a store of 10k / 100k / 1M events: wall time and peak memory (max RSS) of `campaign status`
  (which opens the store, verifies the end of the chain and counts dossiers by phase), and of applying
  one event to it;
beside the same figures for the JSONL store of earlier versions (--jsonl-cli, built by run.sh from the
last commit that had it) and the targets. Events are the demo's (541 dossiers, 5,792 events) copied
under new dossier ids (HN-09-040-K7 ...) until the size is reached. Stores are generated once in --data
and reused (the 1M store takes a few minutes to build and about 1.5 GB).
"""
import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"open_s": 0.5, "open_mb": 100, "apply_one_ms": 50, "batch_eps": 50_000}


def timed(cmd, stdin=None):
    """(wall seconds, peak RSS in MB, stdout) of one command; CPU seconds (user + system) in timed.cpu.
    Measured by GNU time (/usr/bin/time): a child forked from this Python process would carry the
    parent's memory in its peak RSS, one forked from time(1) does not."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", report.name, *map(str, cmd)], input=stdin,
                              capture_output=True)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            sys.exit(f"{' '.join(map(str, cmd))} failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
        kb, user, system = report.read().split()[-3:]
    timed.cpu = float(user) + float(system)
    return elapsed, int(kb) / 1024, proc.stdout


def demo_events(cli, data):
    path = data / "demo-events.jsonl"
    if not path.exists():
        out = data / "demo"
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run([cli, "demo", "hanoi-2021", "--out", out], check=True, capture_output=True)
        lines = (out / "events.jsonl").read_text(encoding="utf-8").splitlines()
        path.write_text("".join(json.dumps(json.loads(l)["event"], ensure_ascii=False, separators=(",", ":")) + "\n"
                                for l in lines), encoding="utf-8")
        shutil.rmtree(out)
    return path.read_text(encoding="utf-8").splitlines()


def events(base, first, count):
    """Events first .. first+count-1 of the endless sequence: copy k of the demo renames its dossiers."""
    out = []
    for n in range(first, first + count):
        k, i = divmod(n, len(base))
        line = base[i]
        if k:
            dossier = json.loads(line)["dossier"]
            line = line.replace(f'"{dossier}', f'"{dossier}-K{k}').replace(f' {dossier}', f' {dossier}-K{k}')
        out.append(line)
    return out


def store_format(store):
    """(format version, page size) of the store in DIR `store`, read with Python's sqlite3, read-only."""
    db = sqlite3.connect(f"file:{store / 'campaign.sqlite'}?mode=ro", uri=True)
    try:
        (version,), = db.execute("SELECT value FROM store_info WHERE key = 'version'").fetchall()
        (page_size,), = db.execute("PRAGMA page_size").fetchall()
        return version, page_size
    finally:
        db.close()


def build_store(cli, base, data, size, fresh_format):
    """DIR holding `size` events, generated once (applied in batches of 100k) and reused while it has
    the format of a store made now (`fresh_format`): an older store would be upgraded by the first
    timed call, and would keep its older page size."""
    store = data / f"sqlite-{size}"
    if (store / "done").exists() and store_format(store) == fresh_format:
        return store
    shutil.rmtree(store, ignore_errors=True)
    subprocess.run([cli, "campaign", "init", store, "--campaign", "hanoi-2021"], check=True, capture_output=True)
    for first in range(0, size, 100_000):
        batch = "\n".join(events(base, first, min(100_000, size - first))) + "\n"
        timed([cli, "campaign", "apply", store, "-"], stdin=batch.encode())
    (store / "done").write_text("ok\n")
    return store


def jsonl_store(jsonl_cli, cli, data, store, size):
    """The same log as a JSONL store of earlier versions (campaign.json, events.jsonl, head)."""
    out = data / f"jsonl-{size}"
    if not (out / "head").exists():
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run([cli, "campaign", "export", store, "--out", out], check=True, capture_output=True)
    return out


def one_per_call(cli, store, base, first, calls):
    """Mean wall seconds of `calls` applies of one event each, continuing the store's log (mean CPU
    seconds in one_per_call.cpu, median wall seconds in one_per_call.median)."""
    walls = []
    cpu = 0.0
    for n in range(calls):
        walls.append(timed([cli, "campaign", "apply", store, "-"], stdin=(events(base, first + n, 1)[0] + "\n").encode())[0])
        cpu += timed.cpu
    one_per_call.cpu = cpu / calls
    one_per_call.median = sorted(walls)[len(walls) // 2]
    return sum(walls) / calls


def scratch_copy(src, dst):
    """A copy of the store at rest: its files and directory flushed to the disk (fsync) before anything
    is timed. Without this, the first `apply`'s fdatasync of campaign.sqlite also writes out the copy's
    pages still dirty in the page cache: about 1 s for the 1.1 GB store of 1M events (docs/performance.md)."""
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst)
    for path in [*dst.iterdir(), dst]:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    return dst


def row(name, new, old, target, verdict=""):
    print(f"  {name:<44} {new:>16} {old:>16} {target:>12}  {verdict}")


def verdict(value, target, at_least):
    """'target met' or 'TARGET MISSED by Nx', as ocop_bench prints them."""
    if (value >= target) if at_least else (value <= target):
        return "target met"
    return f"TARGET MISSED by {(target / value) if at_least else (value / target):.2f}x"


def batch_file(base, first, data):
    """Events first .. first+99,999 written to a file, which the timed `campaign apply` reads as a
    user's batch. Fed from this script through a pipe, the batch came 4,096 bytes per write
    (select.PIPE_BUF, as subprocess writes its input), and Python, not ocop, set the pace: 2.0 to
    2.2 s for what ocop applies from a file or a shell pipe in 1.7 to 1.9 s (docs/performance.md)."""
    path = data / f"batch-{first}.jsonl"
    path.write_text("\n".join(events(base, first, 100_000)) + "\n", encoding="utf-8")
    return path


def batch_onto_large_store(cli, base, store, data):
    """The batch of 100k events applied in one call onto a copy of the 1M store: the index that finds
    an event already applied no longer fits SQLite's page cache by default (docs/performance.md)."""
    work = scratch_copy(store, data / "work-batch")
    seconds = timed([cli, "campaign", "apply", work, batch_file(base, 1_000_000, data)])[0]
    row("durable batch append onto 1,000,000 (events/s)", f"{100_000 / seconds:,.0f} (100k)", "-",
        f">= {TARGETS['batch_eps']:,}", verdict(100_000 / seconds, TARGETS["batch_eps"], True))
    row("  the same per CPU second (user + system)", f"{100_000 / timed.cpu:,.0f}", "", "")
    shutil.rmtree(work)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--jsonl-cli", default="")
    ap.add_argument("--data", required=True)
    ap.add_argument("--quick", action="store_true", help="10k and 100k only")
    a = ap.parse_args()
    data = Path(a.data)
    data.mkdir(parents=True, exist_ok=True)
    base = demo_events(a.cli, data)
    sizes = [10_000, 100_000] + ([] if a.quick else [1_000_000])
    old = a.jsonl_cli if a.jsonl_cli and Path(a.jsonl_cli).exists() else None
    print("\nCampaign store (issue 14): SQLite store vs the JSONL store of earlier versions"
          + ("" if old else " (JSONL store: not measured, no --jsonl-cli)"))
    print(f"  {'figure':<44} {'SQLite store':>16} {'JSONL store':>16} {'target':>12}")

    # durable batch append: one call, on a fresh store
    fresh = data / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    subprocess.run([a.cli, "campaign", "init", fresh, "--campaign", "hanoi-2021"], check=True, capture_output=True)
    seconds = timed([a.cli, "campaign", "apply", fresh, batch_file(base, 0, data)])[0]
    cpu = timed.cpu
    old_eps = "-"
    if old:
        shutil.rmtree(fresh, ignore_errors=True)
        subprocess.run([old, "campaign", "init", fresh, "--campaign", "hanoi-2021"], check=True, capture_output=True)
        small = "\n".join(events(base, 0, 3_000)) + "\n"
        old_eps = f"{3_000 / timed([old, 'campaign', 'apply', fresh, '-'], stdin=small.encode())[0]:,.0f} (3k)"
    row("durable batch append, 1 call (events/s)", f"{100_000 / seconds:,.0f} (100k)", old_eps, f">= {TARGETS['batch_eps']:,}",
        verdict(100_000 / seconds, TARGETS["batch_eps"], True))
    row("  the same per CPU second (user + system)", f"{100_000 / cpu:,.0f}", "", "")
    shutil.rmtree(fresh, ignore_errors=True)
    subprocess.run([a.cli, "campaign", "init", fresh, "--campaign", "hanoi-2021"], check=True, capture_output=True)
    fresh_format = store_format(fresh)
    shutil.rmtree(fresh, ignore_errors=True)

    for size in sizes:
        store = build_store(a.cli, base, data, size, fresh_format)
        t, mb, _ = timed([a.cli, "campaign", "status", store])
        t = min(t, timed([a.cli, "campaign", "status", store])[0])  # the better of two: the page cache warm
        status_cpu = timed.cpu
        old_open = "-"
        if old and size <= 100_000 or old and os.environ.get("OCOP_BENCH_JSONL_1M"):
            ot, omb, _ = timed([old, "campaign", "status", jsonl_store(old, a.cli, data, store, size)])
            old_open = f"{ot:.2f} s {omb:,.0f} MB"
        elif old:
            old_open = "skipped (*)"
        row(f"open {size:,} events (status: time, max RSS)", f"{t:.3f} s {mb:,.0f} MB", old_open,
            f"< {TARGETS['open_s']} s {TARGETS['open_mb']} MB",
            verdict(max(t / TARGETS["open_s"], mb / TARGETS["open_mb"]), 1.0, False))
        row("  its CPU time (user + system)", f"{status_cpu:.3f} s", "", "")
        work = scratch_copy(store, data / "work")
        per = one_per_call(a.cli, work, base, size, 20)
        per_cpu, per_median = one_per_call.cpu, one_per_call.median
        old_per = "-"
        if old and size <= 100_000:
            owork = scratch_copy(jsonl_store(old, a.cli, data, store, size), data / "work-jsonl")
            old_per = f"{one_per_call(old, owork, base, size, 5 if size > 10_000 else 20) * 1000:,.0f} ms"
            shutil.rmtree(owork)
        elif old:
            old_per = "skipped (*)"
        row(f"apply one event per call to {size:,} (ms)", f"{per * 1000:,.1f} ms ({1 / per:,.0f}/s)", old_per,
            f"< {TARGETS['apply_one_ms']} ms", verdict(per * 1000, TARGETS["apply_one_ms"], False))
        row("  its median; its CPU time (user + system)", f"{per_median * 1000:,.1f} ms; {per_cpu * 1000:,.1f} ms", "", "")
        if size == 1_000_000:
            batch_onto_large_store(a.cli, base, store, data)
        shutil.rmtree(work)
    if old and not a.quick:
        print("  (*) the JSONL store at 1M: issue 14 measured 17.6 s and 3 GB per call; set OCOP_BENCH_JSONL_1M=1 to measure")
    print("  durable: WAL with synchronous=FULL, an fsync per commit; the JSONL store fsyncs three times per event")
    print(f"  load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall-clock figures suffer on a busy machine)")


if __name__ == "__main__":
    main()
