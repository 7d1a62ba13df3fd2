"""A cached property without the lock of Python 3.11's ``functools.cached_property``.

Up to Python 3.11, ``functools.cached_property`` takes an ``RLock`` (one for
the whole class) and runs a dozen lines of Python on every first access. An
analysis answers some seventy such first accesses per memo, and each object
lives in one thread, so the lock only costs. Python 3.12 dropped it; this is
the 3.12 behaviour: the value is computed on first access and stored in the
instance's ``__dict__``, where later accesses find it without calling any
code (the descriptor defines no ``__set__``, so the instance entry wins).

Type checkers see ``functools.cached_property`` itself (same typing); at run
time the plain class below is cheaper to create than a generic one with
overloads, which a cold run would pay for at import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from functools import cached_property
else:

    class cached_property:
        """``functools.cached_property`` for objects used by one thread at a time."""

        def __init__(self, func: Any) -> None:
            self.func = func
            self.attrname = func.__name__
            self.__doc__ = func.__doc__

        def __set_name__(self, owner: type, name: str) -> None:
            self.attrname = name

        def __get__(self, instance: Any, owner: type | None = None) -> Any:
            if instance is None:
                return self
            value = instance.__dict__[self.attrname] = self.func(instance)
            return value

__all__ = ["cached_property"]
