"""`make bench`: how fast the core is on the full model and on an ordinance ten times
longer, with the tools a user might pick instead measured side by side in the same run.

Prints a progress line per measurement, then the table and the ratio of ours to
each peer (at or below 1.0: ours is as fast or faster), and writes it all as JSON
to bench/results/<date>.json (`--quick`: <date>-quick.json). Pure core only (no
database, no HTTP), then the load test (bench/load.py); the peers run as the user
would run them.

    python bench/run.py            # the full run: many minutes
    python bench/run.py --quick    # fewer repetitions, a short load test: under two minutes
    python bench/run.py --no-load  # the core and its peers only
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import io
import json
import multiprocessing
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from bench import corpus  # noqa: E402
from bench.hostile import HOSTILE  # noqa: E402
from drafting.assembly import assemble  # noqa: E402
from drafting.budget import BudgetExceeded, time_budget  # noqa: E402
from drafting.diff import changes, diff_documents  # noqa: E402
from drafting.lint import lint, scorecard  # noqa: E402
from drafting.parse import parse_text  # noqa: E402
from drafting.render import html as html_renderer  # noqa: E402
from drafting.render.docx import ExportMeta, render_docx  # noqa: E402
from drafting.render.html import render_html  # noqa: E402
from drafting.render.pdf import render_pdf  # noqa: E402
from drafting.render.redline_docx import render_redline_docx  # noqa: E402
from drafting.render.text import block_text  # noqa: E402
from drafting.spec import parse_spec  # noqa: E402

RESULTS = ROOT / "bench" / "results"
DIFFLIB_LIMIT = 120.0  # seconds: difflib is quadratic; past this it is reported as "> limit"
QUICK_DIFFLIB_LIMIT = 3.0
STARTED = time.perf_counter()
TARGETS_MS = {
    "assemble + HTML (live preview)": 50,
    "render .docx": 300,
    "render PDF": 2000,
    "lint": 50,
    "diff + redline .docx": 300,
}


@dataclass
class Row:
    document: str
    operation: str
    seconds: list[float]
    note: str = ""
    peer_of: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000

    @property
    def p95_ms(self) -> float:
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000


def progress(document: str, operation: str, seconds: list[float], note: str = "") -> None:
    """One line per measurement as it finishes, so a long run says where it is."""
    elapsed = time.perf_counter() - STARTED
    median = statistics.median(seconds) * 1000
    print(
        f"[{int(elapsed) // 60:02d}:{int(elapsed) % 60:02d}] {document:<28} {operation:<44} "
        f"{median:>10,.1f} ms  ({len(seconds)} runs) {note}",
        flush=True,
    )


def measure(function: Callable[[], object], runs: int, *, warmup: int = 1) -> list[float]:
    for _ in range(warmup):
        function()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def measure_pair(
    ours: Callable[[], object], peer: Callable[[], object], runs: int, *, warmup: int = 1
) -> tuple[list[float], list[float]]:
    """Ours and the peer timed in turn, run after run, so that both meet the same load
    on a shared machine (the medians are compared)."""
    for _ in range(warmup):
        ours()
        peer()
    ours_times, peer_times = [], []
    for _ in range(runs):
        for function, times in ((ours, ours_times), (peer, peer_times)):
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
    return ours_times, peer_times


def lines_of(document) -> list[str]:
    out = [document.title]
    for section in document.sections:
        out.append(section.title)
        out.extend(block_text(block) for block in section.blocks)
    return out


# -- peers ----------------------------------------------------------------------


def libreoffice_pdf(docx_bytes: bytes, tmp: str) -> Callable[[], object]:
    """LibreOffice converting our .docx to PDF, as a user would from the command line."""
    source = Path(tmp) / "ordinance.docx"
    source.write_bytes(docx_bytes)
    profile = f"-env:UserInstallation=file://{tmp}/profile"

    def convert():
        subprocess.run(
            ["libreoffice", profile, "--headless", "--convert-to", "pdf", "--outdir", tmp,
             str(source)],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip

    return convert


def _difflib_worker(old: list[str], new: list[str], queue) -> None:
    start = time.perf_counter()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    opcodes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    queue.put((time.perf_counter() - start, len(opcodes)))


def difflib_whole_text(old_doc, new_doc, limit: float = DIFFLIB_LIMIT) -> tuple[list[float], str]:
    """Python's difflib over the whole text, word tokens, as a user of difflib would."""
    tokens = re.compile(r"\S+|\s+")
    old = tokens.findall("\n".join(lines_of(old_doc)))
    new = tokens.findall("\n".join(lines_of(new_doc)))
    queue = multiprocessing.get_context("fork").Queue()
    process = multiprocessing.get_context("fork").Process(
        target=_difflib_worker, args=(old, new, queue)
    )
    process.start()
    process.join(limit)
    if process.is_alive():
        process.terminate()
        process.join()
        return [limit], f"stopped after {limit:.0f} s (quadratic)"
    seconds, changes = queue.get()
    return [seconds], f"{changes} changed runs"


def docxtpl_render(document) -> Callable[[], object]:
    """The same text through a docxtpl template, as a template-based tool would do it."""
    import docx
    from docxtpl import DocxTemplate

    template = docx.Document()
    template.add_paragraph("{{ title }}", style="Title")
    template.add_paragraph("{%p for line in lines %}")
    template.add_paragraph("{{ line }}")
    template.add_paragraph("{%p endfor %}")
    buffer = io.BytesIO()
    template.save(buffer)
    lines = lines_of(document)

    def render():
        out = DocxTemplate(io.BytesIO(buffer.getvalue()))
        out.render({"title": document.title, "lines": lines[1:]})
        out.save(io.BytesIO())

    return render


def libreoffice_compare(old_docx: bytes, new_docx: bytes, runs: int) -> tuple[list[float], int]:
    python = "/usr/bin/python3"
    with tempfile.TemporaryDirectory() as tmp:
        old, new = Path(tmp) / "old.docx", Path(tmp) / "new.docx"
        old.write_bytes(old_docx)
        new.write_bytes(new_docx)
        result = subprocess.run(
            [python, str(ROOT / "bench" / "libreoffice_compare.py"), str(old), str(new), str(runs)],
            capture_output=True, text=True, timeout=1800,
        )  # fmt: skip
        if result.returncode != 0:
            raise RuntimeError(f"LibreOffice compare failed: {result.stderr[-500:]}")
        data = json.loads(result.stdout.strip().splitlines()[-1])
        return data["seconds"], data["changes"]


def revision_marks(docx_bytes: bytes) -> int:
    """Tracked changes in a .docx as Word lists them (w:ins and w:del with text)."""
    from lxml import etree

    namespace = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx_bytes)).read("word/document.xml"))
    return sum(
        1
        for element in body.iter(f"{namespace}ins", f"{namespace}del")
        if "".join(element.itertext()).strip()
    )


# -- the run ----------------------------------------------------------------------


def bench_document(
    name: str, clauses, spec, *, fast: int, slow: int, peer_runs: int = 2,
    difflib_limit: float = DIFFLIB_LIMIT, slow_warmup: int = 1,
) -> list[Row]:  # fmt: skip
    document = assemble(clauses, spec)
    edited = corpus.edited(document)
    meta = ExportMeta.for_document(document, author="Benchmark", revision=1)
    words = corpus.word_count(document)
    label = f"{name} ({words:,} words)"
    rows: list[Row] = []

    def add(row: Row) -> None:
        rows.append(row)
        progress(row.document, row.operation, row.seconds, row.note)

    add(Row(label, "assemble", measure(lambda: assemble(clauses, spec), fast)))
    add(
        Row(
            label,
            "assemble + HTML (live preview)",
            measure(lambda: render_html(assemble(clauses, spec)), fast),
        )
    )

    # The HTML renderer remembers sections by content (the preview re-renders mostly
    # unchanged ones): "render HTML" starts cold each time; the preview row above
    # runs warm, as a user's keystrokes do.
    def render_html_cold() -> str:
        html_renderer._section_html_cached.cache_clear()
        return render_html(document)

    add(Row(label, "render HTML", measure(render_html_cold, fast), "section cache cleared"))
    ours_docx, peer_docx = measure_pair(
        lambda: render_docx(document, meta), docxtpl_render(document), fast
    )
    add(Row(label, "render .docx", ours_docx, "interleaved with docxtpl"))
    clean_docx = render_docx(document, meta)
    with tempfile.TemporaryDirectory() as tmp:
        ours_pdf, peer_pdf = measure_pair(
            lambda: render_pdf(document, meta), libreoffice_pdf(clean_docx, tmp), slow,
            warmup=slow_warmup,
        )  # fmt: skip
    add(Row(label, "render PDF", ours_pdf, "interleaved with LibreOffice"))
    add(Row(label, "lint", measure(lambda: lint(document), fast)))
    add(Row(label, "diff (5% edited)", measure(lambda: diff_documents(document, edited), fast)))
    redline_meta = ExportMeta.for_document(edited, author="Benchmark", revision=2)
    now = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)

    def redline() -> bytes:
        return render_redline_docx(
            diff_documents(document, edited), redline_meta, author="Benchmark", date=now
        )

    add(Row(label, "diff + redline .docx", measure(redline, fast)))

    edited_docx = render_docx(edited, redline_meta)
    ours = redline()
    diff = diff_documents(document, edited)

    add(Row(label, "PDF via LibreOffice (.docx → pdf)", peer_pdf, "", "render PDF"))
    seconds, note = difflib_whole_text(document, edited, difflib_limit)
    add(Row(label, "difflib, whole text", seconds, note, "diff (5% edited)"))
    add(Row(label, "docxtpl template", peer_docx, "", "render .docx"))
    our_marks = revision_marks(ours)
    try:
        lo_seconds, lo_changes = libreoffice_compare(clean_docx, edited_docx, peer_runs)
        note = f"{lo_changes} changes listed; ours {our_marks}"
    except (RuntimeError, subprocess.TimeoutExpired, ValueError) as exc:
        lo_seconds, lo_changes = [float("nan")], None
        note = f"LibreOffice failed: {str(exc).strip().splitlines()[-1][:80]}; ours {our_marks}"
    add(
        Row(label, "LibreOffice compare (.uno:CompareDocuments)", lo_seconds, note,
            "diff + redline .docx",
            {"libreoffice_changes": lo_changes, "our_changes": our_marks,
             "our_change_list": len(changes(diff))})
    )  # fmt: skip
    return rows


HOSTILE_CHARS = 200_000
CHECK_BUDGET_SECONDS = 10.0  # as ordinances/views/check.py


def _check(text: str) -> int:
    """What "Check an ordinance" computes for a pasted text: parse, lint, score, render."""
    document = parse_text(text)
    findings = lint(document)
    scorecard(document)
    render_html(document)
    return len(findings)


def bench_hostile() -> list[Row]:
    """Checking 200 KB of hostile text: time and peak Python memory, within the budget."""
    import tracemalloc

    rows = []
    for name, make in HOSTILE.items():
        text = make(HOSTILE_CHARS)
        start = time.perf_counter()
        try:
            with time_budget(CHECK_BUDGET_SECONDS):
                note = f"{_check(text):,} findings"
        except BudgetExceeded:
            note = "refused: too large to check (budget spent)"
        seconds = time.perf_counter() - start
        tracemalloc.start()  # a second run for memory: tracing slows the first one down
        try:
            _check(text)
        finally:
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        rows.append(
            Row(name, "check 200 KB (parse, lint, score, HTML)", [seconds],
                f"{note}; peak {peak / 1048576:,.1f} MB", extra={"peak_mb": peak / 1048576})
        )  # fmt: skip
    return rows


def bench_review_import(quick: bool) -> Row:
    """Bringing back a reviewed .docx of the full model with 100 tracked changes
    (bench/review.py: read, map onto clauses, accept all as edits)."""
    from bench import review

    _clauses, _spec, document = corpus.model()
    seconds, note = review.measure(3 if quick else 10)
    label = f"full model ({corpus.word_count(document):,} words)"
    row = Row(label, review.LABEL, seconds, note)
    progress(row.document, row.operation, row.seconds, row.note)
    return row


def ratios(rows: list[Row]) -> list[dict]:
    """Ours over each peer, by median time: at or below 1.0, ours is as fast or faster."""
    by_key = {(r.document, r.operation): r for r in rows}
    out = []
    for row in rows:
        if not row.peer_of:
            continue
        ours = by_key[(row.document, row.peer_of)]
        peer_ms = row.median_ms
        ratio = ours.median_ms / peer_ms if peer_ms == peer_ms and peer_ms > 0 else None
        out.append(
            {
                "document": row.document,
                "ours": row.peer_of,
                "peer": row.operation,
                "ours_ms": round(ours.median_ms, 1),
                "peer_ms": round(peer_ms, 1) if peer_ms == peer_ms else None,
                "ratio": round(ratio, 3) if ratio is not None else None,
                "note": row.note,
            }
        )
    return out


def print_ratios(table: list[dict]) -> None:
    print("\nOurs against the peers (ratio = our median / the peer's; at or below 1.0 wins):")
    print(f"{'document':<28} {'ours':<22} {'peer':<44} {'ours ms':>9} {'peer ms':>9} {'ratio':>6}")
    print("-" * 124)
    for item in table:
        ratio = "n/a" if item["ratio"] is None else f"{item['ratio']:.2f}"
        verdict = "" if item["ratio"] is None or item["ratio"] <= 1.0 else "  LOSES"
        peer_ms = "n/a" if item["peer_ms"] is None else f"{item['peer_ms']:,.1f}"
        print(
            f"{item['document']:<28} {item['ours']:<22} {item['peer']:<44} "
            f"{item['ours_ms']:>9,.1f} {peer_ms:>9} {ratio:>6}{verdict}"
        )


def print_table(rows: list[Row]) -> None:
    by_key = {(r.document, r.operation): r for r in rows}
    print(f"{'document':<28} {'operation':<44} {'median ms':>10} {'p95 ms':>10} {'runs':>5}  note")
    print("-" * 120)
    for row in rows:
        note = row.note
        if row.peer_of and row.median_ms == row.median_ms:  # not NaN: the peer ran
            ours = by_key[(row.document, row.peer_of)]
            ratio = row.median_ms / ours.median_ms
            speed = f"ours {ratio:,.1f}× faster" if ratio >= 1 else f"ours {1 / ratio:,.1f}× slower"
            note = f"{speed} (vs {row.peer_of}); {note}".strip("; ")
        elif row.operation in TARGETS_MS and row.document.startswith("full model"):
            target = TARGETS_MS[row.operation]
            verdict = "meets" if row.median_ms < target else "MISSES"
            note = f"{verdict} target < {target} ms"
        print(
            f"{row.document:<28} {row.operation:<44} {row.median_ms:>10,.1f} "
            f"{row.p95_ms:>10,.1f} {len(row.seconds):>5}  {note}"
        )


def machine() -> dict:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }


def main(argv: list[str] | None = None) -> Path:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs; under two minutes")
    parser.add_argument("--no-load", action="store_true", help="skip the load test")
    args = parser.parse_args(argv)
    quick = args.quick
    mode = "quick" if quick else "full"
    print(f"make bench ({mode}): one line per measurement as it finishes", flush=True)
    clauses, spec, document = corpus.model()
    limit = QUICK_DIFFLIB_LIMIT if quick else DIFFLIB_LIMIT
    rows = bench_document(
        "full model", clauses, spec, fast=8 if quick else 30, slow=2 if quick else 5,
        peer_runs=1 if quick else 2, difflib_limit=limit,
    )  # fmt: skip
    long_clauses = corpus.ten_times_clauses(document)
    long_spec = parse_spec({"locality": corpus.LOCALITY})
    rows += bench_document(
        "ten times longer", long_clauses, long_spec, fast=3 if quick else 5,
        slow=1 if quick else 2, peer_runs=1 if quick else 2, difflib_limit=limit,
        slow_warmup=0 if quick else 1,
    )  # fmt: skip
    rows += bench_hostile()
    for row in rows[-len(HOSTILE) :]:
        progress(row.document, row.operation, row.seconds, row.note)
    rows.append(bench_review_import(quick))
    print()
    print_table(rows)
    table = ratios(rows)
    load_rows: list[dict] = []
    if not args.no_load:
        print("\nLoad test (loopback, bounded):", flush=True)
        try:
            from bench import load

            load_rows = load.main(quick=quick)
        except (OSError, subprocess.CalledProcessError, SystemExit) as exc:
            print(f"  skipped: PostgreSQL, Redis or gunicorn not available ({exc})")
    print_ratios(table)
    if load_rows:
        load.print_summary(load_rows)
    RESULTS.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS / (now.strftime("%Y-%m-%d") + ("-quick" if quick else "") + ".json")
    path.write_text(
        json.dumps(
            {
                "when": stamp,
                "mode": mode,
                "machine": machine(),
                "ratios": table,
                "rows": [
                    {
                        "document": r.document,
                        "operation": r.operation,
                        "median_ms": round(r.median_ms, 2),
                        "p95_ms": round(r.p95_ms, 2),
                        "runs": len(r.seconds),
                        "peer_of": r.peer_of,
                        "note": r.note,
                        **r.extra,
                    }
                    for r in rows
                ],
                "load": load_rows,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"\nWrote {path.relative_to(ROOT)} ({time.perf_counter() - STARTED:.0f} s)")
    return path


if __name__ == "__main__":
    main()
