"""The Grafana dashboard of the compose `metrics` profile: valid provisioning, and every
query asks for a metric, and labels, that the worker exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from prometheus_client import REGISTRY

import worker.stream.metrics  # noqa: F401 - registers the worker's metrics

ROOT = Path(__file__).resolve().parents[2]
GRAFANA = ROOT / "deploy/grafana"
DASHBOARD = GRAFANA / "dashboards/article-worker.json"
_METRIC = re.compile(r"\b((?:worker|process)_[a-z_]+)\b")
_BY = re.compile(r"\bby \(([^)]*)\)")
_SERIES_SUFFIXES = {"counter": ("_total",), "histogram": ("_bucket", "_sum", "_count")}
_SCRAPE_LABELS = {"instance", "job", "le"}  # added by Prometheus or the histogram itself


def exported() -> set[str]:
    """Series names the worker's registry exports (labelled metrics too, before any sample)."""
    return {
        family.name + suffix
        for family in REGISTRY.collect()
        for suffix in _SERIES_SUFFIXES.get(family.type, ("",))
    }


def query_parts(expr: str) -> list[tuple[str, set[str]]]:
    """Each metric a query reads, with the labels it groups by (scrape labels left out)."""
    grouped = {label.strip() for group in _BY.findall(expr) for label in group.split(",")}
    return [(name, grouped - _SCRAPE_LABELS) for name in _METRIC.findall(expr)]


def dashboard_queries() -> list[str]:
    panels = json.loads(DASHBOARD.read_text())["panels"]
    return [target["expr"] for panel in panels for target in panel["targets"]]


def test_every_dashboard_query_reads_metrics_the_worker_exports() -> None:
    # The labels are checked against a running worker's /metrics in the integration tests.
    series = exported()
    queries = dashboard_queries()
    assert len(queries) >= 9
    for expr in queries:
        parts = query_parts(expr)
        assert parts, expr
        for name, _ in parts:
            assert name in series, f"{name} (in {expr!r}) is not exported by the worker"


def test_provisioning_points_grafana_at_prometheus_and_the_dashboard_folder() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    grafana = compose["grafana"]
    assert grafana["profiles"] == ["metrics"]
    mounts = dict(volume.rsplit(":", 1)[0].split(":", 1) for volume in grafana["volumes"])
    for host in mounts:
        assert (ROOT / host).is_dir(), host
    (source,) = yaml.safe_load((GRAFANA / "provisioning/datasources/prometheus.yml").read_text())[
        "datasources"
    ]
    assert source["type"] == "prometheus"
    assert source["url"].endswith(":9090") and "prometheus" in compose
    (provider,) = yaml.safe_load(
        (GRAFANA / "provisioning/dashboards/article-worker.yml").read_text()
    )["providers"]
    assert mounts["./deploy/grafana/dashboards"] == provider["options"]["path"]
    panels = json.loads(DASHBOARD.read_text())["panels"]
    uids = {panel["datasource"]["uid"] for panel in panels}
    assert uids == {source["uid"]}
