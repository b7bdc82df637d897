#include "svg_chart.hpp"

#include <algorithm>
#include <numeric>

#include "html_writer.hpp"
#include "text_width.hpp"

namespace ocop::cli {

namespace {

using std::to_string;

constexpr int chart_width = 720;
constexpr int font_size = 11;
constexpr int char_width = 7;  // an estimate of a character's width at font_size, for the legend's spacing

/// The step of an axis with at most `ticks` steps up to `max`: 1, 2 or 5 times a power of ten.
int nice_step(int max, int ticks) {
    const int wanted = std::max(1, (max + ticks - 1) / ticks);
    for (int power = 1;; power *= 10)
        for (int m : {1, 2, 5})
            if (m * power >= wanted) return m * power;
}

/// The axis' end: `max` rounded up to a whole step (at least one step).
int axis_end(int max, int step) { return std::max(step, (max + step - 1) / step * step); }

void open_svg(markup& m, const std::string& id, const std::string& title, int height) {
    const std::string box = "0 0 " + to_string(chart_width) + " " + to_string(height);
    m.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                   {"id", id},
                   {"class", "chart"},
                   {"viewBox", box},
                   {"width", to_string(chart_width)},
                   {"height", to_string(height)},
                   {"role", "img"},
                   {"aria-label", title},
                   {"font-size", to_string(font_size)}});
    m.element("title", title);
}

void text_at(markup& m, int x, int y, const std::string& content, const char* anchor = "start") {
    m.element("text", content, {{"x", to_string(x)}, {"y", to_string(y)}, {"text-anchor", anchor}});
}

void line(markup& m, int x1, int y1, int x2, int y2, const char* stroke, const char* css_class) {
    m.empty("line", {{"class", css_class}, {"x1", to_string(x1)}, {"y1", to_string(y1)}, {"x2", to_string(x2)}, {"y2", to_string(y2)},
                     {"stroke", stroke}},
            true);
}

void rect(markup& m, int x, int y, int w, int h, const std::string& fill, const char* css_class) {
    m.empty("rect", {{"class", css_class}, {"x", to_string(x)}, {"y", to_string(y)}, {"width", to_string(w)}, {"height", to_string(h)},
                     {"fill", fill}},
            true);
}

// --- stacked bars -------------------------------------------------------------------------------

constexpr int label_width = 240;  // the categories' names, right-aligned before the bars
constexpr int total_width = 48;   // each bar's total after it
constexpr int row_height = 20;
constexpr int bar_height = 14;
constexpr int legend_height = 24;
constexpr int axis_height = 22;
constexpr int plot_width = chart_width - label_width - total_width;

void legend(markup& m, const std::vector<chart_series>& series) {
    int x = label_width;
    for (const auto& s : series) {
        rect(m, x, 6, 10, 10, s.colour, "swatch");
        text_at(m, x + 14, 15, s.name);
        x += 24 + static_cast<int>(display_width(s.name)) * char_width;
    }
}

/// Vertical grid lines and the count axis under the bars.
void count_axis(markup& m, int end, int step, int bottom) {
    for (int t = 0; t <= end; t += step) {
        const int x = label_width + t * plot_width / end;
        line(m, x, legend_height, x, bottom, "#d0d0d0", "grid");
        text_at(m, x, bottom + 14, to_string(t), "middle");
    }
}

void bar(markup& m, const chart_bar& b, const std::vector<chart_series>& series, int end, int y) {
    const int total = std::accumulate(b.values.begin(), b.values.end(), 0);
    m.open("g", {{"class", "bar"}, {"data-label", b.label}});
    m.element("title", b.label + ": " + to_string(total));
    text_at(m, label_width - 6, y + bar_height - 3, b.label, "end");
    int before = 0;
    for (std::size_t i = 0; i < b.values.size() && i < series.size(); ++i) {
        if (b.values[i] <= 0) continue;
        const int x0 = label_width + before * plot_width / end;
        before += b.values[i];
        const int x1 = label_width + before * plot_width / end;
        m.open("g", {{"class", "segment"}});
        m.element("title", series[i].name + ": " + to_string(b.values[i]));
        rect(m, x0, y, std::max(1, x1 - x0), bar_height, series[i].colour, "segment");
        m.close();
    }
    text_at(m, label_width + before * plot_width / end + 4, y + bar_height - 3, to_string(total));
    m.close();
}

// --- histogram ----------------------------------------------------------------------------------

constexpr int hist_left = 44;
constexpr int hist_right = 16;
constexpr int hist_top = 26;     // the zones' labels
constexpr int hist_plot = 200;   // the bars' height at the largest count
constexpr int hist_bottom = 30;  // the value axis
constexpr int hist_width = chart_width - hist_left - hist_right;

int value_x(const histogram_chart& h, int value) { return hist_left + (value - h.from) * hist_width / std::max(1, h.to - h.from); }

void count_ticks(markup& m, int end, int step) {
    for (int t = 0; t <= end; t += step) {
        const int y = hist_top + hist_plot - t * hist_plot / end;
        line(m, hist_left, y, hist_left + hist_width, y, "#e0e0e0", "grid");
        text_at(m, hist_left - 6, y + 4, to_string(t), "end");
    }
}

void zones(markup& m, const histogram_chart& h) {
    for (const auto& z : h.zones) {
        if (z.from > h.from && z.from < h.to) {
            const int x = value_x(h, z.from);
            m.empty("line", {{"class", "edge"}, {"x1", to_string(x)}, {"y1", to_string(hist_top - 8)}, {"x2", to_string(x)},
                             {"y2", to_string(hist_top + hist_plot)}, {"stroke", "#b00000"}, {"stroke-dasharray", "4 3"}},
                    true);
            if ((z.from - h.from) % (2 * h.bin_width) != 0)  // an edge between the axis' labels gets its own
                text_at(m, x, hist_top + hist_plot + 26, to_string(z.from), "middle");
        }
        text_at(m, (value_x(h, z.from) + value_x(h, z.to)) / 2, hist_top - 12, z.label, "middle");
    }
}

void bins(markup& m, const histogram_chart& h, int end) {
    for (std::size_t i = 0; i < h.counts.size(); ++i) {
        const int lo = h.from + static_cast<int>(i) * h.bin_width, hi = std::min(h.to, lo + h.bin_width);
        const int x0 = value_x(h, lo), x1 = value_x(h, hi), height = h.counts[i] * hist_plot / end;
        m.open("g", {{"class", "bin"}});
        m.element("title", to_string(lo) + "–" + to_string(hi) + ": " + to_string(h.counts[i]));
        if (h.counts[i] > 0) rect(m, x0 + 1, hist_top + hist_plot - height, std::max(1, x1 - x0 - 2), std::max(1, height), h.colour, "count");
        m.close();
    }
}

void value_axis(markup& m, const histogram_chart& h) {
    const int y = hist_top + hist_plot;
    line(m, hist_left, y, hist_left + hist_width, y, "#000000", "axis");
    for (int v = h.from; v <= h.to; v += h.bin_width * 2) text_at(m, value_x(h, v), y + 14, to_string(v), "middle");
}

}  // namespace

std::string svg_stacked_bars(const stacked_bar_chart& chart) {
    int max_total = 0;
    for (const auto& b : chart.bars) max_total = std::max(max_total, std::accumulate(b.values.begin(), b.values.end(), 0));
    const int step = nice_step(max_total, 6), end = axis_end(max_total, step);
    const int bottom = legend_height + static_cast<int>(chart.bars.size()) * row_height;
    markup m;
    open_svg(m, chart.id, chart.title, bottom + axis_height);
    legend(m, chart.series);
    count_axis(m, end, step, bottom);
    for (std::size_t i = 0; i < chart.bars.size(); ++i)
        bar(m, chart.bars[i], chart.series, end, legend_height + static_cast<int>(i) * row_height + (row_height - bar_height) / 2);
    return m.str();
}

std::string svg_histogram(const histogram_chart& chart) {
    const int max_count = chart.counts.empty() ? 0 : *std::max_element(chart.counts.begin(), chart.counts.end());
    const int step = nice_step(max_count, 5), end = axis_end(max_count, step);
    markup m;
    open_svg(m, chart.id, chart.title, hist_top + hist_plot + hist_bottom);
    count_ticks(m, end, step);
    bins(m, chart, end);
    zones(m, chart);
    value_axis(m, chart);
    return m.str();
}

}  // namespace ocop::cli
