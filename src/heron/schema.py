"""The JSON Schema of the article record (shipped as data/article.schema.json)."""
from __future__ import annotations

import json
from importlib.resources import files
from typing import Any


def article_schema() -> dict[str, Any]:
    return json.loads(files("heron").joinpath("data/article.schema.json").read_text(encoding="utf-8"))


def validate_record(record: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when ``record`` breaks the contract."""
    import jsonschema

    jsonschema.validate(record, article_schema())
