package org.duban.platform.outbound;

import java.net.InetAddress;
import java.net.URI;

/**
 * A checked destination: connect to {@link #address} (never resolve {@link #host} again) and name
 * {@link #host} in the Host header, TLS SNI and certificate check.
 *
 * @param uri     the URL as registered
 * @param host    its host name (or literal), lower case, without brackets
 * @param port    the port, the scheme's default when the URL has none
 * @param https   whether TLS is used
 * @param address the address that was checked
 */
public record OutboundTarget(URI uri, String host, int port, boolean https, InetAddress address) {

    /** Path and query as sent in the request line ({@code /} when the URL has no path). */
    public String pathAndQuery() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
