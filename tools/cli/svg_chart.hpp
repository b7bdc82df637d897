#pragma once
// Bar charts as inline SVG for the HTML documents (html_writer.hpp): drawn from counts, with their
// labels as text (so a browser's find and a screen reader see them), no script, no external file.

#include <string>
#include <vector>

namespace ocop::cli {

/// One part of a stacked bar (a star rank): its name in the legend and its fill colour ("#4f9d69").
struct chart_series {
    std::string name;
    std::string colour;
};

/// One bar: its label and one count per series (non-negative).
struct chart_bar {
    std::string label;
    std::vector<int> values;
};

/// Horizontal stacked bars, one per category (a district, an industry), with a legend, a count
/// axis and each bar's total at its end.
struct stacked_bar_chart {
    std::string id;     ///< the svg element's id
    std::string title;  ///< the svg's accessible title
    std::vector<chart_series> series;
    std::vector<chart_bar> bars;
};

/// The chart as one `<svg>` element; each bar is a `<g class="bar" data-label="...">` holding one
/// `<rect class="segment">` per non-zero value, each with a `<title>` ("3★: 20").
std::string svg_stacked_bars(const stacked_bar_chart& chart);

/// A zone of the value axis, marked by dashed lines at its edges and its label above (a star band).
struct chart_zone {
    int from = 0;
    int to = 0;
    std::string label;
};

/// Counts of values in bins of `bin_width` from `from` to `to` (counts.size() bins), with zones.
struct histogram_chart {
    std::string id;
    std::string title;
    int from = 0;
    int to = 100;
    int bin_width = 5;
    std::vector<int> counts;
    std::vector<chart_zone> zones;
    std::string colour;
};

/// The histogram as one `<svg>`: a `<g class="bin">` per bin (with a `<title>` "50–55: 34"), a
/// dashed `<line class="edge">` at each zone's edge inside the axis, labelled with its value.
std::string svg_histogram(const histogram_chart& chart);

}  // namespace ocop::cli
