"""Records: plain classes with the equality, hash and repr of a dataclass.

A ``@dataclass`` writes its methods as source and compiles them with ``exec``
in every process that imports it (~5 M instructions a class, more when
frozen), and importing :mod:`dataclasses` pulls in ``inspect``, ``ast`` and
``dis``; a cold ``memolint check`` defined some thirty of them. Classes that
need more than a :class:`typing.NamedTuple` (a mutable object, a default
factory, ``vars()``, equality only with their own kind) derive from these
bases instead. Each subclass lists its fields in ``_fields``, in constructor
order, and writes its own ``__init__``; ``__slots__`` are the subclass's choice.
This module imports nothing, so ``memolint rules`` can use it.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, ClassVar


class Record:
    """An immutable record, as a frozen dataclass: assignment and deletion raise.

    ``_compared`` names the fields equality and hash use (all of ``_fields``
    unless a subclass says otherwise, as ``field(compare=False)`` would).
    """

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _compared: tuple[str, ...] | None = None

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._compared or self._fields)

    def _set(self, **values: Any) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: {type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: {type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({fields})"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled by value (``--jobs`` workers send results back; ``spawn`` gets the registry)."""
        return _rebuild, (type(self), {name: getattr(self, name) for name in self._fields})

    def _replace(self, **changes: Any) -> Any:
        """A copy with some fields changed, as ``dataclasses.replace`` (and a named tuple's)."""
        return type(self)(**{**{name: getattr(self, name) for name in self._fields}, **changes})

    def _asdict(self) -> dict[str, Any]:
        """Fields by name, records inside (and in lists) as dicts: ``dataclasses.asdict``'s
        shape, for JSON."""
        return {name: _plain(getattr(self, name)) for name in self._fields}


class FieldRecord(Record):
    """A frozen record declared as a dataclass is, built from keywords only.

    The class body annotates each field and gives its default; the instance
    dictionary holds exactly the fields, in that order, so ``vars()`` works and
    equality and hash read the dictionary at C speed. A field without a
    default must be given.
    """

    _defaults: ClassVar[dict[str, Any]] = {}
    _required: ClassVar[frozenset[str]] = frozenset()
    _key: ClassVar[Callable[[Any], tuple[Any, ...]] | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 (inspect is heavy)
        names = [name for name in own if not name.startswith("_")]
        inherited = cls._defaults
        cls._defaults = {**inherited, **{name: getattr(cls, name, None) for name in names}}
        cls._required = cls._required | {name for name in names if not hasattr(cls, name)}
        cls._fields = tuple(cls._defaults)
        from operator import attrgetter  # here: `memolint rules` defines no such record

        cls._key = attrgetter(*cls._fields) if len(cls._fields) > 1 else None

    def __init__(self, **values: Any) -> None:
        fields = self.__dict__
        fields.update(self._defaults)
        fields.update(values)
        if len(fields) != len(self._defaults) or (
                self._required and not self._required <= values.keys()):
            wrong = sorted((values.keys() - self._defaults.keys())
                           | (self._required - values.keys()))
            raise TypeError(f"{type(self).__name__}(): unknown or missing fields {wrong}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(self.__dict__.values())

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        # an attrgetter builds the tuple in C: layout hashes a Typography per block
        return hash(self._key(self)) if self._key else hash(self._values())


class MutableRecord(Record):
    """A record whose fields may be assigned, as a plain dataclass (so: unhashable)."""

    __slots__ = ()
    __setattr__ = object.__setattr__
    __delattr__ = object.__delattr__
    __hash__ = None  # type: ignore[assignment]


def _rebuild(cls: type, fields: dict[str, Any]) -> Any:
    """An unpickled record: made by its constructor, from keywords."""
    return cls(**fields)


def _plain(value: Any) -> Any:
    """``value`` with records and named tuples turned into dicts, through lists, tuples and
    dicts: the shape ``dataclasses.asdict`` gave when they were dataclasses."""
    if isinstance(value, Record) or (isinstance(value, tuple) and hasattr(value, "_asdict")):
        return _plain(value._asdict()) if isinstance(value, tuple) else value._asdict()
    if type(value) in (list, tuple):
        return type(value)(_plain(item) for item in value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value
