"""Markdown drafts: markup taken out with markdown-it-py, positions those of the .md file."""
from __future__ import annotations

from letterlint.lint import lint_text
from letterlint.markdown import letter_text

DRAFT = """# 示例市教育局关于调整校车线路的函

示例市交通运输局：

　　为方便**学生**上下学，我局拟调整*校车*线路，详见[线路图](https://example.org/map)，现函告如下。

- 一.住宅小区

1. 东线保持不变。

| 联系人 | 电话 |
|---|---|
| 李明 | 0571-12345678 |

　　特此函告。

示例市教育局

**2024年05月06日**

> 抄送：示例市人民政府办公室
<!-- 内部备注，不是正文 -->
"""


def test_markup_is_taken_out_and_lines_stay():
    assert letter_text(DRAFT).split("\n") == [
        "示例市教育局关于调整校车线路的函", "", "示例市交通运输局：", "",
        "　　为方便学生上下学，我局拟调整校车线路，详见线路图，现函告如下。", "",
        "一.住宅小区", "", "1. 东线保持不变。", "",
        "联系人\u3000电话", "", "李明\u30000571-12345678", "",
        "　　特此函告。", "", "示例市教育局", "", "2024年05月06日", "", "抄送：示例市人民政府办公室", "", ""]


def test_diagnostics_point_into_the_markdown_source():
    result = lint_text(DRAFT, "草稿.md")
    got = [(d.rule, d.line, d.column, d.end_column) for d in result.diagnostics]
    # - 一.住宅小区: the "." is column 4 of line 7; **2024年05月06日**: "05" is columns 8-9 of line 19.
    assert ("HEAD-002", 7, 4, 5) in got
    assert ("DATE-002", 19, 8, 10) in got and ("DATE-002", 19, 11, 13) in got
    assert any(rule == "COPY-002" and line == 21 for rule, line, _, _ in got)
    # Emphasis and links inside a sentence leave no stray space behind.
    assert not any(rule == "PUNCT-014" for rule, *_ in got)


def test_plain_letter_reads_the_same_as_markdown():
    text = DRAFT.replace("**", "").replace("# ", "").replace("> ", "")
    assert letter_text(text).split("\n")[18] == "2024年05月06日"


def test_fixes_on_markdown_keep_the_markup(tmp_path):
    from letterlint.cli import main

    draft = tmp_path / "草稿.md"
    draft.write_text("# 示例市教育局关于调整校车线路的函\n\n示例市交通运输局：\n\n　　我局拟于**2024.5.6**起调整线路。\n\n"
                     "　　特此函告。\n\n示例市教育局\n\n**2024年05月06日**\n", encoding="utf-8")
    main(["--fix", "--format", "concise", str(draft)])
    text = draft.read_text(encoding="utf-8")
    assert "　　我局拟于**2024年5月6日**起调整线路。" in text and text.endswith("\n**2024年5月6日**\n")


def test_word_files_are_never_rewritten_by_fix(tmp_path, capsys):
    from letterlint.cli import main
    from letterlint.docx.spec import from_spec

    draft = tmp_path / "草稿.DOCX"
    data = from_spec("示例市教育局关于调整校车线路的函\n示例市交通运输局：\n　　特此函告。\n示例市教育局\n2024年05月06日")
    draft.write_bytes(data)
    main(["--fix", "--format", "concise", str(draft)])
    assert draft.read_bytes() == data
    assert "Word 文档不自动修正" in capsys.readouterr().err
