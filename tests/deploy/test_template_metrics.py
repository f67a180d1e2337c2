"""infra/template.yaml's product metrics, feedback retention and encryption against what the code writes:
the dashboard's JSON renders and names every EMF metric `api/metrics/emf.py` emits, the no-match alarm
reads the right namespace, metrics and dimension, and the Lambda gets the names and the retention. The
template as a whole is linted by tests/deploy/test_artifacts.py (cfn-lint, offline)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from api.metrics import emf

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "infra" / "template.yaml"
EMITTED = {"Answers", *emf.OUTCOME_METRICS.values(), "Latency", "ToolCalls", "UpstreamErrors", "FeedbackUp",
           "FeedbackDown"}


@pytest.fixture(scope="module")
def template() -> dict:
    from cfnlint.decode import cfn_yaml

    return cfn_yaml.load(str(TEMPLATE))


def _sub(text: str, values: dict[str, object]) -> str:
    """`Fn::Sub` of `text` with `values` (any `${Name}` left unresolved is a failure)."""
    rendered = re.sub(r"\$\{([A-Za-z0-9:.]+)\}", lambda m: str(values[m.group(1)]), text)
    assert "${" not in rendered
    return rendered


def test_the_dashboard_renders_and_shows_every_emitted_metric(template: dict) -> None:
    dashboard = template["Resources"]["ProductDashboard"]
    body, variables = dashboard["Properties"]["DashboardBody"]["Fn::Sub"]
    default = template["Parameters"]["NoMatchRateAlarmPercent"]["Default"]
    rendered = json.loads(_sub(body, {"AWS::Region": "ap-southeast-2", "NoMatchRateAlarmPercent": default,
                                      **variables}))
    metrics = [row for widget in rendered["widgets"] for row in widget["properties"]["metrics"]]
    names = {row[1] for row in metrics if isinstance(row[0], str) and row[0] == "coursebot"}
    names |= {row[1] for row in metrics if row[0] == "."}
    searched = {m for row in metrics if isinstance(row[0], dict) for m in re.findall(r'MetricName="(\w+)"',
                                                                                      row[0]["expression"])}
    assert names | searched == EMITTED
    assert variables["Service"] == emf.SERVICE
    assert dashboard["Condition"] == "WithServices"


def test_the_no_match_alarm_reads_the_emitted_metrics(template: dict) -> None:
    alarm = template["Resources"]["NoMatchRateAlarm"]["Properties"]
    stats = {m["Id"]: m["MetricStat"] for m in alarm["Metrics"] if "MetricStat" in m}
    for metric_id, name in (("nomatch", "NoMatch"), ("answers", "Answers")):
        metric = stats[metric_id]["Metric"]
        assert (metric["Namespace"], metric["MetricName"]) == (emf.NAMESPACE, name)
        assert metric["Dimensions"] == [{"Name": "service", "Value": emf.SERVICE}]  # all modes together
        assert stats[metric_id]["Stat"] == "Sum"
    (rate,) = [m for m in alarm["Metrics"] if m.get("ReturnData")]
    assert "nomatch / answers" in rate["Expression"]["Fn::Sub"]
    assert alarm["Threshold"] == {"Ref": "NoMatchRateAlarmPercent"}
    assert alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}] and alarm["TreatMissingData"] == "notBreaching"


def test_the_lambda_writes_metrics_under_the_names_the_template_reads(template: dict,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # The code's defaults are the names (the deploy workflow replaces the Lambda's environment).
    env = template["Resources"]["BackendFunction"]["Properties"]["Environment"]["Variables"]
    assert not {"POWERTOOLS_METRICS_NAMESPACE", "POWERTOOLS_SERVICE_NAME"} & set(env)
    monkeypatch.delenv("POWERTOOLS_METRICS_NAMESPACE", raising=False)
    monkeypatch.delenv("POWERTOOLS_SERVICE_NAME", raising=False)
    metrics = emf._metrics()
    assert (metrics.namespace, metrics.service) == ("coursebot", "coursebot-api")
    # EMF lines are log lines: the role needs no CloudWatch API grant for them.
    role = template["Resources"]["BackendRole"]["Properties"]
    assert "cloudwatch:" not in json.dumps(role)


def test_feedback_is_kept_180_days_by_default_and_encrypted(template: dict) -> None:
    parameter = template["Parameters"]["FeedbackRetentionDays"]
    assert parameter["Default"] == 180 and parameter["MinValue"] >= 1
    env = template["Resources"]["BackendFunction"]["Properties"]["Environment"]["Variables"]
    assert env["FEEDBACK_RETENTION_DAYS"] == {"Ref": "FeedbackRetentionDays"}
    table = template["Resources"]["FeedbackTable"]["Properties"]
    assert table["SSESpecification"] == {"SSEEnabled": True, "SSEType": "KMS"}
    assert table["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}
