"""The printable documents in a real browser (docs/cli.md, "Printable documents"): headless Chromium
(Debian's `chromium`, in .ci/packages) renders the demo's report.html to PNG and prints a blank score
sheet to PDF with the command docs/cli.md shows. The page's text and its charts are read back from the browser's DOM (--dump-dom), the PNG is
decoded here (zlib and struct) to see that the charts are drawn, and the PDF's pages are A4.

Run by ctest with OCOP_CLI set to the built binary; stdlib only. Exits with 77 (ctest: skipped) and
says why when chromium is not installed. The three browser runs go in parallel, once for all tests.
"""
import collections
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
import zlib
from pathlib import Path

from html_check import Document, cell_texts
from test_html import documented_blocks, run_documented_commands

CHROMIUM = shutil.which("chromium")
SKIPPED = 77
WINDOW = (800, 3400)  # CSS pixels: the whole report, its three charts included
SCALE = 0.5           # the PNG is half that size, to decode it quickly
# The charts' colours (tools/cli/html_campaign_report.cpp): 3★, 4★ and the histogram's bars.
COLOURS = {"3★": (0x8C, 0xC0, 0x84), "4★": (0x3F, 0x8F, 0x5A), "histogram": (0x4A, 0x78, 0xA8)}


def browser(profile, *args):
    """Chromium headless, offline (every host name fails to resolve), in its own profile."""
    command = [CHROMIUM, "--headless", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
               "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={profile}", *args]
    if os.geteuid() == 0:
        command.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process, what):
    out, err = process.communicate(timeout=240)
    if process.returncode != 0:
        raise AssertionError(f"chromium ({what}) exited with {process.returncode}: {err[-2000:]}")
    return out


# --- PNG (RFC 2083): 8-bit RGB or RGBA, not interlaced --------------------------------------------

def byte_add(a, b, n):
    """Bytewise a + b mod 256 of two n-byte big integers, with no carry between bytes."""
    high = int.from_bytes(b"\x80" * n, "big")
    low = int.from_bytes(b"\x7f" * n, "big")
    return ((a & low) + (b & low)) ^ ((a ^ b) & high)


def unfilter(kind, line, prior, bpp):
    """One scanline reconstructed from its filter type (0 none, 1 sub, 2 up, 3 average, 4 Paeth)."""
    n = len(line)
    if kind == 0:
        return bytes(line)
    if kind == 2:
        return byte_add(int.from_bytes(line, "big"), int.from_bytes(prior, "big"), n).to_bytes(n, "big")
    if kind == 1:  # a running sum per channel: log2(width) shifted bytewise additions
        x, shift = int.from_bytes(line, "big"), bpp
        while shift < n:
            x = byte_add(x, x >> (8 * shift), n)
            shift *= 2
        return x.to_bytes(n, "big")
    out = bytearray(line)
    for i in range(n):
        left = out[i - bpp] if i >= bpp else 0
        up = prior[i]
        if kind == 3:
            out[i] = (out[i] + (left + up) // 2) & 0xFF
            continue
        corner = prior[i - bpp] if i >= bpp else 0
        p = left + up - corner
        pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
        out[i] = (out[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
    return bytes(out)


def png_colours(data):
    """(width, height, Counter of (r, g, b) pixels) of a PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unexpected PNG: depth {depth}, colour type {colour}, interlace {interlace}")
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    prior, pixels = bytes(stride), collections.Counter()
    for y in range(height):
        start = y * (stride + 1)
        prior = unfilter(raw[start], raw[start + 1:start + 1 + stride], prior, bpp)
        pixels.update(zip(prior[0::bpp], prior[1::bpp], prior[2::bpp]))
    return width, height, pixels


def near(colour, wanted, tolerance=6):
    return all(abs(a - b) <= tolerance for a, b in zip(colour, wanted))


class InChromium(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        """The documents of docs/cli.md's example, then in parallel: the report's screenshot, its
        DOM, and the documented command that prints the blank sheet to PDF."""
        cls.tmp = Path(tempfile.mkdtemp(prefix="ocop-browser-"))
        made = run_documented_commands(cls.tmp)
        if made.returncode != 0:
            raise AssertionError(f"docs/cli.md's commands failed: {made.stderr}")
        report = (cls.tmp / "out" / "report.html").as_uri()
        cls.reports = json.loads((cls.tmp / "out" / "reports.json").read_text(encoding="utf-8"))
        env = dict(os.environ, HOME=str(cls.tmp))  # the documented command's profile goes there
        runs = {
            "screenshot": browser(cls.tmp / "p1", f"--screenshot={cls.tmp / 'report.png'}", f"--window-size={WINDOW[0]},{WINDOW[1]}",
                                  f"--force-device-scale-factor={SCALE}", report),
            "dom": browser(cls.tmp / "p2", "--dump-dom", report),
            "pdf": subprocess.Popen(["sh", "-ec", documented_blocks()[1]], cwd=cls.tmp, env=env, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True),
        }
        cls.outputs = {what: finish(process, what) for what, process in runs.items()}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_the_page_s_text_in_the_browser(self):
        dom = Document(self.outputs["dom"])
        text = dom.text()
        self.assertIn("Báo cáo kết quả đánh giá, phân hạng sản phẩm OCOP Hà Nội 2021", text)
        self.assertIn("Kết quả theo hạng sao, theo huyện", text)
        self.assertIn("Sản phẩm tiềm năng 5 sao đề nghị lên cấp trung ương", text)
        self.assertEqual(cell_texts(dom.find("table"))[-1], ["Tổng", "331", "25", "21", "119", "37", "8", "541"])

    def test_one_bar_per_district_in_the_browser_s_svg(self):
        dom = Document(self.outputs["dom"])
        districts = [row["key"] for row in self.reports["registrations"]["table"]]
        self.assertEqual(len(districts), 26)  # appendix 01 of 220/KH-UBND
        bars = list(dom.find("svg", id="chart-district").iter("g", class_="bar"))
        self.assertEqual([b.attrs["data-label"] for b in bars], districts)
        industries = list(dom.find("svg", id="chart-industry").iter("g", class_="bar"))
        self.assertEqual(len(industries), len(self.reports["results"]["by_industry"]["table"]))

    def test_the_charts_are_drawn(self):
        width, height, pixels = png_colours((self.tmp / "report.png").read_bytes())
        self.assertEqual((width, height), (int(WINDOW[0] * SCALE), int(WINDOW[1] * SCALE)))
        white = sum(n for colour, n in pixels.items() if min(colour) >= 250)
        self.assertGreater(1 - white / (width * height), 0.03, "the page is (almost) blank")
        for name, wanted in COLOURS.items():
            drawn = sum(n for colour, n in pixels.items() if near(colour, wanted))
            self.assertGreater(drawn, 100, f"no {name} bars in the screenshot")

    def test_a_blank_sheet_prints_on_a4(self):
        pdf = (self.tmp / "phieu-I.2.b.pdf").read_bytes()
        self.assertTrue(pdf.startswith(b"%PDF-"))
        boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
        pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
        self.assertGreaterEqual(pages, 2)  # a whole sheet does not fit one page
        self.assertEqual(len(boxes), pages)
        for w, h in boxes:  # A4: 210 x 297 mm = 595.3 x 841.9 points
            self.assertAlmostEqual(float(w), 595.3, delta=1.5)
            self.assertAlmostEqual(float(h), 841.9, delta=1.5)
        self.assertRegex(pdf, rb"/FontFile2?|/FontFile3")  # text was drawn: fonts are embedded
        self.assertGreater(len(pdf), 20000)


if __name__ == "__main__":
    if not CHROMIUM:
        print("SKIPPED: chromium is not installed (Debian: apt-get install chromium; CI installs it from .ci/packages)")
        sys.exit(SKIPPED)
    unittest.main()
