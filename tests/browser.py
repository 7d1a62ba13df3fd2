"""A small Chrome DevTools Protocol client for the HTML report's browser tests.

It starts the system's headless Chromium (Debian ``chromium``; nothing is
downloaded), opens one page over the DevTools websocket and offers what the
tests need: navigate and wait for the load event, evaluate JavaScript, click
with real mouse events, take a screenshot, and record every network request
the page makes.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--remote-debugging-port=0", "--window-size=1280,900", "--hide-scrollbars")
#: Seconds to wait for one DevTools reply or event before the test fails (a hang guard).
REPLY_TIMEOUT = 60


def chromium_binary() -> str | None:
    """The Chromium on PATH, if any."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    """One headless Chromium with one page attached (flattened session)."""

    def __init__(self, binary: str, profile_dir: Path) -> None:
        import websocket

        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile_dir}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        url = self._devtools_url()
        self.socket = websocket.create_connection(url, timeout=REPLY_TIMEOUT,
                                                  suppress_origin=True)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        #: URLs of every request the page started (Network.requestWillBeSent).
        self.requests: list[str] = []
        self.session: str | None = None
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Network"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})

    def _devtools_url(self) -> str:
        """Read ``DevTools listening on ws://...`` from stderr, then keep draining it."""
        assert self.process.stderr is not None
        for line in self.process.stderr:
            if "DevTools listening on " in line:
                threading.Thread(target=self.process.stderr.read, daemon=True).start()
                return line.split("DevTools listening on ", 1)[1].strip()
        raise RuntimeError("chromium exited before opening the DevTools port")

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send a command and return its result; events seen meanwhile are recorded."""
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if self.session:
            message["sessionId"] = self.session
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._record(reply)

    def _record(self, reply: dict[str, Any]) -> None:
        if "method" not in reply:
            return
        self.events.append(reply)
        if reply["method"] == "Network.requestWillBeSent":
            self.requests.append(reply["params"]["request"]["url"])

    def wait_for(self, event: str) -> dict[str, Any]:
        """Block until an event arrives (or was already recorded since the last wait)."""
        for index, seen in enumerate(self.events):
            if seen["method"] == event:
                del self.events[: index + 1]
                return seen
        while True:
            reply = json.loads(self.socket.recv())
            self._record(reply)
            if reply.get("method") == event:
                self.events.clear()
                return reply

    def open(self, path: Path) -> str:
        """Navigate to a file and wait until it has loaded; returns its URL."""
        url = path.resolve().as_uri()
        self.requests.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")
        return url

    def requested_urls(self) -> list[str]:
        """Every URL the page asked the network stack for since it was opened."""
        self.evaluate("0")  # a round trip: events sent before it are recorded
        return list(self.requests)

    def evaluate(self, expression: str) -> Any:
        """Evaluate JavaScript in the page and return its value."""
        result = self.send("Runtime.evaluate", {"expression": expression,
                                                "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector: str) -> None:
        """Scroll an element into view and click its center with real mouse events."""
        box = self.evaluate(
            f"(() => {{ const el = document.querySelector({json.dumps(selector)});"
            " el.scrollIntoView({block: 'nearest'}); const r = el.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1],
                                                   "button": "left", "clickCount": 1})

    def screenshot(self, path: Path, full_page: bool = False) -> Path:
        """Save a PNG of the viewport (or the whole page)."""
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            size = self.evaluate("[document.documentElement.scrollWidth,"
                                 " document.documentElement.scrollHeight]")
            params |= {"captureBeyondViewport": True,
                       "clip": {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1}}
        data = self.send("Page.captureScreenshot", params)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        """Close the socket and end the Chromium this object started."""
        try:
            self.socket.close()
        finally:
            self.process.terminate()
            self.process.wait(timeout=REPLY_TIMEOUT)
