#!/usr/bin/env bash
# System packages the test suite needs: a real S3-compatible server (OpenStack Swift + s3api),
# Debian's scipy/numpy/pandas/mpmath for reference numbers, and Chromium for the HTML report test.
# Installs them when missing (root + apt); otherwise prints the command to run.
# Every Python module a test snippet imports (test/**/*.ts, test/support/scipy.ts) needs its package
# here; test/support/scipy.ts names the package when one is missing.
set -euo pipefail
packages=(git swift-proxy swift-account swift-container swift-object python3-swift memcached
  python3-scipy python3-numpy python3-mpmath python3-sklearn python3-pandas python3-onnx chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "The tests need these Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages for the tests: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
