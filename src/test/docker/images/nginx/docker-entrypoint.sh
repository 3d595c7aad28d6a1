#!/bin/sh
# Entry point of the nginx stand-in, with the official image's contract: when the command is
# nginx, the executable *.sh files in /docker-entrypoint.d/ run first (in name order), then
# the command replaces this shell.
set -e
case "$1" in
  nginx|nginx-debug)
    for script in $(find /docker-entrypoint.d/ -mindepth 1 -maxdepth 1 -type f -name '*.sh' | sort); do
      if [ -x "$script" ]; then
        echo "$0: running $script"
        "$script"
      fi
    done
    ;;
esac
exec "$@"
