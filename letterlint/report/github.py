"""GitHub Actions workflow commands: one annotation per diagnostic.

``::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=CODE::MESSAGE``
(``::warning`` for warnings, ``::notice`` for infos), escaped the way the
Actions toolkit does it.  Columns count characters and ``endColumn`` is
exclusive, as in every letterlint report; columns are left out of a span
that crosses lines, since GitHub only places columns within one line.
For a Word document ``line`` is the paragraph and ``col`` the column in
it, and the message starts with ``段N:列M`` (a .docx has no lines to show).
"""
from __future__ import annotations

from letterlint.report import printable
from letterlint.report.places import word_place
from letterlint.report.sarif import message_text, relative_path

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape the message of a workflow command (the part after ``::``).

    GitHub's own escapes for ``%``, CR and LF, then every other control shown
    as an escape (``printable``): a raw ESC or a line separator in a log is
    an injection too.
    """
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a property value (``file=…``, ``title=…``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(severity: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return f"::{COMMAND.get(severity, 'warning')} {props}::{escape_data(message)}"


def render(results, stream, options) -> None:
    for r in results:
        path = relative_path(r.path)
        if r.error:
            stream.write(command("error", {"file": path}, r.error) + "\n")
            continue
        for d in r.diagnostics:
            place = word_place(r, d) if r.paragraphs is not None else None
            if place is None:
                line, column, end_line, end_column = d.line, d.column, d.end_line, d.end_column
            else:
                line, column, end_line, end_column = (place.paragraph, place.column, place.end_paragraph,
                                                      place.end_column)
            props: dict[str, object] = {"file": path, "line": line}
            if end_line == line:
                props.update(col=column, endLine=end_line, endColumn=end_column)
            else:
                props["endLine"] = end_line
            props["title"] = d.rule
            message = message_text(d) if place is None else f"{place.label} {message_text(d)}"
            stream.write(command(d.severity, props, message) + "\n")
