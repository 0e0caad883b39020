#!/usr/bin/env bash
# npm test — every jest project (unit, integration, stack, api, e2e); extra arguments go to jest, e.g.
#   npm test -- --selectProjects unit      npm test -- functions/sayItDay
# The local stack the tests need (DynamoDB Local, s3rver, the WeChat stand-in) is started by jest's globalSetup.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/system.sh
ensure_node_modules
ensure_java
ensure_office_readers || echo "warning: the exported Word and xlsx files cannot be opened by their readers here: those checks are skipped." >&2
if ! ensure_chromium; then
  echo "warning: chromium is missing, so the e2e tests cannot run here (as root this script installs it)." >&2
fi
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium || true)}"
exec node_modules/.bin/jest --ci "$@"
