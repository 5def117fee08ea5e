"""Configuration: ``.factcheck.yaml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

The first folder, from the working folder upward, that holds ``.factcheck.yaml`` (or ``.factcheck.yml``)
or a ``pyproject.toml`` with a ``[tool.factcheck]`` table supplies the configuration; in one folder the
YAML file wins. Keys mirror the flags of ``factcheck check`` (``fail_on`` or ``fail-on``); a flag given
on the command line replaces the key's value. Paths (``rules``, ``baseline``) are relative to the
configuration file's folder. An unknown key or a wrong type is one error line, ``file:line: ...``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

YAML_NAMES = (".factcheck.yaml", ".factcheck.yml")
FORMATS = ("text", "json", "sarif", "github", "junit", "html")
LOCALES = ("auto", "en", "de", "fr", "tr", "ro")
FAIL_ON = ("fail", "warn", "never")
LIST_KEYS = ("rules", "select", "ignore", "include", "exclude")
KEYS = ("format", "rules", "select", "ignore", "strict", "fail_on", "locale", "include", "exclude", "baseline",
        "jobs", "as_of", "show_pass")


class ConfigError(Exception):
    """A configuration file that cannot be used: ``file:line: what is wrong`` in one line."""


@dataclass
class Config:
    """The settings of one configuration file (``values`` holds only the keys it sets)."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def find_config(start: Path | None = None) -> Path | None:
    """The configuration file that applies in ``start`` (default: the working folder), or None."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in YAML_NAMES:
            if (folder / name).is_file():
                return folder / name
        py = folder / "pyproject.toml"
        if py.is_file() and _has_tool_table(py):
            return py
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*factcheck\s*\]", text, re.M) is not None


def load_config(path: Path) -> Config:
    """Read and validate one configuration file; raise ConfigError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read configuration ({getattr(e, 'strerror', None) or e})") from None
    if path.suffix == ".toml":
        raw, lines = _load_toml(path, text)
    else:
        raw, lines = _load_yaml(path, text)
    values: dict[str, Any] = {}
    for key, value in raw.items():
        name = str(key).replace("-", "_")
        where = f"{path}:{lines.get(str(key), 1)}"
        if name not in KEYS:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(KEYS)})")
        values[name] = _check(name, value, where, path.parent)
    return Config(path=path, values=values)


def discover(explicit: str | None = None, disabled: bool = False, start: Path | None = None) -> Config:
    """The configuration in force: ``explicit`` (--config), none (--no-config), or the one found upward."""
    if disabled:
        return Config()
    if explicit:
        p = Path(explicit)
        if not p.is_file():
            raise ConfigError(f"{explicit}: no such configuration file")
        return load_config(p)
    found = find_config(start)
    return load_config(found) if found else Config()


def _load_yaml(path: Path, text: str) -> tuple[dict, dict[str, int]]:
    import yaml  # only when there is a configuration file to read

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ConfigError(f"{where}: invalid YAML: {problem}") from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise ConfigError(f"{path}:1: the configuration must be a mapping of keys (format:, rules:, ...)")
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return data, lines


def _load_toml(path: Path, text: str) -> tuple[dict, dict[str, int]]:
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        raise ConfigError(f"{path}:{m.group(1) if m else 1}: invalid TOML: {e}") from None
    table = data.get("tool", {}).get("factcheck", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}:1: [tool.factcheck] must be a table")
    return table, _toml_lines(text)


def _toml_lines(text: str) -> dict[str, int]:
    """Line numbers of the keys inside the ``[tool.factcheck]`` table (best effort, for messages)."""
    lines: dict[str, int] = {}
    inside = False
    for n, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if s.startswith("["):
            inside = re.match(r"\[\s*tool\s*\.\s*factcheck\s*\]", s) is not None
            continue
        m = re.match(r"""["']?([A-Za-z0-9_-]+)["']?\s*=""", s)
        if inside and m:
            lines.setdefault(m.group(1), n)
    return lines


def _check(name: str, value: Any, where: str, base: Path) -> Any:
    if name in LIST_KEYS:
        items = _str_list(name, value, where)
        return [str(base / p) if not Path(p).is_absolute() else p for p in items] if name == "rules" else items
    if name in ("strict", "show_pass"):
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: {name} must be true or false, not {value!r}")
        return value
    if name == "jobs":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(f"{where}: jobs must be a whole number (0 = one per core), not {value!r}")
        return value
    if name == "as_of":
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise ConfigError(f"{where}: as_of must be a date (YYYY-MM-DD), not {value!r}") from None
    if name == "baseline":
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{where}: baseline must be a file name, not {value!r}")
        return str(base / value) if not Path(value).is_absolute() else value
    choices = {"format": FORMATS, "locale": LOCALES, "fail_on": FAIL_ON}[name]
    if value not in choices:
        raise ConfigError(f"{where}: {name} must be one of {', '.join(choices)}, not {value!r}")
    return value


def _str_list(name: str, value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [x.strip() for x in value.split(",") if x.strip()]
    if isinstance(value, list) and all(isinstance(x, str) for x in value):
        return list(value)
    raise ConfigError(f"{where}: {name} must be a list of strings, not {value!r}")
