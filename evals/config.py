"""The eval harness's two config files: the price table and the thresholds (`evals/config/*.yaml`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, ValidationError

CONFIG_DIR = Path(__file__).resolve().parent / "config"
DEFAULT_PRICING = CONFIG_DIR / "pricing.yaml"
DEFAULT_THRESHOLDS = CONFIG_DIR / "thresholds.yaml"


class ConfigError(ValueError):
    """A config file is missing or malformed; the message names the file and the problem."""


class Price(BaseModel):
    input: float = Field(ge=0)
    output: float = Field(ge=0)


class Pricing(BaseModel):
    currency: str = "KRW"
    per_tokens: int = Field(default=1000, gt=0)
    models: dict[str, Price] = Field(default_factory=dict)
    default: Price | None = None

    def cost(self, model: str | None, input_tokens: int, output_tokens: int) -> float:
        """Estimated cost of one call in `currency` (0 without tokens)."""
        if not input_tokens and not output_tokens:
            return 0.0
        price = self.models.get(model or "") or self.default
        if price is None:
            return 0.0
        return round((input_tokens * price.input + output_tokens * price.output) / self.per_tokens, 6)


class Thresholds(BaseModel):
    metrics: dict[str, float] = Field(default_factory=dict)
    by_tag: dict[str, dict[str, float]] = Field(default_factory=dict)
    max_error_rate: float | None = None
    max_regressions: int | None = None


def _load_yaml(path: Path) -> Any:
    if not path.is_file():
        raise ConfigError(f"config file not found: {path}")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc})") from None


def load_pricing(path: Path = DEFAULT_PRICING) -> Pricing:
    try:
        return Pricing.model_validate(_load_yaml(path))
    except ValidationError as exc:
        raise ConfigError(f"{path}: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}") from None


def load_thresholds(path: Path = DEFAULT_THRESHOLDS) -> Thresholds:
    try:
        return Thresholds.model_validate(_load_yaml(path))
    except ValidationError as exc:
        raise ConfigError(f"{path}: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}") from None


def check_thresholds(summary: dict[str, Any], thresholds: Thresholds, regressions: int | None = None) -> list[str]:
    """Every missed threshold as a readable line; empty = all met. A metric the run could not compute
    (null: no case applies) counts as missed, so a gate never passes on nothing."""
    missed: list[str] = []

    def _check(scope: str, values: dict[str, Any], minimums: dict[str, float]) -> None:
        for key, minimum in minimums.items():
            value = values.get(key)
            if value is None:
                missed.append(f"{scope}{key}: not measured (no case applies), minimum {minimum:.2f}")
            elif value < minimum:
                missed.append(f"{scope}{key} = {value:.3f} < {minimum:.2f}")

    _check("", summary.get("metrics", {}), thresholds.metrics)
    for tag, minimums in thresholds.by_tag.items():
        _check(f"[{tag}] ", summary.get("by_tag", {}).get(tag, {}), minimums)
    if thresholds.max_error_rate is not None:
        cases = summary.get("metrics", {}).get("cases") or 0
        errors = summary.get("metrics", {}).get("errors") or 0
        rate = errors / cases if cases else 0.0
        if rate > thresholds.max_error_rate:
            missed.append(f"error rate = {rate:.3f} ({errors}/{cases}) > {thresholds.max_error_rate:.2f}")
    if thresholds.max_regressions is not None and regressions is not None and regressions > thresholds.max_regressions:
        missed.append(f"regressions = {regressions} > {thresholds.max_regressions}")
    return missed
