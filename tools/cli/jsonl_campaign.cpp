#include "jsonl_campaign.hpp"

#include <filesystem>

#include <boost/json/serialize.hpp>

#include "cli.hpp"
#include "ocop/campaign_json.hpp"

namespace ocop::cli {

namespace fs = std::filesystem;

namespace {

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

}  // namespace

jsonl_campaign read_jsonl_campaign(const std::string& dir, std::vector<std::string>& notes) {
    for (const char* name : {"campaign.json", "events.jsonl", "head"})
        if (!fs::exists(fs::path(dir) / name)) throw error(errc::not_found, "", dir + " holds no " + name + ": not a JSONL campaign directory");
    jsonl_campaign out{load_campaign(read_file(dir + "/campaign.json")), {}};
    std::string text = read_file(dir + "/events.jsonl");
    if (!text.empty() && text.back() != '\n') {
        std::size_t keep = text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1;
        notes.push_back("left out an incomplete last line of " + std::to_string(text.size() - keep) +
                        " bytes (an append interrupted before it was acknowledged)");
        text.resize(keep);
    }
    out.log = event_log::import_jsonl(text);
    auto check = out.log.verify();
    if (!check.ok) throw error(errc::tampered, check.first_bad ? "/" + std::to_string(*check.first_bad) : "", check.message);
    const std::string head = trim(read_file(dir + "/head"));
    std::size_t head_at = 0;
    bool found = head == event_log::genesis();
    for (std::size_t i = 0; i < out.log.size() && !found; ++i)
        if (out.log.entries()[i].hash == head) {
            found = true;
            head_at = i + 1;
        }
    if (!found)
        throw error(errc::tampered, "", "the log does not contain the head hash kept in " + dir + "/head: entries were removed or rewritten");
    if (head_at < out.log.size())
        notes.push_back(std::to_string(out.log.size() - head_at) + " entry(ies) were written after the last acknowledged head; kept");
    return out;
}

void write_jsonl_campaign(const std::string& dir, const campaign& c, const std::string& events_jsonl, const std::string& head) {
    write_file((fs::path(dir) / "events.jsonl").string(), events_jsonl);
    write_file((fs::path(dir) / "head").string(), head + "\n");
    write_file((fs::path(dir) / "campaign.json").string(), boost::json::serialize(to_json(c)) + "\n");
}

}  // namespace ocop::cli
