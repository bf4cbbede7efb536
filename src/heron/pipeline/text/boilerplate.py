"""Boilerplate rules (the language's boilerplate/*.yaml plus user files) and the scan that applies them.

A line is removed only when a rule says it is boilerplate; every removed piece is recorded
with the rule's reason and id. The format of a rule file is described in
``data/lang/en/boilerplate/web.yaml``.
"""
from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from heron.errors import DataFileError
from heron.pipeline.text.language import Language, language_for
from heron.types import Removed

SCOPES = ("line", "prefix", "list", "rest")
ACTIONS = ("remove", "credit")
_TERMINAL = tuple('.!?;…"”»)')


@dataclass(frozen=True)
class Rule:
    id: str
    reason: str
    pattern: re.Pattern[str]
    max_words: int = 25
    scope: str = "line"
    action: str = "remove"

    def match(self, text: str) -> re.Match[str] | None:
        if len(text.split()) > self.max_words:
            return None
        return self.pattern.match(text)


@dataclass
class Line:
    block: int  # index of the blank-line-separated block the line came from
    text: str


@dataclass
class Scan:
    kept: list[Line] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    publication: str | None = None  # from the first source line found
    publication_rule: str | None = None
    site: str | None = None  # the site that printed this copy, from a copyright line
    date: str | None = None  # a date as written on a "Posted on ..." line


def _rule(entry: object, where: str) -> Rule:
    if not isinstance(entry, dict) or not {"id", "reason", "pattern"} <= entry.keys():
        raise DataFileError(where, "each rule needs id, reason and pattern")
    scope, action = entry.get("scope", "line"), entry.get("action", "remove")
    if scope not in SCOPES or action not in ACTIONS:
        raise DataFileError(where, f"rule {entry['id']!r}: scope must be one of {SCOPES}, action one of {ACTIONS}")
    flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
    try:
        pattern = re.compile(str(entry["pattern"]), flags)
    except re.error as exc:
        raise DataFileError(where, f"rule {entry['id']!r}: bad pattern: {exc}") from exc
    return Rule(str(entry["id"]), str(entry["reason"]), pattern, int(entry.get("max_words", 25)), scope, action)


def _read(text: str, where: str) -> list[Rule]:
    import yaml

    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise DataFileError(where, f"not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise DataFileError(where, "expected a mapping with a 'rules' list")
    return [_rule(entry, where) for entry in data["rules"]]


def load_rules(extra: tuple[Path, ...] = (), language: Language | None = None) -> tuple[Rule, ...]:
    """User rules first (they may pre-empt shipped ones), then the language's files in name order."""
    rules: list[Rule] = []
    for path in extra:
        try:
            rules += _read(Path(path).read_text(encoding="utf-8"), str(path))
        except OSError as exc:
            raise DataFileError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    language = language or language_for("en")
    folder = language.path("boilerplate")  # a language may ship no boilerplate rules
    for entry in sorted(folder.iterdir() if folder.is_dir() else (), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            rules += _read(entry.read_text(encoding="utf-8"), language.where(f"boilerplate/{entry.name}"))
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise DataFileError(rule.id, "boilerplate rule id defined twice")
        seen.add(rule.id)
    return tuple(rules)


def _first_match(text: str, rules: tuple[Rule, ...]) -> tuple[Rule, re.Match[str]] | None:
    for rule in rules:
        if rule.action == "remove" and (found := rule.match(text)):
            return rule, found
    return None


def headline_like(text: str) -> bool:
    """A short line that reads like a link title: the items of a related-articles list."""
    return len(text.split()) <= 20 and not text.endswith(".") and not text[:1].islower()


def scan(lines: list[Line], rules: tuple[Rule, ...]) -> Scan:
    """Split ``lines`` into kept lines and removed pieces."""
    result = Scan()
    total = sum(len(line.text.split()) for line in lines)
    before = 0  # words kept so far: a comment section only starts in the second half
    queue = deque(lines)
    while queue:
        line = queue.popleft()
        hit = _first_match(line.text, rules)
        if hit is None or (hit[0].scope == "rest" and before * 2 < total):
            result.kept.append(line)
            before += len(line.text.split())
            continue
        rule, found = hit
        piece = line.text[:found.end()].strip() if rule.scope == "prefix" else line.text
        result.removed.append(Removed(piece, rule.reason, rule.id))
        groups = found.groupdict()
        if result.publication is None and groups.get("publication"):
            result.publication, result.publication_rule = groups["publication"], rule.id
        result.site = result.site or groups.get("site")
        result.date = result.date or groups.get("date")
        if rule.scope == "prefix" and (rest := line.text[found.end():].strip()):
            queue.appendleft(Line(line.block, rest))
        elif rule.scope == "list":
            while queue and headline_like(queue[0].text) and _first_match(queue[0].text, rules) is None:
                result.removed.append(Removed(queue.popleft().text, rule.reason, f"{rule.id} (list item)"))
        elif rule.scope == "rest":
            result.removed += [Removed(rest.text, rule.reason, f"{rule.id} (what follows)") for rest in queue]
            queue.clear()
    return result


def credit(lines: list[Line], rules: tuple[Rule, ...], first: int = 3) -> tuple[str, str] | None:
    """(outlet, rule id) from a credit rule (a wire dateline) in the first ``first`` lines."""
    for line in lines[:first]:
        for rule in rules:
            if rule.action == "credit" and (found := rule.match(line.text)) and found.groupdict().get("publication"):
                return found.group("publication"), rule.id
    return None


def ends_sentence(text: str) -> bool:
    return text.endswith(_TERMINAL) or text.endswith(":")
