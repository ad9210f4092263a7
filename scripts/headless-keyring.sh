#!/usr/bin/env bash
# A keyring that lasts, for the Giftdesk CLI on a Linux machine without a desktop session (a server, a container).
#
#   scripts/headless-keyring.sh [--dir DIR] [--passphrase-file FILE] -- COMMAND [ARGS…]
#       runs COMMAND with the keyring; starts and unlocks it first if it is not running
#   scripts/headless-keyring.sh [--dir DIR] [--passphrase-file FILE] start
#       starts and unlocks it (the passphrase: FILE, else standard input, else a prompt)
#   scripts/headless-keyring.sh [--dir DIR] status | stop
#
# It keeps a private D-Bus session bus and a gnome-keyring Secret Service running in the background, with the
# keyring's files in DIR/data (default ~/.local/state/giftdesk/keyring, or $GIFTDESK_KEYRING_DIR): the database key
# Giftdesk stores there survives every command, a logout and a reboot, and one passphrase unlocks it again. The
# keyring file is encrypted with that passphrase; without it, the cards in the data folder cannot be read by anyone.
#
# The passphrase never goes on a command line. It comes from --passphrase-file (a file, or a descriptor such as
# /dev/fd/3 with `3< secret.txt`), or for `start` from standard input, or from a prompt on the terminal. When it runs
# a COMMAND, standard input is left to that command (`account add` reads an API key from it).
set -euo pipefail

usage() { sed -n '4,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit "${1:-2}"; }
say() { printf 'headless-keyring: %s\n' "$*" >&2; }

dir=${GIFTDESK_KEYRING_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/giftdesk/keyring}
passphrase_file=
action=
while [ $# -gt 0 ]; do
  case $1 in
    --dir) dir=${2:?--dir needs a folder}; shift 2 ;;
    --dir=*) dir=${1#--dir=}; shift ;;
    --passphrase-file) passphrase_file=${2:?--passphrase-file needs a file}; shift 2 ;;
    --passphrase-file=*) passphrase_file=${1#--passphrase-file=}; shift ;;
    start | stop | status) action=$1; shift; [ $# -eq 0 ] || usage ;;
    --) action=run; shift; [ $# -gt 0 ] || usage; break ;;
    -h | --help) usage 0 ;;
    *) say "unknown argument \"$1\""; usage ;;
  esac
done
[ -n "$action" ] || usage

mkdir -p "$dir" && chmod 700 "$dir"
dir=$(cd "$dir" && pwd)
run_dir="$dir/run"
state="$run_dir/daemons"

bus_address() { printf 'unix:path=%s/bus' "$run_dir"; }

on_bus() { DBUS_SESSION_BUS_ADDRESS=$(bus_address) dbus-send --session --print-reply "$@" 2>/dev/null; }

# Whether the keyring's daemons are up and its default collection is unlocked (asked over the bus, no prompt).
unlocked() {
  [ -f "$state" ] || return 1
  # shellcheck disable=SC1090
  . "$state"
  kill -0 "$BUS_PID" 2>/dev/null && kill -0 "$KEYRING_PID" 2>/dev/null || return 1
  on_bus --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets | grep -q 'boolean true' || return 1
  on_bus --dest=org.freedesktop.secrets \
    /org/freedesktop/secrets/aliases/default org.freedesktop.DBus.Properties.Get \
    string:org.freedesktop.Secret.Collection string:Locked | grep -q 'boolean false'
}

# A session bus that starts no services of its own: the stock one would start a second gnome-keyring on the first
# question about secrets, with the wrong keyring folder and no passphrase.
write_bus_config() {
  cat > "$run_dir/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>$(bus_address)</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
}

stop_daemons() {
  if [ -f "$state" ]; then
    # shellcheck disable=SC1090
    . "$state"
    kill "${KEYRING_PID:-0}" "${BUS_PID:-0}" 2>/dev/null || true
    rm -f "$state"
  fi
  rm -f "$run_dir/bus"
}

read_passphrase() {
  local pass=
  if [ -n "$passphrase_file" ]; then
    IFS= read -r pass < "$passphrase_file" || [ -n "$pass" ] || { say "cannot read a passphrase from $passphrase_file"; exit 2; }
  elif [ "$action" = start ] && [ ! -t 0 ]; then
    IFS= read -r pass || [ -n "$pass" ] || { say 'no passphrase on standard input'; exit 2; }
  elif { : < /dev/tty; } 2>/dev/null; then
    printf 'Passphrase for the keyring in %s: ' "$dir" > /dev/tty
    IFS= read -rs pass < /dev/tty || true
    printf '\n' > /dev/tty
  else
    say "the keyring in $dir is not running, and there is no passphrase to unlock it: start it first" \
      "(\`$0 --dir $dir start < passphrase-file\`) or pass --passphrase-file FILE."
    exit 2
  fi
  if [ ${#pass} -lt 8 ]; then
    say 'the keyring passphrase must be at least 8 characters long (it encrypts the keyring file).'
    exit 2
  fi
  printf '%s' "$pass"
}

# Closes, in the (sub)shell that is about to exec a daemon, every descriptor beyond stdin/out/err: the lock above
# all, which the daemon would otherwise hold for its whole life, and any pipe of the caller, which would never end.
close_extra_fds() {
  local fd
  for fd in $(ls /proc/$BASHPID/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2> /dev/null; done
  return 0
}

start_daemons() {
  command -v dbus-daemon > /dev/null && command -v gnome-keyring-daemon > /dev/null || {
    say 'needs dbus-daemon and gnome-keyring-daemon (Debian/Ubuntu: apt-get install dbus gnome-keyring libsecret-1-0).'
    exit 2
  }
  local pass new=no
  [ -s "$dir/data/keyrings/login.keyring" ] || new=yes
  pass=$(read_passphrase)
  stop_daemons
  mkdir -p "$dir/data" "$run_dir" && chmod 700 "$dir/data" "$run_dir"
  local bus_pid keyring_pid
  write_bus_config
  bus_pid=$(close_extra_fds; exec dbus-daemon --config-file="$run_dir/bus.conf" --fork --nopidfile --print-pid=1 2>> "$run_dir/dbus.log")
  # In a session of its own, so it outlives this script and whatever ran it. It finds its keyring files through
  # XDG_DATA_HOME and reads the unlock passphrase from its standard input.
  (
    close_extra_fds
    export XDG_DATA_HOME="$dir/data" XDG_RUNTIME_DIR="$run_dir" DBUS_SESSION_BUS_ADDRESS="$(bus_address)"
    exec setsid gnome-keyring-daemon --foreground --unlock --components=secrets
  ) < <(printf '%s' "$pass") > /dev/null 2>> "$run_dir/keyring.log" &
  keyring_pid=$!
  printf 'BUS_PID=%s\nKEYRING_PID=%s\n' "$bus_pid" "$keyring_pid" > "$state"
  for _ in $(seq 50); do unlocked && return 0; sleep 0.1; done
  stop_daemons
  if [ "$new" = no ]; then
    say "the passphrase does not unlock the keyring in $dir; nothing was changed. Try again with the passphrase it was made with."
  else
    say "the keyring in $dir could not be started (see $run_dir/keyring.log)."
  fi
  exit 1
}

exec 9> "$dir/.lock"
flock 9
case $action in
  status)
    if unlocked; then say "running and unlocked ($dir)"; exit 0; fi
    say "not running ($dir)"; exit 1 ;;
  stop) stop_daemons; say "stopped ($dir)"; exit 0 ;;
  start)
    unlocked || start_daemons
    say "running and unlocked ($dir); run commands with: $0 --dir $dir -- COMMAND"
    exit 0 ;;
  run)
    unlocked || start_daemons
    flock -u 9
    exec 9>&-
    unset GNOME_KEYRING_CONTROL GIFTDESK_IN_KEYRING_SESSION
    export DBUS_SESSION_BUS_ADDRESS
    DBUS_SESSION_BUS_ADDRESS=$(bus_address)
    exec "$@" ;;
esac
