# Sourced by scripts/start.sh, scripts/test.sh and .ci/run: system packages the project needs, installed with apt-get
# when missing and we are root; otherwise a clear message. (Debian's packages are reachable here; nothing else is.)

_linli_apt_updated=0
_linli_apt_install() {
  if [ "$(id -u)" != "0" ]; then
    echo "missing system package(s): $* — install them (sudo apt-get install -y $*) and try again" >&2
    return 1
  fi
  if [ "$_linli_apt_updated" = "0" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    _linli_apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# Java 17+ for DynamoDB Local
ensure_java() {
  if java -version >/dev/null 2>&1; then return 0; fi
  echo "Java not found: installing openjdk-17-jre-headless (DynamoDB Local runs on it)…" >&2
  _linli_apt_install openjdk-17-jre-headless || {
    echo "DynamoDB Local needs Java 17+. Install openjdk-17-jre-headless." >&2
    return 1
  }
}

# Chromium for the end-to-end tests (driven by playwright-core; never `playwright install`)
ensure_chromium() {
  # a CJK font, so screenshots of the Chinese UI show characters (small: WenQuanYi Micro Hei)
  if command -v chromium >/dev/null 2>&1 && { [ -d /usr/share/fonts/truetype/wqy ] || [ "$(id -u)" != "0" ]; }; then return 0; fi
  if command -v chromium >/dev/null 2>&1; then _linli_apt_install fonts-wqy-microhei || true; return 0; fi
  echo "chromium not found: installing it (the end-to-end tests drive the h5 build in it)…" >&2
  _linli_apt_install chromium fonts-wqy-microhei || {
    echo "The end-to-end tests need chromium (apt-get install -y chromium)." >&2
    return 1
  }
}

# The real readers of the files the app exports (xlsx, docx): Debian's python3-openpyxl and python3-docx in /usr/bin/python3
ensure_office_readers() {
  if /usr/bin/python3 -c 'import docx, openpyxl' >/dev/null 2>&1; then return 0; fi
  echo "python3-docx / python3-openpyxl not found: installing them (the tests open the exported Word and xlsx files with them)…" >&2
  _linli_apt_install python3-docx python3-openpyxl || {
    echo "The export tests need python3-docx and python3-openpyxl (apt-get install -y python3-docx python3-openpyxl)." >&2
    return 1
  }
}

ensure_node_modules() {
  if [ ! -x node_modules/.bin/serverless ] || [ ! -x node_modules/.bin/jest ]; then
    echo "node_modules missing: npm ci…" >&2
    npm ci --no-audit --no-fund
  fi
}
