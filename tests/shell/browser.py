"""Measure an HTML page as headless Chromium lays it out, at a given viewport width.

Chromium's own headless mode will not make a window narrower than 500 px, so the page is shown in an
``<iframe srcdoc>`` of the wanted width inside a wrapper page (``srcdoc`` keeps the frame same-origin,
so a script of the wrapper can measure it), and ``--dump-dom`` returns the wrapper with the
measurement appended as JSON. No driver, no network: the system's ``chromium`` binary only.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)

PROBE = r"""
<script>
window.addEventListener('load', () => {
  const frame = document.getElementById('page'), doc = frame.contentDocument;
  const width = frame.contentWindow.innerWidth;
  const inside = (inner, outer) => inner.left >= outer.left - 0.5 && inner.top >= outer.top - 0.5
      && inner.right <= outer.right + 0.5 && inner.bottom <= outer.bottom + 0.5;
  const clipped = [...doc.querySelectorAll('svg')].flatMap(svg => {
    const box = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')].filter(t => !inside(t.getBoundingClientRect(), box))
      .map(t => (svg.getAttribute('aria-label') || '') + ': ' + t.textContent); });
  const maths = [...doc.querySelectorAll('math')];
  const tex = [...new Set(doc.body.innerText.match(/.{0,20}(\^\{|_\{|\\frac|\\sum).{0,10}/g) || [])];
  const result = {width, scroll_width: doc.documentElement.scrollWidth, clipped, tex,
    maths: maths.length, merror: doc.querySelectorAll('merror').length,
    empty: maths.filter(m => { const r = m.getBoundingClientRect(); return !(r.width > 0 && r.height > 0); })
      .length,
    unrendered: maths.filter(m => !(m instanceof frame.contentWindow.MathMLElement)).length};
  const pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(result);
  document.body.appendChild(pre);
});
</script>
"""


def measure(page: str, width: int, workdir: Path) -> dict[str, Any]:
    """The layout of ``page`` in a viewport ``width`` px wide: its scroll width, the SVG text outside
    its figure, raw TeX in the visible text, and the math elements (how many, empty, in error, not
    MathML), and what the page wrote to the console. Raises AssertionError, with Chromium's log, when
    the probe did not run."""
    wrapper = workdir / f"wrapper-{width}.html"
    frame = f'<iframe id="page" style="border:0;width:{width}px;height:1000px" srcdoc="{html.escape(page)}">'
    wrapper.write_text(
        f'<!DOCTYPE html><html><body style="margin:0">{frame}</iframe>{PROBE}</body></html>', encoding="utf-8"
    )
    done = subprocess.run(
        [
            "chromium",
            *FLAGS,
            f"--user-data-dir={workdir / 'profile'}",
            "--enable-logging=stderr",
            "--dump-dom",
            wrapper.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    found = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.S)
    assert found, f"the probe did not run: {done.stderr[-2000:]}"
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    result["console"] = [line for line in done.stderr.splitlines() if "CONSOLE" in line]
    return result
