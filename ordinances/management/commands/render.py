import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from common.commands import setup_errors
from drafting.render.akn import AknMeta, render_akn
from drafting.render.docx import ExportMeta, render_docx
from drafting.render.html import render_html
from drafting.render.pdf import render_pdf
from drafting.render.text import render_markdown, render_text
from drafting.spec import SpecError, load_spec
from ordinances.documents import document_for_spec

TEXT_FORMATS = {"txt": render_text, "md": render_markdown, "html": render_html}
BINARY_FORMATS = {"docx": render_docx, "pdf": render_pdf}


class Command(BaseCommand):
    help = "Assemble the ordinance a draft spec (JSON) describes and print or write it."

    def add_arguments(self, parser):
        parser.add_argument("spec", help="path to a draft spec JSON file (see examples/)")
        parser.add_argument(
            "--format", choices=sorted([*TEXT_FORMATS, *BINARY_FORMATS, "akn"]), default="txt"
        )
        parser.add_argument("-o", "--output", help="write to this file instead of stdout")
        parser.add_argument(
            "--line-numbers", action="store_true", help="number the lines (docx and pdf)"
        )

    def handle(self, *args, **options):
        path = Path(options["spec"])
        fmt = options["format"]
        if fmt in BINARY_FORMATS and not options["output"]:
            raise CommandError(f"--format {fmt} writes a file: give it with -o FILE.")
        try:
            spec = load_spec(path.read_text(encoding="utf-8"))
            with setup_errors():
                document = document_for_spec(spec, strict=True)
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from exc
        except SpecError as exc:
            lines = "\n".join(f"  {field}: {message}" for field, message in exc.problems.items())
            raise CommandError(f"{path} cannot be assembled:\n{lines}") from exc
        if fmt == "akn":
            meta = AknMeta(date=dt.date.today(), state=spec.locality.state)
            output = render_akn(document, meta).decode("utf-8")
        elif fmt in BINARY_FORMATS:
            meta = ExportMeta.for_document(document, line_numbers=options["line_numbers"])
            Path(options["output"]).write_bytes(BINARY_FORMATS[fmt](document, meta))
            self.stdout.write(f"Wrote {options['output']}")
            return
        else:
            output = TEXT_FORMATS[fmt](document)
        if options["output"]:
            Path(options["output"]).write_text(output, encoding="utf-8")
            self.stdout.write(f"Wrote {options['output']}")
        else:
            self.stdout.write(output, ending="")
