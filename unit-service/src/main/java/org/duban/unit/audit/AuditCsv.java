package org.duban.unit.audit;

import java.util.List;

/** The audit page as CSV: a header row in Chinese, RFC 4180 quoting, a BOM so that spreadsheet programs read UTF-8. */
final class AuditCsv {

    private static final String HEADER = "时间,服务,操作人,角色,单位,操作,路径,对象,状态,来源地址,转发链,客户端,请求号";

    private AuditCsv() {
    }

    static String write(List<AuditEntryView> entries) {
        StringBuilder out = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (AuditEntryView e : entries) {
            out.append(String.join(",", List.of(
                    quote(e.at().toString()), quote(e.service()), quote(e.actor()), quote(String.join(" ", e.roles())),
                    quote(e.unitCode()), quote(e.action()), quote(e.path()), quote(e.resourceId()),
                    Integer.toString(e.status()), quote(e.address()), quote(e.forwardedFor()), quote(e.userAgent()),
                    quote(e.requestId())))).append("\r\n");
        }
        return out.toString();
    }

    /** Quoted; a leading = + - @ is defused so that a spreadsheet does not run it as a formula. */
    static String quote(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
