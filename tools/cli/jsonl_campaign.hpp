#pragma once
// The interchange format of a campaign, and the store of earlier versions of the tool: a directory
// holding campaign.json, events.jsonl (the hash-chained log, event_log::export_jsonl) and head.
// `ocop campaign export --out` writes it; `ocop campaign import` reads it (never writing to it).

#include <string>
#include <vector>

#include "ocop/campaign.hpp"
#include "ocop/event_log.hpp"

namespace ocop::cli {

struct jsonl_campaign {
    campaign plan;
    event_log log;
};

/// Reads DIR, verifies the chain and that it contains DIR/head, as the JSONL store's recovery did:
/// a torn last line (an append a crash interrupted, never acknowledged) is left out and entries past
/// the head (written, not yet acknowledged) are kept, each with a note. Throws ocop::error
/// (not_found, io, invalid_document, tampered).
jsonl_campaign read_jsonl_campaign(const std::string& dir, std::vector<std::string>& notes);

/// Writes DIR/campaign.json, DIR/events.jsonl and DIR/head into a directory the caller prepared.
void write_jsonl_campaign(const std::string& dir, const campaign& c, const std::string& events_jsonl, const std::string& head);

}  // namespace ocop::cli
