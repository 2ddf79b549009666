"""A tiny third-party rule package, used by tests/test_plugins.py."""
