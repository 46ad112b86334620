# The monitor as a daemon: polls the watch list and sends the weekly digest.
#   docker build -t monitor .
#   docker run -d --name monitor --restart unless-stopped --stop-timeout 90 -v monitor-data:/data monitor
# (--stop-timeout: docker stop kills after 10 s by default, before the daemon's own 60 s
# shutdown timeout lets a running poll or digest send finish.)
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    MONITOR_DB=/data/monitor.db \
    MONITOR_CONFIG=/app/sources.yaml

WORKDIR /app
COPY pyproject.toml README.md sources.yaml ./
COPY monitor ./monitor
COPY templates ./templates
RUN pip install --no-cache-dir -e . \
    && useradd --create-home --uid 10001 monitor \
    && mkdir -p /data && chown monitor:monitor /data

USER monitor
VOLUME ["/data"]
WORKDIR /data

HEALTHCHECK --interval=5m --timeout=30s --start-period=2m --retries=3 \
    CMD ["monitor", "health"]

CMD ["monitor", "run"]
