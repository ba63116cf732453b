"""What the user chose for one export: language, currency and rate, units, plan scale, logo, price factor, audience."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

SCALES = ("fit", "100", "200")
AUDIENCES = ("customer", "internal")
PAPERS = ("auto", "A4", "A3")
UNITS = ("si", "imperial")


@dataclass
class ReportOptions:
    lang: str = "en"
    currency: str | None = None  # None: the design's currency
    rate: float | None = None  # units of `currency` per USD; None: catalog.fx_rates
    units: str = "si"
    scale: str = "fit"  # plan scale: "fit", "100" (1:100) or "200" (1:200)
    logo_path: str | None = None  # None: the design's site.logo_path
    price_factor: float = 1.0  # margin applied to BOM prices (1.15 = +15 %)
    date: dt.date = field(default_factory=dt.date.today)
    validity_days: int = 90  # how long BOM prices are quoted as valid
    # "customer" (default): selling prices only; "internal": cost, price factor and margin as well.
    audience: str = "customer"
    # Paper of the floor plans: "A4", "A3", or "auto" (A3 for a hall that would not fit A4 at 1:200 or better).
    plan_paper: str = "auto"
    # Options compared in the design report: None = the base and every scenario (at most six); [] = none.
    scenarios: list[str] | None = None
    # The design file's folder: a relative underlay path is found from here (None: the working directory).
    design_dir: str | None = None

    def problems(self) -> list[str]:
        """Messages for options that cannot be used, each naming the option."""
        out = []
        from workbench.text.language import available_languages

        langs = available_languages()
        if self.lang not in langs:
            out.append(f"language {self.lang!r} is not available (choose from {', '.join(sorted(langs))})")
        if self.units not in UNITS:
            out.append(f"units must be one of {', '.join(UNITS)}, not {self.units!r}")
        if str(self.scale) not in SCALES:
            out.append(f"scale must be one of {', '.join(SCALES)}, not {self.scale!r}")
        if self.currency is not None and not (len(self.currency) == 3 and self.currency.isalpha()):
            out.append(f"currency must be a three-letter ISO code such as USD or CNY, not {self.currency!r}")
        if self.rate is not None and not (self.rate > 0 and self.rate < 1e7):
            out.append(f"exchange rate must be a positive number, not {self.rate!r}")
        if self.currency is not None and self.rate is not None and self.currency.upper() == "USD" \
                and abs(self.rate - 1.0) > 1e-12:
            out.append(f"the rate of USD is 1 by definition (rates are units of the currency per USD), "
                       f"not {self.rate:g}")
        if self.plan_paper not in PAPERS:
            out.append(f"plan paper must be one of {', '.join(PAPERS)}, not {self.plan_paper!r}")
        if self.audience not in AUDIENCES:
            out.append(f"audience must be one of {', '.join(AUDIENCES)}, not {self.audience!r}")
        if not (0 < self.price_factor < 100):
            out.append(f"price factor must be a positive number such as 1.15, not {self.price_factor!r}")
        if self.logo_path and not Path(self.logo_path).is_file():
            out.append(f"logo file not found: {self.logo_path}")
        return out
