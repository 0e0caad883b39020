#!/usr/bin/env bash
# npm run package — CloudFormation templates and function zips, with no AWS credentials, for a global region and for
# AWS China. Outputs: dist/cloud/<stage>-<region>/ (cloudformation-template-update-stack.json, one zip per function).
#   STAGE=prod REGIONS="ap-east-1 cn-north-1" npm run package
set -euo pipefail
cd "$(dirname "$0")/.."

STAGE="${STAGE:-prod}"
REGIONS="${REGIONS:-ap-east-1 cn-north-1}"

# osls does not call AWS to package, but the SDK's credential chain must not go looking (no network here).
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-AKIAPACKAGEONLY00000}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-package-only-no-credentials-needed}"
export AWS_SDK_LOAD_CONFIG=0
export SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

[ -x node_modules/.bin/serverless ] || { echo "node_modules missing: run npm ci first" >&2; exit 1; }

dirs=()
for region in $REGIONS; do
  out="dist/cloud/${STAGE}-${region}"
  rm -rf "$out"
  echo "== packaging stage ${STAGE} for ${region} → ${out}"
  start=$(date +%s)
  node_modules/.bin/serverless package --stage "$STAGE" --region "$region" --package "$out"
  echo "   (took $(( $(date +%s) - start )) s)"
  dirs+=("$out")
done

node_modules/.bin/tsx scripts/packageReport.ts "${dirs[@]}"
