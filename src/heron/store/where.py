"""Where an event happened, as a filter: its country (ISO3), a radius around a point, or a
bounding box. Only located events match a radius or a box (they need coordinates); a
country matches the event's location country, whatever the level (city, admin1, country).

Distances are great-circle (haversine, mean Earth radius 6371.0088 km). A box is
``WEST,SOUTH,EAST,NORTH`` in degrees (GeoJSON order); WEST > EAST crosses the 180th meridian.
"""
from __future__ import annotations

from dataclasses import dataclass

from heron.errors import UsageError

EARTH_KM = 6371.0088


@dataclass(frozen=True)
class Area:
    country: str | None = None  # ISO3
    near: tuple[float, float, float] | None = None  # lat, lon, km
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north

    def __bool__(self) -> bool:
        return bool(self.country or self.near or self.bbox)


def _numbers(text: str, count: int, option: str, shape: str) -> list[float]:
    try:
        values = [float(v) for v in text.replace(" ", "").split(",")]
    except ValueError:
        values = []
    if len(values) != count:
        raise UsageError(f"{option} {text!r}: expected {shape}")
    return values


def _check_lat_lon(lat: float, lon: float, option: str) -> None:
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise UsageError(f"{option}: latitude must be in -90..90 and longitude in -180..180, got {lat:g},{lon:g}")


def parse_near(text: str | None) -> tuple[float, float, float] | None:
    """"LAT,LON,KM" -> (lat, lon, km)."""
    if text is None:
        return None
    lat, lon, km = _numbers(text, 3, "--near", "LAT,LON,KM (e.g. 50.45,30.52,100)")
    _check_lat_lon(lat, lon, "--near")
    if km <= 0:
        raise UsageError(f"--near: the radius must be more than 0 km, got {km:g}")
    return lat, lon, km


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """"WEST,SOUTH,EAST,NORTH" -> (west, south, east, north)."""
    if text is None:
        return None
    west, south, east, north = _numbers(text, 4, "--bbox", "WEST,SOUTH,EAST,NORTH in degrees (e.g. 22,44,40,53)")
    _check_lat_lon(south, west, "--bbox")
    _check_lat_lon(north, east, "--bbox")
    if south > north:
        raise UsageError(f"--bbox: SOUTH {south:g} is north of NORTH {north:g}")
    return west, south, east, north


def area_clauses(area: Area, lat: str = "lat", lon: str = "lon",
                 country: str = "location_country") -> tuple[list[str], list]:
    """SQL conditions (joined by AND) and their parameters for the columns named."""
    clauses: list[str] = []
    params: list = []
    if area.country:
        clauses.append(f"{country} = ?")
        params.append(area.country)
    if area.near:
        p_lat, p_lon, km = area.near
        clauses.append(
            f"2 * {EARTH_KM} * asin(sqrt(pow(sin(radians({lat} - ?) / 2), 2) + cos(radians(?)) * "
            f"cos(radians({lat})) * pow(sin(radians({lon} - ?) / 2), 2))) <= ?")
        params += [p_lat, p_lat, p_lon, km]
    if area.bbox:
        west, south, east, north = area.bbox
        across = "OR" if west > east else "AND"  # a box over the 180th meridian
        clauses.append(f"{lat} BETWEEN ? AND ? AND ({lon} >= ? {across} {lon} <= ?)")
        params += [south, north, west, east]
    return clauses, params
