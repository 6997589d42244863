/// Inline SVG charts for the site and `vigie history --format svg`: a line chart of scores over
/// time and a bar chart of commits per month. Accessible by construction: `role="img"`, a `<title>`
/// and a `<desc>` that say what the chart shows in words (pages add a data table beside it), every
/// text escaped, values written on the chart, series told apart by dash pattern and legend text as
/// well as by colour, and colours with a contrast of 3:1 or more against white (WCAG 1.4.11).
/// Fixed sizes and integer coordinates: the same data gives the same bytes.
public enum SVGChart {
    public struct Series: Sendable, Equatable {
        public let name: String
        public let values: [Int?]
        public init(name: String, values: [Int?]) {
            self.name = name
            self.values = values
        }
    }

    /// Line colours (contrast ≥ 4.5:1 against white) and dash patterns, in series order.
    static let colours = ["#1f4e8c", "#8f3b76", "#a34100", "#0b6e4f", "#5a4fcf", "#7d5a00", "#b3261e", "#3d6b00", "#595959", "#0b5c8a"]
    static let dashes = ["", "8 4", "2 3", "10 3 2 3", "4 4", "1 4", "12 6", "6 2 2 2", "3 6", "14 3"]

    static let width = 720, height = 280
    static let left = 44, right = 16, top = 16, bottom = 48

    /// Scores (0–100) over time; the first series is drawn thickest. `standalone` adds the XML
    /// namespace for an .svg file.
    public static func lines(id: String, title: String, description: String, labels: [String], series: [Series],
                             legend: Bool = true, standalone: Bool = false) -> String {
        let legendRows = legend ? (series.count + 2) / 3 : 0
        let totalHeight = height + legendRows * 20
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let x = { (index: Int) -> Int in labels.count <= 1 ? left + plotWidth / 2 : left + index * plotWidth / (labels.count - 1) }
        let y = { (value: Int) -> Int in top + plotHeight - min(100, max(0, value)) * plotHeight / 100 }
        var out = open(id: id, title: title, description: description, width: width, height: totalHeight, standalone: standalone)
        out += "<g class=\"axis\" font-size=\"12\" fill=\"#3b3b3b\">\n"
        for tick in stride(from: 0, through: 100, by: 25) {
            out += "<line x1=\"\(left)\" y1=\"\(y(tick))\" x2=\"\(width - right)\" y2=\"\(y(tick))\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>\n"
            out += "<text x=\"\(left - 6)\" y=\"\(y(tick) + 4)\" text-anchor=\"end\">\(tick)</text>\n"
        }
        for index in labelIndices(labels.count) {
            // The first and last labels sit inside the chart rather than across its edges.
            let anchor = labels.count > 1 && index == 0 ? "start" : labels.count > 1 && index == labels.count - 1 ? "end" : "middle"
            out += "<text x=\"\(x(index))\" y=\"\(height - bottom + 18)\" text-anchor=\"\(anchor)\">\(escapeHTML(labels[index]))</text>\n"
        }
        out += "</g>\n"
        for (number, serie) in series.enumerated().reversed() {
            let colour = colours[number % colours.count], dash = dashes[number % dashes.count]
            let strokeWidth = number == 0 ? 3 : 2
            for segment in segments(serie.values) {
                let points = segment.map { "\(x($0)),\(y(serie.values[$0]!))" }.joined(separator: " ")
                if segment.count == 1 { continue }
                out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(strokeWidth)\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") points=\"\(points)\"/>\n"
            }
            for (index, value) in serie.values.enumerated() {
                guard let value else { continue }
                out += "<circle cx=\"\(x(index))\" cy=\"\(y(value))\" r=\"\(number == 0 ? 4 : 3)\" fill=\"\(colour)\"/>\n"
            }
        }
        // The main series' values, written above its points: readable without telling colours apart.
        if let main = series.first, labels.count <= 24 {
            out += "<g font-size=\"12\" font-weight=\"bold\" fill=\"\(colours[0])\" text-anchor=\"middle\">\n"
            for (index, value) in main.values.enumerated() {
                guard let value else { continue }
                out += "<text x=\"\(x(index))\" y=\"\(max(12, y(value) - 8))\">\(value)</text>\n"
            }
            out += "</g>\n"
        }
        if legend {
            out += "<g font-size=\"12\" fill=\"#1b1b1b\">\n"
            for (number, serie) in series.enumerated() {
                let column = number % 3, row = number / 3
                let lx = left + column * 220, ly = height + row * 20
                let colour = colours[number % colours.count], dash = dashes[number % dashes.count]
                out += "<line x1=\"\(lx)\" y1=\"\(ly - 4)\" x2=\"\(lx + 28)\" y2=\"\(ly - 4)\" stroke=\"\(colour)\" stroke-width=\"\(number == 0 ? 3 : 2)\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
                out += "<text x=\"\(lx + 34)\" y=\"\(ly)\">\(escapeHTML(serie.name))</text>\n"
            }
            out += "</g>\n"
        }
        return out + "</svg>\n"
    }

    /// One bar per label with its value written above it.
    public static func bars(id: String, title: String, description: String, labels: [String], values: [Int], standalone: Bool = false) -> String {
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let top_ = max(1, values.max() ?? 1)
        let slot = labels.isEmpty ? plotWidth : plotWidth / labels.count
        let barWidth = max(4, slot * 3 / 5)
        var out = open(id: id, title: title, description: description, width: width, height: height, standalone: standalone)
        out += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - right)\" y2=\"\(top + plotHeight)\" stroke=\"#595959\" stroke-width=\"1\"/>\n"
        out += "<g font-size=\"12\" fill=\"#1b1b1b\" text-anchor=\"middle\">\n"
        for (index, value) in values.enumerated() where index < labels.count {
            let barHeight = value * (plotHeight - 16) / top_
            let x = left + index * slot + (slot - barWidth) / 2
            let barTop = top + plotHeight - barHeight
            if barHeight > 0 {
                out += "<rect x=\"\(x)\" y=\"\(barTop)\" width=\"\(barWidth)\" height=\"\(barHeight)\" fill=\"\(colours[0])\"/>\n"
            }
            out += "<text x=\"\(x + barWidth / 2)\" y=\"\(barTop - 4)\">\(value)</text>\n"
        }
        for index in labelIndices(labels.count) {
            out += "<text x=\"\(left + index * slot + slot / 2)\" y=\"\(height - bottom + 18)\">\(escapeHTML(labels[index]))</text>\n"
        }
        out += "</g>\n"
        return out + "</svg>\n"
    }

    private static func open(id: String, title: String, description: String, width: Int, height: Int, standalone: Bool) -> String {
        let namespace = standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : ""
        let safeID = escapeHTML(id)
        return "<svg\(namespace) class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" "
            + "aria-labelledby=\"\(safeID)-title \(safeID)-desc\" font-family=\"system-ui, sans-serif\">\n"
            + "<title id=\"\(safeID)-title\">\(escapeHTML(title))</title>\n<desc id=\"\(safeID)-desc\">\(escapeHTML(description))</desc>\n"
    }

    /// At most 12 evenly spaced labels, always the first and the last, so they never overlap.
    static func labelIndices(_ count: Int) -> [Int] {
        guard count > 0 else { return [] }
        guard count > 12 else { return Array(0..<count) }
        let step = (count + 10) / 11
        var indices = Array(stride(from: 0, to: count - 1, by: step))
        if let last = indices.last, count - 1 - last < step / 2 { indices.removeLast() }
        return indices + [count - 1]
    }

    /// Runs of consecutive indices with a value: a missing value breaks the line.
    static func segments(_ values: [Int?]) -> [[Int]] {
        var result: [[Int]] = [], current: [Int] = []
        for (index, value) in values.enumerated() {
            if value != nil { current.append(index) } else if !current.isEmpty { result.append(current); current = [] }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
