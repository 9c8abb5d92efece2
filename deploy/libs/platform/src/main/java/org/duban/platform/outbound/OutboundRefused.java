package org.duban.platform.outbound;

/**
 * An outbound call the policy does not allow. The message says why in words a client or a delivery
 * log can show ("the host oa.example.gov.cn resolves to a private address (10.0.0.0/8)"); it names
 * the address checked but never a secret.
 */
public class OutboundRefused extends Exception {

    public OutboundRefused(String message) {
        super(message, null, false, false);
    }
}
