"""Configuration: ``.factcheck.yaml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

The first folder, from the working folder upward, that holds ``.factcheck.yaml`` (or ``.factcheck.yml``)
or a ``pyproject.toml`` with a ``[tool.factcheck]`` table supplies the configuration; in one folder the
YAML file wins. Keys mirror the flags of ``factcheck check`` (``fail_on`` or ``fail-on``); a flag given
on the command line replaces the key's value. Paths (``rules``, ``baseline``) are relative to the
configuration file's folder. An unknown key or a wrong type is one error line, ``file:line: ...``, with
"did you mean" for a mistyped key; so is a file that is too large (over 1 MiB) or nested too deeply to be
a configuration. Values are quoted shortened (``reprlib``), so a hostile file cannot make a message huge.
"""

from __future__ import annotations

import difflib
import os
import re
import reprlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

YAML_NAMES = (".factcheck.yaml", ".factcheck.yml")
FORMATS = ("text", "json", "sarif", "github", "junit", "html", "gitlab")
LOCALES = ("auto", "en", "de", "fr", "tr", "ro")
FAIL_ON = ("fail", "warn", "never")
LIST_KEYS = ("rules", "select", "ignore", "include", "exclude")
KEYS = ("format", "rules", "select", "ignore", "strict", "fail_on", "locale", "include", "exclude", "baseline",
        "jobs", "as_of", "show_pass")


MAX_CONFIG_BYTES = 1024 * 1024


class ConfigError(Exception):
    """A configuration file that cannot be used: ``file:line: what is wrong`` in one line."""


@dataclass
class Config:
    """The settings of one configuration file (``values`` holds only the keys it sets)."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # the line of each key, for messages

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def where(self, key: str) -> str:
        """``file:line`` of ``key`` (for a message about its value)."""
        return f"{self.path}:{self.lines.get(key, 1)}"


_SHORT = reprlib.Repr()
_SHORT.maxstring, _SHORT.maxother, _SHORT.maxlevel = 60, 60, 2
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxdict = _SHORT.maxset = 4


def show(value: Any) -> str:
    """A value quoted for a message, shortened (deep, long or self-repeating values stay one short line)."""
    return _SHORT.repr(value)


def did_you_mean(name: str, choices: Any) -> str:
    """`` (did you mean 'x'?)`` when a choice is close to ``name`` (difflib), else ``""``."""
    folded: dict[str, str] = {}
    for c in sorted(set(choices)):  # "percent-change" sorts before "percent_change": the rule id wins
        folded.setdefault(c.lower().replace("_", "-"), c)
    key = str(name).lower().replace("_", "-")
    if key in folded and folded[key] != name:
        return f" (did you mean {folded[key]!r}?)"
    close = difflib.get_close_matches(key, list(folded), n=1, cutoff=0.6)
    return f" (did you mean {folded[close[0]]!r}?)" if close else ""


def find_config(start: Path | None = None) -> Path | None:
    """The configuration file that applies in ``start`` (default: the working folder), or None."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in YAML_NAMES:
            if os.path.lexists(folder / name):  # a FIFO or a folder of that name is an error, not nothing
                return folder / name
        py = folder / "pyproject.toml"
        if py.is_file() and _has_tool_table(py):
            return py
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = _read_text(path)
    except ConfigError:
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*factcheck\s*\]", text, re.M) is not None


def load_config(path: Path) -> Config:
    """Read and validate one configuration file; raise ConfigError naming file and line."""
    text = _read_text(path)
    if path.suffix == ".toml":
        raw, lines = _load_toml(path, text)
    else:
        raw, lines = _load_yaml(path, text)
    values: dict[str, Any] = {}
    for key, value in raw.items():
        name = str(key).replace("-", "_")
        where = f"{path}:{lines.get(str(key), 1)}"
        if name not in KEYS:
            hint = did_you_mean(name, KEYS)
            raise ConfigError(f"{where}: unknown key {show(key)}{hint or ' (known: ' + ', '.join(KEYS) + ')'}")
        values[name] = _check(name, value, where, path.parent)
    return Config(path=path, values=values,
                  lines={str(k).replace("-", "_"): n for k, n in lines.items()})


def discover(explicit: str | None = None, disabled: bool = False, start: Path | None = None) -> Config:
    """The configuration in force: ``explicit`` (--config), none (--no-config), or the one found upward."""
    if disabled:
        return Config()
    if explicit:
        p = Path(explicit)
        if not os.path.lexists(p):
            raise ConfigError(f"{explicit}: no such configuration file")
        return load_config(p)
    found = find_config(start)
    return load_config(found) if found else Config()


# ---------------------------------------------------------------------------------------------- reading
# Bounded whatever the file holds: a regular file of at most MAX_CONFIG bytes (never a FIFO or a device),
# YAML composed within MAX_NODES values and MAX_DEPTH levels (aliases counted expanded; yamlload.py), TOML
# nested no deeper than Python's stack allows. Each failure is one line, ``file:line: ...``.

MAX_CONFIG = 1024 * 1024
MAX_NODES = 10_000
MAX_DEPTH = 32


def _read_text(path: Path) -> str:
    from .document import InputError, read_regular

    try:
        data = read_regular(str(path), MAX_CONFIG, "configuration file", flag=False)
        return data.decode("utf-8-sig")
    except InputError as e:
        raise ConfigError(str(e)) from None
    except UnicodeDecodeError as e:
        raise ConfigError(f"{path}: cannot read configuration (not valid UTF-8 at byte {e.start})") from None


def _load_yaml(path: Path, text: str) -> tuple[dict, dict[str, int]]:
    import yaml  # only when there is a configuration file to read

    from .yamlload import YamlLimitError, load

    try:
        data, node = load(text, MAX_NODES, MAX_DEPTH)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        kind = "" if isinstance(e, YamlLimitError) else "invalid YAML: "
        raise ConfigError(f"{where}: {kind}{problem}") from None
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
    except RecursionError:  # tomllib recurses once per level of nested arrays and tables
        raise ConfigError(f"{path}: TOML nested too deeply to be a configuration") from None
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
            raise ConfigError(f"{where}: {name} must be true or false, not {show(value)}")
        return value
    if name == "jobs":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(f"{where}: jobs must be a whole number (0 = one per core), not {show(value)}")
        return value
    if name == "as_of":
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise ConfigError(f"{where}: as_of must be a date (YYYY-MM-DD), not {show(value)}") from None
    if name == "baseline":
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{where}: baseline must be a file name, not {show(value)}")
        return str(base / value) if not Path(value).is_absolute() else value
    choices = {"format": FORMATS, "locale": LOCALES, "fail_on": FAIL_ON}[name]
    if not isinstance(value, str) or value not in choices:
        hint = did_you_mean(value, choices) if isinstance(value, str) else ""
        raise ConfigError(f"{where}: {name} must be one of {', '.join(choices)}, not {show(value)}{hint}")
    return value


def _str_list(name: str, value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [x.strip() for x in value.split(",") if x.strip()]
    if isinstance(value, list) and all(isinstance(x, str) for x in value):
        return list(value)
    raise ConfigError(f"{where}: {name} must be a list of strings, not {show(value)}")
