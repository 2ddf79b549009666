"""``--annotate``: a copy of the Word draft with one comment (批注) per diagnostic.

The original is only read.  Each comment is anchored on exactly the runs of
the offending characters: runs are split where a diagnostic starts or ends
inside one, each half keeping the run's formatting.  The text is
"CODE 消息 建议：…", the author "letterlint"; a summary comment sits on the
title.  The copy is written next to the draft as ``X.letterlint.docx`` (or
into ``--output-dir``), atomically.

The package is made as Word writes it, so that Word opens it without a
repair prompt (ECMA-376 Part 1 §17.13.4 and Word's own notes on it,
[MS-OI29500] 2.1.315):
- a comment's range is commentRangeStart before its first run,
  commentRangeEnd after its last, and the run holding the commentReference
  right after the end, in the end's paragraph; ids are unique;
- a range never starts in a text box (Word ignores comment ranges in text
  boxes, headers and footers): a problem in a 版头 text box is anchored on
  the run that holds the text box, in the body;
- a range spans paragraphs only within one container (the body, or one table
  cell); otherwise it is anchored on the part in its first paragraph, and a
  problem over several cells says so in its text (a range may not cross a
  cell's boundary);
- a problem on an automatic number alone (the number is drawn by Word, not a
  run) is anchored on the paragraph's first run, its text saying so;
- at most ``MAX_COMMENTS`` comments (Word refuses a file with more than 32767
  comment ranges); the summary says how many were left out;
- the comments part (word/comments.xml, its content-type override and the
  document's relationship) only; the optional Word 2013+ parts
  (commentsExtended, commentsIds, commentsExtensible) carry reply threads
  and "resolved" marks that a fresh comment does not have, and Word reads a
  comments part without them;
- the styles the comments use (CommentText, CommentReference: Word's
  "annotation text" and "annotation reference") are added when the draft
  lacks them, so the comments are not set in the letter's body style.
"""
from __future__ import annotations

import bisect
import copy
import io
import os
import tempfile

from letterlint.diagnostic import SEVERITY_ZH
from letterlint.docx.package import w

AUTHOR, INITIALS = "letterlint", "LL"
SUFFIX = ".letterlint.docx"
MAX_COMMENTS = 32_000    # Word will not open a file with more than 32767 comment ranges


def target_path(path: str, output_dir: str | None, taken: set[str]) -> str:
    """Where the annotated copy of ``path`` goes: ``X.letterlint.docx`` next to it or in ``output_dir``.

    ``taken`` holds the absolute paths already written in this run and the files being linted: a copy never
    replaces another copy of the run, nor a draft named on the command line (``a.docx a.letterlint.docx``).
    """
    base = os.path.basename(path)
    stem = base[: -len(os.path.splitext(base)[1])] if os.path.splitext(base)[1] else base
    folder = output_dir if output_dir else os.path.dirname(path) or "."
    out = os.path.join(folder, stem + SUFFIX)
    n = 2
    while os.path.abspath(out) in taken:
        out = os.path.join(folder, f"{stem}-{n}{SUFFIX}")
        n += 1
    taken.add(os.path.abspath(out))
    return out


def _node_text(node) -> str:
    tag = node.tag.rsplit("}", 1)[-1]
    if tag == "t":
        return node.text or ""
    return "\t" if tag in ("tab", "ptab") else "\n" if tag in ("br", "cr") else "-" if tag == "noBreakHyphen" else ""


def _split_run(node, k: int) -> None:
    """Split the run holding ``node`` before character ``k`` of the node; both halves keep the run's rPr."""
    r = node.getparent()
    while r is not None and r.tag != w("r"):
        r = r.getparent()
    if r is None:
        return
    children = list(r)
    index = children.index(node) if node in children else None
    if index is None:
        return
    text = _node_text(node)
    if k <= 0:
        cut = index
    elif k >= len(text):
        cut = index + 1
    else:
        cut = None
    rpr = r.find(w("rPr"))
    right = copy.deepcopy(r)
    right_children = list(right)
    if cut is None:   # inside a w:t: both halves keep part of it
        node.text = text[:k]
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        for child in children[index + 1:]:
            r.remove(child)
        twin = right_children[index]
        twin.text = text[k:]
        twin.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        for child in right_children[:index]:
            if child.tag != w("rPr"):
                right.remove(child)
    else:
        if cut <= (1 if rpr is not None else 0) or cut >= len(children):
            return   # already a run boundary
        for child in children[cut:]:
            r.remove(child)
        for child in right_children[:cut]:
            if child.tag != w("rPr"):
                right.remove(child)
    r.addnext(right)


def _ranges(layout, d):
    """(paragraph, start, end) stretches of a diagnostic, in paragraph offsets.

    A span over two paragraphs stays one range only when both are in the same
    container (the body, one table cell): a range from one cell into another
    is not one Word can select, so it keeps to its first paragraph.
    """
    p1, a = layout.locate(d.line, d.column)
    p2, b = layout.locate(d.end_line, d.end_column)
    if p1 is None:
        return []
    if p2 is not p1:
        same_container = (p2 is not None and p1.element is not None and p2.element is not None
                          and p1.element.getparent() is p2.element.getparent())
        return [(p1, a, len(p1.text)), *([(p2, 0, b)] if same_container else [])]
    return [(p1, a, max(b, a + 1))]


def _anchor_note(layout, d, ranges) -> str:
    """What the comment's anchor could not show, said in its text.

    A problem on an automatic number only: the number is not a run of the
    document (Word draws it from numbering.xml, in the paragraph mark's format
    with the list level's on top), so the comment sits on the paragraph's first
    run.  A problem over several table cells: a comment range may not cross a
    cell's boundary, so it is anchored in the first cell.
    """
    notes = []
    if len(ranges) == 1:
        para, a, b = ranges[0]
        if para.label and b <= para.label:
            label = para.text[:para.label].rstrip("\t ")
            notes.append(f"问题在 Word 自动编号“{label}”上；编号没有自己的文字块，批注标在段首。编号的字体、字号随段落标记"
                         "和编号级别的设置，在“定义新编号格式—字体”中修改")
        p2, _ = layout.locate(d.end_line, d.end_column)
        if p2 is not None and p2 is not para and "表格" in (para.where, p2.where):
            same_cell = (para.element is not None and p2.element is not None
                         and para.element.getparent() is p2.element.getparent())
            if not same_cell:
                notes.append(f"问题延续到段{p2.number}；批注不能跨越表格单元格，只标在第一个单元格")
    return "".join(f"（{n}）" for n in notes)


def _anchor_run(r):
    """The run a comment can be anchored on: ``r``, or for a run in a text box the body run that holds the box."""
    anchor, node = r, r.getparent()
    while node is not None:
        if node.tag == w("txbxContent"):
            anchor = None          # the next run up holds this text box
        elif node.tag == w("r") and anchor is None:
            anchor = node
        node = node.getparent()
    return anchor if anchor is not None else r


def _cut_points(paragraph, offsets) -> None:
    """Split the paragraph's runs at these text offsets (right to left, so earlier nodes stay valid).

    Text boxes are left whole: their comments go on the run that holds the box.  Each offset finds its
    piece by bisection, so a paragraph of many runs with many problems is cut in O((n + k) log n).
    """
    if paragraph.where == "文本框":
        return
    usable = [piece for piece in paragraph.pieces if piece.run is not None and piece.node is not None]
    starts = [piece.start for piece in usable]
    for off in sorted(set(offsets), reverse=True):
        # The first piece that starts at the offset, else the one the offset falls inside.
        k = bisect.bisect_left(starts, off)
        if k < len(usable) and usable[k].start == off:
            _split_run(usable[k].node, 0)
        elif k > 0 and usable[k - 1].start < off < usable[k - 1].end:
            _split_run(usable[k - 1].node, off - usable[k - 1].start)


def _run_of(piece):
    r = piece.node.getparent()
    while r is not None and r.tag != w("r"):
        r = r.getparent()
    return _anchor_run(r) if r is not None else None


class _RunIndex:
    """The pieces of each paragraph that are runs, with their ends, to find a range's runs by bisection."""

    def __init__(self):
        self._by_paragraph: dict[int, tuple[list, list[int]]] = {}

    def of(self, paragraph) -> tuple[list, list[int]]:
        entry = self._by_paragraph.get(id(paragraph))
        if entry is None:
            usable = [piece for piece in paragraph.pieces if piece.run is not None and piece.node is not None]
            entry = self._by_paragraph[id(paragraph)] = (usable, [piece.end for piece in usable])
        return entry


def _runs_in(paragraph, start: int, end: int, index: _RunIndex | None = None) -> list:
    usable, ends = (index or _RunIndex()).of(paragraph)
    runs: list = []
    for k in range(bisect.bisect_right(ends, start), len(usable)):   # the first piece ending after ``start``
        piece = usable[k]
        if piece.start >= end:
            break
        r = _run_of(piece)
        if r is not None and (not runs or runs[-1] is not r):
            runs.append(r)
    if not runs:   # only a numbering label, or an empty paragraph: the paragraph's first run
        for piece in usable:
            r = _run_of(piece)
            if r is not None:
                return [r]
    return runs


# Word's own definitions of the two comment styles (names as Word writes them; sizes 10 and 8 pt).
_COMMENT_STYLES = (
    ("paragraph", "CommentText", "annotation text",
     '<w:pPr><w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="left"/></w:pPr>'
     '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>'),
    ("character", "CommentReference", "annotation reference", '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>'),
)


def _comment_styles(document) -> None:
    """Add the CommentText and CommentReference styles the comments name, where the draft lacks them."""
    from lxml import etree

    from letterlint.docx.package import W

    styles = document.styles.element
    have = {s.get(w("styleId")) for s in styles.iterfind(w("style"))}
    normal = next((s.get(w("styleId")) for s in styles.iterfind(w("style"))
                   if s.get(w("type")) == "paragraph" and s.get(w("default")) in ("1", "true", "on")), None)
    for kind, style_id, name, props in _COMMENT_STYLES:
        if style_id in have:
            continue
        style = etree.fromstring(f'<w:style xmlns:w="{W}" w:type="{kind}" w:styleId="{style_id}">'
                                 f'<w:name w:val="{name}"/><w:uiPriority w:val="99"/><w:semiHidden/>'
                                 f'<w:unhideWhenUsed/>{props}</w:style>')
        if kind == "paragraph" and normal:   # the draft's own id, set as a value, never spliced into XML text
            based = etree.Element(w("basedOn"))
            based.set(w("val"), normal)
            style[0].addnext(based)
        styles.append(style)


def comment_text(d) -> str:
    text = f"{d.rule} {d.message}"
    if d.suggestion:
        text += f" 建议：{d.suggestion}"
    return text


def annotate(path: str, result, out_path: str) -> int:
    """Write the annotated copy of ``path`` (linted as ``result``) to ``out_path``; the number of comments."""
    import docx
    from docx.text.run import Run

    from letterlint.docx.check import convert_legacy, read_word_bytes
    from letterlint.docx.reader import read_docx
    from letterlint.docx.sniff import kind_of_bytes
    from letterlint.docx.view import Layout
    from letterlint.parse import parse_text

    data = read_word_bytes(path)
    if kind_of_bytes(data[:1024]) == "ole":
        data = convert_legacy(data, path)
    document = docx.Document(io.BytesIO(data))
    root = document.element
    layout = Layout(read_docx(data, path, root))
    cuts: dict[int, list[int]] = {}
    by_number = {p.number: p for p in layout.doc.paragraphs}
    for d in result.diagnostics:
        for para, a, b in _ranges(layout, d):
            cuts.setdefault(para.number, []).extend((a, b))
    for number, offsets in cuts.items():
        _cut_points(by_number[number], offsets)
    layout = Layout(read_docx(data, path, root))   # the runs after splitting
    letter = parse_text(layout.text, path)
    index = _RunIndex()
    count = 0
    comments = template = None
    next_id = 0
    paragraphs = document.paragraphs
    parent = paragraphs[0] if paragraphs else document   # what a Run needs to find its part

    def add(runs, text):
        """One comment on ``runs``.  The first is added by python-docx, which makes the comments part (its content
        type and relationship) and picks an id above the draft's own; the others copy it, with the next ids:
        python-docx looks through every comment for a free id, which made a draft with many problems quadratic."""
        nonlocal count, comments, template, next_id
        if not runs:
            return
        first, last = Run(runs[0], parent), Run(runs[-1], parent)
        if template is None or "\n" in text or "\t" in text:
            comment = document.add_comment([first, last], text=text, author=AUTHOR, initials=INITIALS)
            cid = comment.comment_id
            if template is None:
                comments = comment.part.element
                template = next(el for el in reversed(comments) if el.get(w("id")) == str(cid))
        else:
            cid = next_id
            element = copy.deepcopy(template)
            element.set(w("id"), str(cid))
            t = element.findall(f".//{w('t')}")[-1]
            t.text = text
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            comments.append(element)
            first.mark_comment_range(last, cid)
        next_id = max(next_id, cid + 1)
        count += 1

    title_runs: list = []

    def first_runs():
        if title_runs:
            return title_runs
        title = letter.first("title")
        paragraphs = layout.paragraphs_of(title) if title is not None else []
        for para in [*paragraphs, *layout.doc.paragraphs]:
            runs = _runs_in(para, 0, len(para.text), index)
            if runs:
                title_runs.extend(runs)
                break
        return title_runs

    counts = {s: sum(1 for d in result.diagnostics if d.severity == s) for s in SEVERITY_ZH}
    shown = result.diagnostics[:MAX_COMMENTS - 1]
    summary = f"letterlint 检查结果：{counts['error']} 个错误，{counts['warning']} 个警告，{counts['info']} 个提示"
    if len(shown) < len(result.diagnostics):
        summary += f"。问题过多，只为前 {len(shown)} 个加了批注（Word 最多打开 32767 条批注），其余见命令行报告。"
    else:
        summary += "。每个问题都有一条批注。" if result.diagnostics else "，未发现问题。"
    _comment_styles(document)
    add(first_runs(), summary)
    for d in shown:
        ranges = _ranges(layout, d)
        runs = []
        for para, a, b in ranges:
            runs.extend(_runs_in(para, a, b, index))
        add(runs or first_runs(), comment_text(d) + _anchor_note(layout, d, ranges))
    folder = os.path.dirname(out_path) or "."
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".letterlint-", suffix=".docx", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            document.save(fh)
        os.replace(tmp, out_path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return count - 1
