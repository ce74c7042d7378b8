# The same npm emulators the integration tests use (kinesis-local, dynalite), from the tests' own
# package-lock.json, for the compose file. Build from the repository root.
FROM node:20-slim

WORKDIR /emulators
COPY connectors/src/test/resources/emulators/package.json connectors/src/test/resources/emulators/package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
