#!/usr/bin/env python3
"""Regenerate src/heron/data/petrarch/ from PETRARCH2's dictionaries (MIT) in ../shared/knowledge.

Reads the upstream files as documented in their dictionaries.rst (TABARI/PETRARCH formats) and
writes a compact, plain form heron ships: actors with dated roles, agents, discards, the verb
synonym blocks and their patterns with each CAMEO code's PLOVER type and mode (from the
CAMEO-to-PLOVER table of the PLOVER manual, ../shared/eval/plover-gsr/CAMEO2PLOVER-2021.txt,
CC BY-SA 4.0). Every row names its upstream line; upstream lines that cannot be used as written
are listed in problems.csv with the reason, never dropped silently. The output is deterministic:
running the script again gives byte-identical files (tests/test_import_petrarch.py checks this).
The formats are described in src/heron/data/petrarch/README.md.

    .venv/bin/python scripts/import_petrarch.py [--upstream DIR] [--table FILE] [--out DIR]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from heron.knowledge.petrarch import ACTOR_FILES, AGENT_FILE, DISCARD_FILE, VERB_FILE, sector_trigrams, split_code

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
UPSTREAM = SHARED / "knowledge" / "petrarch2"
TABLE = SHARED / "eval" / "plover-gsr" / "CAMEO2PLOVER-2021.txt"
OUT = ROOT / "src" / "heron" / "data" / "petrarch"

ORGANISATION_PREFIXES = {"IGO": "igo", "NGO": "ngo", "MNC": "mnc"}
BRACKETS = re.compile(r"\[([^\]]*)\]")
CODE = re.compile(r"^(?:\d{2,4}|---)?$")


class Problems(list):
    """Upstream lines that could not be used as written: (file, line, problem, text)."""

    def add(self, file: str, line: int, problem: str, text: str) -> None:
        self.append((file, line, problem, text.strip()))


def content_lines(path: Path) -> list[tuple[int, str, str]]:
    """(line number, text before '#', comment after '#') of every line that is not blank or a
    whole-line comment; leading tabs and spaces are kept (actor date lines start with a tab)."""
    out = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        body, _, comment = raw.rstrip("\r").partition("#")
        if body.strip():
            out.append((number, body.rstrip(), comment.strip()))
    return out


def phrase(text: str) -> str:
    """An upstream phrase with its underscores read as spaces (PETRARCH2 does the same)."""
    return " ".join(text.replace("_", " ").split())


# --- dates and actor codes ------------------------------------------------------------------

def read_date(text: str) -> tuple[str, str | None]:
    """ISO date of a PETRARCH date (YYMMDD, 00-30 read as 20YY, else 19YY; or YYYYMMDD), and a
    note when the digits are not 6 or 8 (read as PETRARCH2 reads them: up to 7 digits as YYMMDD,
    more as YYYYMMDD, extra digits ignored). ValueError when no valid date can be read."""
    digits = text.strip()
    if not digits.isdigit():
        raise ValueError(f"date {text!r} is not a number")
    if len(digits) > 7:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    elif len(digits) >= 6:
        year = int(digits[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(digits[2:4]), int(digits[4:6])
    else:
        raise ValueError(f"date {text!r} has fewer than 6 digits")
    iso = date(year, month, day).isoformat()
    note = None if len(digits) in (6, 8) else f"date {digits!r} has {len(digits)} digits; read as {iso}"
    return iso, note


def read_restriction(text: str) -> tuple[str, str, str, list[str]]:
    """(code, start, end, notes) of one bracketed code: "ARMGOV", "ARMGOV 900804-980203",
    "ARMGOV >080409" (from that day on), "USRARM <900823" (until that day); bounds inclusive."""
    code, _, dates = text.strip().partition(" ")
    dates = "".join(dates.split())
    start = end = ""
    notes: list[str] = []
    if dates.startswith(">"):
        start, note = read_date(dates[1:])
        notes.append(note)
    elif dates.startswith("<"):
        end, note = read_date(dates[1:])
        notes.append(note)
    elif dates:
        first, dash, last = dates.partition("-")
        if not dash:
            raise ValueError(f"date range {dates!r} has no '-'")
        (start, one), (end, two) = read_date(first), read_date(last)
        notes += [one, two]
    return code, start, end, [n for n in notes if n]


# --- actors ---------------------------------------------------------------------------------

@dataclass
class RoleRecord:
    line: int
    code: str
    start: str
    end: str


@dataclass
class ActorRecord:
    line: int
    name: str
    comment: str
    variants: list[str] = field(default_factory=list)
    roles: list[RoleRecord] = field(default_factory=list)


def add_roles(actor: ActorRecord, text: str, where: tuple[str, int], problems: Problems) -> None:
    """The bracketed codes of one line, in order, as roles of the actor."""
    for inner in BRACKETS.findall(text):
        try:
            code, start, end, notes = read_restriction(inner)
        except ValueError as exc:
            problems.add(*where, f"role left out: {exc}", f"[{inner}]")
            continue
        for note in notes:
            problems.add(*where, note, f"[{inner}]")
        if not code:
            problems.add(*where, "role left out: no code", f"[{inner}]")
            continue
        actor.roles.append(RoleRecord(where[1], code, start, end))


def read_actors(path: Path, problems: Problems) -> list[ActorRecord]:
    """Records of a .actors file: a primary phrase, '+' variants and tab-indented date lines;
    codes may also follow the primary phrase on its own line."""
    actors: list[ActorRecord] = []
    for number, body, comment in content_lines(path):
        where = (path.name, number)
        if body[0] in "\t " and body.strip().startswith("["):
            if not actors:
                problems.add(*where, "role before any actor", body)
                continue
            add_roles(actors[-1], body, where, problems)
        elif body[0] in "\t ":
            problems.add(*where, "indented line is neither a code nor a variant", body)
        elif body.startswith("+"):
            if not actors:
                problems.add(*where, "variant before any actor", body)
            elif "\ufffd" in body:
                problems.add(*where, "variant left out: garbled character in the upstream file", body)
            else:
                actors[-1].variants.append(phrase(BRACKETS.sub(" ", body[1:])))
        else:
            actors.append(ActorRecord(number, phrase(body.split("[", 1)[0]), comment))
            add_roles(actors[-1], body[len(body.split("[", 1)[0]):], where, problems)
    for actor in actors:
        if not actor.roles:
            problems.add(path.name, actor.line, "actor has no code (PETRARCH2 codes nothing for it)", actor.name)
    return actors


def actor_kind(key: str, actor: ActorRecord, sectors: frozenset[str]) -> str:
    """country | person | national (Countries file); person | igo | ngo | mnc | other (International);
    armed_group (MilNonState). People are the Countries file's leader lists (marked
    "CountryInfo.txt" upstream) and dated entries of the International file."""
    dated = any(role.start or role.end for role in actor.roles)
    if key == "milnonstate":
        return "armed_group"
    if key == "international":
        if dated:
            return "person"
        first = actor.roles[0].code[:3] if actor.roles else ""
        return ORGANISATION_PREFIXES.get(first, "other")
    if "countryinfo" in actor.comment.lower():
        return "person"
    for role in actor.roles:
        country, agents = split_code(role.code, sectors)
        if country and not set(agents) & sectors:
            return "country"
    return "national"


def actor_rows(key: str, actors: list[ActorRecord], sectors: frozenset[str]) -> tuple[list[list], list[list]]:
    """Rows of actors.csv and actor_roles.csv for one upstream file."""
    rows, roles = [], []
    for actor in actors:
        variants = [v for v in dict.fromkeys(actor.variants) if v and v != actor.name]
        rows.append([key, actor.line, actor_kind(key, actor, sectors), actor.name, "|".join(variants)])
        roles += [[key, role.line, actor.line, role.code, role.start, role.end] for role in actor.roles]
    return rows, roles


# --- agents and discards --------------------------------------------------------------------

def regular_plural(word: str) -> str:
    """A regular plural as dictionaries.rst gives it for agents and synsets: Y -> IES, S -> +ES, else +S."""
    if word.endswith("Y"):
        return word[:-1] + "IES"
    if word.endswith("S"):
        return word + "ES"
    return word + "S"


def read_agents(path: Path, problems: Problems) -> list[list]:
    """Rows (line, phrase, plural, code, placement): !MARKER! substitutions expanded, plurals
    generated as upstream documents; placement "suffix" for ~GOV (added after the actor code),
    "prefix" for NGO~ (before it)."""
    markers: dict[str, list[str]] = {}
    rows: list[list] = []
    for number, body, _ in content_lines(path):
        marker = re.match(r"^\s*!(\w+)!\s*=(.*)$", body)
        if marker:
            markers[marker.group(1)] = [w.strip() for w in marker.group(2).split(",") if w.strip()]
            continue
        found = re.match(r"^(.*?)\s*(\{[^}]*\})?\s*\[([^\]]*)\]\s*$", body)
        if not found:
            problems.add(path.name, number, "agent left out: no [code]", body)
            continue
        words, plural, code = found.group(1).strip(), found.group(2), found.group(3).strip()
        placement = "suffix" if code.startswith("~") else "prefix" if code.endswith("~") else ""
        if not placement or not code.strip("~"):
            problems.add(path.name, number, "agent left out: the code needs a '~' and letters", body)
            continue
        used = re.search(r"!(\w+)!", words)
        if used and used.group(1) not in markers:
            problems.add(path.name, number, f"agent left out: undefined marker !{used.group(1)}!", body)
            continue
        for form in ([words.replace(used.group(0), s) for s in markers[used.group(1)]] if used else [words]):
            given = plural[1:-1].strip() if plural is not None else None
            plural_form = "" if used else phrase(given) if given is not None else phrase(regular_plural(form))
            rows.append([number, phrase(form), plural_form, code.strip("~"), placement])
    return rows


def read_discards(path: Path) -> list[list]:
    """Rows (line, phrase, scope, whole_word): '+' marks a story-level discard, a final '_' a
    phrase that must end at a word boundary (otherwise it is matched as a stem)."""
    rows = []
    for number, body, _ in content_lines(path):
        text = body.strip()
        scope = "story" if text.startswith("+") else "sentence"
        text = text.lstrip("+").strip()
        whole = text.endswith("_")
        rows.append([number, phrase(text), scope, "1" if whole else ""])
    return rows


# --- the CAMEO-to-PLOVER table --------------------------------------------------------------

def read_plover_table(path: Path) -> dict[str, tuple[str, str, str, int]]:
    """CAMEO code -> (PLOVER type, mode, context, table line). Root headers ("03: AGREE") give a
    type alone; a root listed under two types (08: CONCEDE and RETREAT) maps to neither."""
    table: dict[str, tuple[str, str, str, int]] = {}
    ambiguous: set[str] = set()
    for number, body, _ in content_lines(path):
        found = re.match(r"^\s*(\d{2,4})\s*:\s*(.*)$", body)
        if not found or body.startswith("~"):
            continue
        code, fields = found.group(1), [f.strip() for f in found.group(2).split(",")]
        fields += [""] * (3 - len(fields))
        entry = (fields[0], " ".join(fields[1].split()), " ".join(fields[2].split()), number)
        if code in table and table[code][0] != entry[0]:
            ambiguous.add(code)
        table.setdefault(code, entry)
    for code in ambiguous:
        del table[code]
    return table


def plover_for(code: str, table: dict[str, tuple[str, str, str, int]]) -> tuple[str, str, str, str, int | str]:
    """(type, mode, context, table code, table line) of a CAMEO code: its own row, else the
    nearest parent code's (0214 -> 021 -> 02); empty when none is listed."""
    for length in range(len(code), 1, -1):
        entry = table.get(code[:length])
        if entry:
            return entry[0], entry[1], entry[2], code[:length], entry[3]
    return "", "", "", "", ""


# --- the verb dictionary --------------------------------------------------------------------

@dataclass
class VerbDictionary:
    synsets: list[list] = field(default_factory=list)  # line, synset, phrase, plural
    verbs: list[list] = field(default_factory=list)  # line, block, verb, before, particles, forms, cameo, passive
    patterns: list[dict] = field(default_factory=list)
    transformations: list[list] = field(default_factory=list)  # line, pattern, result


def read_code(text: str) -> tuple[str, str]:
    """(active, passive) of a pattern code: "070", "042:043" (043 when the verb is passive),
    ":173" (passive only); ValueError for anything else."""
    active, _, passive = text.partition(":")
    if not CODE.match(active) or not CODE.match(passive) or not (active or passive):
        raise ValueError(f"code [{text}] is not a CAMEO code")
    return active, passive


def read_synset(dictionary: VerbDictionary, name: str, number: int, body: str) -> None:
    """One '+' member of a synset; plurals as upstream generates them (none when the synset's or
    the member's name ends with '_')."""
    word = body.strip()[1:].strip()
    plural = "" if name.endswith("_") or word.endswith("_") else regular_plural(word.rstrip("_").upper())
    dictionary.synsets.append([number, name, phrase(word).lower(), phrase(plural).lower()])


def read_verb(dictionary: VerbDictionary, block: tuple[str, str], number: int, body: str,
              problems: Problems) -> None:
    """One verb of a synonym block: "HURRY {HURRIES ...}", "+CORDON_OFF {...}" (particle after
    the verb), "WIRE_+TAP" (words before it), with an optional own [code]."""
    head, forms = body, ""
    code = block[1]
    found = BRACKETS.search(head)
    if found:
        code, head = found.group(1).strip(), head[:found.start()] + head[found.end():]
    if "{" in head:
        head, _, rest = head.partition("{")
        forms = " ".join(rest.split("}")[0].split())
    words = head.split()[0].split("_") if head.split() else []
    marked = [i for i, w in enumerate(words) if w.startswith("+")] or ([0] if len(words) == 1 else [])
    if len(marked) != 1:
        problems.add(VERB_FILE, number, "verb left out: a multi-word verb needs one '+'", body)
        return
    i = marked[0]
    before, verb, after = words[:i], words[i].lstrip("+"), words[i + 1:]
    try:
        active, passive = read_code(code)
    except ValueError as exc:
        problems.add(VERB_FILE, number, f"verb left out: {exc}", body)
        return
    forms = "|".join(phrase(f.replace("+", "")).lower() for f in forms.split())
    dictionary.verbs.append([number, block[0], verb.lower(), " ".join(before).lower(),
                             " ".join(after).lower(), forms, active, passive])


def read_word(token: str) -> str:
    """A pattern word: lower-cased; synset references (&NAME) and the markers + (target),
    $ (source), ^ (any noun phrase) and % kept; "A/B" stays as alternatives."""
    return token if token.startswith("&") else token.lower()


def read_side(tokens: list[str]) -> tuple[list[list[str]], list[dict]]:
    """Noun phrases and prepositional phrases of one side of a pattern. A noun phrase is a list
    of words whose last is its head ({FINANCIAL AID} -> ["financial", "aid"]); a prepositional
    phrase is {"prep": word, "nouns": [noun phrases]}. ValueError on unbalanced brackets."""
    nouns: list[list[str]] = []
    preps: list[dict] = []
    target, phrase_words = nouns, None
    for token in tokens:
        if token == "(":
            if target is not nouns or phrase_words is not None:
                raise ValueError("'(' inside another phrase")
            preps.append({"prep": None, "nouns": []})
            target = preps[-1]["nouns"]
        elif token == ")":
            if target is nouns or phrase_words is not None or preps[-1]["prep"] is None:
                raise ValueError("')' without an open preposition")
            target = nouns
        elif token == "{":
            if phrase_words is not None:
                raise ValueError("'{' inside a noun phrase")
            phrase_words = []
        elif token == "}":
            if not phrase_words:
                raise ValueError("'}' without an open noun phrase")
            target.append(phrase_words)
            phrase_words = None
        elif phrase_words is not None:
            phrase_words.append(read_word(token))
        elif target is not nouns and preps[-1]["prep"] is None:
            preps[-1]["prep"] = token.lower()
        else:
            target.append([read_word(token)])
    if target is not nouns or phrase_words is not None:
        raise ValueError("unclosed '(' or '{'")
    return nouns, preps


def read_pattern(body: str, comment: str, block: str, number: int) -> dict:
    """One pattern line "- PRE * POST [CODE]" as a record (empty parts left out); ValueError
    when it cannot be read."""
    found = re.match(r"^-(.*)\[([^\]]*)\]\s*$", body)
    if not found:
        raise ValueError("no [code] at the end")
    active, passive = read_code(found.group(2).strip())
    # underscores join words (read as spaces) except in synset names, where they belong to the name
    text = " ".join(t if t.startswith("&") else t.replace("_", " ") for t in found.group(1).split())
    if text.count("*") != 1:
        raise ValueError("a pattern needs exactly one '*' for the verb")
    pre, post = (re.findall(r"[{}()]|[^\s{}()]+", side) for side in text.split("*"))
    record: dict = {"line": number, "block": block}
    for (nouns_key, preps_key), tokens in ((("subject", "subject_preps"), pre), (("objects", "preps"), post)):
        nouns, preps = read_side(tokens)
        record.update({k: v for k, v in ((nouns_key, nouns), (preps_key, preps)) if v})
    record.update({k: v for k, v in (("cameo", active), ("passive", passive), ("note", comment)) if v})
    return record


def unknown_synsets(record: dict, known: set[str]) -> list[str]:
    words = [w for np in record.get("subject", []) + record.get("objects", []) for w in np]
    words += [w for pp in record.get("subject_preps", []) + record.get("preps", []) for np in pp["nouns"] for w in np]
    return sorted({w for w in words if w.startswith("&") and w not in known})


def read_verbs(path: Path, problems: Problems) -> VerbDictionary:
    """Synsets (before the VERB PATTERNS line), then blocks "--- NAME [code] ---" of verbs and
    '-' patterns, and '~' transformations. Patterns naming an undefined synset are left out, as
    PETRARCH2 ignores them."""
    dictionary = VerbDictionary()
    in_synsets, synset, block = True, "", ("", "---")
    for number, body, comment in content_lines(path):
        if body.startswith("&") and in_synsets:
            synset = body.strip()
        elif body.startswith("+") and in_synsets:
            read_synset(dictionary, synset, number, body)
        elif body.startswith("---"):
            in_synsets = False
            found = re.match(r"^---\s*(\S+)\s*\[([^\]]*)\]", body)
            block = (found.group(1), found.group(2).strip()) if found else (body.strip("- "), "---")
        elif body.startswith("~"):
            result, _, pattern = body[1:].partition("=")[::-1]
            dictionary.transformations.append([number, " ".join(pattern.split()), " ".join(result.split())])
        elif body.startswith("-"):
            try:
                record = read_pattern(body, comment, block[0], number)
            except ValueError as exc:
                problems.add(path.name, number, f"pattern left out: {exc}", body)
                continue
            dictionary.patterns.append(record)
        elif not in_synsets:
            read_verb(dictionary, block, number, body, problems)
        else:
            problems.add(path.name, number, "line outside any synset or block", body)
    known = {row[1] for row in dictionary.synsets}
    kept = []
    for record in dictionary.patterns:
        missing = unknown_synsets(record, known)
        if missing:
            problems.add(path.name, record["line"], f"pattern left out: undefined synset {', '.join(missing)}", "")
        else:
            kept.append(record)
    dictionary.patterns = kept
    return dictionary


# --- writing --------------------------------------------------------------------------------

def write_csv(path: Path, header: list[str], rows: list[list]) -> int:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return len(rows)


def write_jsonl(path: Path, records: list[dict]) -> int:
    with path.open("w", encoding="utf-8", newline="") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    return len(records)


def cameo_rows(dictionary: VerbDictionary, table: dict) -> list[list]:
    """One row per CAMEO code the verb dictionary uses, with its PLOVER type, mode and context."""
    codes = {row[6] for row in dictionary.verbs} | {row[7] for row in dictionary.verbs}
    codes |= {r.get(k, "") for r in dictionary.patterns for k in ("cameo", "passive")}
    return [[code, *plover_for(code, table)] for code in sorted(codes - {"", "---"})]


def build(upstream: Path, table_path: Path, out: Path) -> dict[str, int]:
    """Read the upstream files, write every derived file into `out`; returns rows per file."""
    problems = Problems()
    agents = read_agents(upstream / AGENT_FILE, problems)
    sectors = sector_trigrams(row[3] for row in agents if row[4] == "suffix")
    actors, roles = [], []
    for key, name in ACTOR_FILES.items():
        rows, role_rows = actor_rows(key, read_actors(upstream / name, problems), sectors)
        actors += rows
        roles += role_rows
    verbs = read_verbs(upstream / VERB_FILE, problems)
    out.mkdir(parents=True, exist_ok=True)
    counts = {
        "actors.csv": write_csv(out / "actors.csv", ["file", "line", "kind", "name", "variants"], actors),
        "actor_roles.csv": write_csv(out / "actor_roles.csv", ["file", "line", "actor_line", "code", "start",
                                                               "end"], roles),
        "agents.csv": write_csv(out / "agents.csv", ["line", "phrase", "plural", "code", "placement"], agents),
        "discards.csv": write_csv(out / "discards.csv", ["line", "phrase", "scope", "whole_word"],
                                  read_discards(upstream / DISCARD_FILE)),
        "synsets.csv": write_csv(out / "synsets.csv", ["line", "synset", "phrase", "plural"], verbs.synsets),
        "verbs.csv": write_csv(out / "verbs.csv", ["line", "block", "verb", "before", "particles", "forms",
                                                   "cameo", "passive"], verbs.verbs),
        "verb_patterns.jsonl": write_jsonl(out / "verb_patterns.jsonl", verbs.patterns),
        "verb_transformations.csv": write_csv(out / "verb_transformations.csv", ["line", "pattern", "result"],
                                              verbs.transformations),
        "cameo_plover.csv": write_csv(out / "cameo_plover.csv", ["cameo", "plover", "mode", "context",
                                                                 "table_code", "table_line"],
                                      cameo_rows(verbs, read_plover_table(table_path))),
    }
    counts["problems.csv"] = write_csv(out / "problems.csv", ["file", "line", "problem", "text"], problems)
    write_license(out, upstream)
    write_manifest(out, upstream, table_path, counts)
    return counts


def write_license(out: Path, upstream: Path) -> None:
    """The repository's MIT notice unchanged, then the copyright lines the upstream files carry."""
    notices = []
    for name in (VERB_FILE, *ACTOR_FILES.values(), AGENT_FILE, DISCARD_FILE):
        for line in (upstream / name).read_text(encoding="utf-8").splitlines():
            found = re.match(r"^#\s*(Copyright \(c\).*?)\s*$", line)
            if found:
                notices.append(f"{found.group(1)} ({name})")
    text = (upstream / "LICENSE").read_text(encoding="utf-8").rstrip("\n") + "\n"
    if notices:
        text += "\nThe dictionary files carry these notices, under the same terms:\n" + "\n".join(notices) + "\n"
    (out / "LICENSE").write_text(text, encoding="utf-8")


def write_manifest(out: Path, upstream: Path, table_path: Path, counts: dict[str, int]) -> None:
    """manifest.json: the upstream files read (with their SHA-256) and the rows written."""
    sources = [upstream / name for name in (*ACTOR_FILES.values(), AGENT_FILE, DISCARD_FILE, VERB_FILE, "LICENSE")]
    manifest = {
        "upstream": "openeventdata/petrarch2 commit 676801cd9cb2924bbbad09f86d15c9323e7097bf, "
                    "petrarch2/data/dictionaries/ (MIT)",
        "table": "CAMEO2PLOVER-2021.txt, PLOVER manual draft 0.8 (Open Event Data Alliance, CC BY-SA 4.0)",
        "sources": {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in [*sources, table_path]},
        "rows": counts,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", type=Path, default=UPSTREAM, help="PETRARCH2 dictionaries folder")
    parser.add_argument("--table", type=Path, default=TABLE, help="CAMEO-to-PLOVER table")
    parser.add_argument("--out", type=Path, default=OUT, help="where the derived files are written")
    args = parser.parse_args(argv)
    needed = [args.upstream / n for n in (*ACTOR_FILES.values(), AGENT_FILE, DISCARD_FILE, VERB_FILE, "LICENSE")]
    missing = [str(p) for p in [*needed, args.table] if not p.is_file()]
    if missing:
        print(f"import_petrarch: missing upstream file(s): {', '.join(missing)}", file=sys.stderr)
        return 2
    counts = build(args.upstream, args.table, args.out)
    for name, rows in counts.items():
        print(f"{name}: {rows} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
