#pragma once
// Private: the log's entries (event_log.hpp) in pages of a fixed count, allocated as the sequence
// grows and never moved. Unlike std::deque (blocks of 512 bytes, so 12 entries of 40 bytes and 32
// bytes of slack and heap header each), a page's overhead is a few bytes in ten thousand.

#include <algorithm>
#include <cstddef>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace ocop::detail {

template <class T, std::size_t PageSize = 256>
class paged_vector {
    static_assert(std::is_trivially_copyable_v<T>, "pages are copied and left uninitialised");

public:
    paged_vector() = default;
    paged_vector(const paged_vector& other) {
        pages_.reserve(other.pages_.size());
        for (std::size_t copied = 0; copied < other.size_; copied += PageSize) {
            add_page();
            const std::size_t count = std::min(PageSize, other.size_ - copied);
            std::copy_n(other.pages_[copied / PageSize].get(), count, pages_.back().get());
        }
        size_ = other.size_;
    }
    paged_vector(paged_vector&& other) noexcept : pages_(std::move(other.pages_)), size_(std::exchange(other.size_, 0)) {}
    paged_vector& operator=(const paged_vector& other) {
        if (this != &other) *this = paged_vector(other);
        return *this;
    }
    paged_vector& operator=(paged_vector&& other) noexcept {
        pages_ = std::move(other.pages_);
        size_ = std::exchange(other.size_, 0);
        return *this;
    }
    ~paged_vector() = default;

    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    const T& operator[](std::size_t at) const noexcept { return pages_[at / PageSize][at % PageSize]; }
    const T& back() const noexcept { return (*this)[size_ - 1]; }

    /// Strong guarantee (a page is added only when the last one is full).
    void push_back(const T& value) {
        if (size_ == pages_.size() * PageSize) add_page();
        pages_[size_ / PageSize][size_ % PageSize] = value;
        ++size_;
    }
    /// Keeps the pages: an entry removed is usually followed by another one.
    void pop_back() noexcept { --size_; }

private:
    void add_page() {
        auto page = std::make_unique_for_overwrite<T[]>(PageSize);
        pages_.push_back(std::move(page));
    }

    std::vector<std::unique_ptr<T[]>> pages_;
    std::size_t size_ = 0;
};

}  // namespace ocop::detail
