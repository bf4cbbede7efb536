"""The dyad plot: events between two actors per period, stacked by quad class, with the mean
Goldstein score on a second axis (matplotlib, Agg backend: no display needed)."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from heron.errors import HeronError, UsageError
from heron.store.query import DyadSeries

# quad class -> (label, colour): cooperation in greens/blues, conflict in oranges/reds
QUADS = {
    1: ("verbal cooperation", "#8cc084"),
    2: ("material cooperation", "#2e7d32"),
    3: ("verbal conflict", "#f5a623"),
    4: ("material conflict", "#c62828"),
}
_WIDTH_DAYS = {"day": 1, "week": 7, "month": 30}


def _start(period: str) -> datetime:
    # a datetime, not a date: date + timedelta drops the fraction of a day that centres a bar
    return datetime.fromisoformat(period if len(period) == 10 else period + "-01")


def _subtitle(series: DyadSeries) -> str:
    what = "unique events (copies of a story counted once)" if series.unique else "every event record"
    note = f"; {series.undated} undated event(s) not shown" if series.undated else ""
    return f"{what}, per {series.by}{note}"


def check_plot_path(out: Path) -> None:
    """A UsageError for a file type matplotlib cannot write, before any query runs."""
    from matplotlib.backend_bases import FigureCanvasBase

    formats = FigureCanvasBase.get_supported_filetypes()
    if out.suffix.lower().lstrip(".") not in formats:
        raise UsageError(f"--plot {out}: cannot draw a {out.suffix or 'suffix-less'} file; give a name "
                         f"ending in one of {', '.join('.' + f for f in sorted(formats))}")


def plot_dyad(series: DyadSeries, out: str | Path) -> Path:
    """Write the plot of ``series`` to ``out`` (format from the suffix, e.g. .png, .svg)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    if not series.periods:
        raise HeronError(f"no dated {series.actor}-{series.recipient} events in the store: nothing to plot")
    out = Path(out)
    starts = [_start(p["period"]) for p in series.periods]
    width = _WIDTH_DAYS[series.by] * 0.8  # in days, matplotlib's date unit
    centres = [s + timedelta(days=width / 2) for s in starts]
    fig, ax = plt.subplots(figsize=(10, 5.5), dpi=110)
    bottom = [0] * len(starts)
    for quad, (label, colour) in QUADS.items():
        counts = [p[f"quad_{quad}"] for p in series.periods]
        ax.bar(starts, counts, width=width, bottom=bottom, align="edge", color=colour,
               label=f"{quad} {label}", edgecolor="white", linewidth=0.5)
        bottom = [b + c for b, c in zip(bottom, counts)]
    ax.set_ylabel("events")
    ax.set_ylim(0, max(bottom) * 1.15 + 0.5)
    ax.yaxis.get_major_locator().set_params(integer=True)
    gold = ax.twinx()
    gold.plot(centres, [p["goldstein"] for p in series.periods], color="#1a237e", marker="o",
              linewidth=1.8, label="mean Goldstein")
    gold.axhline(0, color="#1a237e", linewidth=0.6, linestyle=":")
    gold.set_ylim(-10.5, 10.5)
    gold.set_ylabel("mean Goldstein score (-10 conflict .. +10 cooperation)")
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    pad = timedelta(days=_WIDTH_DAYS[series.by])
    ax.set_xlim(min(starts) - pad, max(starts) + pad * 2)
    arrow = "<->" if series.both_directions else "->"
    ax.set_title(f"{series.actor} {arrow} {series.recipient}: events by quad class\n{_subtitle(series)}", fontsize=11)
    handles = ax.get_legend_handles_labels()
    line = gold.get_legend_handles_labels()
    ax.legend(handles[0] + line[0], handles[1] + line[1], loc="upper center",
              bbox_to_anchor=(0.5, -0.1), ncol=5, fontsize=8, frameon=False)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)
    plt.close(fig)
    return out
