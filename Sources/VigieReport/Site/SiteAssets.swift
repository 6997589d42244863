import VigieCore

/// The site's stylesheet and script, written as files next to the pages (the content security
/// policy forbids inline ones). The script only enhances: every page reads the same without it.
enum SiteAssets {
    static var css: String {
        var grades = ""
        for grade in Grade.allCases {
            grades += ".grade-\(grade.rawValue.lowercased()) { background: \(GradePalette.background(grade)); }\n"
        }
        return """
        /* vigie site: system fonts, AA contrast (text ≥ 4.5:1, graphics ≥ 3:1), visible focus everywhere. */
        :root { color-scheme: light; --ink: #1b1b1b; --muted: #4d4d4d; --line: #c8c8c8; --accent: #1f4e8c; --paper: #ffffff; --soft: #f3f5f8; }
        *, *::before, *::after { box-sizing: border-box; }
        html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; font-size: 100%; line-height: 1.5; color: var(--ink); background: var(--paper); }
        body { margin: 0; overflow-wrap: break-word; }
        .wrap { max-width: 90rem; margin: 0 auto; padding: 0 1rem; }
        a { color: var(--accent); text-underline-offset: 0.15em; }
        a:hover { text-decoration-thickness: 2px; }
        :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; box-shadow: 0 0 0 5px #ffffff; }
        main:focus { outline: none; }
        .skip-link { position: absolute; left: 1rem; top: -10rem; z-index: 10; padding: 0.5rem 1rem; background: var(--ink); color: #ffffff; font-weight: bold; }
        .skip-link:focus { top: 0.5rem; }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        .site-header { background: var(--soft); border-bottom: 1px solid var(--line); }
        .site-header .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 2rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
        .site-name { margin: 0; font-weight: bold; font-size: 1.25rem; }
        .site-name a { color: var(--ink); text-decoration: none; }
        .site-context { font-weight: normal; color: var(--muted); }
        .site-header nav ul { display: flex; gap: 1.5rem; margin: 0; padding: 0; list-style: none; }
        .site-header nav a[aria-current="page"] { font-weight: bold; text-decoration-thickness: 3px; }
        .breadcrumb ol { display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; margin: 1rem 0 0; padding: 0; list-style: none; color: var(--muted); }
        .breadcrumb li + li::before { content: "›"; margin-right: 0.5rem; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 1.25rem 0 0.5rem; overflow-wrap: anywhere; }
        h2 { font-size: 1.5rem; margin: 2rem 0 0.75rem; border-bottom: 2px solid var(--line); padding-bottom: 0.25rem; }
        h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; overflow-wrap: anywhere; }
        .lede { color: var(--muted); font-size: 1.05rem; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; overflow-wrap: anywhere; }
        .table-wrap { overflow-x: auto; margin: 0.5rem 0 1rem; }
        table { border-collapse: collapse; width: 100%; }
        caption { text-align: left; font-weight: bold; padding: 0.25rem 0 0.5rem; }
        th, td { border-bottom: 1px solid var(--line); padding: 0.45rem 0.6rem; text-align: left; vertical-align: top; }
        thead th { background: var(--soft); border-bottom: 2px solid var(--ink); white-space: nowrap; }
        tbody th { font-weight: 600; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        th.num { text-align: right; }
        .grade { display: inline-block; min-width: 1.9em; padding: 0.05em 0.45em; border-radius: 0.3em; color: #ffffff; font-weight: bold; text-align: center; }
        \(grades).grade-none { background: #595959; }
        .headline { display: flex; align-items: center; gap: 0.75rem; font-size: 1.3rem; margin: 0.25rem 0 1rem; }
        .headline .grade { font-size: 1.6rem; }
        .status { white-space: nowrap; font-weight: 600; }
        .status-pass { color: #116329; }
        .status-warn { color: #7d5a00; }
        .status-fail { color: #b3261e; }
        .status-error { color: #8f3b76; }
        .status-skip { color: #4d4d4d; }
        .status-exempt { color: #1f4e8c; }
        .trend { white-space: nowrap; }
        .trend-up { color: #116329; }
        .trend-down { color: #b3261e; font-weight: bold; }
        .sparkline { vertical-align: middle; }
        .facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 0.5rem 1.5rem; margin: 0 0 1rem; }
        .facts div { border-left: 3px solid var(--line); padding-left: 0.6rem; }
        .facts dt { font-weight: bold; color: var(--muted); }
        .facts dd { margin: 0; overflow-wrap: anywhere; }
        .evidence { margin: 0.35rem 0 0; padding-left: 1.2rem; }
        .exemption { margin: 0.35rem 0 0; color: #1f4e8c; }
        .partial-note { border-left: 4px solid #8a4b00; padding: 0.3rem 0.6rem; color: #5c3200; background: #fff4e5; }
        .finding { border-left: 4px solid var(--line); padding: 0 0 0 1rem; margin: 1rem 0 1.5rem; }
        .finding-fail { border-left-color: #b3261e; }
        .finding-warn { border-left-color: #7d5a00; }
        .finding-error { border-left-color: #8f3b76; }
        figure { margin: 1rem 0; }
        figcaption { color: var(--muted); margin-top: 0.25rem; }
        svg.chart { max-width: 100%; height: auto; }
        details { margin: 0.5rem 0 1rem; }
        summary { cursor: pointer; color: var(--accent); }
        .table-tools { display: flex; flex-wrap: wrap; align-items: end; gap: 0.5rem 1rem; }
        .table-tools label { display: block; font-weight: bold; }
        .table-tools select { font: inherit; padding: 0.3rem 0.5rem; border: 2px solid var(--muted); border-radius: 0.25rem; background: var(--paper); color: var(--ink); max-width: 100%; }
        .table-tools input { font: inherit; padding: 0.35rem 0.5rem; border: 2px solid var(--muted); border-radius: 0.25rem; min-width: min(16rem, 100%); max-width: 100%; }
        .table-tools p { margin: 0; color: var(--muted); }
        th button { font: inherit; font-weight: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
        th button::after { content: " ↕"; color: var(--muted); }
        th[aria-sort="ascending"] button::after { content: " ▲"; color: var(--ink); }
        th[aria-sort="descending"] button::after { content: " ▼"; color: var(--ink); }
        tr[hidden] { display: none; }
        .site-footer { margin-top: 3rem; border-top: 1px solid var(--line); background: var(--soft); color: var(--muted); font-size: 0.9rem; }
        .site-footer .wrap { padding-top: 1rem; padding-bottom: 1rem; }
        @media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
        .lede + .exports { margin-top: -0.5rem; }
        .exports-note { color: var(--muted); }
        .overview { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); gap: 0 2rem; }
        .overview figure { margin-bottom: 0.25rem; }
        /* The cohort matrix: fits 1280 px, header row sticky, category headings written vertically. */
        .table-fits { margin: 0.5rem 0 1rem; }
        table.matrix { font-size: 0.9rem; }
        table.matrix th, table.matrix td { padding: 0.3rem 0.35rem; vertical-align: middle; }
        table.matrix thead th { position: sticky; top: 0; z-index: 2; vertical-align: bottom; white-space: normal; }
        table.matrix th.category { text-align: center; padding: 0.3rem 0.1rem; }
        table.matrix th.category button { display: inline-flex; flex-direction: column; align-items: center; }
        .category-label { display: inline-block; writing-mode: vertical-rl; transform: rotate(180deg); max-height: 8.5rem; text-align: left; line-height: 1.15; }
        table.matrix tbody th { min-width: 9rem; max-width: 17rem; overflow-wrap: anywhere; }
        table.matrix .meta { display: block; font-size: 0.8rem; font-weight: normal; color: var(--muted); }
        table.matrix td.score-cell, table.matrix td.cell { white-space: nowrap; }
        td.cell { text-align: center; min-width: 3.2em; border-left: 2px solid var(--paper); }
        td.cell .letter { font-weight: bold; }
        .cell-a { background: #d3ecd9; }
        .cell-b { background: #e3efc8; }
        .cell-c { background: #fbecb5; }
        .cell-d { background: #fad8bd; }
        .cell-e { background: #f6cdc9; }
        .cell-none { color: var(--muted); }
        .state { display: inline-block; padding: 0 0.3rem; border: 1px solid; border-radius: 0.2rem; font-size: 0.8rem; font-weight: normal; white-space: nowrap; }
        .state-error { color: #b3261e; }
        .state-partial { color: #8a4b00; }
        .fix-first { padding-left: 1.5rem; }
        .fix-first h2 { font-size: 1.25rem; border: 0; margin: 1.5rem 0 0.25rem; }
        .fix-cost { margin: 0; color: var(--muted); }
        .fix-list-label { margin: 0.5rem 0 0; font-weight: bold; }
        .inline-list { display: flex; flex-wrap: wrap; gap: 0.1rem 1rem; margin: 0; padding: 0; list-style: none; }
        .inline-list li { overflow-wrap: anywhere; }
        .fix-summary li { margin: 0.25rem 0; }
        /* Below 64 rem each repository of the matrix becomes a card: name, then its figures, each labelled. */
        @media screen and (max-width: 64rem) {
          table.matrix thead { display: none; }
          table.matrix, table.matrix tbody, table.matrix caption { display: block; }
          table.matrix tr { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem; padding: 0.5rem 0; border-bottom: 1px solid var(--line); }
          table.matrix tbody th { flex: 1 1 100%; max-width: none; min-width: 0; border: 0; padding: 0; }
          table.matrix td { border: 0; padding: 0.1rem 0.35rem; }
          table.matrix td[data-label]::before { content: attr(data-label) " "; font-size: 0.75rem; }
          .table-tools:has(+ .table-fits) > p:not([role]) { display: none; } /* the hint about column headings */
        }
        /* Print (A4): no navigation, no tools; rows, findings and charts kept whole; the colours printed. */
        @page { size: A4; margin: 12mm 10mm; }
        @media print {
          *, *::before, *::after { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          html { font-size: 9pt; }
          .skip-link, .table-tools, .site-header nav, .breadcrumb, .exports, details, th button::after { display: none; }
          .site-header, .site-footer { background: none; border: 0; margin: 0; }
          .wrap { max-width: none; padding: 0; }
          h1 { margin-top: 0; }
          a { color: inherit; text-decoration: none; }
          .table-wrap { overflow: visible; }
          thead { display: table-header-group; }
          table.matrix thead th { position: static; }
          tr, li, .finding, figure, .facts div, .fix-item { break-inside: avoid; }
          h2, h3, caption { break-after: avoid; }
          .overview { grid-template-columns: 1fr 1fr; }
          svg.chart { max-height: 55mm; }
        }

        """
    }

    /// Sortable and filterable tables: buttons in the column headings (keyboard-operable, `aria-sort`
    /// kept up to date, the order announced in a polite live region) and a labelled search field.
    /// Labels come from the page's `data-label-*` attributes, so the script has no language of its own.
    static let javascript = """
    // vigie site: progressive enhancement only. Without this script every table is complete and readable.
    (function () {
      "use strict";
      function cellValue(row, index, numeric) {
        var cell = row.children[index];
        if (!cell) { return numeric ? null : ""; }
        var raw = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
        if (!numeric) { return raw.toLocaleLowerCase(); }
        if (raw === "") { return null; }
        var number = parseFloat(raw.replace("\\u2212", "-"));
        return isNaN(number) ? null : number;
      }
      function fold(text) {
        return text.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLocaleLowerCase();
      }
      function enhance(tools) {
        var table = document.getElementById(tools.getAttribute("data-table"));
        if (!table || !table.tBodies.length) { return; }
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var status = document.createElement("p");
        status.setAttribute("role", "status");
        status.className = "visually-hidden";
        var field = document.createElement("div");
        var label = document.createElement("label");
        var input = document.createElement("input");
        input.type = "search";
        input.id = table.id + "-filter";
        input.setAttribute("autocomplete", "off");
        label.htmlFor = input.id;
        label.textContent = tools.getAttribute("data-label-filter");
        field.appendChild(label);
        field.appendChild(input);
        var hint = document.createElement("p");
        hint.textContent = tools.getAttribute("data-label-hint");
        tools.appendChild(field);
        tools.appendChild(hint);
        tools.appendChild(status);
        // Lists (team, cohort) from the tools' data-filter-<key> attributes, values from the rows' data-<key>.
        var selects = [];
        Array.prototype.forEach.call(tools.attributes, function (attribute) {
          if (attribute.name.indexOf("data-filter-") !== 0) { return; }
          var key = attribute.name.slice("data-filter-".length);
          var values = [];
          rows.forEach(function (row) {
            var value = row.getAttribute("data-" + key) || "";
            if (value !== "" && values.indexOf(value) === -1) { values.push(value); }
          });
          values.sort(function (a, b) { return a.localeCompare(b); });
          var box = document.createElement("div");
          var name = document.createElement("label");
          var select = document.createElement("select");
          select.id = table.id + "-filter-" + key;
          name.htmlFor = select.id;
          name.textContent = attribute.value;
          [""].concat(values).forEach(function (value) {
            var option = document.createElement("option");
            option.value = value;
            option.textContent = value === "" ? tools.getAttribute("data-label-all") : value;
            select.appendChild(option);
          });
          box.appendChild(name);
          box.appendChild(select);
          tools.insertBefore(box, hint);
          selects.push({key: key, select: select, box: box});
        });
        function apply() {
          var query = fold(input.value.trim());
          var shown = 0;
          rows.forEach(function (row) {
            var match = query === "" || fold(row.textContent).indexOf(query) !== -1;
            selects.forEach(function (filter) {
              if (filter.select.value !== "" && row.getAttribute("data-" + filter.key) !== filter.select.value) { match = false; }
            });
            row.hidden = !match;
            if (match) { shown += 1; }
          });
          status.textContent = shown + " " + tools.getAttribute("data-label-rows") + " " + rows.length;
        }
        input.addEventListener("input", apply);
        selects.forEach(function (filter) { filter.select.addEventListener("change", apply); });
        var headers = table.tHead ? table.tHead.rows[0].cells : [];
        Array.prototype.forEach.call(headers, function (header, index) {
          var button = document.createElement("button");
          button.type = "button";
          while (header.firstChild) { button.appendChild(header.firstChild); }
          header.appendChild(button);
          button.addEventListener("click", function () {
            var numeric = header.getAttribute("data-type") === "number";
            var ascending = header.getAttribute("aria-sort") !== "ascending";
            Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
            header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
            var sorted = rows.slice().sort(function (a, b) {
              var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
              if (x === y) { return 0; }
              if (x === null) { return 1; }
              if (y === null) { return -1; }
              var order = numeric ? x - y : x.localeCompare(y);
              return ascending ? order : -order;
            });
            sorted.forEach(function (row) { body.appendChild(row); });
            status.textContent = tools.getAttribute("data-label-sorted") + " " + button.textContent.trim() + ", " +
              tools.getAttribute(ascending ? "data-label-ascending" : "data-label-descending");
          });
        });
      }
      document.addEventListener("DOMContentLoaded", function () {
        Array.prototype.forEach.call(document.querySelectorAll(".table-tools[data-table]"), enhance);
      });
    })();

    """
}
