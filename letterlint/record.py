"""Small value classes, without the import-time cost of ``dataclasses``.

``@dataclass`` writes each class's methods as source text and compiles it when
the module is imported: about a millisecond a class, and ``import
dataclasses`` pulls in ``inspect`` and ``ast`` besides.  A pre-commit hook
pays that on every commit.  So the value classes of letterlint write their
``__init__`` by hand and take equality, ordering, hashing and ``repr`` from
here, driven by the class's ``_fields``:

- ``Record``: mutable; ``==`` compares the fields of two objects of the same
  class; unhashable (as a dataclass with ``eq``).
- ``FrozenRecord``: immutable (assigning a field raises ``AttributeError``),
  hashable, pickled through its ``__init__``.
- ``Ordered``: adds ``<``, ``<=``, ``>``, ``>=`` over the compared fields.

``_hidden`` names fields left out of the ``repr``; ``_uncompared`` fields
left out of ``==``, ordering and hashing.  ``replace(obj, **changes)`` is
``dataclasses.replace`` for these classes (every ``__init__`` takes its
fields by name).

``TupleRecord`` is ``collections.namedtuple`` for a class that writes its
``__new__`` by hand: importing ``collections`` cost a run some 7 million
instructions.  The accessors come from ``operator``'s C module, for the same
reason (the pure-Python ``operator`` module only re-exports them).
"""
from __future__ import annotations

try:
    from _operator import attrgetter, itemgetter
except ImportError:  # an interpreter without the C module
    from operator import attrgetter, itemgetter
try:
    from _collections import _tuplegetter  # what collections.namedtuple makes its fields with
except ImportError:
    def _tuplegetter(index, doc):
        return property(itemgetter(index), doc=doc)


def _key_getter(names: tuple[str, ...]):
    if not names:
        return lambda obj: ()
    if len(names) == 1:
        get = attrgetter(names[0])
        return lambda obj: (get(obj),)
    return attrgetter(*names)


class Record:
    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _hidden: tuple[str, ...] = ()
    _uncompared: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._key = staticmethod(_key_getter(tuple(f for f in cls._fields if f not in cls._uncompared)))
        cls._values = staticmethod(_key_getter(cls._fields))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields if name not in self._hidden)
        return f"{self.__class__.__qualname__}({shown})"

    def __eq__(self, other) -> bool:
        if other.__class__ is self.__class__:
            return self._key(self) == other._key(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable: never a dict key

    def __replace__(self, **changes):
        values = dict(zip(self._fields, self._values(self)))
        values.update(changes)
        return self.__class__(**values)


class FrozenRecord(Record):
    __slots__ = ()

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name):
        raise AttributeError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:
        return hash(self._key(self))

    def __reduce__(self):
        return self.__class__, self._values(self)


class Ordered:
    """Order by the compared fields, in their order (``@dataclass(order=True)``)."""

    __slots__ = ()

    def __lt__(self, other) -> bool:
        if other.__class__ is self.__class__:
            return self._key(self) < other._key(other)
        return NotImplemented

    def __le__(self, other) -> bool:
        if other.__class__ is self.__class__:
            return self._key(self) <= other._key(other)
        return NotImplemented

    def __gt__(self, other) -> bool:
        if other.__class__ is self.__class__:
            return self._key(self) > other._key(other)
        return NotImplemented

    def __ge__(self, other) -> bool:
        if other.__class__ is self.__class__:
            return self._key(self) >= other._key(other)
        return NotImplemented


def replace(obj, /, **changes):
    """A copy of ``obj`` with some fields changed (as ``dataclasses.replace``)."""
    return obj.__replace__(**changes)


class TupleRecord(tuple):
    """What ``collections.namedtuple`` makes: a tuple with named fields (``_fields``), the same
    ``repr``, ``_make``, ``_replace``, ``_asdict`` and pickling.  A subclass lists ``_fields``
    and writes ``__new__(cls, field, …)`` as ``tuple.__new__(cls, (field, …))``.
    """

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _field_defaults: dict = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.__match_args__ = cls._fields
        for index, name in enumerate(cls._fields):
            setattr(cls, name, _tuplegetter(index, f"Alias for field number {index}"))

    @classmethod
    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != len(cls._fields):
            raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(result)}")
        return result

    def _replace(self, /, **kwds):
        result = self._make(map(kwds.pop, self._fields, self))
        if kwds:
            raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
        return result

    def __repr__(self) -> str:
        return self.__class__.__name__ + "(" + ", ".join(f"{n}={v!r}" for n, v in zip(self._fields, self)) + ")"

    def _asdict(self) -> dict:
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)
