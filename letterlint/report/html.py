"""One self-contained HTML page, for reviewers who never open a terminal.

A summary per file and per rule, then every letter's full text with each
problem's characters highlighted in place (``<mark class="sev-error"
data-rule="CODE">``) and a note beside the line: the code, the Chinese message
and the suggestion.  Overlapping spans are split at every boundary and the
marks nested, so each diagnostic has marks of its own; an empty span (a
missing character) is an empty caret mark.  Checkboxes filter by severity
(a few lines of inline JavaScript toggle classes; without JavaScript the
checkboxes stay hidden and everything is shown).  Inline CSS and JS only, no
network.  The page carries the date of the check and the letterlint version
(the date is ``SOURCE_DATE_EPOCH``'s when set, for reproducible builds).

For reviewers who print: ``@page`` sets A4 with margins, and print hides the
filters.  Letters without problems are folded (``<details>``) and shown as
plain text, which keeps a run over hundreds of letters small.  The fonts are
a CJK stack with a font that exists on each system (Windows: Microsoft YaHei,
SimSun, FangSong; macOS: PingFang SC, Songti SC, STFangsong; Linux: Noto CJK,
Source Han, WenQuanYi), so no character is drawn as a box.
"""
from __future__ import annotations

from html import escape

from letterlint.diagnostic import SEVERITY_RANK, SEVERITY_ZH
from letterlint.report import printable

SEVERITIES = ("error", "warning", "info")

CSS = """
:root { --error: #c62828; --warning: #a15c00; --info: #1565c0;
        --error-bg: rgba(229, 57, 53, .22); --warning-bg: rgba(255, 179, 0, .35); --info-bg: rgba(30, 136, 229, .18);
        --rule: #d9d9d9; --muted: #666; }
* { box-sizing: border-box; }
body { margin: 0; color: #1f1f1f; background: #f6f6f4; line-height: 1.6;
       font-family: "Microsoft YaHei", "微软雅黑", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC",
                    "Source Han Sans SC", "WenQuanYi Micro Hei", "Droid Sans Fallback", sans-serif; }
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .6rem; }
.summary { margin: 0 0 .8rem; }
.filters { position: sticky; top: 0; z-index: 2; background: #f6f6f4; padding: .5rem 0; border-bottom: 1px solid var(--rule); }
.filters label { margin-right: 1.2rem; white-space: nowrap; cursor: pointer; }
table { border-collapse: collapse; background: #fff; width: 100%; }
th, td { border: 1px solid var(--rule); padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #efefec; font-weight: 600; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.zero { color: #aaa; }
.unreadable { color: var(--error); }
code { font-family: "SFMono-Regular", Consolas, "Liberation Mono", monospace; font-size: .9em; }
section.file { margin: 2rem 0; }
section.file h2 { margin-bottom: .2rem; word-break: break-all; }
.meta { color: var(--muted); margin: 0 0 .6rem; }
.clean { color: #2e7d32; }
.letter { background: #fff; border: 1px solid var(--rule); }
.line { display: grid; grid-template-columns: 3.2rem minmax(0, 1fr) minmax(14rem, 24rem); min-height: 1.7em; }
.line + .line { border-top: 1px solid #f3f3f3; }
.line.has-notes { background: #fffdf7; }
.ln { color: #aaa; text-align: right; padding: .1rem .6rem .1rem 0; border-right: 1px solid var(--rule);
      font-variant-numeric: tabular-nums; text-decoration: none; user-select: none; }
.src { padding: .1rem .8rem; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1.05rem;
       font-family: "FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "Songti SC", "SimSun", "宋体",
                    "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", serif; }
.notes { padding: .1rem .6rem; border-left: 1px solid var(--rule); font-size: .88rem; }
.note { margin: .15rem 0 .35rem; padding-left: .5rem; border-left: 3px solid; }
.badge { display: inline-block; color: #fff; border-radius: 3px; padding: 0 .35rem; margin-right: .3rem; font-size: .8rem;
         line-height: 1.5; }
.note .where { color: var(--muted); font-size: .8rem; margin-left: .3rem; }
.note .sugg { color: #2e7d32; }
mark { color: inherit; padding: 0; border-bottom: 2px solid; background: transparent; }
mark.caret { display: inline-block; width: .45em; height: 1.2em; vertical-align: text-bottom; border-bottom: 0;
             border-left: 2px solid; }
.sev-error { border-color: var(--error); }
.sev-warning { border-color: var(--warning); }
.sev-info { border-color: var(--info); }
mark.sev-error { background: var(--error-bg); }
mark.sev-warning { background: var(--warning-bg); }
mark.sev-info { background: var(--info-bg); }
mark.caret { background: transparent; }
.badge.sev-error { background: var(--error); }
.badge.sev-warning { background: var(--warning); }
.badge.sev-info { background: var(--info); }
.hide-error .note.sev-error, .hide-warning .note.sev-warning, .hide-info .note.sev-info { display: none; }
.hide-error mark.sev-error, .hide-warning mark.sev-warning, .hide-info mark.sev-info { background: transparent; border-color: transparent; }
footer { color: var(--muted); font-size: .85rem; padding-bottom: 2rem; }
@media (max-width: 800px) {
  .line { grid-template-columns: 2.6rem minmax(0, 1fr); }
  .notes { grid-column: 2; border-left: 0; }
}
details.file > summary { cursor: pointer; font-size: 1.05rem; }
details.file pre { background: #fff; border: 1px solid var(--rule); padding: .4rem .8rem; white-space: pre-wrap;
                   overflow-wrap: anywhere; font-family: inherit; }
.checked { color: var(--muted); margin: 0 0 .3rem; }
@page { size: A4; margin: 18mm 15mm; }
@media print { body { background: #fff; } .filters { display: none; } .line { break-inside: avoid; }
               header, main, footer { max-width: none; padding: 0; }
               .line { grid-template-columns: 2.6rem minmax(0, 1fr) 16rem; } }
"""

JS = """
(function () {
  var bar = document.getElementById("filters");
  if (!bar) { return; }
  var boxes = bar.querySelectorAll("input[data-sev]");
  function apply() {
    for (var i = 0; i < boxes.length; i++) {
      document.body.classList.toggle("hide-" + boxes[i].getAttribute("data-sev"), !boxes[i].checked);
    }
  }
  for (var i = 0; i < boxes.length; i++) { boxes[i].addEventListener("change", apply); }
  bar.hidden = false;
  apply();
})();
"""


def _e(text) -> str:
    return escape(printable(str(text)), quote=True)


def _counts(n_error: int, n_warning: int, n_info: int) -> str:
    return f"{n_error} 个错误，{n_warning} 个警告，{n_info} 个提示"


# --- one letter's text with its marks --------------------------------------------------------


def _placements(lines: list[str], diagnostics) -> list[tuple[int, int, int, int]]:
    """Each diagnostic's span clamped into the text: (line, start, end_line, end), 0-based offsets."""
    last = len(lines)
    out = []
    for d in diagnostics:
        line = min(max(1, d.line), last)
        start = min(max(0, d.column - 1), len(lines[line - 1]))
        end_line = min(max(line, d.end_line), last)
        end = min(max(0, d.end_column - 1), len(lines[end_line - 1]))
        if end_line == line and d.end_line == d.line:
            end = max(start, end)
        elif end_line == line:  # the span ran past the last line
            end = len(lines[line - 1])
        out.append((line, start, end_line, end))
    return out


def _open_mark(file_id: str, k: int, d, caret: bool = False) -> str:
    cls = f"sev-{d.severity}" + (" caret" if caret else "")
    return (f'<mark class="{cls}" data-rule="{_e(d.rule)}" data-note="{file_id}-d{k}" '
            f'title="{_e(d.rule)} {_e(d.message)}">')


def _marked_line(text: str, n: int, spans, diagnostics, file_id: str) -> str:
    """``text`` (line ``n``) escaped, with a nested mark per diagnostic over each covered piece."""
    ranges = []   # (start, end, k) non-empty pieces on this line
    carets = []   # (offset, k) empty spans that start on this line
    for k, (line, start, end_line, end) in enumerate(spans):
        if not line <= n <= end_line:
            continue
        s = start if n == line else 0
        e = end if n == end_line else len(text)
        if e > s:
            ranges.append((s, e, k))
        elif n == line:
            carets.append((s, k))
    if not ranges and not carets:
        return _e(text)
    cuts = sorted({0, len(text)} | {s for s, _, _ in ranges} | {e for _, e, _ in ranges} | {s for s, _ in carets})
    out = []
    for i, pos in enumerate(cuts):
        for _, k in sorted(c for c in carets if c[0] == pos):
            out.append(_open_mark(file_id, k, diagnostics[k], caret=True) + "</mark>")
        if i + 1 == len(cuts):
            break
        nxt = cuts[i + 1]
        piece = _e(text[pos:nxt])
        active = [k for s, e, k in ranges if s <= pos and nxt <= e]
        # Least severe outermost, so the most severe colour is the one on top.
        active.sort(key=lambda k: (SEVERITY_RANK.get(diagnostics[k].severity, 0), k))
        out.append("".join(_open_mark(file_id, k, diagnostics[k]) for k in active) + piece + "</mark>" * len(active))
    return "".join(out)


def _where(result, d) -> str:
    """第L行第C列 in a text draft; 第N段第M列 in a Word document (what its reader can find)."""
    place = result.place(d.line, d.column) if result.paragraphs is not None else None
    return f"第{d.line}行第{d.column}列" if place is None else f"第{place[0]}段第{place[1]}列"


def _gutter(result, n: int) -> str:
    """The number beside line ``n``: the line, or for a Word document the paragraph it starts in (段N)."""
    if result.paragraphs is None or not 0 < n <= len(result.paragraphs) or not result.paragraphs[n - 1]:
        return str(n)
    return f"段{result.paragraphs[n - 1][0][1]}"


def _note(file_id: str, k: int, d, where: str) -> str:
    sugg = f'<div class="sugg">建议：{_e(d.suggestion)}</div>' if d.suggestion else ""
    return (f'<div class="note sev-{d.severity}" id="{file_id}-d{k}">'
            f'<span class="badge sev-{d.severity}">{SEVERITY_ZH.get(d.severity, d.severity)}</span>'
            f'<code>{_e(d.rule)}</code> <span class="msg">{_e(d.message)}</span>'
            f'<span class="where">{where}</span>{sugg}</div>')


def _letter(result, file_id: str) -> str:
    lines = list(result.lines) or [""]
    diagnostics = list(result.diagnostics)
    if len(lines) > 1 and lines[-1] == "" and all(d.line < len(lines) for d in diagnostics):
        lines.pop()  # the empty "line" after the final newline
    spans = _placements(lines, diagnostics)
    notes: dict[int, list[str]] = {}
    for k, (d, (line, _, _, _)) in enumerate(zip(diagnostics, spans, strict=True)):
        notes.setdefault(line, []).append(_note(file_id, k, d, _where(result, d)))
    rows = []
    for n, text in enumerate(lines, 1):
        src = _marked_line(text, n, spans, diagnostics, file_id)
        here = notes.get(n)
        cls = "line has-notes" if here else "line"
        side = f'<div class="notes">{"".join(here)}</div>' if here else ""
        gutter = _gutter(result, n)
        rows.append(f'<div class="{cls}" id="{file_id}-L{n}"><a class="ln" href="#{file_id}-L{n}">{gutter}</a>'
                    f'<div class="src">{src}</div>{side}</div>')
    return '<div class="letter">\n' + "\n".join(rows) + "\n</div>"


# --- the page --------------------------------------------------------------------------------


def _file_table(results, doctypes) -> str:
    rows = []
    for i, r in enumerate(results, 1):
        link = f'<a href="#file-{i}">{_e(r.path)}</a>'
        if r.error:
            rows.append(f'<tr><td>{link}</td><td colspan="5" class="unreadable">无法检查：{_e(r.error)}</td></tr>')
            continue
        cells = []
        for sev in SEVERITIES:
            n = r.count(sev)
            cells.append(f'<td class="num{"" if n else " zero"}">{n}</td>')
        label = doctypes.label(r.doctype) if r.doctype else ""
        rows.append(f"<tr><td>{link}</td><td>{_e(label)}</td><td>{_e(r.encoding or '')}</td>{''.join(cells)}</tr>")
    return ('<table class="files">\n<thead><tr><th>文件</th><th>文种</th><th>编码</th><th class="num">错误</th>'
            '<th class="num">警告</th><th class="num">提示</th></tr></thead>\n<tbody>\n'
            + "\n".join(rows) + "\n</tbody>\n</table>")


def _rule_table(results) -> str:
    from letterlint.rules import get_rule

    per_rule: dict[str, list] = {}
    for r in results:
        for d in r.diagnostics:
            per_rule.setdefault(d.rule, []).append((r.path, d))
    if not per_rule:
        return '<p class="clean">未发现问题。</p>'
    rows = []
    for code in sorted(per_rule):
        found = per_rule[code]
        rule = get_rule(code)
        name = rule.name if rule else ""
        summary = rule.summary if rule else ""
        sevs = sorted({d.severity for _, d in found}, key=lambda s: -SEVERITY_RANK.get(s, 0))
        sev = "、".join(SEVERITY_ZH.get(s, s) for s in sevs)
        files = len({p for p, _ in found})
        rows.append(f'<tr><td class="nowrap"><code title="{_e(name)}">{_e(code)}</code></td><td>{_e(summary)}</td>'
                    f'<td class="nowrap">{sev}</td>'
                    f'<td class="num">{len(found)}</td><td class="num">{files}</td></tr>')
    return ('<table class="rules">\n<thead><tr><th>代码</th><th>规则</th><th>级别</th>'
            '<th class="num">问题数</th><th class="num">文件数</th></tr></thead>\n<tbody>\n'
            + "\n".join(rows) + "\n</tbody>\n</table>")


def _folded_section(result, i: int, doctypes) -> str:
    """A letter without problems: folded, its text plain."""
    label = doctypes.label(result.doctype) if result.doctype else ""
    text = "\n".join(result.lines).rstrip("\n")
    return (f'<details class="file" id="file-{i}"><summary>{_e(result.path)} · {_e(label)} · '
            f'<span class="clean">未发现问题</span></summary>\n<pre>{_e(text)}</pre>\n</details>')


def _file_section(result, i: int, doctypes) -> str:
    file_id = f"file-{i}"
    if not result.error and not result.diagnostics:
        return _folded_section(result, i, doctypes)
    head = f'<section class="file" id="{file_id}">\n<h2>{_e(result.path)}</h2>\n'
    if result.error:
        return head + f'<p class="unreadable">无法检查：{_e(result.error)}</p>\n</section>'
    meta = []
    if result.doctype:
        meta.append(f"文种：{_e(doctypes.label(result.doctype))}")
    if result.encoding:
        meta.append(f"编码：{_e(result.encoding)}")
    if result.diagnostics:
        meta.append(_counts(result.count("error"), result.count("warning"), result.count("info")))
    else:
        meta.append('<span class="clean">未发现问题</span>')
    return head + f'<p class="meta">{" · ".join(meta)}</p>\n' + _letter(result, file_id) + "\n</section>"


def _checked_on() -> str:
    import datetime
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date() if epoch and epoch.isdigit()
           else datetime.date.today())
    return f'<time datetime="{day.isoformat()}">{day.year}年{day.month}月{day.day}日</time>'


def page(results) -> str:
    from letterlint import __version__, doctypes
    from letterlint.report import summary

    s = summary(results)
    totals = {"error": s["errors"], "warning": s["warnings"], "info": s["infos"]}
    line = f"检查了 {s['files']} 个文件：{_counts(s['errors'], s['warnings'], s['infos'])}"
    if s["unreadable"]:
        line += f"，{s['unreadable']} 个文件无法检查"
    boxes = "".join(f'<label><input type="checkbox" data-sev="{sev}" checked> '
                    f'<span class="badge sev-{sev}">{SEVERITY_ZH[sev]}</span>（{totals[sev]}）</label>'
                    for sev in SEVERITIES)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="letterlint {_e(__version__)}">',
        "<title>公文格式检查报告 · letterlint</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>公文格式检查报告</h1>",
        f'<p class="checked">检查日期：{_checked_on()} · letterlint {_e(__version__)}</p>',
        f'<p class="summary">{line}。</p>',
        f'<div class="filters" id="filters" hidden>显示：{boxes}</div>',
        "</header>",
        "<main>",
        "<h2>各文件</h2>",
        _file_table(results, doctypes),
        "<h2>各规则</h2>",
        _rule_table(results),
    ]
    parts += [_file_section(r, i, doctypes) for i, r in enumerate(results, 1)]
    parts += [
        "</main>",
        f"<footer><p>由 letterlint {_e(__version__)} 生成。行号、列号从 1 起算，列按字符计。</p></footer>",
        f"<script>{JS}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def render(results, stream, options) -> None:
    stream.write(page(results))
