#pragma once
// What `ocop campaign apply` tells the user about a batch: exactly what was committed.

#include <functional>
#include <vector>

#include "cli.hpp"
#include "sqlite_store.hpp"

namespace ocop::cli {

/// Prints "ok INDEX TYPE DOSSIER" for each committed event and "already INDEX TYPE DOSSIER" for each
/// one found in the log (only when the batch was committed), the warnings, and the refusal with what
/// it means for the batch (`events`: how many the batch holds). Returns the exit code.
int print_batch(std::size_t events, const batch_result& result, bool partial, streams& io);

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that only record the signal; the returned
/// function tells whether one came (the batch is then abandoned before its commit).
std::function<bool()> catch_interruptions();

}  // namespace ocop::cli
