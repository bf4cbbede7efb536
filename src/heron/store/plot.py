"""The dyad plot: events between two actors per period, stacked by quad class, with the mean
Goldstein score on a second axis (matplotlib, Agg backend: no display needed).

Several dyads get one panel each, over one shared time axis. The Goldstein line is drawn only
between periods that have events: an empty period breaks it (a mean of nothing is no zero),
so no line ever crosses a gap; a period standing alone shows as a dot.
"""
from __future__ import annotations

import os
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from heron.errors import HeronError, UsageError
from heron.store import periods
from heron.store.dyads import DyadSeries

# quad class -> (label, colour): cooperation in greens/blues, conflict in oranges/reds
QUADS = {
    1: ("verbal cooperation", "#8cc084"),
    2: ("material cooperation", "#2e7d32"),
    3: ("verbal conflict", "#f5a623"),
    4: ("material conflict", "#c62828"),
}
GOLDSTEIN_COLOUR = "#1a237e"


def _start(series: DyadSeries, index: int) -> date:
    """The first day of the series' period number ``index`` (periods run from ``since``)."""
    start = periods.period_start(date.fromisoformat(series.since), series.by)
    for _ in range(index):
        start = periods.next_start(start, series.by)
    return start


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


def _panel(ax, series: DyadSeries, legend: bool) -> None:
    import matplotlib.dates as mdates

    starts = [_start(series, 0)]
    for _ in series.periods[1:]:
        starts.append(periods.next_start(starts[-1], series.by))
    widths = [(periods.next_start(s, series.by) - s).days * 0.8 for s in starts]
    lefts = [datetime.combine(s, datetime.min.time()) for s in starts]
    bottom = [0] * len(starts)
    for quad, (label, colour) in QUADS.items():
        counts = [p[f"quad_{quad}"] for p in series.periods]
        ax.bar(lefts, counts, width=widths, bottom=bottom, align="edge", color=colour,
               label=f"{quad} {label}", linewidth=0)
        bottom = [b + c for b, c in zip(bottom, counts)]
    ax.set_ylabel("events")
    ax.set_ylim(0, max(bottom + [1]) * 1.15 + 0.5)
    ax.yaxis.get_major_locator().set_params(integer=True)
    gold = ax.twinx()
    centres = [left + timedelta(days=w / 2) for left, w in zip(lefts, widths)]
    # None (a period with no events) becomes NaN, which breaks the line there
    values = [float("nan") if p["goldstein"] is None else p["goldstein"] for p in series.periods]
    gold.plot(centres, values, color=GOLDSTEIN_COLOUR, marker="o", markersize=3.5, linewidth=1.5,
              label="mean Goldstein")
    gold.axhline(0, color=GOLDSTEIN_COLOUR, linewidth=0.6, linestyle=":")
    gold.set_ylim(-10.5, 10.5)
    gold.set_ylabel("mean Goldstein")
    locator = mdates.AutoDateLocator(minticks=3, maxticks=12)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    pad = timedelta(days=widths[0] / 0.8 if widths else 1)
    ax.set_xlim(lefts[0] - pad / 2, lefts[-1] + pad * 1.5)
    total = sum(p["total"] for p in series.periods)
    ax.set_title(f"{series.actor} {'<->' if series.both_directions else '->'} {series.recipient}: "
                 f"{total} event{'' if total == 1 else 's'}, {_subtitle(series)}", fontsize=10, loc="left")
    ax.grid(axis="y", alpha=0.3)
    if legend:
        handles, labels = ax.get_legend_handles_labels()
        line, line_label = gold.get_legend_handles_labels()
        ax.figure.legend(handles + line, labels + line_label, loc="lower center", ncol=5, fontsize=8, frameon=False)


def plot_dyads(series: list[DyadSeries], out: str | Path) -> Path:
    """Write one panel per series to ``out`` (format from the suffix, e.g. .png, .svg)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    shown = [s for s in series if s.periods and any(p["total"] for p in s.periods)]
    if not shown:
        names = ", ".join(f"{s.actor}-{s.recipient}" for s in series)
        raise HeronError(f"no dated {names} events in the store: nothing to plot")
    out = Path(out)
    fig, axes = plt.subplots(len(series), 1, figsize=(11, 1.2 + 3.4 * len(series)), dpi=110, sharex=True,
                             squeeze=False)
    for i, (ax, one) in enumerate(zip(axes[:, 0], series)):
        _panel(ax, one, legend=i == 0)
    fig.tight_layout(rect=(0, 0.05 if len(series) > 1 else 0.07, 1, 1))
    out.parent.mkdir(parents=True, exist_ok=True)
    # drawn beside the target and renamed into place: a failed draw leaves no half-written file
    fd, temp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=out.suffix)
    os.close(fd)
    try:
        fig.savefig(temp, format=out.suffix.lower().lstrip(".") or None)
        os.replace(temp, out)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise HeronError(f"--plot {out}: cannot write the plot ({exc.strerror or exc}); "
                         f"{'the earlier file is unchanged' if out.exists() else 'nothing was written'}") from exc
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    finally:
        plt.close(fig)
    return out


def plot_dyad(series: DyadSeries, out: str | Path) -> Path:
    """One dyad's plot (see :func:`plot_dyads`)."""
    return plot_dyads([series], out)
