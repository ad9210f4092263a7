#!/usr/bin/env bash
# For tests and benchmarks only: runs a command inside a private D-Bus session with a real, unlocked gnome-keyring
# Secret Service whose keyring files live in a throwaway folder, deleted when the command ends.
#
# A store's key put in that keyring is deleted with it, so a data folder used here can never be opened again. The
# wrapper therefore refuses any data folder it did not create itself (--data-dir or GIFTDESK_DATA_DIR) and points
# GIFTDESK_DATA_DIR at a throwaway one of its own. To run the CLI on a headless machine with a keyring that lasts,
# use scripts/headless-keyring.sh.
set -euo pipefail
if [ -z "${GIFTDESK_IN_KEYRING_SESSION:-}" ]; then
  given=${GIFTDESK_DATA_DIR:-}
  for a in "$@"; do
    case $a in --data-dir | --data-dir=*) given=${given:-$a} ;; esac
  done
  if [ -n "$given" ]; then
    echo "with-keyring.sh: refusing the data folder given ($given): this wrapper's keyring is thrown away when the command ends," \
      "and the folder's key with it. It only uses a data folder it creates itself; for a keyring that lasts, use" \
      "scripts/headless-keyring.sh (see README, \"A keychain on a headless Linux machine\")." >&2
    exit 2
  fi
  export GIFTDESK_IN_KEYRING_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# The default data folder, for a command that names none: thrown away with the keyring that holds its key.
export GIFTDESK_DATA_DIR="$keyring_home/giftdesk-data"
# The password is throwaway and goes through stdin, never the command line.
eval "$(head -c 24 /dev/urandom | base64 | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
