"""The demo campaign's events as JSON lines, for the CLI tests that apply many events (stdlib only)."""
import json
import shutil
import subprocess
import tempfile
from pathlib import Path


def demo_events(cli):
    """Every event of `ocop demo hanoi-2021`, in log order, one JSON text each."""
    tmp = Path(tempfile.mkdtemp(prefix="ocop-demo-events-"))
    try:
        subprocess.run([cli, "demo", "hanoi-2021", "--out", str(tmp / "demo")], check=True, capture_output=True, timeout=300)
        return [json.dumps(json.loads(line)["event"], ensure_ascii=False)
                for line in (tmp / "demo" / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    finally:
        shutil.rmtree(tmp)
