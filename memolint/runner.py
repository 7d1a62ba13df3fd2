"""Turn the command line's paths into lint results, one per document.

Directories are searched for Markdown and DOCX files, skipping the usual
tool and dependency folders and the config's ``exclude`` patterns
(gitignore syntax, relative to the config file); symlinked folders are not
followed, so a link loop cannot make the walk endless. A file named
explicitly is always linted. Results come back in a stable order: arguments
as given, files within a directory sorted, however many processes lint them.

Unchanged files are answered from the result cache (:mod:`memolint.cache`)
before anything heavy is imported. The rest are linted in this process, or,
when there are more than a handful and more than one job, in a process pool:
each worker pays spaCy's import once and then lints file after file. A worker
that dies (a crash in a native library, the OOM killer) costs only the file
it was linting: the files in flight are retried one by one in fresh workers,
and the one that kills its worker again is reported as that file's error.
"""

from __future__ import annotations

import gc
import hashlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from memolint.cache import ResultCache
from memolint.config import ConfigResolver, Settings
from memolint.engine import FileResult
from memolint.errors import ConfigError, InputError
from memolint.progress import Progress
from memolint.readers import SUPPORTED_SUFFIXES, format_for, read_input

if TYPE_CHECKING:  # imported only when a file is linted: a cache hit needs neither
    from concurrent.futures import Future

    from memolint.registry import Registry

#: Folders never searched: VCS data, environments, caches, dependencies.
SKIPPED_DIRS = frozenset({
    ".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__",
    ".memolint_cache", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".tox", "build", "dist",
})
#: Fewer files than this are linted in-process: a worker's spaCy import
#: (~1 s) outweighs splitting a few 15 ms files across cores.
MIN_FILES_FOR_POOL = 8
#: Workers are forked where that is safe and cheap (they inherit the imported
#: modules); elsewhere the platform's default start method is used.
_START_METHOD = "fork" if sys.platform == "linux" else None
#: Files queued per worker: enough to keep it busy, few enough that a broken
#: pool leaves only a handful of files to retry.
_QUEUED_PER_WORKER = 2


class _Task(NamedTuple):
    """One document to lint, as sent to a worker."""

    path: str
    display: str
    settings: Settings
    #: The bytes for stdin; files are read by whoever lints them.
    data: bytes | None = None
    #: The cache key, when the result should be stored.
    key: str | None = None
    #: sha256 of the bytes the key was made from.
    digest: str | None = None


def run(paths: list[str], overrides: dict[str, Any], config: Path | None,
        stdin_filename: str | None, *, jobs: int = 1,
        cache: ResultCache | None = None) -> list[FileResult]:
    """Lint every document the paths name, in order."""
    resolver = ConfigResolver(config, overrides)
    results: list[FileResult | None] = []
    pending: dict[int, _Task] = {}
    for path, data, display, settings in _documents(paths, resolver, stdin_filename):
        task = _Task(path, display, settings, data)
        hit = _lookup(task, cache) if cache else task
        results.append(hit if isinstance(hit, FileResult) else None)
        if not isinstance(hit, FileResult):
            pending[len(results) - 1] = hit
    if pending:
        from memolint.registry import Registry

        packs = {task.settings.packs for task in pending.values()}
        registries = {extra: Registry.load(extra) for extra in packs}
        workers = min(jobs, len(pending)) if len(pending) >= MIN_FILES_FOR_POOL else 1
        progress = Progress(len(pending))
        try:
            linted = (_in_pool(pending, registries, workers, progress) if workers > 1
                      else _in_process(pending, registries, progress))
        finally:
            progress.close()
        for index, (result, digest) in linted.items():
            task = pending[index]
            if cache and task.key and digest == task.digest:
                cache.store(task.key, task.settings, result)
            results[index] = result
    return [r for r in results if r is not None]


def resolve_jobs(value: str) -> int:
    """``--jobs``: a positive number, or ``auto`` for the CPUs this process may use."""
    if value == "auto":
        try:
            return max(len(os.sched_getaffinity(0)), 1)
        except AttributeError:  # not on Linux
            return os.cpu_count() or 1
    if not value.isdigit() or int(value) < 1:
        raise ConfigError(f"--jobs: expected a positive number or 'auto', got {value!r}")
    return int(value)


def _lookup(task: _Task, cache: ResultCache) -> FileResult | _Task:
    """The cached result, or the task with the key to store its result under."""
    try:
        data = task.data if task.data is not None else read_input(task.path)
    except InputError:
        return task  # linting reports it; an unreadable file is not cached
    key = cache.key(data, task.display, task.settings)
    cached = cache.load(key, task.settings)
    if cached is not None:
        cached.path = task.display
        return cached
    return _Task(task.path, task.display, task.settings, task.data, key,
                 hashlib.sha256(data).hexdigest())


# --- linting, here or in workers ------------------------------------------

#: The registries of the run, set once in each worker by :func:`_start_worker`.
_worker_registries: dict[tuple[Path, ...], Registry] = {}


def _start_worker(registries: dict[tuple[Path, ...], Registry]) -> None:
    _worker_registries.update(registries)


def _lint_in_worker(task: _Task) -> tuple[FileResult, str | None]:
    return _lint(task, _worker_registries)


def _lint(task: _Task, registries: dict[tuple[Path, ...], Registry]
          ) -> tuple[FileResult, str | None]:
    """Lint one task: its result and the sha256 of the bytes it read.

    A bug anywhere in reading or linting becomes this file's error, so one
    odd document never takes the run down.
    """
    from memolint.engine import lint_file

    data, digest = task.data, None
    if data is None:
        try:
            data = read_input(task.path)
        except InputError:
            data = None  # lint_file reports the same error in its own words
    if data is not None:
        digest = hashlib.sha256(data).hexdigest()
    try:
        result = lint_file(task.path, task.settings, registries[task.settings.packs], data,
                           task.display)
    except RecursionError:
        result = _failure(task, "internal", "structure is nested too deeply to lint")
    except Exception as exc:
        result = _bug(task, exc)
    return result, digest


def _bug(task: _Task, exc: Exception) -> FileResult:
    detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
    return _failure(task, "internal", f"memolint failed on this file ({detail}); "
                                      "please report this bug")


def _failure(task: _Task, kind: str, message: str) -> FileResult:
    return FileResult(task.display, format_for(task.display),
                      error={"kind": kind, "message": f"{task.display}: {message}"},
                      fail_on=task.settings.fail_on)


def _in_process(tasks: dict[int, _Task], registries: dict[tuple[Path, ...], Registry],
                progress: Progress) -> dict[int, tuple[FileResult, str | None]]:
    """Lint tasks one after the other in this process.

    After the first file, what it loaded for good (the spaCy pipeline, the
    syllable dictionary, rules and word lists: ~100,000 objects) is frozen
    out of the garbage collector's reach: every full collection would
    otherwise walk all of it again, for nothing (~1.5 ms per memo).
    """
    done = {}
    try:
        for index, task in tasks.items():
            done[index] = _lint(task, registries)
            if len(done) == 1 < len(tasks):
                gc.freeze()
            progress.tick()
    finally:
        gc.unfreeze()  # a caller that lives on (a test, an editor) collects as usual
    return done


def _in_pool(tasks: dict[int, _Task], registries: dict[tuple[Path, ...], Registry],
             workers: int, progress: Progress) -> dict[int, tuple[FileResult, str | None]]:
    """Lint tasks across ``workers`` processes; a dead worker costs one file.

    A tiny built-in memo is linted here first: that imports spaCy, builds
    the pipeline and loads the syllable dictionary once, and forked workers
    inherit all of it instead of each paying ~2 s of CPU for its own copy.
    Frozen out of the garbage collector's reach first (as Python's ``gc``
    documentation advises before a fork), the inherited objects are neither
    walked by each worker's collections nor copied by them.
    """
    _warm_up(next(iter(tasks.values())), registries)
    gc.freeze()
    done: dict[int, tuple[FileResult, str | None]] = {}
    queue = list(tasks)
    try:
        while queue:
            suspects = _drain(queue, tasks, registries, workers, done, progress)
            for index in suspects:  # in flight when a worker died: retry each alone
                isolated = _drain([index], tasks, registries, 1, done, progress)
                if isolated:
                    done[index] = (_failure(tasks[index], "crash",
                                            "memolint's worker process died while linting "
                                            "this file; please report this bug"), None)
    finally:
        gc.unfreeze()
    return done


def _warm_up(task: _Task, registries: dict[tuple[Path, ...], Registry]) -> None:
    warm = _Task("warm-up.md", "warm-up.md", task.settings,
                 b"# Warm-up\n\nThis sentence loads what linting needs, once.\n")
    _lint(warm, registries)


def _drain(queue: list[int], tasks: dict[int, _Task],
           registries: dict[tuple[Path, ...], Registry], workers: int,
           done: dict[int, tuple[FileResult, str | None]], progress: Progress) -> list[int]:
    """Lint from the front of ``queue`` until it is empty or the pool breaks.

    Returns the task indices that were in flight when the pool broke.
    """
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context(_START_METHOD)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(registries,)) as pool:
        flight: dict[Future, int] = {}
        try:
            while queue or flight:
                while queue and len(flight) < workers * _QUEUED_PER_WORKER:
                    index = queue.pop(0)
                    flight[pool.submit(_lint_in_worker, tasks[index])] = index
                finished, _ = wait(flight, return_when=FIRST_COMPLETED)
                for future in finished:
                    done[flight[future]] = _outcome(future, tasks[flight[future]])
                    del flight[future]
                    progress.tick()
        except BrokenProcessPool:
            return [index for future, index in flight.items()
                    if not _finished_well(future, index, tasks, done)]
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return []


def _outcome(future: Future, task: _Task) -> tuple[FileResult, str | None]:
    """A finished future's result; BrokenProcessPool propagates to the caller."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        raise
    except Exception as exc:  # e.g. a result that could not be sent back
        return _bug(task, exc), None


def _finished_well(future: Future, index: int, tasks: dict[int, _Task],
                   done: dict[int, tuple[FileResult, str | None]]) -> bool:
    """Record a future that completed before its pool broke; False if it did not."""
    if not future.done() or future.cancelled() or future.exception() is not None:
        return False
    done[index] = _outcome(future, tasks[index])
    return True


# --- finding the documents ------------------------------------------------

def _documents(paths: list[str], resolver: ConfigResolver, stdin_filename: str | None
               ) -> Iterator[tuple[str, bytes | None, str, Settings]]:
    """``(path to open, stdin bytes or None, name to show, settings)`` for each document."""
    for argument in paths:
        if argument == "-":
            name = stdin_filename or "stdin.md"
            yield name, sys.stdin.buffer.read(), name, resolver.settings_for(Path(name))
        elif os.path.isdir(argument):
            for found, settings in _walk(Path(argument), resolver):
                yield str(found), None, _printable(str(found)), settings
        else:
            yield argument, None, _printable(argument), resolver.settings_for(Path(argument))


def _printable(path: str) -> str:
    """A file name that can be printed: undecodable bytes in it become U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _walk(root: Path, resolver: ConfigResolver) -> Iterator[tuple[Path, Settings]]:
    """Memo files below ``root`` with their settings, sorted, minus skipped folders and
    excludes."""
    found: list[tuple[Path, Settings]] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        for name in files:
            path = Path(folder) / name
            if path.suffix.lower() not in SUPPORTED_SUFFIXES or name.startswith("~$"):
                continue
            settings = resolver.settings_for(path)
            if not _excluded(path, settings):
                found.append((path, settings))
    yield from sorted(found, key=lambda pair: pair[0])


def _excluded(path: Path, settings: Settings) -> bool:
    if not settings.exclude:
        return False
    import pathspec

    try:
        relative = Path(os.path.realpath(path)).relative_to(settings.root.resolve())
    except ValueError:
        return False
    try:
        spec = pathspec.GitIgnoreSpec.from_lines(settings.exclude)
    except ValueError as exc:
        raise ConfigError(f"{settings.source}: exclude: bad pattern ({exc})") from None
    return spec.match_file(relative.as_posix())
