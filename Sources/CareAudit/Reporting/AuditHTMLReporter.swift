/// One self-contained page for the monthly sign-off: summary tiles, minutes by claiming category
/// as an inline SVG bar chart, the invoice pre-check, and the findings in a table that sorts by
/// column and filters by rule and staff. No network, no external assets; prints cleanly.
public struct AuditHTMLReporter: AuditReporter {
    public init() {}

    public func render(_ result: AuditResult) -> String {
        let totals = result.totals
        let e = ReportText.xml
        var html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>care-audit \(e(result.period.description))</title>
        <style>
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1d1d1f}
        h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
        .tiles{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
        .tile{border:1px solid #ccd;border-radius:8px;padding:.75rem 1rem;min-width:9rem}
        .tile b{display:block;font-size:1.4rem}.error{color:#b00020}.warning{color:#8a5a00}.info{color:#005a8a}
        table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e3e3e8;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#f4f4f7;cursor:pointer;user-select:none}td.n,th.n{text-align:right}
        .filters{display:flex;gap:.75rem;margin:.5rem 0}.filters input,.filters select{padding:.3rem;font:inherit}
        .loc{font-family:ui-monospace,monospace;font-size:12px;color:#555}.nw{white-space:nowrap}
        @media print{.filters{display:none}th{cursor:auto}body{margin:0}tr{break-inside:avoid}}
        </style></head><body>
        <h1>CARE Act claiming audit: \(e(result.period.description))</h1>
        <p>care-audit \(e(CareAuditVersion.current)) · period \(e(result.period.first.description)) to \(e(result.period.last.description))</p>
        <div class="tiles">
        <div class="tile error"><b>\(totals.findingsBySeverity[.error] ?? 0)</b>errors</div>
        <div class="tile warning"><b>\(totals.findingsBySeverity[.warning] ?? 0)</b>warnings</div>
        <div class="tile info"><b>\(totals.findingsBySeverity[.info] ?? 0)</b>info</div>
        <div class="tile"><b>\(e(hoursText(result.invoice.whole.total.net)))</b>CARE hours net</div>
        <div class="tile"><b>\(e(result.invoice.exposureTotal.display))</b>billing exposure</div>
        </div>

        """
        html += "<h2>Inputs</h2><table><tr><th>file</th><th>kind</th><th class=n>rows</th><th class=n>accepted</th><th class=n>rejected</th></tr>\n"
        for input in result.inputs {
            html += "<tr><td class=loc>\(e(input.path))</td><td>\(input.kind?.rawValue ?? "file")</td><td class=n>\(grouped(input.rows))</td>"
            html += "<td class=n>\(grouped(input.accepted))</td><td class=n>\(grouped(input.rejected))</td></tr>\n"
        }
        html += "</table>\n<h2>Minutes by claiming category</h2>\n" + chart(totals.minutesByCategory)
        html += "<h2>CARE invoice</h2>\n" + InvoiceText.headline(result).map { "<p>\(e($0))</p>" }.joined(separator: "\n") + "\n"
        if !result.skipped.isEmpty {
            html += "<h2>Rules not run</h2><ul>" + result.skipped.map { "<li><b>\($0.rule)</b>: \(e($0.reason))</li>" }.joined() + "</ul>\n"
        }
        html += "<h2>Findings (\(grouped(result.findings.count)))</h2>\n"
        let rules = Array(Set(result.findings.map(\.rule))).sorted()
        html += "<div class=filters><select id=rule><option value=\"\">all rules</option>"
        html += rules.map { "<option>\($0)</option>" }.joined()
        html += "</select><input id=staff placeholder=\"staff id\"><span id=count></span></div>\n"
        html += "<table id=findings><thead><tr><th>rule</th><th>severity</th><th>staff</th><th>date</th><th class=n>minutes</th><th class=n>amount</th><th>finding</th><th>records</th></tr></thead><tbody>\n"
        for finding in result.findings {
            html += "<tr><td>\(finding.rule)</td><td class=\(finding.severity.rawValue)>\(finding.severity.rawValue)</td>"
            html += "<td class=nw>\(e(finding.staffID ?? ""))</td><td class=nw>\(finding.date?.description ?? "")</td>"
            html += "<td class=n>\(finding.minutes.map(String.init) ?? "")</td><td class=n>\(finding.amount?.description ?? "")</td>"
            html += "<td>\(e(finding.message))</td><td class=loc>\(e(ReportText.locations(finding)))</td></tr>\n"
        }
        html += """
        </tbody></table>
        <script>
        (function(){
          var table=document.getElementById('findings'),rule=document.getElementById('rule'),staff=document.getElementById('staff'),count=document.getElementById('count');
          function filter(){var r=rule.value,s=staff.value.trim().toLowerCase(),shown=0;
            Array.prototype.forEach.call(table.tBodies[0].rows,function(row){
              var ok=(!r||row.cells[0].textContent===r)&&(!s||row.cells[2].textContent.toLowerCase().indexOf(s)>=0);
              row.style.display=ok?'':'none';if(ok)shown++;});
            count.textContent=shown+' shown';}
          rule.onchange=filter;staff.oninput=filter;filter();
          Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){var asc=true;th.onclick=function(){
            var rows=Array.prototype.slice.call(table.tBodies[0].rows),num=th.className==='n';
            rows.sort(function(a,b){var x=a.cells[i].textContent,y=b.cells[i].textContent;
              var c=num?(parseFloat(x)||0)-(parseFloat(y)||0):x.localeCompare(y);return asc?c:-c;});
            asc=!asc;rows.forEach(function(row){table.tBodies[0].appendChild(row);});};});
        })();
        </script>
        </body></html>

        """
        return html
    }

    /// A horizontal bar per category, scaled to the largest.
    private func chart(_ minutes: [ClaimingCategory: Int]) -> String {
        let rows = ClaimingCategory.allCases.filter { (minutes[$0] ?? 0) > 0 }
        let largest = max(rows.map { minutes[$0]! }.max() ?? 1, 1)
        let rowHeight = 24, labelWidth = 190, barWidth = 460
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 120)\" height=\"\(rows.count * rowHeight + 8)\" role=\"img\" aria-label=\"minutes by claiming category\">\n"
        for (index, category) in rows.enumerated() {
            let value = minutes[category]!
            let width = max(1, value * barWidth / largest)
            let y = index * rowHeight + 4
            let fill = category.isCareClaimable ? "#2f6fbd" : category == .directService ? "#2e8b57" : category == .unclassified ? "#b00020" : "#9aa0a6"
            svg += "<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\">\(category.rawValue)</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(width)\" height=\"18\" fill=\"\(fill)\"/>"
            svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\" font-size=\"12\">\(grouped(value)) min</text>\n"
        }
        return svg + "</svg>\n"
    }
}
