#!/usr/bin/env bash
# How soon a change made through one server process is seen by another: CoherenceAcrossServersIT
# with 100 changes of each kind (two packaged-jar servers on one embedded PostgreSQL), the delay
# from the change's answer to the other server showing it. Writes bench/coherence.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-100}
./mvnw -B -q verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CoherenceAcrossServersIT \
  -Dqm.coherence.rounds="$ROUNDS"
{
  echo "# Coherence across servers: $(date -u +%FT%TZ), $(nproc) cores, $ROUNDS changes of each kind"
  echo
  echo "Two servers (the packaged jar) on one embedded PostgreSQL; each change made through the first,"
  echo "timed from its answer until the second shows it (the other server polled back to back)."
  echo
  cat target/coherence.md
} > bench/coherence.md
cat bench/coherence.md
