#!/usr/bin/env bash
# Starts the course's tslab kernel for ONE submission inside its sandbox. It is the argv
# of the per-submission kernelspec that tools/grading/sandbox.ts writes; Jupyter passes
# the connection file as $1. From the kernelspec's env:
#   GRADING_SANDBOX_DIR    the submission's own work folder on the host
#   GRADING_UID            the unprivileged uid the kernel runs as ("" = keep ours)
#   GRADING_COMMAND_FILE   the sandbox command (setpriv … bwrap … node tslab kernel),
#                          NUL-separated, written by sandbox.ts
# Jupyter writes the connection file (it holds the kernel's key) readable by us only:
# the kernel gets its own copy inside its folder, owned by its uid.
set -euo pipefail
connection_file=$1
dir=$GRADING_SANDBOX_DIR
cp "$connection_file" "$dir/.kernel-connection.json"
chmod 600 "$dir/.kernel-connection.json"
if [ -n "${GRADING_UID:-}" ]; then
  chown -R "$GRADING_UID:$GRADING_UID" "$dir"
  chmod 700 "$dir"
fi
mapfile -d '' -t command < "$GRADING_COMMAND_FILE"
exec "${command[@]}"
