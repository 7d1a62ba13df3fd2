"""memolint.lazy.cached_property: functools' behaviour, without the lock."""

from memolint.analysis import Analysis
from memolint.document import Block
from memolint.lazy import cached_property


class _Counter:
    def __init__(self) -> None:
        self.calls = 0

    @cached_property
    def value(self) -> int:
        """The number of calls so far, plus one."""
        self.calls += 1
        return self.calls


def test_the_value_is_computed_once_per_instance_and_kept_in_its_dict():
    first, second = _Counter(), _Counter()
    assert (first.value, first.value, first.calls) == (1, 1, 1)
    assert first.__dict__["value"] == 1
    assert (second.value, second.calls) == (1, 1)


def test_an_assigned_value_wins_and_deleting_it_computes_again():
    counter = _Counter()
    counter.value = 7
    assert (counter.value, counter.calls) == (7, 0)
    del counter.value
    assert (counter.value, counter.calls) == (1, 1)


def test_the_class_attribute_is_the_descriptor_with_the_function_and_docs():
    descriptor = _Counter.__dict__["value"]
    assert _Counter.value is descriptor
    assert descriptor.attrname == "value"
    assert descriptor.__doc__ == "The number of calls so far, plus one."
    assert descriptor.func(_Counter()) == 1


def test_analysis_facts_and_block_words_use_it():
    assert isinstance(Analysis.__dict__["sentences"], cached_property)
    assert isinstance(Block.__dict__["_runs"], cached_property)
