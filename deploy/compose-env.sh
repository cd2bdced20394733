#!/bin/sh
# Gives the EventStoreDB cluster of docker-compose.yml an admin password of its own: writes a random
# EVENTSTORE_ADMIN_PASSWORD into .env beside docker-compose.yml (or into the directory given), which
# compose reads on every `docker compose` command. A .env that already sets one is left as it is.
# Hex only, so the password goes into the app's connection string without escaping.
set -eu
directory=${1:-$(dirname "$0")/..}
file="$directory/.env"
if [ -f "$file" ] && grep -q '^EVENTSTORE_ADMIN_PASSWORD=' "$file"; then
  echo "$file already sets EVENTSTORE_ADMIN_PASSWORD; left as it is"
  exit 0
fi
# The umask covers a .env this creates; chmod one that was there before, readable by others.
umask 077
# A last line without its newline would run into the one added.
if [ -s "$file" ] && [ -n "$(tail -c 1 "$file")" ]; then echo >>"$file"; fi
password=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
printf 'EVENTSTORE_ADMIN_PASSWORD=%s\n' "$password" >>"$file"
chmod 600 "$file"
echo "wrote a random EVENTSTORE_ADMIN_PASSWORD into $file (mode 600)"
