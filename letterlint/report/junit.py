"""JUnit XML, for CI test report views (GitLab's test report, Jenkins, …).

One test case per file: it fails exactly when the file fails the run, that
is when it has a problem at or above ``--fail-on`` (``fail-on`` in the
config; default: errors only), with one ``<failure>`` listing those problems
(``line:col 级别 CODE message`` per line, ``段N:列M`` for a Word document); it is an ``<error>`` when the file
could not be linted.  The other problems (warnings under the default) are
listed in the case's ``<system-out>``, so they are seen but pass.

The document keeps to the xunit2 schema that Jenkins, GitLab, Azure and
pytest's ``junit_family=xunit2`` use (Jenkins' junit-10.xsd): ``testsuites``
→ ``testsuite`` (name, tests, failures, errors, skipped, time) → ``testcase``
(name, classname, time) → at most one of ``failure``/``error`` (message,
type, text), then ``system-out``.  No ``file`` attribute on a test case (the
schema has none; the path is the case's name).  ``time`` is always 0, so the
output is deterministic.
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


def _lines(result, diags) -> str:
    return "\n".join(_clean(f"{result.position(d.line, d.column)} {SEVERITY_ZH.get(d.severity, d.severity)} "
                             f"{d.rule} {d.message}") for d in diags)


def tree(results, options=None) -> ET.Element:
    from letterlint.report import ReportOptions

    options = options or ReportOptions()
    suites = ET.Element("testsuites", name="letterlint")
    suite = ET.SubElement(suites, "testsuite", name="letterlint")
    failures = errors = 0
    for r in results:
        path = _clean(relative_path(r.path))
        case = ET.SubElement(suite, "testcase", classname="letterlint", name=path, time="0")
        if r.error:
            errors += 1
            err = ET.SubElement(case, "error", message=_clean(r.error), type="InputError")
            err.text = _clean(r.error)
            continue
        bad = options.failing(r)
        if bad:
            failures += 1
            counts = [f"{n} 个{SEVERITY_ZH[s]}" for s in ("error", "warning", "info")
                      if (n := sum(1 for d in bad if d.severity == s))]
            failure = ET.SubElement(case, "failure", message=f"{len(bad)} 个问题（{'，'.join(counts)}）",
                                    type="letterlint")
            failure.text = _lines(r, bad)
        failing = {id(d) for d in bad}
        others = [d for d in r.diagnostics if id(d) not in failing]
        if others:
            ET.SubElement(case, "system-out").text = _lines(r, others)
    for element in (suites, suite):
        element.set("tests", str(len(results)))
        element.set("failures", str(failures))
        element.set("errors", str(errors))
    suite.set("skipped", "0")
    suite.set("time", "0")
    return suites


def render(results, stream, options) -> None:
    root = tree(results, options)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
