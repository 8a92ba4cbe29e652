import json
from dataclasses import replace
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from common.commands import setup_errors
from drafting.parse import UploadError
from drafting.parse.review import read_reviewed
from drafting.review import accept, review
from drafting.spec import SpecError
from ordinances.documents import document_for, document_for_spec, library_document
from ordinances.management.references import spec_or_revision
from ordinances.models import Revision

FIELDS = ("id", "clause", "kind", "old", "new", "author", "date", "comment")


class Command(BaseCommand):
    help = (
        "Read a reviewed Word file back: BASE is the spec file or revision reference "
        '("12.3" = draft 12, revision 3) the file was exported from; EDITED the .docx with '
        "the reviewer's tracked changes, untracked edits and comments. Lists each proposed "
        "change on its clause; with --accept all -o NEW_SPEC.json, writes the spec with every "
        "change accepted as the draft's own edits."
    )

    def add_arguments(self, parser):
        parser.add_argument("base")
        parser.add_argument("edited")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--accept", choices=["all", "none"], default="none")
        parser.add_argument("-o", "--output", help="the spec file to write (with --accept)")

    def _base(self, reference: str):
        """(spec, organisation) of BASE: a spec file, or a saved revision."""
        found = spec_or_revision(reference)
        if isinstance(found, Revision):
            return found.draft_spec(), found
        return found, None

    def handle(self, *args, **options):
        if options["accept"] == "all" and not options["output"]:
            raise CommandError("--accept all writes a spec: give it with -o NEW_SPEC.json.")
        try:
            data = Path(options["edited"]).read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {options['edited']}: {exc.strerror}") from exc
        try:
            reviewed = read_reviewed(data)
        except UploadError as exc:
            raise CommandError(f"{options['edited']}: {exc}") from exc
        with setup_errors():
            spec, revision = self._base(options["base"])
            organisation = revision.draft.organisation if revision else None
            try:
                document = (
                    document_for(revision)
                    if revision
                    else document_for_spec(spec, organisation=organisation)
                )
            except SpecError as exc:
                raise CommandError(f"{options['base']}: {exc}") from exc
            result = review(document, reviewed)
            if options["output"]:
                accepted = [c.id for c in result.changes] if options["accept"] == "all" else []
                library = library_document(spec, organisation=organisation)
                words = accept(library, spec.words, result, accepted)
                written = replace(spec, words=words).as_dict()
                text = json.dumps(written, indent=2, ensure_ascii=False)
                Path(options["output"]).write_text(text + "\n", encoding="utf-8")
        listed = [{key: change.as_dict()[key] for key in FIELDS} for change in result.changes]
        if options["format"] == "json":
            self.stdout.write(json.dumps(listed, indent=2, ensure_ascii=False))
        else:
            for change in listed:
                where = change["clause"] or "(unmapped)"
                line = f"{change['id']:>4} {where:<24} {change['kind']:<8} {change['author']}"
                self.stdout.write(line)
                if change["old"] or change["new"]:
                    self.stdout.write(f"       − {change['old']!r}\n       + {change['new']!r}")
                if change["comment"]:
                    self.stdout.write(f"       “{change['comment']}”")
        if options["output"]:
            self.stderr.write(f"Wrote {options['output']}")
