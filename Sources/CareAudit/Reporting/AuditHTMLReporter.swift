import Foundation

/// One self-contained page a finance manager signs: the money line first, what was read (with
/// SHA-256s, the configuration hash, the tool version and when), the invoice worksheet with its
/// ledger, the exposure, the findings (filter by severity, rule and staff id or name; sort by any
/// column), and a sign-off block for the printed copy. No network, no external assets; readable
/// at phone width; printed, headings stay with their tables and the filter in force is shown.
package struct AuditHTMLReporter: AuditReporter {
    /// When the run started (`SOURCE_DATE_EPOCH` fixes it); nil leaves the time out.
    package var invocation: Invocation?
    /// Rows of the ledger, exposure and pending review tables shown before an honest count.
    package var maxRows = 500

    package init(invocation: Invocation? = nil) {
        self.invocation = invocation
    }

    private let e = ReportText.xml

    package func render(_ result: AuditResult) -> String {
        let invoice = result.invoice
        let totals = result.totals
        let headline = InvoiceText.headline(result)
        var html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>CARE invoice \(e(invoice.period.description)): care-audit sign-off</title>
            <style>\(Self.style)</style></head><body>
            <header><h1>CARE Act claiming audit: \(e(result.period.description))</h1>
            <p class=meta>\(e(result.period.first.description)) to \(e(result.period.last.description))\(result.periodInferred ? " (no period given: the month holding most records)" : "")
            · care-audit \(e(CareAuditVersion.current))\(invocation.map { " · generated \(e(Self.timestamp($0.start)))" } ?? "")
            · configuration \(e(ReportText.configuration(result))) <span class=hash title="SHA-256 of the configuration in effect (care-audit config)">\(result.configurationHash.prefix(16))…</span></p></header>
            <section class=money>

            """
        html += headline.map { line in
            let kind =
                line.hasPrefix("CARE invoice, ")
                ? " class=net" : line.hasPrefix("INCOMPLETE") || line.hasPrefix("Not checked") ? " class=alert" : ""
            return "<p\(kind)>\(e(line.trimmingCharacters(in: .whitespaces)))</p>"
        }.joined(separator: "\n")
        html += """

            <div class=tiles>
            <div class=tile><b>\(e(hoursText(invoice.whole.total.net)))</b>CARE hours net</div>
            \(invoice.hourlyRate.cents > 0 ? "<div class=tile><b>\(e(invoice.amount(invoice.whole.total.net).display))</b>to invoice</div>" : "")
            <div class=tile><b>\(e(hoursText(invoice.whole.total.removedTotal)))</b>hours adjusted</div>
            <div class=tile><b>\(e(invoice.exposureTotal.display))</b>billing exposure</div>
            <div class=tile><b>\(e(hoursText(invoice.pendingMinutes)))</b>hours pending review</div>
            <div class="tile error"><b>\(grouped(totals.findingsBySeverity[.error] ?? 0))</b>errors</div>
            <div class="tile warning"><b>\(grouped(totals.findingsBySeverity[.warning] ?? 0))</b>warnings</div>
            <div class="tile info"><b>\(grouped(totals.findingsBySeverity[.info] ?? 0))</b>info</div>
            </div></section>

            """
        html += section(
            "Inputs",
            table(
                ["file and SHA-256", "kind", "rows", "accepted", "rejected"], numeric: [2, 3, 4],
                result.inputs.map { input in
                    [
                        "<span class=loc>\(e(input.path))</span><br><span class=hash>\(e(input.sha256))</span>",
                        input.kind?.rawValue ?? "file",
                        grouped(input.rows), grouped(input.accepted), grouped(input.rejected),
                    ]
                }))
        html += section("Minutes by claiming category", "<div class=scroll>" + chart(totals.minutesByCategory) + "</div>")
        html += section("CARE invoice worksheet", worksheet(invoice))
        html += section("Adjustments ledger (\(grouped(invoice.ledger.count)))", ledger(invoice))
        html += section(
            "Billing exposure (\(counted(invoice.exposure.count, "claim line")))",
            capped(invoice.exposure.count) {
                table(
                    ["rule", "severity", "record", "date", "amount", "named by"], numeric: [4],
                    invoice.exposure.prefix(maxRows).map { line in
                        [
                            line.rule, severity(line.severity), reference(line.record), "<span class=nw>\(line.day)</span>",
                            e(line.amount.display), line.rules.joined(separator: ", "),
                        ]
                    })
            })
        if !invoice.pending.isEmpty {
            html += section(
                "Pending review (not deducted)",
                capped(invoice.pending.count) {
                    table(
                        ["rule", "severity", "record", "date", "category", "minutes", "note"], numeric: [5],
                        invoice.pending.prefix(maxRows).map { row in
                            [
                                row.rule, severity(row.severity), reference(row.record), "<span class=nw>\(row.day)</span>",
                                e(row.category.label), grouped(row.minutes), e(row.note ?? ""),
                            ]
                        })
                })
        }
        if !result.skipped.isEmpty {
            html += section(
                "Rules not run", "<ul>" + result.skipped.map { "<li><b>\($0.rule)</b>: \(e($0.reason))</li>" }.joined() + "</ul>")
        }
        html += findings(result)
        if !result.setAside.isEmpty {
            html += section(
                "Set aside by review (\(grouped(result.setAside.count)))",
                table(
                    ["rule", "severity", "finding", "decision"],
                    result.setAside.map { finding in
                        [
                            e(finding.rule), severity(finding.severity), e(finding.message),
                            e(result.decision(for: finding).map(AuditTextReporter.describe) ?? ""),
                        ]
                    }))
        }
        if !result.staleDecisions.isEmpty {
            html += section(
                "Stale decisions (\(grouped(result.staleDecisions.count))): their finding no longer occurs",
                table(
                    ["where", "rule", "finding", "decision"],
                    result.staleDecisions.map { decision in
                        [
                            "<span class=loc>\(e(decision.source.location))</span>", e(decision.rule), e(decision.message),
                            e(AuditTextReporter.describe(decision)),
                        ]
                    }))
        }
        html += section("Net CARE minutes by staff", staff(invoice))
        html += """
            <section class=signoff><h2>Sign-off</h2>
            <p>I have reviewed the findings above and the CARE invoice for \(e(invoice.period.description)).</p>
            <div class=sign><div><span>Prepared by</span></div><div><span>Date</span></div></div>
            <div class=sign><div><span>Reviewed by</span></div><div><span>Date</span></div></div>
            </section>
            <script>\(Self.script)</script>
            </body></html>

            """
        return html
    }

    // MARK: - Sections

    /// A heading kept with what follows it, in print too.
    private func section(_ title: String, _ body: String) -> String {
        "<section><h2>\(e(title))</h2>\n\(body)</section>\n"
    }

    /// A table in a box that scrolls sideways on a narrow screen; `numeric` columns align right.
    private func table(_ headers: [String], numeric: Set<Int> = [], _ rows: [[String]], totals: Set<Int> = []) -> String {
        var out = "<div class=scroll><table><thead><tr>"
        for (index, header) in headers.enumerated() {
            out += numeric.contains(index) ? "<th class=n>\(e(header))</th>" : "<th>\(e(header))</th>"
        }
        out += "</tr></thead><tbody>\n"
        for (number, row) in rows.enumerated() {
            out += totals.contains(number) ? "<tr class=total>" : "<tr>"
            for (index, cell) in row.enumerated() { out += numeric.contains(index) ? "<td class=n>\(cell)</td>" : "<td>\(cell)</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    /// `body`, then "N more" when `count` passes `maxRows`.
    private func capped(_ count: Int, _ body: () -> String) -> String {
        guard count > 0 else { return "<p>None.</p>\n" }
        return body() + (count > maxRows ? "<p>\(grouped(count - maxRows)) more not shown: see the JSON report.</p>\n" : "")
    }

    private func worksheet(_ invoice: Invoice) -> String {
        let reasons = invoice.reasons
        let paid = invoice.hourlyRate.cents > 0
        var rows: [[String]] = []
        var totals: Set<Int> = []
        for line in invoice.rows() {
            if line.category == nil { totals.insert(rows.count) }
            let minutes = line.minutes
            rows.append(
                [
                    "<span class=nw>\(e(line.isPeriod ? "\(line.period) (period)" : line.period.description))</span>",
                    e(line.category?.label ?? "total"),
                    grouped(minutes.gross),
                ] + reasons.map { grouped(minutes.removed[$0] ?? 0) }
                    + [grouped(minutes.net), hoursText(minutes.net)] + (paid ? [e(invoice.amount(minutes.net).display)] : []))
        }
        let headers = ["month", "category", "gross min"] + reasons.map { "− \($0)" } + ["net min", "net h"] + (paid ? ["amount"] : [])
        let note =
            "<p class=note>Minutes removed by rule (docs/MONEY.md); each entry loses each minute once.\(paid ? " Dollars at \(e(invoice.hourlyRate.display))/h, each figure from its own minutes, rounded half up to the cent." : " No care.hourly_rate configured: minutes only.")</p>\n"
        return table(headers, numeric: Set(2..<headers.count), rows, totals: totals) + note
    }

    private func ledger(_ invoice: Invoice) -> String {
        let paid = invoice.hourlyRate.cents > 0
        return capped(invoice.ledger.count) {
            table(
                ["rule", "severity", "record", "staff", "date", "category", "minutes"] + (paid ? ["amount"] : []) + ["note"],
                numeric: paid ? [6, 7] : [6],
                invoice.ledger.prefix(maxRows).map { row in
                    [
                        row.rule, severity(row.severity), reference(row.record), e(row.staffID ?? ""), "<span class=nw>\(row.day)</span>",
                        e(row.category.label),
                        grouped(row.minutes),
                    ] + (paid ? [e(row.amount.display)] : []) + [e(row.note ?? "")]
                })
        }
    }

    private func staff(_ invoice: Invoice) -> String {
        let used = ClaimingCategory.claimable.filter { category in invoice.staff.contains { $0.category == category } }
        guard !used.isEmpty else { return "<p>None.</p>\n" }
        let people = Dictionary(grouping: invoice.staff, by: \.staffID)
        let rows = people.keys.sorted().map { id -> [String] in
            let lines = people[id]!
            return [e(id), "<span class=nw>\(e(lines[0].name ?? ""))</span>"]
                + used.map { category in lines.first { $0.category == category }.map { grouped($0.minutes.net) } ?? "" }
                + [grouped(lines.reduce(0) { $0 + $1.minutes.net })]
        }
        return table(["staff", "name"] + used.map(\.label) + ["net"], numeric: Set(2..<(used.count + 3)), rows)
    }

    private func findings(_ result: AuditResult) -> String {
        var html = "<section><h2>Findings (\(grouped(result.findings.count)))</h2>\n"
        let rules = Set(result.findings.map(\.rule)).sorted()
        html += "<div class=filters><label>severity <select id=severity><option value=\"\">all</option>"
        html += Severity.allCases.reversed().map { "<option>\($0.rawValue)</option>" }.joined()
        html += "</select></label><label>rule <select id=rule><option value=\"\">all</option>"
        html += rules.map { "<option>\($0)</option>" }.joined()
        html += "</select></label><label>staff <input id=staff placeholder=\"id or name\"></label></div>\n"
        html += "<p id=state class=state>Showing all \(grouped(result.findings.count)) findings.</p>\n"
        html += "<div class=scroll><table id=findings class=cards><thead><tr><th>rule</th><th>severity</th><th>staff</th><th>date</th>"
        html += "<th class=n>minutes</th><th class=n>amount</th><th>finding</th><th>records</th></tr></thead><tbody>\n"
        for finding in result.findings {
            let staff = finding.staffID.map { id in result.staffNames[id].map { "\($0) (\(id))" } ?? id } ?? ""
            let amount = finding.amount.map { "\($0.display)" + (finding.money.map { "<br><small>\($0.total.label)</small>" } ?? "") } ?? ""
            html += "<tr><td data-label=rule>\(e(finding.rule))</td>"
            html += "<td data-label=severity data-sort=\(finding.severity.rank)>\(severity(finding.severity))</td>"
            html += "<td data-label=staff>\(e(staff))</td><td data-label=date class=nw>\(finding.date?.description ?? "")</td>"
            html += "<td data-label=minutes class=n>\(finding.minutes.map(grouped) ?? "")</td><td data-label=amount class=n>\(amount)</td>"
            let decision = result.decision(for: finding).map { "<br><small>review: \(e(AuditTextReporter.describe($0)))</small>" } ?? ""
            html += "<td data-label=finding>\(e(finding.message))\(decision)</td>"
            html += "<td data-label=records class=loc>\(finding.records.map { e($0.location) }.joined(separator: "<br>"))</td></tr>\n"
        }
        return html + "</tbody></table></div></section>\n"
    }

    // MARK: - Pieces

    private func severity(_ severity: Severity) -> String {
        "<span class=\(severity.rawValue)>\(severity.rawValue)</span>"
    }

    private func reference(_ record: SourceRef) -> String {
        "<span class=loc>\(e(record.location))</span>" + (record.recordID.map { " \(e($0))" } ?? "")
    }

    /// A horizontal bar per category, scaled to the largest; it shrinks with the page.
    private func chart(_ minutes: [ClaimingCategory: Int]) -> String {
        let rows = ClaimingCategory.allCases.filter { (minutes[$0] ?? 0) > 0 }
        let largest = max(rows.map { minutes[$0]! }.max() ?? 1, 1)
        let rowHeight = 24
        let labelWidth = 250
        let barWidth = 420
        let width = labelWidth + barWidth + 120
        let height = rows.count * rowHeight + 8
        var svg =
            "<svg class=chart xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"minutes by claiming category\">\n"
        for (index, category) in rows.enumerated() {
            let value = minutes[category]!
            let bar = max(1, value * barWidth / largest)
            let y = index * rowHeight + 4
            let fill =
                category.isCareClaimable
                ? "#2f6fbd" : category == .directService ? "#2e8b57" : category == .unclassified ? "#b00020" : "#9aa0a6"
            svg += "<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\">\(e(category.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(bar)\" height=\"18\" fill=\"\(fill)\"/>"
            svg += "<text x=\"\(labelWidth + bar + 6)\" y=\"\(y + 15)\" font-size=\"12\">\(grouped(value)) min</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// `2026-12-01 23:05 UTC`.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    static let style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem;color:#1d1d1f}
        h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
        .meta{color:#555;margin:0}.hash{font-family:ui-monospace,monospace;font-size:11px;word-break:break-all}
        .money{border:2px solid #2f6fbd;border-radius:10px;padding:.75rem 1rem;margin:1rem 0}.money p{margin:.2rem 0}
        .money .net{font-size:1.2rem;font-weight:600}.money .alert{color:#b00020;font-weight:600}
        .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(8.5rem,1fr));gap:.6rem;margin:.75rem 0 0}
        .tile{border:1px solid #ccd;border-radius:8px;padding:.45rem .7rem}.tile b{display:block;font-size:1.25rem}
        .error{color:#b00020}.warning{color:#8a5a00}.info{color:#005a8a}
        .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}.scroll>table:not(.cards),.scroll>svg{min-width:36rem}
        th,td{border-bottom:1px solid #e3e3e8;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#f4f4f7}#findings th{cursor:pointer;user-select:none}td.n,th.n{text-align:right;white-space:nowrap}
        tr.total td{font-weight:600;border-bottom:2px solid #999}
        .filters{display:flex;gap:.75rem;flex-wrap:wrap;margin:.5rem 0}.filters input,.filters select{padding:.3rem;font:inherit}
        .state{color:#555;font-style:italic}.note{color:#555;font-size:12px}
        .loc{font-family:ui-monospace,monospace;font-size:12px;color:#555}.nw{white-space:nowrap}small{color:#555}
        .chart{width:100%;max-width:48rem;height:auto}
        .signoff .sign{display:flex;gap:2rem;margin:2.2rem 0 0}.sign div{flex:1;border-bottom:1px solid #333;min-height:2rem;position:relative}
        .sign span{position:absolute;bottom:-1.3rem;font-size:12px;color:#555}.sign div:last-child{flex:0 0 10rem}
        h2{break-inside:avoid}h2::after{content:"";display:block;height:5rem;margin-bottom:-5rem}
        @media (max-width:640px){body{margin:1rem auto;padding:0 .6rem}.money .net{font-size:1.05rem}
          table.cards thead{display:none}table.cards tr{display:block;border-bottom:2px solid #ccd;padding:.4rem 0}
          table.cards td{display:block;border:0;padding:.1rem 0;text-align:left}
          table.cards td::before{content:attr(data-label) ": ";color:#555;font-size:12px}
          .signoff .sign{gap:1rem}.sign div:last-child{flex:0 0 6rem}}
        @media print{body{margin:0;max-width:none;font-size:11px}.filters{display:none}th{cursor:auto}.scroll{overflow:visible}
          tr{break-inside:avoid}thead{display:table-header-group}.money,.signoff,.tiles{break-inside:avoid}}
        """

    /// Filters (the state is written above the table, so a printed copy says what it holds) and
    /// sorting by any column (severity by rank: error > warning > info).
    static let script = """
        (function(){
          var table=document.getElementById('findings');if(!table)return;
          var sev=document.getElementById('severity'),rule=document.getElementById('rule'),staff=document.getElementById('staff'),state=document.getElementById('state');
          var rows=table.tBodies[0].rows,total=rows.length;
          function filter(){var v=sev.value,r=rule.value,s=staff.value.trim().toLowerCase(),shown=0;
            Array.prototype.forEach.call(rows,function(row){
              var ok=(!v||row.cells[1].textContent===v)&&(!r||row.cells[0].textContent===r)&&(!s||row.cells[2].textContent.toLowerCase().indexOf(s)>=0);
              row.style.display=ok?'':'none';if(ok)shown++;});
            var parts=[];if(v)parts.push('severity '+v);if(r)parts.push('rule '+r);if(s)parts.push('staff matching \\u201c'+staff.value.trim()+'\\u201d');
            state.textContent=parts.length?'Showing '+shown+' of '+total+' findings: '+parts.join(', ')+'.':'Showing all '+total+' findings.';}
          sev.onchange=filter;rule.onchange=filter;staff.oninput=filter;filter();
          Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){var asc=true;th.onclick=function(){
            var list=Array.prototype.slice.call(rows),num=th.className==='n';
            function key(row){var c=row.cells[i];return c.hasAttribute('data-sort')?c.getAttribute('data-sort'):c.textContent;}
            list.sort(function(a,b){var x=key(a),y=key(b);
              var c=(num||a.cells[i].hasAttribute('data-sort'))?(parseFloat(x.replace(/[$,]/g,''))||0)-(parseFloat(y.replace(/[$,]/g,''))||0):x.localeCompare(y);
              return asc?c:-c;});
            asc=!asc;list.forEach(function(row){table.tBodies[0].appendChild(row);});};});
        })();
        """
}
