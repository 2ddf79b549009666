"""Remembered results, without ``functools``.

``functools`` imports ``collections`` (and ``types``, ``keyword``, ``reprlib``
…): some 10 million instructions, 8 % of a clean run, for ``lru_cache``.  The
functions letterlint remembers are pure and small in number, so two plain
decorators do:

- ``once``: ``functools.lru_cache(maxsize=1)`` for a function of no arguments;
- ``memo(maxsize)``: a function of hashable positional arguments, its results
  kept until ``maxsize`` are held, then forgotten all at once (the results are
  the same; only when one is computed again differs from a least-recently-used
  cache).

Both offer ``cache_clear()`` and ``__wrapped__``, as ``lru_cache`` does.  An
exception is not remembered.
"""
from __future__ import annotations


def _like(wrapper, fn):
    for name in ("__module__", "__name__", "__qualname__", "__doc__"):
        setattr(wrapper, name, getattr(fn, name, None))
    wrapper.__wrapped__ = fn
    return wrapper


def once(fn):
    """``fn()``, computed on the first call and returned by every later one."""
    results: list = []

    def call():
        if not results:
            results.append(fn())
        return results[0]

    call.cache_clear = results.clear
    return _like(call, fn)


def memo(maxsize: int):
    """``fn(*args)`` remembered by ``args``, at most ``maxsize`` at a time."""
    def decorate(fn):
        results: dict = {}

        def call(*args):
            try:
                return results[args]
            except KeyError:
                pass
            value = fn(*args)
            if len(results) >= maxsize:
                results.clear()
            results[args] = value
            return value

        call.cache_clear = results.clear
        return _like(call, fn)
    return decorate
