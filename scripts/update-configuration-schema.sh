#!/usr/bin/env bash
# Regenerates src/Config/ConfigurationSchema.json (the JSON schema of the ProdServer section that the package ships for
# editors) from the args records' generated fragments and the binder's keys, after adding a backend, a flag or a range.
# The test ConfigurationSchemaSpecs compares the checked-in file with what the code gives and fails until this is run.
set -euo pipefail
cd "$(dirname "$0")/.."
PRODSERVER_UPDATE_SCHEMA=1 dotnet test tests/Config.Tests \
  --filter "FullyQualifiedName~ConfigurationSchemaSpecs.The_checked_in_schema_is_what_the_records_and_the_binder_give"
git --no-pager diff --stat -- src/Config/ConfigurationSchema.json
