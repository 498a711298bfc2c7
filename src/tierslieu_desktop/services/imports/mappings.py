"""The column mapping a user chose, remembered per importer and source (issue 18): the
import wizard saves it once the user confirms it, and the wizard and the CLI start from
it the next time a file of that source is imported (when its columns are still in the
file), else from the importer's suggestion.

Kept in the settings file (``config.save_setting``) under ``import_mappings``, keyed
"<kind>:<source>" ("members:helloasso").
"""

from __future__ import annotations

from collections.abc import Mapping

from tierslieu_desktop import config
from tierslieu_desktop.services.imports.base import Importer

SETTING = "import_mappings"


def _key(kind: str, source: str) -> str:
    return f"{kind}:{source}"


def _all() -> dict[str, object]:
    saved = config.load_settings().get(SETTING)
    return dict(saved) if isinstance(saved, dict) else {}


def saved_mapping(kind: str, source: str) -> dict[str, str | None] | None:
    """The mapping saved for this importer and source, None when there is none."""
    value = _all().get(_key(kind, source))
    if not isinstance(value, dict):
        return None
    return {str(k): (v if isinstance(v, str) and v else None) for k, v in value.items()}


def save_mapping(kind: str, source: str, mapping: Mapping[str, str | None]) -> None:
    """Remember ``mapping`` (field key -> column header) for this importer and source."""
    saved = _all()
    saved[_key(kind, source)] = {k: v for k, v in mapping.items()}
    config.save_setting(SETTING, saved)


def forget_mapping(kind: str, source: str) -> None:
    saved = _all()
    if saved.pop(_key(kind, source), None) is not None:
        config.save_setting(SETTING, saved)


def mapping_for(importer: Importer, headers: tuple[str, ...], source: str) -> dict[str, str | None]:
    """The saved mapping of this source when every column it names is in ``headers``
    (fields it does not know are suggested), else the importer's suggestion."""
    suggested = importer.suggest_mapping(headers, source)
    saved = saved_mapping(importer.kind, source)
    if saved is None or any(v is not None and v not in headers for v in saved.values()):
        return suggested
    known = {f.key for f in importer.fields}
    out = dict(suggested)
    used = {v for v in saved.values() if v}
    for key in out:
        if key in saved:
            out[key] = saved[key]
        elif out[key] in used:
            out[key] = None
    return {k: v for k, v in out.items() if k in known}
