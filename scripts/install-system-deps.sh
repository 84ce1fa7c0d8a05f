#!/usr/bin/env bash
# Installs the Debian packages the tests and benchmarks drive for real, when they are missing.
set -euo pipefail
needed=()
command -v redis-server >/dev/null 2>&1 || needed+=(redis-server)
[ -x /usr/bin/chromium ] || needed+=(chromium)
command -v wrk >/dev/null 2>&1 || needed+=(wrk)
[ ${#needed[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${needed[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${needed[@]}"
