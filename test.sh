#!/usr/bin/env bash
# Runs the whole test suite against real components started here on loopback (DESIGN.md §8):
#   - a throw-away PostgreSQL 15 cluster in a temp folder      -> REFERRALFLOW_TEST_PG
#   - an SMTP server (aiosmtpd) writing into a Maildir          -> REFERRALFLOW_TEST_SMTP, REFERRALFLOW_TEST_MAILDIR
#   - Chromium for browser tests                                -> REFERRALFLOW_TEST_CHROMIUM
# Missing Debian packages are installed with apt-get (needs root). Extra arguments go to
# `dotnet test`, e.g. ./test.sh --filter PostgresServerTests
# Everything started here is stopped and deleted on exit, also on failure or Ctrl-C.
# The script exits with dotnet test's exit code and closes with a plain "N passed, N failed" line.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

PG_BIN=/usr/lib/postgresql/15/bin
SYS_PYTHON=/usr/bin/python3   # Debian's interpreter: the python3 first on PATH may lack aiosmtpd
CHROMIUM=/usr/bin/chromium

log() { printf '[test.sh] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- cleanup
PG_DIR=""
WORK_DIR=""
SMTP_PID=""
DOTNET_PID=""
TEE_PID=""
POLICY_RC_ADDED=""

cleanup() {
    local rc=$?
    set +e
    trap - EXIT INT TERM HUP
    if [[ -n "$DOTNET_PID" ]] && kill -0 "$DOTNET_PID" 2>/dev/null; then
        log "stopping dotnet test (pid $DOTNET_PID)"
        kill -TERM -- "-$DOTNET_PID" 2>/dev/null || kill -TERM "$DOTNET_PID" 2>/dev/null
        for _ in $(seq 1 50); do kill -0 "$DOTNET_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL -- "-$DOTNET_PID" 2>/dev/null
    fi
    if [[ -n "$TEE_PID" ]]; then kill "$TEE_PID" 2>/dev/null; fi
    if [[ -n "$SMTP_PID" ]]; then
        kill -TERM "$SMTP_PID" 2>/dev/null
        for _ in $(seq 1 30); do kill -0 "$SMTP_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SMTP_PID" 2>/dev/null
    fi
    if [[ -n "$PG_DIR" && -f "$PG_DIR/data/postmaster.pid" ]]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w -t 20 stop >/dev/null 2>&1
        if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
            local pm; pm=$(head -n1 "$PG_DIR/data/postmaster.pid" 2>/dev/null)
            [[ -n "$pm" ]] && kill -KILL "$pm" 2>/dev/null
        fi
    fi
    [[ -n "$POLICY_RC_ADDED" ]] && rm -f /usr/sbin/policy-rc.d
    [[ -n "$PG_DIR" ]] && rm -rf "$PG_DIR"
    [[ -n "$WORK_DIR" ]] && rm -rf "$WORK_DIR"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Runs a command as the postgres OS user (or as ourselves when not root), from a folder it can read.
as_pg() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

# ---------------------------------------------------------------- packages
missing=()
[[ -x "$PG_BIN/initdb" ]] || missing+=(postgresql)
{ [[ -x "$SYS_PYTHON" ]] && "$SYS_PYTHON" -c 'import aiosmtpd' 2>/dev/null; } || missing+=(python3-aiosmtpd)
[[ -x "$CHROMIUM" ]] || missing+=(chromium)

if (( ${#missing[@]} > 0 )); then
    [[ $(id -u) -eq 0 ]] || die "missing packages (${missing[*]}) and not root: install them with apt-get"
    log "installing: ${missing[*]}"
    started=$SECONDS
    # Package installs must not start system services (e.g. the default cluster on port 5432).
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod +x /usr/sbin/policy-rc.d
        POLICY_RC_ADDED=1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q </dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
    if [[ -n "$POLICY_RC_ADDED" ]]; then rm -f /usr/sbin/policy-rc.d; POLICY_RC_ADDED=""; fi
    log "packages installed in $((SECONDS - started)) s"
fi
[[ -x "$PG_BIN/initdb" ]] || die "$PG_BIN/initdb not found after install"
"$SYS_PYTHON" -c 'import aiosmtpd' || die "aiosmtpd not importable by $SYS_PYTHON after install"
[[ -x "$CHROMIUM" ]] || die "$CHROMIUM not found after install"

free_port() {
    "$SYS_PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# ---------------------------------------------------------------- PostgreSQL
started=$SECONDS
WORK_DIR=$(mktemp -d -t referralflow-test.XXXXXX)
PG_DIR=$(mktemp -d /tmp/referralflow-pg.XXXXXX)
[[ $(id -u) -eq 0 ]] && chown postgres:postgres "$PG_DIR"

PG_PORT=$(free_port)
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" --auth=trust --username=postgres --encoding=UTF8 --no-locale \
    >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
cat >>"$PG_DIR/data/postgresql.conf" <<EOF
# test.sh: loopback only, on a free port, socket inside the temp folder
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
EOF
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; die "PostgreSQL failed to start"; }
ready=""
for _ in $(seq 1 60); do
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 1; then ready=1; break; fi
    sleep 0.5
done
[[ -n "$ready" ]] || { cat "$PG_DIR/server.log" >&2; die "PostgreSQL on 127.0.0.1:$PG_PORT not ready after 30 s"; }
export REFERRALFLOW_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
log "PostgreSQL 15 ready on 127.0.0.1:$PG_PORT (data in $PG_DIR)"

# ---------------------------------------------------------------- SMTP
MAILDIR="$WORK_DIR/maildir"
"$SYS_PYTHON" -c 'import mailbox, sys; mailbox.Maildir(sys.argv[1], create=True)' "$MAILDIR"
SMTP_PORT=$(free_port)
"$SYS_PYTHON" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$MAILDIR" \
    </dev/null >"$WORK_DIR/smtp.log" 2>&1 &
SMTP_PID=$!
ready=""
for _ in $(seq 1 100); do
    kill -0 "$SMTP_PID" 2>/dev/null || { cat "$WORK_DIR/smtp.log" >&2; die "SMTP server exited"; }
    if (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; then ready=1; break; fi
    sleep 0.2
done
[[ -n "$ready" ]] || { cat "$WORK_DIR/smtp.log" >&2; die "SMTP server on 127.0.0.1:$SMTP_PORT not accepting after 20 s"; }
export REFERRALFLOW_TEST_SMTP="smtp://127.0.0.1:$SMTP_PORT?tls=none"
export REFERRALFLOW_TEST_MAILDIR="$MAILDIR"
log "SMTP server ready on 127.0.0.1:$SMTP_PORT (Maildir $MAILDIR)"

export REFERRALFLOW_TEST_CHROMIUM="$CHROMIUM"
# Screenshots of every page the browser tests visit, kept after the run (and by CI) as artefacts.
export REFERRALFLOW_TEST_ARTIFACTS="${REFERRALFLOW_TEST_ARTIFACTS:-$PWD/artifacts/browser}"
rm -rf "$REFERRALFLOW_TEST_ARTIFACTS" && mkdir -p "$REFERRALFLOW_TEST_ARTIFACTS"
# No first-run banner and no telemetry calls (the network reaches only package registries).
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"
export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
log "services started in $((SECONDS - started)) s"

# ---------------------------------------------------------------- tests
# dotnet runs in its own process group (so a signal to this script can stop it and its test
# hosts) and in the background (so `wait` lets the traps run at once); its output is tee'd
# to a log through a fifo so the summary can be read back.
TEST_LOG="$WORK_DIR/dotnet-test.log"
mkfifo "$WORK_DIR/out.fifo"
tee "$TEST_LOG" <"$WORK_DIR/out.fifo" &
TEE_PID=$!
setsid dotnet test ReferralFlow.sln "$@" </dev/null >"$WORK_DIR/out.fifo" 2>&1 &
DOTNET_PID=$!
set +e
wait "$DOTNET_PID"
test_rc=$?
set -e
DOTNET_PID=""
wait "$TEE_PID" || true
TEE_PID=""

# Sum the per-project summaries: "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, ..."
read -r passed failed skipped < <(
    sed -E 's/\x1b\[[0-9;]*m//g' "$TEST_LOG" \
    | awk '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
               line = $0
               match(line, /Failed: +[0-9]+/);  f += substr(line, RSTART + 7, RLENGTH - 7)
               match(line, /Passed: +[0-9]+/);  p += substr(line, RSTART + 7, RLENGTH - 7)
               match(line, /Skipped: +[0-9]+/); s += substr(line, RSTART + 8, RLENGTH - 8)
           }
           END { printf "%d %d %d\n", p, f, s }'
)
if (( test_rc != 0 && failed == 0 )); then
    log "dotnet test exited with $test_rc (build error or aborted test run?)"
fi
log "browser screenshots: $REFERRALFLOW_TEST_ARTIFACTS"
if (( skipped > 0 )); then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
exit "$test_rc"
