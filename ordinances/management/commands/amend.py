"""`manage.py amend EXISTING TARGET.json`: the amending ordinance that makes the current
law (EXISTING: .txt or .docx) say what the target spec says (see ordinances.amendments)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from common.commands import setup_errors
from drafting.budget import BudgetExceeded
from drafting.render.amendment import (
    render_amendment_docx,
    render_amendment_pdf,
    render_amendment_text,
)
from drafting.render.docx import ExportMeta
from drafting.spec import SpecError, json_loads, parse_spec
from ordinances.amendments import (
    ExistingLawError,
    amendment_for_spec,
    read_existing,
    spec_from_target,
)

RENDERERS = {"docx": render_amendment_docx, "pdf": render_amendment_pdf}


class _File:
    """An open file as the upload reader expects one (size, read)."""

    def __init__(self, data: bytes):
        self.data, self.size = data, len(data)

    def read(self, limit: int = -1) -> bytes:
        return self.data if limit < 0 else self.data[:limit]


class Command(BaseCommand):
    help = (
        "Write the amending ordinance (deletions struck through, insertions underlined) "
        "that makes EXISTING say what the TARGET spec says."
    )

    def add_arguments(self, parser):
        parser.add_argument("existing", help="the current law: a .txt or .docx file")
        parser.add_argument("target", help="the spec of what it should say (JSON)")
        parser.add_argument("--format", choices=["docx", "pdf", "txt"], default="txt")
        parser.add_argument("-o", "--output", help="write to this file instead of stdout")
        parser.add_argument(
            "--code-name",
            default="",
            help='how the instructions name the code, e.g. "Chapter 2-14 of the Municipal Code"',
        )
        parser.add_argument(
            "--line-numbers", action="store_true", help="number the lines (docx and pdf)"
        )

    def handle(self, *args, **options):
        fmt, output = options["format"], options["output"]
        if fmt in RENDERERS and not output:
            raise CommandError(f"--format {fmt} writes a file: give it with -o FILE.")
        target = self._target(Path(options["target"]), Path(options["existing"]), options)
        try:
            with setup_errors():
                spec = spec_from_target(target)
                ordinance = amendment_for_spec(spec)
        except SpecError as exc:
            raise CommandError(_problems(options["target"], exc)) from exc
        except BudgetExceeded as exc:
            raise CommandError(f"The existing law is too large to compare ({exc}).") from exc
        if fmt == "txt":
            text = render_amendment_text(ordinance)
            if output:
                _write(Path(output), text.encode("utf-8"))
                self.stdout.write(f"Wrote {output}")
            else:
                self.stdout.write(text, ending="")
            return
        meta = ExportMeta(
            title=ordinance.title,
            locality=ordinance.locality,
            author="",
            revision=None,
            revision_date=dt.date.today(),
            line_numbers=options["line_numbers"],
        )
        _write(Path(output), RENDERERS[fmt](ordinance, meta))
        self.stdout.write(f"Wrote {output}")

    def _target(self, target_path: Path, existing_path: Path, options):
        try:
            raw = json_loads(target_path.read_bytes())
            existing_data = existing_path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {exc.filename}: {exc.strerror}") from exc
        except (ValueError, json.JSONDecodeError) as exc:
            raise CommandError(f"{target_path} is not a JSON spec: {exc}") from exc
        try:
            text = read_existing(upload=_File(existing_data))
        except ExistingLawError as exc:
            raise CommandError(f"{existing_path}: {exc}") from exc
        if not isinstance(raw, dict):
            raise CommandError(f"{target_path} is not a draft spec (a JSON object).")
        existing = dict(raw.get("existing") or {})
        existing["text"] = text
        if options["code_name"]:
            existing["code_name"] = options["code_name"]
        try:
            return parse_spec({**raw, "existing": existing})
        except SpecError as exc:
            raise CommandError(_problems(str(target_path), exc)) from exc


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise CommandError(f"Cannot write {path}: {exc.strerror}") from exc


def _problems(path: str, exc: SpecError) -> str:
    lines = "\n".join(f"  {field}: {message}" for field, message in exc.problems.items())
    return f"{path} cannot be applied to the existing law:\n{lines}"
