"""JUnit XML, for CI test report views (GitLab's test report, Jenkins, …).

One test case per file: it fails when the file has an error or a warning
(one ``<failure>`` listing them, ``line:col CODE message`` per line) and is
an ``<error>`` when the file could not be linted.  Infos do not fail a case;
they are listed in its ``<system-out>``.  No timings, so the output is
deterministic.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from letterlint import lazyre
from letterlint.diagnostic import SEVERITY_ZH
from letterlint.report import printable
from letterlint.report.sarif import relative_path

# Characters XML 1.0 cannot carry at all, even escaped.
_INVALID_XML = lazyre.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", printable(text))


def _lines(diags) -> str:
    return "\n".join(_clean(f"{d.line}:{d.column} {d.rule} {d.message}") for d in diags)


def tree(results) -> ET.Element:
    suites = ET.Element("testsuites", name="letterlint")
    suite = ET.SubElement(suites, "testsuite", name="letterlint")
    failures = errors = 0
    for r in results:
        path = _clean(relative_path(r.path))
        case = ET.SubElement(suite, "testcase", classname="letterlint", name=path, file=path)
        if r.error:
            errors += 1
            err = ET.SubElement(case, "error", message=_clean(r.error), type="InputError")
            err.text = _clean(r.error)
            continue
        bad = [d for d in r.diagnostics if d.severity in ("error", "warning")]
        if bad:
            failures += 1
            counts = [f"{n} 个{SEVERITY_ZH[s]}" for s in ("error", "warning") if (n := r.count(s))]
            failure = ET.SubElement(case, "failure", message=f"{len(bad)} 个问题（{'，'.join(counts)}）",
                                    type="letterlint")
            failure.text = _lines(bad)
        infos = [d for d in r.diagnostics if d.severity not in ("error", "warning")]
        if infos:
            ET.SubElement(case, "system-out").text = _lines(infos)
    for element in (suites, suite):
        element.set("tests", str(len(results)))
        element.set("failures", str(failures))
        element.set("errors", str(errors))
    suite.set("skipped", "0")
    return suites


def render(results, stream, options) -> None:
    root = tree(results)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
