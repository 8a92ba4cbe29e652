import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from common.commands import setup_errors
from drafting.render.docx import ExportMeta
from drafting.spec import SpecError, load_spec
from exports.packet import Reading, packet_payload, render_packet, staff_report_docx
from ordinances.documents import clauses_for_spec, document_for_spec


def _reading(path: Path) -> Reading:
    try:
        spec = load_spec(path.read_text(encoding="utf-8"))
        with setup_errors():
            document = document_for_spec(spec, strict=True)
            clauses = clauses_for_spec(spec)
    except OSError as exc:
        raise CommandError(f"Cannot read {path}: {exc.strerror}") from exc
    except SpecError as exc:
        lines = "\n".join(f"  {field}: {message}" for field, message in exc.problems.items())
        raise CommandError(f"{path} cannot be assembled:\n{lines}") from exc
    return Reading(document=document, clauses=clauses, spec=spec, label=path.stem)


class Command(BaseCommand):
    help = (
        "Write the council packet of a draft spec: staff report, ordinance with line numbers, "
        "redline against the previous reading (with --previous), compliance report; one PDF "
        "with a bookmark per part."
    )

    def add_arguments(self, parser):
        parser.add_argument("spec", help="the draft spec JSON of this reading")
        parser.add_argument("--previous", help="the spec JSON of the previous reading")
        parser.add_argument("-o", "--output", required=True, help="the packet PDF to write")
        parser.add_argument(
            "--staff-report-docx", help="also write the staff report as an editable .docx"
        )

    def handle(self, *args, **options):
        current = _reading(Path(options["spec"]))
        previous = _reading(Path(options["previous"])) if options["previous"] else None
        meta = ExportMeta.for_document(current.document, revision_date=dt.date.today())
        with setup_errors():
            data = packet_payload(current, previous, meta)
            if options["staff_report_docx"]:
                docx = staff_report_docx(current, previous, meta)
                Path(options["staff_report_docx"]).write_bytes(docx)
                self.stdout.write(f"Wrote {options['staff_report_docx']}")
        Path(options["output"]).write_bytes(render_packet(data))
        self.stdout.write(f"Wrote {options['output']}")
