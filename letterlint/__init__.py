"""letterlint: a linter for Chinese official letters (函, 复函, 建议/提案答复函).

The public API is small and imported lazily so that ``import letterlint``
stays cheap: ``lint_text``, ``lint_path``, ``lint_bytes``, ``Diagnostic``, ``Settings``
(documented in docs/api.md).
"""
__version__ = "0.2.0"

__all__ = ["Diagnostic", "Settings", "lint_bytes", "lint_path", "lint_text", "__version__"]


def __getattr__(name):
    if name in ("lint_text", "lint_path", "lint_bytes", "Settings"):
        from letterlint import lint

        return getattr(lint, name)
    if name == "Diagnostic":
        from letterlint.diagnostic import Diagnostic

        return Diagnostic
    raise AttributeError(name)
