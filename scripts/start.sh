#!/usr/bin/env bash
# npm start — the whole product on this machine: DynamoDB Local, s3rver, the WeChat stand-in, the functions behind
# serverless-offline, a local scheduler and the h5 dev server. Flags go to scripts/start.ts (--persist, --no-seed, --no-h5).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/system.sh
ensure_node_modules
ensure_java
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off
exec node_modules/.bin/tsx scripts/start.ts "$@"
