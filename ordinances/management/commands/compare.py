import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from common.commands import setup_errors
from common.errors import NotFound
from drafting.departures import departures
from drafting.diff import diff_documents
from drafting.option_summary import option_summary
from drafting.parse import UploadError, parse_docx
from drafting.parse.akn import parse_akn
from drafting.render.compare_html import compare_html
from drafting.render.docx import ExportMeta
from drafting.render.redline_docx import render_redline_docx
from drafting.render.redline_pdf import render_redline_pdf
from drafting.spec import SpecError
from ordinances.comparison import (
    MODEL,
    Side,
    model_side,
    revision_side,
    spec_side,
)
from ordinances.management.references import spec_or_revision
from ordinances.models import Revision

# Outside documents compare by their text alone (they have no spec, so no option summary).
OUTSIDE = {".xml": parse_akn, ".akn": parse_akn, ".docx": parse_docx}


class Command(BaseCommand):
    help = (
        "Compare two drafts: OLD and NEW are spec JSON files, revision references "
        '("12.3" = draft 12, revision 3), "model", or an outside ordinance (.docx, or an '
        "Akoma Ntoso act .xml). Writes a redline; with --format json, the departures from "
        "the model (one side must be the model) as a JSON list."
    )

    def add_arguments(self, parser):
        parser.add_argument("old")
        parser.add_argument("new")
        parser.add_argument("--format", choices=["docx", "pdf", "html", "json"], default="html")
        parser.add_argument("-o", "--output", help="the file to write (json: stdout if none)")
        parser.add_argument("--author", default="Ordinance Drafter", help="tracked-change author")
        parser.add_argument("--blueline", action="store_true", help="blueline style (pdf)")

    def _side(self, reference: str, other: Side | None = None) -> Side:
        if reference == MODEL:
            if other is None or other.spec is None:
                raise CommandError("Compare the model with a spec or a revision.")
            return model_side(other.spec)
        path = Path(reference)
        if path.suffix.lower() in OUTSIDE:
            try:
                document = OUTSIDE[path.suffix.lower()](path.read_bytes())
            except OSError as exc:
                raise CommandError(f"Cannot read {path}: {exc.strerror}") from exc
            except UploadError as exc:
                raise CommandError(f"{path}: {exc}") from exc
            return Side(reference, path.stem, None, [], document)  # type: ignore[arg-type]
        found = spec_or_revision(reference)
        if isinstance(found, Revision):
            return revision_side(found)
        try:
            return spec_side(reference, path.stem, found)
        except SpecError as exc:
            raise CommandError(f"{path}: {exc}") from exc

    def _departures(self, old: Side, new: Side, output: str | None) -> None:
        if MODEL not in (old.reference, new.reference):
            raise CommandError("--format json lists departures from the model: compare with model.")
        side = new if old.reference == MODEL else old
        listed = [d.as_dict() for d in departures(side.clauses, side.spec)]
        text = json.dumps(listed, indent=2, ensure_ascii=False) + "\n"
        if output:
            Path(output).write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {output}: {len(listed)} departure(s) from the model")
        else:
            self.stdout.write(text, ending="")

    def handle(self, *args, **options):
        try:
            with setup_errors():
                new = self._side(options["new"]) if options["new"] != MODEL else None
                old = self._side(options["old"], new)
                new = new or self._side(options["new"], old)
        except NotFound as exc:
            raise CommandError(str(exc)) from exc
        if options["format"] == "json":
            return self._departures(old, new, options["output"])
        if not options["output"]:
            raise CommandError(f"--format {options['format']} writes a file: give it with -o FILE.")
        diff = diff_documents(old.document, new.document)
        summary = (
            option_summary(old.clauses, old.spec, new.clauses, new.spec)
            if old.spec is not None and new.spec is not None
            else []
        )
        target = Path(options["output"])
        if options["format"] == "docx":
            meta = ExportMeta.for_document(new.document, author=options["author"])
            target.write_bytes(
                render_redline_docx(diff, meta, author=options["author"], date=timezone.now())
            )
        elif options["format"] == "pdf":
            target.write_bytes(
                render_redline_pdf(
                    diff,
                    old_label=old.label,
                    new_label=new.label,
                    summary=summary,
                    blueline=options["blueline"],
                )
            )
        else:
            body = compare_html(diff, old_label=old.label, new_label=new.label, summary=summary)
            target.write_text(
                f'<!doctype html><html lang="en"><meta charset="utf-8">'
                f"<title>{old.label} → {new.label}</title>{body}</html>\n",
                encoding="utf-8",
            )
        for line in summary:
            self.stdout.write(f"  {line}")
        self.stdout.write(f"Wrote {target}")
