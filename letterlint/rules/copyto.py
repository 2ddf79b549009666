"""版记: 抄送机关 (GB/T 9704-2012 7.4.2) and the 印发 line of a 函 (10.1).

The order of the 版记 (抄送 above the 印发 line, after the attachments) is
the grammar's business and is reported by STRUCT-001.
"""
from __future__ import annotations

from letterlint import doctypes, lazyre
from letterlint.fields import copy_list
from letterlint.model import PAD, PAD_RUN, Span
from letterlint.rules.base import Finding, Fix, rule

_SP = lazyre.compile(PAD_RUN)
_SEPARATORS = "，、,"
# A run of spaces between two names (not the padding after the colon or at the end).
_SPACE_SEP = lazyre.compile(f"(?<=[^{PAD}，、,；;：:。]){PAD_RUN}(?=[^{PAD}，、,；;：:。])")
_DUNHAO = "、"

# The 系统 an addressee belongs to, by the words of its name.  Names of
# different systems are different classes and take a 逗号 between them.
_SYSTEMS = (
    ("person", lazyre.compile(r"(?:代表|委员|同志)$")),
    ("人大", lazyre.compile(r"人大")),
    ("政协", lazyre.compile(r"政协")),
    ("纪委监委", lazyre.compile(r"纪委|监委")),
    ("法院", lazyre.compile(r"法院")),
    ("检察院", lazyre.compile(r"检察院")),
    ("党委", lazyre.compile(r"^(?:中共|市委|县委|区委|省委|州委|党委)|[市县区省州镇乡]委(?:办公室|办|组织部|宣传部)?$")),
    ("政府", lazyre.compile(r"政府|府办|[市县区]府|督查室")),
)


def _system(name: str) -> str | None:
    for label, rx in _SYSTEMS:
        if rx.search(name):
            return label
    return None


class _CopyTo:
    """One 抄送 block: the part and its list, read (``fields.OrganList``)."""

    def __init__(self, part, organs):
        self.part = part
        self.organs = organs
        self.label = _SP.sub("", organs.label.text)


def blocks(letter) -> list:
    """``_blocks``, found once per letter for the four rules of this family."""
    return letter.memo("copyto.blocks", lambda lt: list(_blocks(lt)))


def _blocks(letter):
    """The 抄送 blocks, each with the lines it covers.

    A long 抄送 wraps onto a second line.  Until the classifier attaches such
    a line to the 抄送 part, a line right below one that ends with a separator
    (or an indented line ending with 。 right below one without it) is read
    as its continuation.
    """
    parts = letter.parts
    for i, part in enumerate(parts):
        if part.kind != "copy_to":
            continue
        lines = list(part.lines)
        j = i + 1
        while j < len(parts) and len(lines) < 4:
            nxt = parts[j]
            last = lines[-1].stripped
            if nxt.kind not in ("attachment_text", "paragraph", "other", "signature", "note") \
                    or nxt.start is not None or nxt.line != lines[-1].number + 1:
                break
            s = nxt.lines[0].stripped
            if not (last.endswith(tuple(_SEPARATORS))
                    or (not last.endswith("。") and nxt.lines[0].indent > 0 and s.endswith("。") and len(s) <= 60)):
                break
            lines.append(nxt.lines[0])
            j += 1
        organs = part.parsed if len(lines) == len(part.lines) else copy_list(lines)
        if organs is not None:
            yield _CopyTo(part, organs)


@rule("COPY-001", "copy-to-colon", "error", fix="safe")
def copy_to_colon(letter, options):
    """“抄送”后加全角冒号。

    依据：GB/T 9704-2012 7.4.2 "“抄送”二字后加全角冒号和抄送机关名称"；半角冒号
    或漏写冒号是常见差错。

    反例：
        抄送:示例市人民政府办公室。

    正例：
        抄送：示例市人民政府办公室。
    """
    for block in blocks(letter):
        colon, label = block.organs.colon, block.organs.label
        if colon is None:
            yield Finding(label.span, f"“{block.label}”后缺少全角冒号“：”", f"改为 {block.label}：",
                          fix=Fix.insert(label.span.end_line, label.span.end_column, "："))
        elif colon.text != "：":
            yield Finding(colon.span, f"“{block.label}”后应使用全角冒号“：”，不应使用“{colon.text}”",
                          f"改为 {block.label}：", fix=Fix.replace(colon.span, "："))


@rule("COPY-002", "copy-to-full-stop", "error", fix="safe")
def copy_to_full_stop(letter, options):
    """最后一个抄送机关名称后加句号。

    依据：GB/T 9704-2012 7.4.2 "“抄送”二字后加全角冒号和抄送机关名称，回行时与冒号后的
    首字对齐，最后一个抄送机关名称后标句号"。

    反例：
        抄送：示例市人民政府办公室，示例市财政局

    正例：
        抄送：示例市人民政府办公室，示例市财政局。
    """
    for block in blocks(letter):
        end = block.organs.end
        if end is not None:
            if end.text != "。":
                yield Finding(end.span, f"最后一个抄送机关名称后应标句号“。”，不应使用“{end.text}”", "改为 。",
                              fix=Fix.replace(end.span, "。"))
        elif block.organs.content:
            line, _, hi = block.organs.content[-1]
            yield Finding(line.span(hi - 1, hi), "最后一个抄送机关名称后缺少句号“。”", "在末尾加 。",
                          fix=Fix.insert(line.number, hi + 1, "。"))


@rule("COPY-003", "copy-to-separators", "warning")
def copy_to_separators(letter, options):
    """抄送机关之间用逗号隔开，同类机关之间用顿号；不用分号或空格。

    依据：GB/T 9704-2012 附录中的版记示例以逗号分隔抄送机关；公文写作规范材料：同一类别的
    机关之间用顿号，不同类别之间用逗号，不用分号。实际函件中常见的“市人大常委会
    选任联工委、市政府督查室。”只用顿号分隔不同系统的机关；这是否算“同类”须由人判断，
    所以只在顿号两侧的名称能确定属于不同系统（人大、政协、政府、党委、法院、检察院、
    代表或委员个人）时给出提示（info），分号和空格报警告。

    反例：
        抄送：示例市人民政府办公室；示例市财政局。

    正例：
        抄送：示例市人民政府办公室，示例市财政局、示例市教育局。
    """
    for block in blocks(letter):
        items = block.organs.items
        for organ in items:
            if organ.sep is not None and organ.sep.text in "；;":
                yield Finding(organ.sep.span, "抄送机关之间不应使用分号",
                              "机关之间改用逗号“，”，同类机关之间用顿号“、”")
        for line, lo, hi in block.organs.content:
            for m in _SPACE_SEP.finditer(line.text, lo, hi):
                yield Finding(line.span(m.start(), m.end()), "抄送机关之间不应用空格分隔",
                              "机关之间改用逗号“，”，同类机关之间用顿号“、”")
        for a, b in zip(items, items[1:], strict=False):
            if a.sep is None or a.sep.text != _DUNHAO or not a.name or not b.name:
                continue
            sa, sb = _system(a.name), _system(b.name)
            if sa and sb and sa != sb:
                yield Finding(a.sep.span, f"“{a.name}”与“{b.name}”不属同一类机关，之间宜用逗号",
                              "不同类别的抄送机关之间用逗号“，”", severity="info")


@rule("COPY-004", "copy-to-label", "warning", fix="safe")
def copy_to_label(letter, options):
    """版记中用“抄送”，不用“抄报”“抄发”“分送”“送”等。

    依据：《党政机关公文处理工作条例》第九条（十六）只规定“抄送机关”一项；
    GB/T 9704-2012 7.4.2 版记中为“抄送”。“抄报”“抄发”是旧时按上行、下行区分的写法。

    反例：
        抄报：示例市人民政府。

    正例：
        抄送：示例市人民政府。
    """
    for block in blocks(letter):
        if block.label != "抄送":
            span = block.organs.label.span
            yield Finding(span, f"应使用“抄送”，不应使用“{block.label}”", "改为 抄送：", fix=Fix.replace(span, "抄送"))


@rule("COPY-006", "copy-to-same-line", "warning")
def copy_to_same_line(letter, options):
    """抄送机关名称紧接在“抄送：”之后，与之同一行；回行时才另起一行，与冒号后的首字对齐。

    依据：GB/T 9704-2012 7.4.2 "“抄送”二字后加全角冒号和抄送机关名称，回行时与冒号后的首字对齐"。
    “抄送：”单独一行、机关名称从下一行写起，版记多占一行，也不合回行对齐的规定。

    反例：
        关于商请协助开展道路安全检查的函
        示例市公安局：
        现商请贵局派员协助。
        请予函复。
        示例市交通运输局
        2024年5月6日
        抄送：
        示例市财政局，示例市审计局。

    正例：
        关于商请协助开展道路安全检查的函
        示例市公安局：
        现商请贵局派员协助。
        请予函复。
        示例市交通运输局
        2024年5月6日
        抄送：示例市财政局，示例市审计局。
    """
    for block in blocks(letter):
        organs = block.organs
        label_line = organs.label.span.line
        if not organs.content or organs.content[0][0].number == label_line:
            continue  # the names start on the label's line (or there are none: nothing to move up)
        after = organs.colon if organs.colon is not None else organs.label
        span = Span(label_line, organs.label.span.column, label_line, after.span.end_column)
        # No fix: joining the lines renumbers every line below, which fix.py's guard (the same parts
        # on the same lines) refuses as a change of the reading.
        yield Finding(span, f"“{block.label}”后的机关名称应与“{block.label}：”写在同一行，不应另起一行",
                      f"把机关名称接在“{block.label}：”之后，回行时与冒号后的首字对齐")


@rule("PRINT-002", "letter-no-print-line", "info", doctypes=doctypes.LETTERS)
def letter_no_print_line(letter, options):
    """信函格式的函，版记不编排印发机关和印发日期。

    依据：GB/T 9704-2012 10.1 信函格式"首页不显示页码。版记不加印发机关和印发日期、
    分隔线，位于公文最后一页版心内最下方"。函可能用文件格式印制，从纯文本无法确定，
    所以只作提示：有“××文件”版头或发文字号不含“函”字时不提示。

    反例：
        关于商请协助开展道路安全检查的函
        示例市公安局：
        现商请贵局派员协助。
        请予函复。
        示例市交通运输局
        2024年5月6日
        抄送：示例市人民政府办公室。
        示例市交通运输局办公室　2024年5月6日印发

    正例：
        关于商请协助开展道路安全检查的函
        示例市公安局：
        现商请贵局派员协助。
        请予函复。
        示例市交通运输局
        2024年5月6日
        抄送：示例市人民政府办公室。
    """
    mark = letter.first("org_mark")
    if mark is not None and mark.text.endswith("文件"):
        return  # 文件格式 (××文件): its 版记 has the 印发 line
    number = letter.first("doc_number")
    code = number.parsed.code if number is not None and number.parsed is not None else None
    if number is not None and "函" not in (code.text if code is not None else ""):
        return
    for part in letter.all("print_line"):
        yield Finding(part.span, "信函格式的函，版记不编排印发机关和印发日期",
                      "如本函用信函格式印制，删去此行")
