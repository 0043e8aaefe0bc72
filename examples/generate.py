"""Generates the example weather/crop-yield data sets (deterministic). Run: /usr/bin/python3 examples/generate.py

train.csv: a season of observations the model was trained on.
current.csv: what the model sees now: a hotter, drier season with a new station, so the drift report has
something real to find.
"""
import numpy as np
import pandas as pd
from pathlib import Path

STATIONS = [f"ST-{i:03d}" for i in range(1, 13)]
CROPS = ["wheat", "barley", "maize", "canola", "soy"]


def make(rows: int, seed: int, start: str, heat: float, dryness: float, stations: list) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    observed = pd.Timestamp(start) + pd.to_timedelta(np.sort(rng.uniform(0, 90 * 24 * 3600, rows)), unit="s")
    month = observed.month
    season = np.where(np.isin(month, [12, 1, 2]), "winter",
             np.where(np.isin(month, [3, 4, 5]), "spring", np.where(np.isin(month, [6, 7, 8]), "summer", "autumn")))
    temperature = rng.normal(17 + heat, 6, rows).round(1)
    humidity = np.clip(rng.normal(62 - 8 * dryness, 14, rows), 5, 100).round(1)
    pressure = rng.normal(1013, 7, rows).round(1)
    wind = np.abs(rng.gamma(2.0, 2.1, rows)).round(2)
    precipitation = (rng.exponential(2.5 * (1 - 0.5 * dryness), rows) * (rng.random(rows) < 0.35)).round(1)
    soil = np.clip(rng.beta(4, 3 + 3 * dryness, rows), 0, 1).round(3)
    ndvi = np.clip(rng.normal(0.62 - 0.1 * dryness, 0.12, rows), -0.1, 0.95).round(3)
    crop = rng.choice(CROPS, rows, p=[0.35, 0.2, 0.2, 0.15, 0.1])
    irrigated = rng.random(rows) < (0.3 + 0.2 * dryness)
    yield_t = np.clip(3.2 + 2.5 * ndvi + 0.8 * soil - 0.05 * np.abs(temperature - 18) + rng.normal(0, 0.4, rows), 0.2, None).round(2)
    frame = pd.DataFrame({
        "record_id": np.arange(1, rows + 1) + seed * 1_000_000,
        "station_id": rng.choice(stations, rows),
        "observed_at": observed.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "season": season,
        "crop": crop,
        "irrigated": np.where(irrigated, "true", "false"),
        "temperature_c": temperature,
        "humidity_pct": humidity,
        "pressure_hpa": pressure,
        "wind_speed_ms": wind,
        "precipitation_mm": precipitation,
        "soil_moisture": soil,
        "ndvi": ndvi,
        "yield_t_ha": yield_t,
    })
    # Sensors drop out now and then: about 1% of humidity readings are missing.
    frame.loc[rng.random(rows) < 0.01, "humidity_pct"] = np.nan
    return frame


here = Path(__file__).parent / "data"
make(5000, 1, "2026-03-01", heat=0.0, dryness=0.0, stations=STATIONS).to_csv(here / "train.csv", index=False)
make(3000, 2, "2026-08-15", heat=4.5, dryness=0.8, stations=STATIONS[1:] + ["ST-013"]).to_csv(here / "current.csv", index=False)
