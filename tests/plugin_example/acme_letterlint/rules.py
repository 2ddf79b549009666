"""An office's own rule, added through the `letterlint.rules` entry-point group."""
from letterlint.rules.base import Finding, rule


@rule("ACME-001", "no-draft-mark", "warning")
def no_draft_mark(letter, options):
    """正文中不得保留“草稿”字样。

    依据：本单位发文规范。

    反例：
        此件为草稿。

    正例：
        此件为定稿。
    """
    for part in letter.body:
        span = part.find("草稿")
        if span:
            yield Finding(span, "正文中保留了“草稿”字样", "删除“草稿”")
