# One recipe for the five services. docker compose builds it once per service with SERVICE set;
# by hand: docker build --build-arg SERVICE=case-service -t amk/case-service .
# The build stage compiles only the service and the modules it needs; the runtime stage is a JRE, a
# non-root user and the executable jar. Configuration comes from the environment (README, "Docker").

FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
# the gateway serves the web app (web/), which is built with Node.js 20+ and npm
RUN if [ "$SERVICE" = "gateway" ]; then \
      apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*; fi
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    test -n "$SERVICE" && \
    mvn -B -q -pl "$SERVICE" -am package -DskipTests && \
    cp "$SERVICE"/target/"$SERVICE"-*-exec.jar /app.jar

FROM eclipse-temurin:17-jre
ARG SERVICE
LABEL org.opencontainers.image.title="amk-${SERVICE}" \
      org.opencontainers.image.description="AMK ${SERVICE}: child-protection case management" \
      org.opencontainers.image.licenses="Apache-2.0"
# curl for the container health check, nothing else
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app amk
COPY --from=build /app.jar /app/app.jar
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    AMK_SERVICE=${SERVICE}
# the platform's graceful shutdown (30 s) answers SIGTERM; docker's stop_grace_period must exceed it
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
