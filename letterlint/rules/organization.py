"""The organisation registry: 机关代字 ↔ 机关全称, checked against the 署名 and 发文机关标志.

Configured per office (``[tool.letterlint.organizations]``); with no registry
these rules stay silent.  A value is the full name, or a list whose first
item is the full name and whose other items are accepted short forms::

    [tool.letterlint.organizations]
    "示教" = ["示例市教育局", "市教育局"]
"""
from __future__ import annotations

from letterlint import lazyre
from letterlint.fields import ORG_SUFFIX
from letterlint.model import PAD_RUN, unpad
from letterlint.rules.base import Finding, rule

_PAD = lazyre.compile(PAD_RUN)
_HAN_CODE = lazyre.compile(r"[\u4e00-\u9fff]{2,12}")


def _registry(options) -> dict[str, list[str]]:
    out = {}
    for code, names in (options.get("organizations") or {}).items():
        out[code] = [names] if isinstance(names, str) else list(names)
    return out


def _owner(code: str, registry: dict[str, list[str]]) -> tuple[str, list[str]] | None:
    """The registered 代字 that the 发文字号's 机关代字 starts with (longest first)."""
    for prefix in sorted(registry, key=len, reverse=True):
        if code.startswith(prefix):
            return prefix, registry[prefix]
    return None


def _signature_name(part) -> str:
    """The organ a 署名 names (without an 答复单位： label), spaces removed."""
    return part.parsed.name


@rule("ORG-001", "docnum-organization", "warning", options={"organizations": {}},
      needs_parts=("doc_number",))
def docnum_organization(letter, options):
    """发文字号的机关代字须属于署名（和发文机关标志）所写的机关。

    依据：《党政机关公文处理工作条例》第九条（五）发文字号由"发文机关代字"等组成，
    第九条（十一）署名为"发文机关全称或者规范化简称"，第九条（十三）印章"与署名机关相符"；
    代字与署名不一致，多半是套用了别的单位的模板。在配置中登记了本单位的机关代字
    （organizations）时按登记核对；未登记时，只在代字中表示机关的字（去掉地名和“函”“发”等
    文种字）没有一个出现在署名机关的名称里时报告（如“示例市自然资源局”用“示财函”）。

    反例：
        示教函〔2024〕12号
        关于商请协助开展道路安全检查的函
        示例市公安局：
        现商请贵局派员协助。
        请予函复。
        示例市交通运输局
        2024年5月6日

    正例：
        示交函〔2024〕12号
        关于商请协助开展道路安全检查的函
        示例市公安局：
        现商请贵局派员协助。
        请予函复。
        示例市交通运输局
        2024年5月6日

    示例配置：
        organizations = { "示教" = "示例市教育局", "示交" = ["示例市交通运输局", "市交通运输局"] }

    设置：organizations（机关代字 → 全称，或 [全称, 简称…]），即配置中的 [tool.letterlint.organizations]。
    """
    registry = _registry(options)
    docnum, signature = letter.first("doc_number"), letter.last("signature")
    code = docnum.parsed.code if docnum is not None and docnum.parsed is not None else None
    if code is None:
        return
    # A joint document (署名 one organ per line) uses the 主办机关's 发文字号 (条例 第九条（五）):
    # the 代字 belongs to one of the issuers, not necessarily to the last one.
    issuers = [s for s in letter.all("signature") if s.section == signature.section] if signature else []
    if not registry:
        findings = [list(_foreign_code(docnum, s)) for s in issuers] or [[]]
        if all(findings):
            yield from findings[-1]
        return
    owner = _owner(code.text, registry)
    code_span = code.span
    if owner is None:
        return
    prefix, names = owner
    if signature is not None:
        name = _signature_name(signature)
        if name and name not in names and not any(_signature_name(s) in names for s in issuers):
            yield Finding(code_span, f"发文字号的机关代字“{prefix}”属于{names[0]}，与署名“{name}”不符",
                          f"核对署名或发文字号：{prefix} 对应 {names[0]}")
    mark = letter.first("org_mark")
    if mark is not None:
        text = _PAD.sub("", mark.text).removesuffix("文件")
        if text and text not in names:
            yield Finding(mark.span, f"发文机关标志“{text}”与发文字号的机关代字“{prefix}”（{names[0]}）不符",
                          "核对发文机关标志")


# The kind-of-document characters that end a 机关代字 (示教函, 示政发, 示财字, 示政办复).
_CODE_KIND = lazyre.compile(r"(?:函|发|字|复|电|文|呈|报|批|便|传|明电|任|规|通)+$")
# The place part of an organ's name: up to its last 省/市/县/区/州/盟/旗/镇/乡.
_PLACE = lazyre.compile(r"^.*?(?:省|自治区|市|县|区|州|盟|旗|镇|乡)(?!政府|委员会|人民)")


def _foreign_code(docnum, signature):
    """ORG-001 without a registry: a 代字 none of whose organ characters is in the 署名's organ name."""
    if signature is None:
        return
    name = _signature_name(signature)
    code = docnum.fields["code"]
    if not name or _PAD.search(signature.text.strip()) or not _HAN_CODE.fullmatch(code):
        return
    core = _CODE_KIND.sub("", code)
    place = _PLACE.match(name)
    place_name, organ = (place.group(), name[place.end():]) if place else ("", name)
    if not organ:
        return
    if not core or core[0] not in place_name:
        return  # not a place-and-organ 代字 (建议字, 提案字 are the reply series of many places)
    own = [c for c in core if c not in place_name]
    if not own or any(c in organ for c in own):
        return
    span = docnum.find(lazyre.escape(code)) or docnum.span
    yield Finding(span, f"发文字号的机关代字“{code}”中的“{''.join(own)}”不是署名机关“{name}”的简称",
                  "核对发文字号是否套用了其他机关的字号")


@rule("ORG-002", "signature-registered-name", "warning", options={"organizations": {}},
      needs_parts=("doc_number",))
def signature_registered_name(letter, options):
    """署名须是登记机关的全称或认可的规范化简称。

    依据：《党政机关公文处理工作条例》第九条（十一）"发文机关署名。署发文机关全称
    或者规范化简称"。登记了机关代字时（organizations），按登记的全称和简称核对署名；
    署名与登记的某个机关相近但不完全一致（如漏字、简称不规范）时报告。

    反例：
        示交函〔2024〕12号
        关于商请协助开展道路安全检查的函
        示例市公安局：
        现商请贵局派员协助。
        请予函复。
        示例交通局
        2024年5月6日

    正例：
        示交函〔2024〕12号
        关于商请协助开展道路安全检查的函
        示例市公安局：
        现商请贵局派员协助。
        请予函复。
        示例市交通运输局
        2024年5月6日

    示例配置：
        organizations = { "示教" = "示例市教育局", "示交" = ["示例市交通运输局", "市交通运输局"] }

    设置：organizations（机关代字 → 全称，或 [全称, 简称…]），即配置中的 [tool.letterlint.organizations]。
    """
    registry = _registry(options)
    docnum = letter.first("doc_number")
    code = docnum.parsed.code if docnum is not None and docnum.parsed is not None else None
    if not registry or code is None:
        return
    owner = _owner(code.text, registry)
    if owner is None:
        return
    names = owner[1]
    for signature in letter.all("signature"):
        name = _signature_name(signature)
        if name in names or any(name in other for other in sum(registry.values(), []) if other not in names):
            continue
        # Only a near miss of the registered name is this rule's business; another
        # organisation altogether is ORG-001's.
        full = names[0]
        common = sum(1 for ch in set(name) if ch in full)
        if common >= max(2, len(set(name)) // 2):
            yield Finding(signature.span, f"署名“{name}”不是登记的全称或简称（{('、'.join(names))}）",
                          f"改为 {full}")


# --- SIGN-002: the 署名 and the organ named in the title or the 版头 ---------------------



def _abbreviates(short: str, full: str) -> bool:
    """``short`` is ``full`` or a short form of it: its characters in order, ending alike.

    示例市教体局 shortens 示例市教育体育局 and 市政府 shortens 示例市人民政府, but
    示例市教育局办公室 is another organ than 示例市教育局 (it ends differently).
    """
    if short == full:
        return True
    if len(short) > len(full):
        short, full = full, short
    if not short or short[-1] != full[-1]:
        return False
    it = iter(full)
    return all(ch in it for ch in short)


def _named_issuers(letter) -> tuple[list[str], object] | None:
    """The organs the title (示例市教育局关于……) or the 发文机关标志 names, with the part that names them."""
    mark = letter.first("org_mark")
    if mark is not None and mark.parsed is not None:
        names = [n for n in mark.parsed.names if n]
        if names and all(ORG_SUFFIX.search(n) for n in names):
            return names, mark
    title = letter.first("title")
    if title is not None and title.parsed.issuers is not None:
        names = [n for n in title.parsed.issuers.names if n]
        if names and all(ORG_SUFFIX.search(n) for n in names):
            return names, title
    return None


@rule("SIGN-002", "signature-matches-issuer", "warning")
def signature_matches_issuer(letter, options):
    """署名须与标题（或发文机关标志）中的发文机关一致。

    依据：《党政机关公文处理工作条例》第九条（十一）署名为发文机关全称或规范化简称，
    第九条（十三）印章"与署名机关相符"；标题写明了发文机关（“××局关于……的函”）或版头有
    发文机关标志时，署名应是同一机关（全称或简称，如“示例市教体局”之于“示例市教育体育局”）。
    署名是另一个机关，或是它的内设机构（“××局办公室”之于“××局”），多半是套用了别的单位的
    模板。标题和版头都没有写发文机关时不检查；纪要标志下与日期同行的是印发纪要的办公室，不检查。

    反例：
        示例市教育局关于商请协助开展校园安全检查的函
        示例市公安局：
        现商请贵局派员协助。
        请予函复。
        示例市财政局
        2024年5月6日

    正例：
        示例市教育局关于商请协助开展校园安全检查的函
        示例市公安局：
        现商请贵局派员协助。
        请予函复。
        示例市教育局
        2024年5月6日
    """
    named = _named_issuers(letter)
    if named is None or letter.doctype == "minutes":
        return  # a 纪要's issuer-and-date line names the office that issues it, not its organ
    issuers, where = named
    whole = "".join(issuers)
    for signature in letter.all("signature"):
        name = _signature_name(signature)
        if not name or any(_abbreviates(name, issuer) for issuer in issuers) or _abbreviates(name, whole):
            continue
        source = "发文机关标志" if where.kind == "org_mark" else "标题"
        yield Finding(signature.span, f"署名“{name}”与{source}中的发文机关“{'、'.join(issuers)}”不一致",
                      "核对署名：署发文机关的全称或规范化简称")


# --- SIGN-003: a 署名 that is an organ's whole name ----------------------------------------------------

# Endings of organs' names besides ORG_SUFFIX: 领导小组, 工作专班, 指挥部, schools (第三中学, 中心小学,
# 职业学院, 幼儿园), banks (分行, 支行), farms and works (林场, 水厂), 妇联, 科协, places (示例自治县).
_MORE_ENDINGS = lazyre.compile(r"(?:小组|专班|指挥部|工作组|学|园|行|场|厂|团|联|协|区|县|市|省|州|盟|旗)$")
# A person signing (a 令: 职务＋姓名, 市长　王某某): a title, padding, a name.
_PERSON = lazyre.compile(r"^[\u4e00-\u9fff]{1,12}" + PAD_RUN + r"[\u4e00-\u9fff·]{2,5}$")
_BRACKETED_END = lazyre.compile(r"[（(][^（()）]*[）)]$")


@rule("SIGN-003", "signature-whole-name", "warning", needs_parts=("signature",))
def signature_whole_name(letter, options):
    """署名是机关的完整名称：以局、委、办公室、领导小组等机关名称的结尾收尾。

    依据：《党政机关公文处理工作条例》第九条（十一）"发文机关署名。署发文机关全称或者规范化简称"。
    署名断在半个名称上（“××县委巡察工作”，下一行的“领导小组办公室”丢了），多是排版时删行或
    断行所致。名称回行写成两行时按一个署名读，不报；职务加姓名的署名（命令（令））和四个字以内的
    署名（可能是人名）不检查。

    反例：
        关于开展巡察工作的公告
        县委巡察组将于近日进驻有关单位。
        特此公告。
        中共示例县委巡察工作
        2024年5月6日

    正例：
        关于开展巡察工作的公告
        县委巡察组将于近日进驻有关单位。
        特此公告。
        中共示例县委巡察工作领导小组办公室
        2024年5月6日
    """
    for part in letter.all("signature"):
        if part.section == "附件":
            continue
        organs = part.parsed.organs
        if len(part.lines) > 1:  # one name wrapped over lines: judged whole, at its end
            pieces = [(unpad(part.parsed.name), part.span)] if organs else []
        else:
            pieces = [(o.text, o.span) for o in organs]
        for text, span in pieces:
            if _PERSON.match(text):
                continue
            name = _BRACKETED_END.sub("", unpad(text))
            if len(name) <= 4 or ORG_SUFFIX.search(name) or _MORE_ENDINGS.search(name):
                continue
            yield Finding(span, f"署名“{unpad(text)}”不像完整的机关名称（结尾不是局、委、办公室、领导小组等）",
                          "核对署名是否缺字或丢了回行的部分：署发文机关全称或规范化简称")
