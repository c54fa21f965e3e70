# syntax=docker/dockerfile:1
# Multi-stage build: the SPA with Node, the server with Rust, and a small
# runtime image that runs as an unprivileged user.

FROM node:20-bookworm-slim AS frontend
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci
COPY openapi /src/openapi
COPY frontend ./
RUN npm run build

FROM rust:1.95-bookworm AS server
WORKDIR /src
COPY Cargo.toml Cargo.lock rustfmt.toml clippy.toml ./
COPY crates crates
COPY migrations migrations
COPY templates templates
COPY tests tests
RUN cargo build --release -p atvejis-api --bin atvejis

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /app atvejis
WORKDIR /app
COPY --from=server /src/target/release/atvejis /app/atvejis
COPY --from=frontend /src/frontend/dist /app/frontend/dist
RUN printf '#!/bin/sh\nexec curl -fsS http://127.0.0.1:8080/readyz >/dev/null\n' > /app/atvejis-healthcheck \
    && chmod 755 /app/atvejis-healthcheck
USER atvejis
ENV ATVEJIS_BIND=0.0.0.0:8080 \
    ATVEJIS_STATIC_DIR=/app/frontend/dist
EXPOSE 8080
ENTRYPOINT ["/app/atvejis"]
CMD ["serve"]
