"""Third-party rules arrive through the `letterlint.rules` entry-point group.

The tiny package in tests/plugin_example has a real dist-info with an entry
point; putting its folder on PYTHONPATH makes importlib.metadata find it,
exactly as after `pip install`, without touching the test environment.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

PLUGIN_DIR = Path(__file__).parent / "plugin_example"
LETTER = "关于商请协助开展道路安全检查的函\n示例市公安局：\n此件为草稿。\n请予函复。\n示例市交通运输局\n2024年5月6日\n"


def run(args, tmp_path, pythonpath):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(pythonpath), os.environ.get("PYTHONPATH")) if p),
               NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "letterlint", *args], capture_output=True, text=True,
                          env=env, cwd=tmp_path)


def test_plugin_rule_is_loaded_and_runs(tmp_path):
    (tmp_path / "a.txt").write_text(LETTER, encoding="utf-8")
    p = run(["--format", "json", "a.txt"], tmp_path, PLUGIN_DIR)
    diags = json.loads(p.stdout)["files"][0]["diagnostics"]
    assert [(d["rule"], d["line"], d["column"], d["end_column"]) for d in diags] == [("ACME-001", 3, 4, 6)]
    listed = json.loads(run(["rules", "--format", "json"], tmp_path, PLUGIN_DIR).stdout)
    assert any(r["code"] == "ACME-001" and r["origin"] == "acme_letterlint.rules" for r in listed)


def test_broken_plugin_is_named_with_its_version(tmp_path):
    broken = tmp_path / "site"
    (broken / "bad_plugin-2.0.dist-info").mkdir(parents=True)
    (broken / "bad_plugin-2.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: bad-plugin\nVersion: 2.0\n")
    (broken / "bad_plugin-2.0.dist-info" / "entry_points.txt").write_text("[letterlint.rules]\nbad = bad_plugin_missing\n")
    (tmp_path / "a.txt").write_text(LETTER, encoding="utf-8")
    p = run(["a.txt"], tmp_path, broken)
    assert p.returncode == 2 and "bad-plugin 2.0" in p.stderr and "Traceback" not in p.stderr
