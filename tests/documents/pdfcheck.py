"""Reading rendered PDFs back in tests: text (normalised), fonts, images, pages."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from pypdf import PdfReader


def normalise(text: str) -> str:
    """NFC, no-break spaces as spaces, every whitespace run as one space."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\xa0", " ").replace("\u202f", " ")
    return " ".join(text.split())


def eur_hr(minor: int) -> str:
    """How hr_HR prints euros (``1.234,56 €``), written out independently of babel."""
    sign = "-" if minor < 0 else ""
    whole, cents = divmod(abs(minor), 100)
    return f"{sign}{whole:,}".replace(",", ".") + f",{cents:02d} €"


@dataclass(frozen=True)
class FontInfo:
    base_font: str
    subtype: str
    embedded: bool


@dataclass
class Pdf:
    """A rendered document and what a reader sees in it."""

    data: bytes

    def __post_init__(self) -> None:
        assert self.data.startswith(b"%PDF-"), "not a PDF"
        self.reader = PdfReader(BytesIO(self.data))

    @property
    def page_count(self) -> int:
        return len(self.reader.pages)

    def page_text(self, index: int) -> str:
        return normalise(self.reader.pages[index].extract_text())

    @property
    def text(self) -> str:
        return " ".join(self.page_text(i) for i in range(self.page_count))

    def drawn_lines(self, index: int = 0) -> list[str]:
        """Page ``index``'s text lines in the order the glyphs are drawn, left to right.

        pypdf's default extraction turns right-to-left runs back into logical order; its
        layout mode keeps what the page shows, which is what right-to-left tests check.
        """
        text = self.reader.pages[index].extract_text(extraction_mode="layout")
        return [line for line in (normalise(raw) for raw in text.splitlines()) if line]

    @property
    def drawn_text(self) -> str:
        return " ".join(" ".join(self.drawn_lines(i)) for i in range(self.page_count))

    def fonts(self) -> list[FontInfo]:
        found: dict[str, FontInfo] = {}
        for page in self.reader.pages:
            resources: Any = page["/Resources"]
            for ref in resources.get("/Font", {}).values():
                font = ref.get_object()
                descriptor = font.get("/FontDescriptor")
                embedded = descriptor is not None and any(
                    key in descriptor.get_object() for key in ("/FontFile", "/FontFile2",
                                                               "/FontFile3")
                )
                name = str(font["/BaseFont"])
                found[name] = FontInfo(name, str(font["/Subtype"]), embedded)
        return list(found.values())

    def image_count(self, index: int = 0) -> int:
        resources: Any = self.reader.pages[index]["/Resources"]
        objects = resources.get("/XObject", {})
        return sum(1 for ref in objects.values() if ref.get_object()["/Subtype"] == "/Image")
