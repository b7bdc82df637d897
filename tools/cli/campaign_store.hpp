#pragma once
// A campaign kept on disk: DIR/campaign.json, DIR/events.jsonl (the hash-chained log, one entry a
// line) and DIR/head (the hash of the last acknowledged entry, kept to detect truncation).
//
// Appending is crash-safe: an event is acknowledged only after its line was written and fsync'd and
// the new head was written to a temporary file, fsync'd and renamed over DIR/head. Opening verifies
// the chain, drops a torn last line (a write the crash interrupted, never acknowledged), accepts
// entries past the stored head (written but not yet acknowledged when the crash came) and refuses a
// log that does not contain the stored head (truncated or rewritten).

#include <string>
#include <vector>

#include "ocop/registry.hpp"

namespace ocop::cli {

class campaign_store {
public:
    /// Creates DIR (must not hold a campaign yet) with `c` and an empty log.
    static void create(const std::string& dir, const campaign& c);
    /// Opens DIR: reads the campaign, verifies and replays the log. Throws ocop::error
    /// (not_found, io, tampered, or the replay's error). `notes` receives what recovery did.
    static campaign_store open(const std::string& dir, std::vector<std::string>& notes);

    const registry& state() const noexcept { return registry_; }
    /// Applies `e`; when accepted, appends it durably and returns the new entry's index.
    /// A refused event changes nothing, in memory or on disk. After a failed write the store
    /// refuses further appends (errc::io) until it is reopened.
    std::size_t append(const event& e);

private:
    campaign_store(std::string dir, registry r) : dir_(std::move(dir)), registry_(std::move(r)) {}
    std::string dir_;
    registry registry_;
    bool broken_ = false;
};

}  // namespace ocop::cli
