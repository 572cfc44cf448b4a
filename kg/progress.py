"""Progress of long work as lines of text, for the CLI to put on stderr.

On a terminal, one line redrawn in place ("extracting: 12/50 articles, 8 s") and wiped when
the work ends. Anywhere else (a log file, a pipe, CI) a whole line every few seconds, so a
long run is never silent and a short one says nothing. Work without a count (a SPARQL
query, SHACL validation) gets a heartbeat from a background thread ("validating: 10 s").
This module only calls the `write` function it is given; kg/cli/ does the printing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

EVERY = 5.0  # seconds between lines when the output is not a terminal
REDRAW = 0.25  # seconds between redraws on a terminal


class Progress:
    """Reports one stage of work at a time; thread-safe."""

    def __init__(
        self,
        write: Callable[[str], None],
        *,
        tty: bool,
        every: float = EVERY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._write = write
        self._tty = tty
        self._every = REDRAW if tty else every
        self._clock = clock
        self._lock = threading.Lock()
        self._label = ""
        self._unit = ""
        self._total: int | None = None
        self._done = 0
        self._note = ""
        self._started = self._last = clock()
        self._drawn = 0  # width of the line now on the terminal

    def start(self, label: str, total: int | None = None, unit: str = "") -> None:
        """Begin a stage: 'extracting' with a total of 50 'articles', or 'validating' with none."""
        with self._lock:
            self._wipe()
            self._label, self._total, self._unit, self._done, self._note = label, total, unit, 0, ""
            self._started = self._last = self._clock()

    def advance(self, n: int = 1, note: str = "") -> None:
        """Count n more done; `note` ('2,310 words/s') is shown after the count until replaced."""
        with self._lock:
            self._done += n
            self._note = note or self._note
            self._maybe_report()

    def tick(self) -> None:
        """Report if it is time to (called by the heartbeat)."""
        with self._lock:
            self._maybe_report()

    def finish(self) -> None:
        """End the stage: wipe the terminal line (the caller's summary comes next)."""
        with self._lock:
            self._wipe()
            self._label = ""

    def line(self) -> str:
        """'extracting: 12/50 articles, 8 s' or 'validating: 10 s'."""
        seconds = self._clock() - self._started
        count = ""
        if self._total is not None:
            count = f"{self._done:,}/{self._total:,}{' ' + self._unit if self._unit else ''}, "
        note = f", {self._note}" if self._note else ""
        return f"{self._label}: {count}{seconds:.0f} s{note}"

    @contextmanager
    def stage(self, label: str, total: int | None = None, unit: str = "") -> Iterator[Progress]:
        """A stage with a heartbeat thread, so that it reports even while nothing advances."""
        self.start(label, total, unit)
        stop = threading.Event()

        def beat() -> None:
            while not stop.wait(min(max(self._every, 0.05), 1.0)):
                self.tick()

        thread = threading.Thread(target=beat, name=f"kg-progress-{label}", daemon=True)
        thread.start()
        try:
            yield self
        finally:
            stop.set()
            thread.join()
            self.finish()

    def _maybe_report(self) -> None:
        if not self._label:
            return
        now = self._clock()
        if now - self._last < self._every:
            return
        self._last = now
        text = self.line()
        if self._tty:
            self._write("\r" + text.ljust(self._drawn))
            self._drawn = len(text)
        else:
            self._write(text + "\n")

    def _wipe(self) -> None:
        if self._tty and self._drawn:
            self._write("\r" + " " * self._drawn + "\r")
            self._drawn = 0
