"""Deployment artifacts: the real linters (offline) and the deployment doc's names and settings."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
TEMPLATE = ROOT / "infra" / "template.yaml"
WORKFLOWS = ROOT / ".github" / "workflows"
DOC_ENV = {
    "ENVIRONMENT": "production",
    "LOG_LEVEL": "INFO",
    "ALLOWED_ORIGINS": "http://localhost:3000,http://localhost:3001,http://127.0.0.1:3000,http://3.27.26.7",
    "PINECONE_API_KEY_PARAM": "/chatbot/prod/PINECONE_API_KEY",
    "PINECONE_INDEX_NAME_PARAM": "/chatbot/prod/PINECONE_INDEX_NAME",
    "HYPERCLOVA_API_KEY_PARAM": "/chatbot/prod/HYPERCLOVA_API_KEY",
}
# design.md's feedback store on AWS: the template's table, set by the template and by the workflow.
FEEDBACK_ENV = {"FEEDBACK_STORE": "dynamodb://chatbot-feedback"}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=180)


# --- the linters ---------------------------------------------------------------------------------

def test_cfn_lint_passes() -> None:
    result = _run(str(BIN / "cfn-lint"), str(TEMPLATE))
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_match_github_schema() -> None:
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert files, "no workflow files"
    result = _run(str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_offline_finds_nothing() -> None:
    result = _run(str(BIN / "zizmor"), "--offline", "--format", "json", str(WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout or "[]") == []


def test_linters_catch_a_broken_template(tmp_path: Path) -> None:
    """The lint tests can fail: a Lambda with an impossible memory size is rejected."""
    broken = TEMPLATE.read_text(encoding="utf-8").replace("MemorySize: 1024", "MemorySize: 99999")
    (tmp_path / "t.yaml").write_text(broken, encoding="utf-8")
    assert _run(str(BIN / "cfn-lint"), str(tmp_path / "t.yaml")).returncode != 0


# --- the template against the deployment doc -------------------------------------------------------

@pytest.fixture(scope="module")
def template() -> dict:
    from cfnlint.decode import cfn_yaml

    return cfn_yaml.load(str(TEMPLATE))


def _resources(template: dict, kind: str) -> list[dict]:
    return [r for r in template["Resources"].values() if r["Type"] == kind]


def test_lambda_matches_doc(template: dict) -> None:
    (function,) = _resources(template, "AWS::Lambda::Function")
    props = function["Properties"]
    assert props["FunctionName"] == "chatbot-backend-lambda"
    assert props["PackageType"] == "Image"
    assert props["MemorySize"] == 1024
    # The request's deadline answers 504 JSON before API Gateway's 29 s; the Lambda stops just after it
    # (issue 15: a 300 s Lambda kept running and billing after API Gateway had given up).
    from agent.settings import Settings

    deadline = Settings(_env_file=None).request_deadline  # type: ignore[call-arg]
    assert deadline < 29 < props["Timeout"] <= 30
    env = props["Environment"]["Variables"]
    assert set(env) == set(DOC_ENV) | set(FEEDBACK_ENV) | {"FEEDBACK_RETENTION_DAYS"}  # the parameter's
    assert env["FEEDBACK_STORE"] == {"Fn::Sub": "dynamodb://${FeedbackTable}"}
    for name, value in DOC_ENV.items():
        if name == "ALLOWED_ORIGINS":
            assert env[name] == {"Ref": "AllowedOrigins"}
            assert template["Parameters"]["AllowedOrigins"]["Default"] == value
        else:
            assert env[name] == value


def test_ssm_read_is_limited_to_the_prod_path(template: dict) -> None:
    role = template["Resources"]["BackendRole"]["Properties"]
    statements = [s for p in role["Policies"] for s in p["PolicyDocument"]["Statement"]]
    ssm = [s for s in statements if any(str(a).startswith("ssm:") for a in s["Action"])]
    assert ssm and all("parameter/chatbot/prod/*" in json.dumps(s["Resource"]) for s in ssm)
    assert all("*" != s["Resource"] for s in ssm)


def test_feedback_table_is_on_demand_recoverable_and_expiring(template: dict) -> None:
    table = template["Resources"]["FeedbackTable"]
    props = table["Properties"]
    assert "dynamodb://" + props["TableName"] == FEEDBACK_ENV["FEEDBACK_STORE"]
    assert props["BillingMode"] == "PAY_PER_REQUEST"
    assert props["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert props["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}
    assert props["KeySchema"] == [{"AttributeName": "request_id", "KeyType": "HASH"}]
    # Students' feedback outlives a deleted stack or a replaced resource, and CreateServices=false.
    assert table["DeletionPolicy"] == table["UpdateReplacePolicy"] == "Retain"
    assert "Condition" not in table


def test_the_lambda_may_write_only_the_feedback_table(template: dict) -> None:
    role = template["Resources"]["BackendRole"]["Properties"]
    statements = [s for p in role["Policies"] for s in p["PolicyDocument"]["Statement"]]
    dynamodb = [s for s in statements if "dynamodb" in json.dumps(s["Action"])]
    assert dynamodb == [{"Effect": "Allow", "Action": "dynamodb:UpdateItem",
                         "Resource": {"Fn::GetAtt": ["FeedbackTable", "Arn"]}}]
    assert all("*" not in json.dumps(s["Action"]) for s in statements)


def test_names_of_repositories_ecs_and_api(template: dict) -> None:
    repos = {r["Properties"]["RepositoryName"] for r in _resources(template, "AWS::ECR::Repository")}
    assert repos == {"chatbot-backend", "chatbot-frontend"}
    assert all("LifecyclePolicy" in r["Properties"] for r in _resources(template, "AWS::ECR::Repository"))
    assert _resources(template, "AWS::ECS::Cluster")[0]["Properties"]["ClusterName"] == "chatbot-ec2-cluster"
    assert _resources(template, "AWS::ECS::Service")[0]["Properties"]["ServiceName"] == "frontend-service"
    task = _resources(template, "AWS::ECS::TaskDefinition")[0]["Properties"]
    assert task["Family"] == "frontend-task-definition"
    (container,) = task["ContainerDefinitions"]
    assert container["Name"] == "frontend-container"
    assert container["PortMappings"][0]["ContainerPort"] == 3000
    (stage,) = _resources(template, "AWS::ApiGateway::Stage")
    assert stage["Properties"]["StageName"] == "prod"
    settings = stage["Properties"]["MethodSettings"][0]
    assert "ThrottlingRateLimit" in settings and "ThrottlingBurstLimit" in settings
    paths = {r["Properties"]["PathPart"] for r in _resources(template, "AWS::ApiGateway::Resource")}
    assert paths == {"chat", "feedback", "health", "terms"}  # terms: GET /terms, the page's term picker
    methods = template["Resources"]
    assert methods["ChatPostMethod"]["Properties"]["HttpMethod"] == "POST"
    assert methods["ChatPostMethod"]["Properties"]["Integration"]["Type"] == "AWS_PROXY"
    assert methods["ChatOptionsMethod"]["Properties"]["Integration"]["Type"] == "AWS_PROXY"  # CORS by the app
    log_groups = {g["Properties"]["LogGroupName"] for g in _resources(template, "AWS::Logs::LogGroup")}
    assert "/aws/lambda/chatbot-backend-lambda" in log_groups
    assert _resources(template, "AWS::WAFv2::WebACLAssociation")
    assert _resources(template, "AWS::ApplicationAutoScaling::ScalingPolicy")


def test_alarms_cover_errors_throttles_5xx_and_p95(template: dict) -> None:
    alarms = {(a["Properties"]["Namespace"], a["Properties"]["MetricName"]): a["Properties"]
              for a in _resources(template, "AWS::CloudWatch::Alarm")
              if "MetricName" in a["Properties"]}  # metric-math alarms: tests/deploy/test_template_metrics.py
    assert ("AWS/Lambda", "Errors") in alarms and ("AWS/Lambda", "Throttles") in alarms
    assert ("AWS/ApiGateway", "5XXError") in alarms
    assert alarms[("AWS/ApiGateway", "Latency")]["ExtendedStatistic"] == "p95"


def test_provisioned_concurrency_is_a_parameter_off_by_default(template: dict) -> None:
    parameter = template["Parameters"]["ProvisionedConcurrency"]
    assert parameter["Default"] == 0 and "USD" in parameter["Description"]
    assert template["Resources"]["BackendAlias"]["Condition"] == "WithProvisionedConcurrency"


# --- Dockerfile and workflow -----------------------------------------------------------------------

def test_dockerfile_is_the_lambda_image() -> None:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM public\.ecr\.aws/lambda/python:3\.12\s*$", text, re.M)
    assert 'CMD ["main.lambda_handler"]' in text
    assert "compileall" in text  # read-only file system at run time


def test_workflow_deploys_what_the_doc_names() -> None:
    workflow = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads `on` as True
    env = workflow["env"]
    assert env["AWS_REGION"] == "ap-southeast-2"
    assert (env["BACKEND_REPOSITORY"], env["FRONTEND_REPOSITORY"]) == ("chatbot-backend", "chatbot-frontend")
    assert env["LAMBDA_FUNCTION"] == "chatbot-backend-lambda"
    assert (env["ECS_CLUSTER"], env["ECS_SERVICE"]) == ("chatbot-ec2-cluster", "frontend-service")
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert deploy["permissions"]["id-token"] == "write"
    text = (WORKFLOWS / "deploy.yml").read_text(encoding="utf-8")
    assert "-f frontend/Dockerfile frontend" in text and (ROOT / "frontend" / "Dockerfile").is_file()
    env_json = text.split("<<'JSON'", 1)[1].split("JSON\n", 1)[0]
    assert json.loads(env_json)["Variables"] == {**DOC_ENV, **FEEDBACK_ENV}
    for uses in re.findall(r"uses:\s*(\S+)", text):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), f"not pinned to a commit: {uses}"
