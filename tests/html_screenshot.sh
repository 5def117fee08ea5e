#!/bin/sh
# Render FILE... as the HTML review page and screenshot it in headless Chromium, to look at by eye.
#   tests/html_screenshot.sh OUT.png [WIDTH,HEIGHT] FILE...     e.g. tests/html_screenshot.sh /tmp/r.png 1200,900 samples/otokar-romania.txt
# Needs Debian's chromium (apt-get install -y chromium). Writes OUT.png and OUT.png.html.
set -eu
out=$1; size=$2; shift 2
factcheck check "$@" --format html -o "$out.html" || [ $? -eq 1 ]
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --force-device-scale-factor=1 \
  --user-data-dir="$profile" --window-size="$size" --screenshot="$out" "file://$(realpath "$out.html")" 2>/dev/null
echo "$out"
