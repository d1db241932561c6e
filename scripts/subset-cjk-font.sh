#!/usr/bin/env bash
# Regenerates the bundled Chinese font: Noto Sans SC (SIL Open Font License), cut down to the characters
# the Chinese tables use, so the app needs no system CJK font and downloads nothing at run time.
# Needs Debian's fonts-noto-cjk, python3-fonttools and python3-brotli:
#   apt-get install -y fonts-noto-cjk python3-fonttools python3-brotli
# Run it after changing src/i18n/*.zh.ts or src/figures/strings.zh.ts; tests/unit/cjkFont.test.ts fails
# when a Chinese string uses a character the subset lacks.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/assets/fonts
chars=$out/noto-sans-sc-subset.chars.txt
# Every non-ASCII character of the Chinese tables, plus CJK punctuation, sorted and unique.
cat src/i18n/*.zh.ts src/figures/strings.zh.ts \
  | /usr/bin/python3 -c '
import sys
text = sys.stdin.read()
extra = "，。、；：？！“”‘’（）《》【】—…·～"
cjk = sorted({c for c in text + extra if ord(c) >= 0x2E80})
sys.stdout.write("".join(cjk))
' > "$chars"
/usr/bin/python3 -m fontTools.subset /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
  --font-number=2 --text-file="$chars" --flavor=woff2 --layout-features='*' \
  --no-hinting --desubroutinize --output-file="$out/noto-sans-sc-subset.woff2"
echo "$(wc -m < "$chars") characters → $(wc -c < "$out/noto-sans-sc-subset.woff2") bytes"
