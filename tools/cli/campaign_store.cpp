#include "campaign_store.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>

#include <boost/json/serialize.hpp>

#include "cli.hpp"
#include "ocop/campaign_json.hpp"

namespace ocop::cli {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void io_failure(const std::string& what, const std::string& path) {
    throw ocop::error(errc::io, "", what + " " + path + ": " + std::strerror(errno));
}

/// Writes all of `bytes` to `fd`, retrying short writes.
void write_all(int fd, const std::string& bytes, const std::string& path) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) io_failure("cannot write", path);
        done += static_cast<std::size_t>(n);
    }
}

void sync_directory(const std::string& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) io_failure("cannot open directory", dir);
    ::fsync(fd);
    ::close(fd);
}

/// Replaces `path` atomically and durably with `bytes` (temp file, fsync, rename, fsync dir).
void replace_file(const std::string& dir, const std::string& name, const std::string& bytes) {
    std::string tmp = dir + "/." + name + ".tmp", path = dir + "/" + name;
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) io_failure("cannot create", tmp);
    write_all(fd, bytes, tmp);
    if (::fsync(fd) != 0) io_failure("cannot sync", tmp);
    ::close(fd);
    if (::rename(tmp.c_str(), path.c_str()) != 0) io_failure("cannot rename", tmp);
    sync_directory(dir);
}

/// Appends one line durably (write, fsync).
void append_line(const std::string& path, const std::string& line) {
    int fd = ::open(path.c_str(), O_WRONLY | O_APPEND);
    if (fd < 0) io_failure("cannot open", path);
    try {
        write_all(fd, line, path);
        if (::fsync(fd) != 0) io_failure("cannot sync", path);
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
}

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

}  // namespace

void campaign_store::create(const std::string& dir, const campaign& c) {
    if (fs::exists(fs::path(dir) / "campaign.json"))
        throw ocop::error(errc::invalid_document, "", dir + " already holds a campaign (campaign.json exists)");
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw ocop::error(errc::io, "", "cannot create " + dir + ": " + ec.message());
    replace_file(dir, "events.jsonl", "");
    replace_file(dir, "head", event_log::genesis() + "\n");
    replace_file(dir, "campaign.json", boost::json::serialize(to_json(c)) + "\n");  // last: marks the store complete
}

campaign_store campaign_store::open(const std::string& dir, std::vector<std::string>& notes) {
    if (!fs::exists(fs::path(dir) / "campaign.json"))
        throw ocop::error(errc::not_found, "", dir + " holds no campaign (run `ocop campaign init " + dir + "`)");
    campaign c = load_campaign(read_file(dir + "/campaign.json"));
    const std::string log_path = dir + "/events.jsonl";
    std::string text = read_file(log_path);
    if (!text.empty() && text.back() != '\n') {
        // A torn last line: the append was interrupted before it was acknowledged. Drop it.
        std::size_t keep = text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1;
        notes.push_back("dropped an incomplete last line of " + std::to_string(text.size() - keep) + " bytes (an interrupted append)");
        text.resize(keep);
        if (::truncate(log_path.c_str(), static_cast<off_t>(keep)) != 0) io_failure("cannot truncate", log_path);
    }
    event_log log = event_log::import_jsonl(text);
    log.verify_or_throw();
    const std::string head = trim(read_file(dir + "/head"));
    bool head_found = head == event_log::genesis();
    std::size_t head_index = 0;
    for (std::size_t i = 0; i < log.size() && !head_found; ++i)
        if (log.entries()[i].hash == head) {
            head_found = true;
            head_index = i + 1;
        }
    if (!head_found)
        throw ocop::error(errc::tampered, "", "the log does not contain the head hash kept in " + dir +
                                                  "/head: entries were removed or rewritten");
    registry r = registry::replay(log, {}, c);
    if (head_index < log.size()) {
        notes.push_back(std::to_string(log.size() - head_index) + " entry(ies) were written after the last acknowledged head; kept");
        replace_file(dir, "head", log.head() + "\n");
    }
    return campaign_store(dir, std::move(r));
}

std::size_t campaign_store::append(const event& e) {
    if (broken_) throw ocop::error(errc::io, "", "an earlier write to " + dir_ + " failed: reopen the campaign");
    registry_.apply(e);  // strong guarantee: a refused event throws and changes nothing
    try {
        append_line(dir_ + "/events.jsonl", event_log::line(registry_.log().entries().back()) + "\n");
        replace_file(dir_, "head", registry_.log().head() + "\n");
    } catch (...) {
        broken_ = true;  // memory is ahead of the disk: refuse further appends until reopened
        throw;
    }
    return registry_.log().size() - 1;
}

}  // namespace ocop::cli
