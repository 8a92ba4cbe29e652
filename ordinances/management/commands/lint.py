import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from common.commands import setup_errors
from drafting.lint import lint
from drafting.parse import UploadError, parse_docx, parse_text
from drafting.parse.akn import parse_akn
from drafting.spec import SpecError, load_spec
from ordinances.documents import document_for_spec


class Command(BaseCommand):
    help = (
        "Check an ordinance (a spec JSON, a .docx, an Akoma Ntoso .xml or a text file) for "
        "8 U.S.C. § 1373 and strength. Exits 1 when there is any error, 0 otherwise."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help="SPEC.json, ordinance.docx, an Akoma Ntoso act (.xml) or ordinance.txt"
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--state", help="the state (name, postal code or abbreviation), for state-law findings"
        )

    def handle(self, *args, **options):
        path = Path(options["path"])
        state = options["state"]
        try:
            if path.suffix.lower() == ".json":
                spec = load_spec(path.read_text(encoding="utf-8"))
                with setup_errors():
                    document = document_for_spec(spec, strict=True)
                state = state or spec.locality.state
            elif path.suffix.lower() == ".docx":
                document = parse_docx(path.read_bytes())
            elif path.suffix.lower() in (".xml", ".akn"):
                document = parse_akn(path.read_bytes())
            else:
                document = parse_text(path.read_text(encoding="utf-8", errors="replace"))
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from exc
        except (SpecError, UploadError) as exc:
            raise CommandError(f"{path}: {exc}") from exc
        findings = lint(document, state=state)
        if options["format"] == "json":
            self.stdout.write(json.dumps([f.to_dict() for f in findings], indent=2))
        else:
            for finding in findings:
                where = f" [{finding.section}]" if finding.section else ""
                self.stdout.write(f"{finding.severity.upper()} {finding.rule}{where}")
                self.stdout.write(f"  {finding.message}")
                if finding.sentence:
                    self.stdout.write(f"  “{finding.sentence}”")
                if finding.limb:
                    self.stdout.write(f"  Statute: {finding.limb}")
                if finding.authority:
                    self.stdout.write(f"  Authority: {finding.authority}")
            errors = sum(f.severity == "error" for f in findings)
            self.stdout.write(f"{len(findings)} finding(s), {errors} error(s).")
        if any(f.severity == "error" for f in findings):
            sys.exit(1)
