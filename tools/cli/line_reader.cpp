#include "line_reader.hpp"

#include <algorithm>
#include <cstring>
#include <istream>

#include "ocop/error.hpp"

namespace ocop::cli {

line_reader::line_reader(std::string_view text) : text_(text), end_(text.size()), max_line_(text.size()) {}

line_reader::line_reader(std::istream& in, std::string name, std::string start, std::size_t max_line)
    : in_(&in), name_(std::move(name)), buffer_(start.begin(), start.end()), end_(start.size()), max_line_(max_line),
      at_end_(false) {}

line_reader::status line_reader::next(std::string_view& line) {
    for (std::size_t searched = pos_;;) {
        const std::size_t stop = find_line_break(searched);
        if (stop != end_ || (at_end_ && pos_ < end_)) {
            line = std::string_view(data() + pos_, stop - pos_);
            pos_ = std::min(stop + 1, end_);
            return line.size() > max_line_ ? status::too_long : status::line;
        }
        if (end_ - pos_ > max_line_) {
            skip_line();
            return status::too_long;
        }
        const std::size_t searched_unread = end_ - pos_;  // read_block moves the unread bytes to the front
        if (!read_block() && pos_ == end_) return status::end;
        searched = pos_ + searched_unread;
    }
}

std::size_t line_reader::find_line_break(std::size_t from) const {
    if (from >= end_) return end_;
    const void* found = std::memchr(data() + from, '\n', end_ - from);
    return found ? static_cast<std::size_t>(static_cast<const char*>(found) - data()) : end_;
}

bool line_reader::read_block() {
    if (at_end_) return false;
    const std::size_t unread = end_ - pos_;
    if (unread > 0) std::memmove(buffer_.data(), buffer_.data() + pos_, unread);
    pos_ = 0;
    end_ = unread;
    buffer_.resize(std::max(buffer_.size(), unread + block_bytes));
    in_->read(buffer_.data() + end_, static_cast<std::streamsize>(buffer_.size() - end_));
    if (in_->bad()) throw ocop::error(errc::io, "", "cannot read " + name_);
    const auto got = static_cast<std::size_t>(in_->gcount());
    end_ += got;
    at_end_ = !*in_;  // a short read: the end of the stream
    return got > 0;
}

void line_reader::skip_line() {
    do {
        pos_ = end_;
        if (!read_block()) return;
    } while (find_line_break(0) == end_);
    pos_ = find_line_break(0) + 1;
}

}  // namespace ocop::cli
