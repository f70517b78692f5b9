#!/usr/bin/env sh
# Makes what compose.yaml needs and nothing in git holds: the gateway's internal signing key pair, a user key
# pair (sign your own test tokens with keys/user/private.pem; issuer https://switchboard.local, claims sub and org),
# and .env with the database passwords, agent-service's secrets key and thread-service's page-token key.
# Run once from deploy/compose; it never overwrites what exists.
set -eu
cd "$(dirname "$0")"
umask 077
mkdir -p keys/internal keys/user
for pair in internal user; do
  if [ ! -f "keys/$pair/private.pem" ]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "keys/$pair/private.pem"
    openssl pkey -in "keys/$pair/private.pem" -pubout -out "keys/$pair/public.pem"
  fi
done
# the containers run as uid 10001: let them read the mounted files
chmod 0644 keys/internal/public.pem keys/user/public.pem keys/internal/private.pem
if [ ! -f .env ]; then
  {
    echo "POSTGRES_PASSWORD=$(openssl rand -hex 24)"
    echo "AGENTS_DB_PASSWORD=$(openssl rand -hex 24)"
    echo "THREADS_DB_PASSWORD=$(openssl rand -hex 24)"
    echo "RUNS_DB_PASSWORD=$(openssl rand -hex 24)"
    echo "GATEWAY_DB_PASSWORD=$(openssl rand -hex 24)"
    echo "SWITCHBOARD_SECRETS_KEY=$(openssl rand -base64 32)"
    echo "SWITCHBOARD_PAGE_TOKEN_KEY=$(openssl rand -base64 32)"
  } > .env
fi
echo "keys/ and .env ready; docker compose up --build"
