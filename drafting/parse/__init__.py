"""Outside documents into the document IR: pasted text (`text`) and uploaded .docx (`docx`)."""

from drafting.parse.docx import MAX_UPLOAD_BYTES, UploadError, parse_docx
from drafting.parse.text import flatten, parse_text

__all__ = ["MAX_UPLOAD_BYTES", "UploadError", "flatten", "parse_docx", "parse_text"]
