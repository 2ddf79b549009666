"""Font families and the 号 size names of Chinese typesetting.

GB/T 9704 names families (小标宋体, 仿宋体, 楷体, 黑体, 宋体); offices set them
in whichever face their machines have.  The usual faces of each family count
as that family; an office adds its own with the ``font-aliases`` setting
("汉仪仿宋简=仿宋").
"""
from __future__ import annotations

FAMILIES: dict[str, tuple[str, ...]] = {
    "仿宋": ("仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "方正仿宋_GBK", "方正仿宋简体", "方正仿宋_GB2312",
           "华文仿宋", "STFangsong"),
    "楷体": ("楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312", "方正楷体_GBK", "方正楷体简体", "方正楷体_GB2312",
           "华文楷体", "STKaiti"),
    "黑体": ("黑体", "SimHei", "方正黑体_GBK", "方正黑体简体", "方正黑体_GB2312", "华文黑体", "STHeiti"),
    "小标宋": ("方正小标宋简体", "方正小标宋_GBK", "方正小标宋_GB2312", "小标宋", "小标宋体", "FZXiaoBiaoSong-B05S",
            "FZXiaoBiaoSong-B05"),
    "宋体": ("宋体", "SimSun", "NSimSun", "新宋体", "宋体-简", "Songti SC", "方正书宋_GBK", "方正书宋简体"),
}
_BY_NAME = {name.lower(): family for family, names in FAMILIES.items() for name in names}

SIZE_NAMES = {42: "初号", 36: "小初", 26: "1号", 24: "小1号", 22: "2号", 18: "小2号", 16: "3号", 15: "小3号",
              14: "4号", 12: "小4号", 10.5: "5号", 9: "小5号"}


def family(name: str | None, aliases: list[str] | tuple[str, ...] = ()) -> str | None:
    """The family a face belongs to ("方正仿宋_GBK" → "仿宋"); an unknown face is its own family."""
    if not name:
        return None
    for entry in aliases:
        face, _, fam = entry.partition("=")
        if face.strip().lower() == name.strip().lower() and fam.strip():
            return fam.strip()
    return _BY_NAME.get(name.strip().lower(), name.strip())


def size_name(points: float) -> str:
    """16 → "3号（16磅）"; sizes without a 号 name are given in points."""
    for pt, label in SIZE_NAMES.items():
        if abs(pt - points) < 0.01:
            return f"{label}（{points:g}磅）"
    return f"{points:g}磅"
