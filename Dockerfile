# Calcibot: a slim, non-root image with the model trained at build time.
FROM python:3.11-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    CALCIBOT_DATA_DIR=/app/data
WORKDIR /app

COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install --no-compile . && pip uninstall -y pip setuptools wheel || true

COPY intents ./intents
COPY responses ./responses
RUN useradd --create-home --uid 10001 calcibot \
    && python -m bot train \
    && chown -R calcibot:calcibot /app/data
USER calcibot

EXPOSE 8000 5055
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2).status != 200)"]
CMD ["python", "-m", "bot", "serve", "--host", "0.0.0.0", "--port", "8000"]
