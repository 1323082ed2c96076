"""A bar timeline drawn on the server (CSS bars, no script): events per month, or per year
when the span is long."""
from dataclasses import dataclass

MAX_MONTH_BARS = 48


@dataclass(frozen=True)
class Bar:
    label: str
    n: int
    killed: int
    height: int  # percent of the tallest bar

    @property
    def step(self) -> int:
        """The height to the nearest 5 percent: a CSS class (.h0 ... .h100), so that no
        inline style is needed (the Content-Security-Policy allows none)."""
        return 5 * round(self.height / 5)


def bars(months: list[dict]) -> list[Bar]:
    """Contiguous bars (empty periods included) from `EventQuerySet.timeline()` rows."""
    if not months:
        return []
    first, last = months[0]["month"], months[-1]["month"]
    span = (last.year - first.year) * 12 + last.month - first.month + 1
    by_year = span > MAX_MONTH_BARS
    counts: dict[tuple, list[int]] = {}
    for row in months:
        key = (row["month"].year,) if by_year else (row["month"].year, row["month"].month)
        total = counts.setdefault(key, [0, 0])
        total[0] += row["n"]
        total[1] += row["killed"] or 0
    if by_year:
        keys = [(y,) for y in range(first.year, last.year + 1)]
    else:
        keys = [((first.month - 1 + i) // 12 + first.year, (first.month - 1 + i) % 12 + 1)
                for i in range(span)]
    top = max(n for n, _ in counts.values()) or 1
    out = []
    for key in keys:
        n, killed = counts.get(key, [0, 0])
        label = f"{key[0]}" if by_year else f"{key[0]}-{key[1]:02d}"
        out.append(Bar(label=label, n=n, killed=killed, height=round(100 * n / top)))
    return out
