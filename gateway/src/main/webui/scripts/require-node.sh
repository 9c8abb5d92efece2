#!/bin/sh
# The gateway's build makes the console with the Node and npm found on the PATH; it downloads neither.
need="20.19"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "The gateway's build needs Node.js $need or newer with npm on the PATH to build the console (gateway/src/main/webui)." >&2
  echo "Install it (Debian/Ubuntu: apt-get install nodejs npm, or from nodejs.org), or build without the console: -Dduban.console.skip=true" >&2
  exit 1
fi
if ! node -e "const [a,b]=process.versions.node.split('.').map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)"; then
  echo "The console's build needs Node.js $need or newer; this is $(node --version) at $(command -v node)." >&2
  echo "Install a newer Node, or build without the console: -Dduban.console.skip=true" >&2
  exit 1
fi
echo "console: Node $(node --version), npm $(npm --version)"
